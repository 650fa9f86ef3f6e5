// The cue word lists, read from the compiled-in files of geodata/cues/ (one entry a line,
// '#' comments) into hash sets on first use: these checks run for every mention.
#include "geoparse/detail/cues.hpp"

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geoparse/detail/cue_files.hpp"

namespace mapwire::geoparse::detail {
namespace {

// The lines of a cue file that are entries: not blank, not comments.
std::vector<std::string_view> entries(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (!line.empty() && line.front() != '#') out.push_back(line);
    }
    return out;
}

// A word set over a cue file; the views point into the compiled-in text, which lives forever.
class WordSet {
public:
    explicit WordSet(std::string_view file) {
        for (std::string_view w : entries(cue_file(file))) words_.insert(w);
    }
    bool contains(std::string_view w) const { return words_.count(w) != 0; }

private:
    std::unordered_set<std::string_view> words_;
};

#define MAPWIRE_CUE(function, file)     \
    bool function(std::string_view w) { \
        static const WordSet set(file); \
        return set.contains(w);         \
    }

}  // namespace

MAPWIRE_CUE(is_function_word, "function_words.txt")
MAPWIRE_CUE(is_not_place, "not_places.txt")
MAPWIRE_CUE(is_natural_feature, "natural_features.txt")
MAPWIRE_CUE(is_facility, "facilities.txt")
MAPWIRE_CUE(is_named_after, "named_after.txt")
MAPWIRE_CUE(is_organisation_word, "organisation_words.txt")
MAPWIRE_CUE(is_locative, "locatives.txt")
MAPWIRE_CUE(is_state_verb, "state_verbs.txt")
MAPWIRE_CUE(is_auxiliary, "auxiliaries.txt")
MAPWIRE_CUE(is_government_noun, "government_nouns.txt")
MAPWIRE_CUE(is_response_noun, "response_nouns.txt")
MAPWIRE_CUE(is_speech_verb, "speech_verbs.txt")
MAPWIRE_CUE(is_title, "titles.txt")
MAPWIRE_CUE(is_admin_word, "admin_words.txt")
MAPWIRE_CUE(is_county_word, "county_words.txt")
MAPWIRE_CUE(is_container_link, "container_links.txt")
MAPWIRE_CUE(is_connector, "connectors.txt")
MAPWIRE_CUE(is_direction, "directions.txt")
MAPWIRE_CUE(is_generic_name, "generic_names.txt")

#undef MAPWIRE_CUE

const Abbreviation* abbreviation(std::string_view token) {
    static const auto table = [] {
        std::unordered_map<std::string_view, Abbreviation> t;
        bool header = true;
        for (std::string_view line : entries(cue_file("abbreviations.tsv"))) {
            std::vector<std::string_view> f;
            for (std::size_t at = 0;;) {
                const auto tab = line.find('\t', at);
                f.push_back(line.substr(at, tab == std::string_view::npos ? tab : tab - at));
                if (tab == std::string_view::npos) break;
                at = tab + 1;
            }
            if (header || f.size() < 4) {  // the column names; short rows are a data bug
                header = false;
                continue;
            }
            t.emplace(f[0], Abbreviation{f[1], f[2], f[3] == "after_comma"});
        }
        return t;
    }();
    const auto it = table.find(token);
    return it == table.end() ? nullptr : &it->second;
}

}  // namespace mapwire::geoparse::detail
