// Reads the dataset's local names and applies the naming policy (naming.hpp).
#include "gazetteer/naming.hpp"

#include <filesystem>
#include <fstream>

#include "gazetteer/gazetteer.hpp"

namespace mapwire::gazetteer {

std::optional<NameStyle> parse_name_style(std::string_view text) {
    if (text == "english") return NameStyle::english;
    if (text == "local") return NameStyle::local;
    if (text == "both") return NameStyle::both;
    return std::nullopt;
}

std::string_view to_string(NameStyle style) {
    switch (style) {
        case NameStyle::english:
            return "english";
        case NameStyle::local:
            return "local";
        case NameStyle::both:
            return "both";
    }
    return "english";
}

PlaceNaming::PlaceNaming(NamingPolicy policy,
                         std::unordered_map<std::string, std::string> local_names)
    : style_(policy.style), local_(std::move(local_names)) {
    // The first of two overrides of one key wins, as a reader of the list expects.
    for (auto& [key, name] : policy.overrides) overrides_.emplace(key, name);
}

PlaceNaming PlaceNaming::load(const std::string& dataset_dir, NamingPolicy policy) {
    std::unordered_map<std::string, std::string> local;
    if (policy.style != NameStyle::english) {
        const std::string path = (std::filesystem::path(dataset_dir) / kLocalNamesFile).string();
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw std::move(GazetteerError("the dataset has no local names for `names: " +
                                               std::string(to_string(policy.style)) + "`",
                                           ExitCode::missing_data,
                                           "rebuild the dataset with `scripts/setup.sh`")
                                .in_file(path));
        int line_no = 0;
        for (std::string line; std::getline(in, line);) {
            ++line_no;
            if (line.empty() || line[0] == '#' || line_no == 1) continue;  // comments, header
            const auto tab = line.find('\t');
            if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
                throw std::move(GazetteerError("a local name row needs `id<TAB>name`",
                                               ExitCode::missing_data,
                                               "rebuild the dataset with `scripts/setup.sh`")
                                    .in_file(path)
                                    .at(line_no)
                                    .with_value(line));
            local.emplace(line.substr(0, tab), line.substr(tab + 1));
        }
    }
    return PlaceNaming(std::move(policy), std::move(local));
}

PlaceNaming PlaceNaming::for_sentences() const {
    PlaceNaming out;
    out.overrides_ = overrides_;
    return out;
}

std::string_view PlaceNaming::name(const Place& p) const {
    const std::string id(p.id);
    if (!overrides_.empty()) {
        if (auto it = overrides_.find(id); it != overrides_.end()) return it->second;
        if (auto it = overrides_.find(std::string(p.name)); it != overrides_.end())
            return it->second;
    }
    if (style_ == NameStyle::english) return p.name;
    const auto it = local_.find(id);
    // No local name known (a town whose endonym the dataset cannot tell apart from other
    // languages' spellings): the English name, never a guess.
    if (it == local_.end() || it->second == p.name) return p.name;
    if (style_ == NameStyle::local) return it->second;
    if (auto b = both_.find(id); b != both_.end()) return b->second;
    made_.push_back(std::string(p.name) + " / " + it->second);
    return both_.emplace(id, made_.back()).first->second;
}

}  // namespace mapwire::gazetteer
