// The cue word lists, read from the compiled-in files of geodata/cues/ (one entry a line,
// '#' comments) into one table on first use, a bit per list.
#include "geoparse/detail/cues.hpp"

#include <unordered_map>
#include <utility>
#include <vector>

#include "geoparse/detail/cue_files.hpp"
#include "geoparse/detail/word_table.hpp"

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

}  // namespace

CueSet cues_of(std::string_view word) {
    // All lists in one table: the views point into the compiled-in text, which lives forever.
    static const auto table = [] {
        const std::pair<Cue, std::string_view> files[] = {
            {Cue::function_word, "function_words.txt"},
            {Cue::not_place, "not_places.txt"},
            {Cue::natural_feature, "natural_features.txt"},
            {Cue::facility, "facilities.txt"},
            {Cue::named_after, "named_after.txt"},
            {Cue::organisation_word, "organisation_words.txt"},
            {Cue::locative, "locatives.txt"},
            {Cue::state_verb, "state_verbs.txt"},
            {Cue::auxiliary, "auxiliaries.txt"},
            {Cue::government_noun, "government_nouns.txt"},
            {Cue::response_noun, "response_nouns.txt"},
            {Cue::speech_verb, "speech_verbs.txt"},
            {Cue::title, "titles.txt"},
            {Cue::admin_word, "admin_words.txt"},
            {Cue::county_word, "county_words.txt"},
            {Cue::container_link, "container_links.txt"},
            {Cue::connector, "connectors.txt"},
            {Cue::direction, "directions.txt"},
            {Cue::generic_name, "generic_names.txt"},
            {Cue::settlement_noun, "settlement_nouns.txt"},
            {Cue::place_suffix, "place_suffixes.txt"},
            {Cue::actor_suffix, "actor_suffixes.txt"},
            {Cue::place_prefix, "place_prefixes.txt"},
            {Cue::sports_verb, "sports_verbs.txt"},
            {Cue::feature_plural, "feature_plurals.txt"},
            {Cue::appositive_start, "appositive_starts.txt"},
            {Cue::name_abbreviation, "name_abbreviations.txt"},
            {Cue::team_noun, "team_nouns.txt"},
            {Cue::armed_group_noun, "armed_group_nouns.txt"},
            {Cue::unit_head, "unit_heads.txt"},
        };
        WordTable<std::uint32_t> t;
        for (const auto& [cue, file] : files)
            for (std::string_view w : entries(cue_file(file)))
                t.add(w, static_cast<std::uint32_t>(cue));
        return t;
    }();
    return CueSet(table.find(word));
}

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
