// Candidate spans (capitalised runs, headlines) and their gazetteer matches, longest first.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "gazetteer/ranking.hpp"
#include "geoparse/detail/parse.hpp"
#include "text/normalize.hpp"

namespace mapwire::geoparse::detail {

void Parse::mark_headlines() {
    // A line in Title Case or ALL CAPS is a headline: every word is capitalised there, so
    // capitals say nothing about names and only strong matches count. Title Case shows in
    // capitalised English words after the first ("Forces Capture ... Fighting").
    std::size_t lines = tokens_.empty() ? 0 : tokens_.back().line + 1;
    std::vector<int> words(lines), caps(lines), common_caps(lines), all_caps(lines);
    auto counted = [&](const Token& t) { return t.word && !t.number && t.text.size() >= 4; };
    for (const Token& t : tokens_) {
        if (!counted(t)) continue;
        ++words[t.line];
        if (t.all_caps) ++all_caps[t.line];
        if (t.capitalized) ++caps[t.line];
    }
    auto mostly_capitalised = [&](std::size_t l) {
        return words[l] >= 3 && caps[l] * 10 >= words[l] * 7;
    };
    // English words are looked up only on lines capitalised enough to be headlines.
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        const Token& t = tokens_[i];
        if (counted(t) && t.capitalized && !t.sentence_start && mostly_capitalised(t.line) &&
            common(i))
            ++common_caps[t.line];
    }
    // Headlines take no full stop: a line that ends with one is a sentence whose names happen
    // to be English words ("In New South Wales and at Spotswood.").
    std::vector<bool> full_stop(lines, false);
    for (const Token& t : tokens_) full_stop[t.line] = !t.word && t.text == ".";
    headline_line_.assign(lines, false);
    for (std::size_t l = 0; l < lines; ++l)
        headline_line_[l] = (mostly_capitalised(l) && common_caps[l] >= 2 && !full_stop[l]) ||
                            (words[l] >= 2 && all_caps[l] * 10 >= words[l] * 8);
}

std::size_t Parse::connectors_before_name(std::size_t j) const {
    // One or two connectors ("of", "of the", "de la") between name words join one name.
    std::size_t k = j;
    while (k < tokens_.size() && k < j + 2 && tokens_[k].word &&
           written_cue(k, detail::Cue::connector) && adjacent(k - 1, k))
        ++k;
    if (k == j || k >= tokens_.size() || !name_word(k) || !adjacent(k - 1, k)) return 0;
    return k - j;
}

bool Parse::and_inside_name(std::size_t first, std::size_t j) const {
    // "and" between two name words of one name the gazetteer has ("Jammu and Kashmir",
    // "Trinidad and Tobago", "Turks and Caicos Islands"); asked only where some name goes on
    // with "and", so that lists ("Kyiv and Kharkiv") stay lists.
    if (j + 1 >= tokens_.size() || lower_[j] != "and" || !adjacent(j - 1, j) ||
        !adjacent(j, j + 1) || !name_word(j + 1))
        return false;
    const gazetteer::LookupOptions exact{
        .country = {}, .type = {}, .prefer_country = {}, .limit = 1, .spelling_variants = false};
    for (std::size_t s = j > first + 3 ? j - 3 : first; s < j; ++s) {
        const std::string before = text::fold(span_text(s, j));
        if (!gaz_.has_prefix(before + " and ")) continue;
        const std::string name = before + " and " + text::fold(tokens_[j + 1].text);
        if (gaz_.has_prefix(name + ' ') || !gaz_.lookup(name, exact).empty()) return true;
    }
    return false;
}

std::vector<std::pair<std::size_t, std::size_t>> Parse::runs() const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    while (i < tokens_.size()) {
        if (!name_word(i)) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        // A possessive ends the name unless a county word follows: "Queen Anne's County".
        auto ends_name = [&](std::size_t k) {
            return tokens_[k - 1].possessive &&
                   !(tokens_[k].capitalized && cue(k, detail::Cue::county_word));
        };
        while (j < tokens_.size() && !ends_name(j)) {
            if (tokens_[j - 1].possessive && tokens_[j - 1].line == tokens_[j].line) {
                ++j;  // the county word after "Anne's"
            } else if (name_word(j) && adjacent(j - 1, j)) {
                ++j;
            } else if (abbreviation_dot(j)) {
                j += 2;  // "the U.S. Department of Agriculture": the dot ends no name
            } else if (const std::size_t n = connectors_before_name(j)) {
                j += n + 1;  // "Republic of Crimea", "Democratic Republic of the Congo"
            } else if (and_inside_name(i, j)) {
                j += 2;  // "Jammu and Kashmir", "Trinidad and Tobago"
            } else {
                break;
            }
        }
        // A lower-case administrative word right after the run belongs to it ("Donetsk region").
        if (j < tokens_.size() && !tokens_[j - 1].possessive && tokens_[j].word &&
            !tokens_[j].capitalized && written_cue(j, detail::Cue::admin_word) &&
            adjacent(j - 1, j))
            ++j;
        out.emplace_back(i, j);
        i = j;
    }
    return out;
}

bool Parse::acceptable(const Match& m, const std::vector<Candidate>& candidates) const {
    if (candidates.empty()) return false;
    const Candidate& best = candidates[0];
    const Place& p = best.place;
    const bool single = m.last - m.first == 1;
    const Token& t = tokens_[m.first];
    const bool strong = p.type == PlaceType::admin0 || p.type == PlaceType::region ||
                        p.type == PlaceType::admin1 || p.type == PlaceType::admin2 ||
                        p.feature_code == "PPLC" || p.population >= 100000;
    if (single && t.text.size() == 1) return false;                            // "X", the platform
    if (single && written_cue(m.first, detail::Cue::not_place)) return false;  // "Christmas", "May"
    if (!single && detail::is_cue(span_text(m.first, m.last), detail::Cue::not_place))
        return false;  // "Red Cross", the organisation
    // Codes ("MAC" is Macao's ISO code, "AM" Armenia's) are names only where news uses them
    // that way: those are in geodata/cues/abbreviations.tsv and matched by abbreviation().
    if (best.kind == gazetteer::NameKind::code) return false;
    if (in_currency(m.first, m.last)) return false;
    if (best.quality == gazetteer::MatchQuality::loose &&
        span_text(m.first, m.last).size() < gazetteer::kRanking.loose_match_min_bytes)
        return false;
    if (!single && !m.admin_word && p.type != PlaceType::admin0) {
        // Directions alone ("South West", "North East") name a part of whatever the text is
        // about, not one unit somewhere (Singapore's South West district).
        bool directions_only = true;
        for (std::size_t k = m.first; k < m.last && directions_only; ++k)
            directions_only = cue(k, detail::Cue::direction) || lower_[k] == "-";
        if (directions_only) return false;
    }
    if (single) {
        const bool common = this->common(m.first);
        // "died in Paisley": after a locative, capitalised inside a sentence, an English word
        // is the town when the town is of some size ("in Source" is no village in Iowa).
        const bool placed_town =
            p.type == PlaceType::place && !t.sentence_start && m.first > 0 &&
            cue(m.first - 1, detail::Cue::locative) &&
            p.population >= gazetteer::kRanking.placed_common_word_town_population;
        // "the town of Sake": the text says it is a settlement, whatever its size.
        const bool named_settlement = p.type == PlaceType::place && after_settlement_of(m.first);
        if (common && !strong && !placed_town && !named_settlement)
            return false;  // "Source", "Mandarin", "Forces"
        // A unit named by a generic word ("Centre", "Western", "Lakes", "Free" for Free State)
        // only with its administrative word: "a Western blot test" is no province.
        if ((p.type == PlaceType::admin1 || p.type == PlaceType::region) && !m.admin_word &&
            (cue(m.first, detail::Cue::direction) || cue(m.first, detail::Cue::generic_name)))
            return false;
        // A direction before another name qualifies it ("Central Java", "North-Western
        // Sydney"): it is not Zambia's Western Province.
        if (cue(m.first, detail::Cue::direction) && m.last < tokens_.size() &&
            adjacent(m.last - 1, m.last) && name_word(m.last) && p.type != PlaceType::admin0)
            return false;

        // An English word that is also a town ("We" is Huế folded, "Reading", "Buffalo"):
        // capitalised inside a sentence, a city; at the start of a sentence or quote, where
        // every word is capitalised, only a capital or a city of a million.
        const bool quote_start =
            m.first > 0 && !tokens_[m.first - 1].word &&
            (tokens_[m.first - 1].text == "\"" || tokens_[m.first - 1].text == "\u201c");
        const bool capital_or_million = p.feature_code == "PPLC" || p.population >= 1000000;
        if (common && p.type == PlaceType::place &&
            ((t.sentence_start || quote_start)
                 ? !capital_or_million
                 : p.population < gazetteer::kRanking.strong_town_population && !placed_town &&
                       !named_settlement) &&
            !in_unit_named_after(m, candidates))  // last: it looks names up
            return false;
        if (headline_line_[t.line] && !strong) return false;
        if (t.all_caps && t.text.size() <= 3 && p.type != PlaceType::admin0)
            return false;  // "UN", "EU"
    }
    return true;
}

bool Parse::in_unit_named_after(const Match& m, const std::vector<Candidate>& candidates) const {
    // "Buffalo, New York in the United States": the unit after the comma holds a reading of
    // the word, which is then the town even where every word is capitalised.
    const std::size_t k = m.last + 1;
    if (k >= tokens_.size() || tokens_[m.last].text != ",") return false;
    for (std::size_t j = k; j < std::min(tokens_.size(), k + 3) && name_word(j); ++j) {
        const auto units = lookup_uncached(span_text(k, j + 1));
        if (units.empty() || units[0].place.type != PlaceType::admin1) continue;
        const auto unit = static_cast<std::int32_t>(units[0].place.index);
        for (const Candidate& c : candidates)
            if (c.place.type == PlaceType::place && c.place.admin1 == unit) return true;
    }
    return false;
}

bool Parse::match_abbreviation(std::size_t i) {
    // "Charleston, W.Va.", "Sydney, NSW", "the U.S.": abbreviations from
    // geodata/cues/abbreviations.tsv, the short ones only after "Town, ".
    const detail::Abbreviation* a = detail::abbreviation(tokens_[i].text);
    if (!a || (a->after_comma && (i == 0 || tokens_[i - 1].text != ","))) return false;
    if (headline_line_[tokens_[i].line] && !tokens_[i].all_caps && !a->country.empty())
        return false;
    std::vector<Candidate> units;
    for (const Candidate& c : gaz_.lookup(
             a->name,
             {.country = std::string(a->country), .type = {}, .prefer_country = {}, .limit = 10}))
        if (c.place.type != PlaceType::place) units.push_back(c);
    if (units.empty() || in_currency(i, i + 1)) return false;  // "US$460", "$US 1.5 billion"
    Match m{i, i + 1, false, false, std::move(units), {}};
    m.abbreviation = true;
    matches_.push_back(std::move(m));
    return true;
}

bool Parse::unit_after_of(std::size_t i) const {
    // "the state of Washington", "the province of Sindh": the unit, as "Washington state".
    return i >= 2 && lower_[i - 1] == "of" && tokens_[i - 2].word && !tokens_[i - 2].capitalized &&
           written_cue(i - 2, detail::Cue::admin_word) && adjacent(i - 2, i - 1) &&
           adjacent(i - 1, i);
}

std::vector<Candidate> Parse::unit_reading(std::size_t first, std::size_t last) const {
    // "the states of Texas and Georgia", "provinces of Canada": no unit by that word, the name.
    std::vector<Candidate> unit =
        lookup_uncached(std::string(span_text(first, last)) + ' ' + std::string(lower_[first - 2]));
    if (unit.empty() || unit[0].place.type == PlaceType::place || !unit[0].admin_word)
        return lookup_uncached(span_text(first, last));
    return unit;
}

std::vector<std::string> Parse::shared_unit_words(
    std::vector<std::pair<std::size_t, std::size_t>>& rs) const {
    std::vector<std::string> out(rs.size());
    // Runs joined by "," / "and" / ", and" in one sentence.
    auto joined = [&](std::size_t a, std::size_t b) {
        if (b <= a || b - a > 2 || tokens_[a].sentence != tokens_[b].sentence) return false;
        for (std::size_t k = a; k < b; ++k)
            if (lower_[k] != "," && lower_[k] != "and") return false;
        return true;
    };
    for (std::size_t r = 0; r < rs.size(); ++r) {
        // The plural names a list: one member alone is "the Kharkiv regions" of no text.
        if (r == 0 || !joined(rs[r - 1].second, rs[r].first)) continue;
        // The word ends the last member's run ("Luhansk oblasts") or follows it; not where it
        // belongs to a name ("United States", "the Gulf States"), looked up last.
        const bool inside = rs[r].second - rs[r].first >= 2 &&
                            cue(rs[r].second - 1, detail::Cue::admin_word) &&
                            lookup_uncached(span_text(rs[r].first, rs[r].second)).empty();
        const std::size_t w = inside ? rs[r].second - 1 : rs[r].second;
        if (w >= tokens_.size() || !adjacent(w - 1, w) || !cue(w, detail::Cue::admin_word))
            continue;
        const std::string_view plural = lower_[w];
        if (plural.size() < 4 || plural.back() != 's') continue;
        std::string singular = plural.ends_with("ies")
                                   ? std::string(plural.substr(0, plural.size() - 3)) + "y"
                                   : std::string(plural.substr(0, plural.size() - 1));
        if (!detail::is_cue(singular, detail::Cue::admin_word)) continue;
        if (inside) rs[r].second = w;
        for (std::size_t k = r + 1; k-- > 0;) {
            out[k] = singular;
            if (k == 0 || !joined(rs[k - 1].second, rs[k].first)) break;
        }
    }
    return out;
}

std::vector<Candidate> Parse::unit_word_reading(std::size_t first, std::size_t last,
                                                std::string_view unit_word) const {
    std::vector<Candidate> unit =
        lookup_uncached(std::string(span_text(first, last)) + ' ' + std::string(unit_word));
    if (unit.empty() || unit[0].place.type == PlaceType::place || !unit[0].admin_word) return {};
    return unit;
}

void Parse::match_run(std::size_t first, std::size_t last, std::string_view unit_word) {
    if (in_designation(first, last)) return;
    const std::size_t begin = matches_.size();
    std::size_t i = first;
    if (!unit_word.empty()) {
        if (auto unit = unit_word_reading(first, last, unit_word); !unit.empty()) {
            Match m{first, last, false, true, std::move(unit), {}};
            m.unit_word = std::string(unit_word);
            matches_.push_back(std::move(m));
            i = last;
        }
    }
    // "western Ukraine", "eastern Congo": a curated region when the gazetteer has one.
    if (first > 0 && tokens_[first - 1].word && !tokens_[first - 1].capitalized &&
        adjacent(first - 1, first)) {
        const std::string_view dir = lower_[first - 1];
        if (dir == "eastern" || dir == "western" || dir == "southern" || dir == "northern" ||
            dir == "central") {
            for (std::size_t j = std::min(last, first + 3); j > first; --j) {
                const std::string_view phrase = span_text(first - 1, j);
                const auto& c = lookup(phrase);
                if (!c.empty() && c[0].place.type == PlaceType::region &&
                    c[0].quality == gazetteer::MatchQuality::exact) {
                    matches_.push_back(Match{first - 1, j, false, false, c, {}});
                    i = j;
                    break;
                }
            }
        }
    }
    // "the Amazon rainforest", "the Danube delta", "the Swat valley": a feature whose name
    // ends in a lower-case generic word, when the gazetteer holds the feature so named.
    const bool feature_after = last < tokens_.size() && tokens_[last].word &&
                               !tokens_[last].capitalized && adjacent(last - 1, last) &&
                               cue(last, detail::Cue::natural_feature);
    while (i < last) {
        if (match_abbreviation(i)) {
            ++i;
            continue;
        }
        if (feature_after && last - i <= 4 && name_word(i)) {
            const auto& c = lookup(span_text(i, last + 1));
            if (!c.empty() && c[0].place.type == PlaceType::region &&
                c[0].quality == gazetteer::MatchQuality::exact) {
                matches_.push_back(Match{i, last + 1, false, false, c, {}});
                break;
            }
        }
        bool found = false;
        // Longest spans first, but only as long as some name continues them.
        std::size_t longest = i + 1;
        if (i + 1 < last) {
            std::string prefix = folded(i);
            while (longest < std::min(last, i + 6)) {
                if (abbreviation_dot(longest)) {
                    ++longest;  // "St. Louis": the index spells it "st louis"
                    continue;
                }
                if (cue(longest, detail::Cue::admin_word) ||
                    cue(longest - 1, detail::Cue::admin_word)) {
                    ++longest;  // "Kursk region": the unit is found through its bare name
                    continue;
                }
                prefix += ' ';
                if (!gaz_.has_prefix(prefix)) break;
                prefix += folded(longest);
                ++longest;
            }
        }
        const bool unit_of = unit_after_of(i);  // "the state of Washington"
        for (std::size_t j = longest; j > i; --j) {
            // A span may not start with a connector ("The") or a function word capitalised at
            // the start of a sentence ("According"), nor end with a connector.
            const std::string_view first_word = lower_[i];
            if (!name_word(i) || first_word == "of" ||
                (!tokens_[i].all_caps && cue(i, detail::Cue::function_word)) ||
                (!name_word(j - 1) && !written_cue(j - 1, detail::Cue::admin_word)))
                continue;
            // "the Indian state of Gujarat": a nationality before the word, not a unit.
            if (j - i >= 2 && !tokens_[j - 1].capitalized &&
                written_cue(j - 1, detail::Cue::admin_word) && demonym(span_text(i, j - 1)))
                continue;
            const std::string_view phrase = span_text(i, j);
            if (j - i <= 2) {  // demonyms have one or two words ("Chinese", "North Korean")
                if (const auto& country = demonym(phrase)) {
                    Match m{i, j, true, false, {}, country};
                    matches_.push_back(std::move(m));
                    i = j;
                    found = true;
                    break;
                }
            }
            const std::vector<Candidate> unit =
                unit_of ? unit_reading(i, j) : std::vector<Candidate>{};
            const auto& candidates = unit_of ? unit : lookup(phrase);
            Match m{i, j, false, false, {}, {}};
            if (!candidates.empty()) m.admin_word = candidates[0].admin_word;
            if (acceptable(m, candidates)) {
                m.candidates = candidates;
                matches_.push_back(std::move(m));
                i = j;
                found = true;
                break;
            }
        }
        if (!found) ++i;
    }
    drop_personal_names(first, last, begin);
    mark_features_and_organisations(first, last, begin);
}

}  // namespace mapwire::geoparse::detail
