// Geoparsing in four passes: candidate spans (capitalised runs), gazetteer matching (longest
// first, with filters for common words, personal names and headlines), resolution in
// document context (focus country, "X, Y" and "X in Y" containers), and role assignment.
#include "geoparse/geoparser.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "gazetteer/ranking.hpp"
#include "geoparse/detail/context.hpp"
#include "geoparse/detail/cues.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"
#include "text/utf8.hpp"

namespace mapwire::geoparse {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::location:
            return "location";
        case Role::metonym:
            return "metonym";
        case Role::demonym:
            return "demonym";
        case Role::other:
            return "other";
    }
    return "other";
}

std::string_view to_string(Resolution resolution) {
    return resolution == Resolution::container ? "container" : "exact";
}

namespace {

using gazetteer::Candidate;
using gazetteer::Place;
using gazetteer::PlaceType;
using text::Token;

using text::ascii_lower;

// A matched span before resolution.
struct Match {
    std::size_t first = 0, last = 0;  // token range [first, last)
    bool demonym = false;
    bool admin_word = false;
    std::vector<Candidate> candidates;
    std::optional<Place> demonym_country;
    bool other = false;  // part of an organisation's name, or a facility named after the place
    // Not in the gazetteer, or only as homonyms elsewhere: the unit the text puts it in.
    std::optional<Place> fallback;
    bool abbreviation = false;       // candidates are those of the name it abbreviates
    bool container_reading = false;  // a place was put inside it: its reading is settled
};

// Where a text puts a place: the match naming the container and the container's reading.
struct Container {
    std::size_t match = 0;
    Place place;
};

class Parse {
public:
    Parse(const gazetteer::Gazetteer& g, const Lexicon& lex, std::string_view text)
        : gaz_(g), lex_(lex), text_(text), tokens_(text::tokenize(text)) {
        // Every pass asks about lower-case words: fold the text once (ASCII lower case keeps
        // every byte where it is) and view each token in it.
        lowered_text_ = ascii_lower(text_);
        lower_.reserve(tokens_.size());
        cues_.reserve(tokens_.size());
        written_cues_.reserve(tokens_.size());
        for (const Token& t : tokens_) {
            lower_.push_back(std::string_view(lowered_text_).substr(t.byte_begin, t.text.size()));
            cues_.push_back(detail::cues_of(lower_.back()));
            written_cues_.push_back(t.text == lower_.back() ? cues_.back()
                                                            : detail::cues_of(t.text));
        }
        common_.assign(tokens_.size(), -1);
        name_words_.reserve(tokens_.size());
        for (std::size_t i = 0; i < tokens_.size(); ++i) name_words_.push_back(is_name_word(i));
    }

    GeoparseResult run();

private:
    std::string_view span_text(std::size_t first, std::size_t last) const {
        return text_.substr(tokens_[first].byte_begin,
                            tokens_[last - 1].byte_end - tokens_[first].byte_begin);
    }
    bool adjacent(std::size_t a,
                  std::size_t b) const {  // b follows a on the same line, only spaces between
        if (tokens_[a].line != tokens_[b].line) return false;
        for (std::size_t k = tokens_[a].byte_end; k < tokens_[b].byte_begin; ++k)
            if (text_[k] != ' ') return false;
        return true;
    }
    bool name_word(std::size_t i) const { return name_words_[i] != 0; }
    bool is_name_word(std::size_t i) const {
        const Token& t = tokens_[i];
        if (!t.word || t.number) return false;
        if (t.capitalized || t.all_caps) return true;
        // Arabic article before a capital: "al-Balah", "el-Sheikh", "ash-Shati".
        const auto dash = t.text.find('-');
        return dash != std::string_view::npos && dash <= 3 && dash + 1 < t.text.size() &&
               t.text[dash + 1] >= 'A' && t.text[dash + 1] <= 'Z';
    }
    // The cue lists of token k, of its lower-case form and as written (titles, organisation
    // words and not-places are listed with their capitals).
    bool cue(std::size_t k, detail::Cue c) const { return cues_[k].has(c); }
    bool written_cue(std::size_t k, detail::Cue c) const { return written_cues_[k].has(c); }
    bool common(std::size_t k) const {  // an English word (any case), asked once per token
        if (common_[k] < 0) common_[k] = lex_.common(tokens_[k].text) ? 1 : 0;
        return common_[k] == 1;
    }
    void mark_headlines();
    std::size_t connectors_before_name(std::size_t j) const;
    // A title right before token k: "Gov Kelly", "Mr. Kelly" (the tokenizer splits the dot).
    bool title_before(std::size_t k) const {
        if (k > 0 && written_cue(k - 1, detail::Cue::title)) return true;
        return k > 1 && tokens_[k - 1].text == "." && adjacent(k - 2, k - 1) &&
               written_cue(k - 2, detail::Cue::title);
    }
    std::vector<std::pair<std::size_t, std::size_t>> runs() const;
    void match_run(std::size_t first, std::size_t last);
    bool match_abbreviation(std::size_t token);
    // `m` gives the span and its administrative word; `candidates` its lookup, not yet copied.
    bool acceptable(const Match& m, const std::vector<Candidate>& candidates) const;
    void drop_personal_names(std::size_t first, std::size_t last, std::size_t match_begin);
    std::size_t token_match_of(std::size_t token, std::size_t match_begin) const;
    void drop_people_named_again();
    void mark_features_and_organisations(std::size_t first, std::size_t last,
                                         std::size_t match_begin);
    void drop_unlikely_foreign_towns();
    void index_tokens();
    void erase_matches(const std::vector<bool>& drops);
    void resolve();
    Role role_of(const Match& m, const Place& p) const;
    std::optional<std::size_t> container_match_after(std::size_t first_token_after) const;
    std::optional<Container> container_of(std::size_t match_index) const;
    std::optional<Container> container_after_or_owner(std::size_t match_index) const;
    void compute_focus();
    void place_in_containers();
    bool list_continues(std::size_t match_index) const;
    void prefer_container_reading(Match& container, std::uint32_t place);
    void add_fallbacks_for_unknown_names();
    void rerank_in_context();
    std::vector<detail::ListReading> list_neighbours(std::size_t match_index) const;
    void settle_counties_without_units();
    void keep_one_sense_per_name();
    void report_unresolved(GeoparseResult& out) const;

    const gazetteer::Gazetteer& gaz_;
    const Lexicon& lex_;
    std::string_view text_;
    std::vector<Token> tokens_;
    std::string lowered_text_;
    std::vector<std::string_view> lower_;  // each token in ASCII lower case
    std::vector<detail::CueSet> cues_, written_cues_;
    mutable std::vector<std::int8_t> common_;  // -1 not yet asked
    std::vector<std::uint8_t> name_words_;     // is_name_word(), asked by every pass
    std::vector<bool> headline_line_;
    std::vector<Match> matches_;
    std::vector<int> token_match_;  // token -> match index or -1
    std::string focus_;
    // Names repeat within an article ("Russia", "Ukraine"): each phrase is looked up once per
    // focus country.
    std::set<std::string> countries_named_;  // by a country, unit or demonym in the text
    std::set<std::string> person_words_;     // words of personal names, as written
    // Keys are views into the text, which outlives the parse; lookups_ holds the readings
    // under the present focus and is emptied when the focus changes.
    std::unordered_map<std::string_view, std::vector<Candidate>> lookups_;
    std::unordered_map<std::string_view, std::optional<Place>> demonyms_;
    const std::vector<Candidate>& lookup(std::string_view phrase);
    const std::optional<Place>& demonym(std::string_view phrase);
};

const std::vector<Candidate>& Parse::lookup(std::string_view phrase) {
    auto it = lookups_.find(phrase);
    if (it == lookups_.end())
        it = lookups_
                 .emplace(phrase,
                          gaz_.lookup(phrase, {.country = {},
                                               .type = {},
                                               .prefer_country = focus_,
                                               .limit = 40,
                                               // acceptable() refuses shorter spelling variants
                                               .spelling_variants =
                                                   phrase.size() >=
                                                   gazetteer::kRanking.loose_match_min_bytes}))
                 .first;
    return it->second;
}

const std::optional<Place>& Parse::demonym(std::string_view phrase) {
    auto it = demonyms_.find(phrase);
    if (it == demonyms_.end()) {
        auto countries = gaz_.demonym(phrase);
        std::optional<Place> p;
        if (!countries.empty()) p = countries[0];
        it = demonyms_.emplace(phrase, p).first;
    }
    return it->second;
}

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
    headline_line_.assign(lines, false);
    for (std::size_t l = 0; l < lines; ++l)
        headline_line_[l] = (mostly_capitalised(l) && common_caps[l] >= 2) ||
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

std::vector<std::pair<std::size_t, std::size_t>> Parse::runs() const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    while (i < tokens_.size()) {
        if (!name_word(i)) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < tokens_.size() && !tokens_[j - 1].possessive) {
            if (name_word(j) && adjacent(j - 1, j)) {
                ++j;
            } else if (const std::size_t n = connectors_before_name(j)) {
                j += n + 1;  // "Republic of Crimea", "Democratic Republic of the Congo"
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
    // Codes ("MAC" is Macao's ISO code, "AM" Armenia's) are names only where news uses them
    // that way: those are in geodata/cues/abbreviations.tsv and matched by abbreviation().
    if (best.kind == gazetteer::NameKind::code) return false;
    const bool next_adjacent = m.last < tokens_.size() && adjacent(m.last - 1, m.last);
    if (next_adjacent && (tokens_[m.last].text == "$" || tokens_[m.last].text == "\u20ac"))
        return false;  // "US$460": a currency
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
        if (common && !strong) return false;  // "Source", "Mandarin", "Forces"
        // A unit named by a generic word ("Centre", "Western", "Lakes", "Free" for Free State)
        // only with its administrative word: "a Western blot test" is no province.
        if ((p.type == PlaceType::admin1 || p.type == PlaceType::region) && !m.admin_word &&
            (cue(m.first, detail::Cue::direction) || cue(m.first, detail::Cue::generic_name)))
            return false;
        // A direction before another name qualifies it ("Central Java", "North-Western
        // Sydney"): it is not Zambia's Western Province.
        if (cue(m.first, detail::Cue::direction) && m.last < tokens_.size() && next_adjacent &&
            name_word(m.last) && p.type != PlaceType::admin0)
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
                 : p.population < gazetteer::kRanking.strong_town_population))
            return false;
        if (headline_line_[t.line] && !strong) return false;
        if (t.all_caps && t.text.size() <= 3 && p.type != PlaceType::admin0)
            return false;  // "UN", "EU"
    }
    return true;
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
    const bool currency = i + 1 < tokens_.size() && adjacent(i, i + 1) &&
                          (tokens_[i + 1].text == "$" || tokens_[i + 1].text == "\u20ac");
    if (units.empty() || currency) return false;  // "US$460"
    Match m{i, i + 1, false, false, std::move(units), {}};
    m.abbreviation = true;
    matches_.push_back(std::move(m));
    return true;
}

void Parse::match_run(std::size_t first, std::size_t last) {
    const std::size_t begin = matches_.size();
    std::size_t i = first;
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
    while (i < last) {
        if (match_abbreviation(i)) {
            ++i;
            continue;
        }
        bool found = false;
        // Longest spans first, but only as long as some name continues them.
        std::size_t longest = i + 1;
        if (i + 1 < last) {
            std::string prefix = text::fold(tokens_[i].text);
            while (longest < std::min(last, i + 6)) {
                if (cue(longest, detail::Cue::admin_word) ||
                    cue(longest - 1, detail::Cue::admin_word)) {
                    ++longest;  // "Kursk region": the unit is found through its bare name
                    continue;
                }
                prefix += ' ';
                if (!gaz_.has_prefix(prefix)) break;
                prefix += text::fold(tokens_[longest].text);
                ++longest;
            }
        }
        for (std::size_t j = longest; j > i; --j) {
            // A span may not start with a connector ("The") or a function word capitalised at
            // the start of a sentence ("According"), nor end with a connector.
            const std::string_view first_word = lower_[i];
            if (!name_word(i) || first_word == "of" ||
                (!tokens_[i].all_caps && cue(i, detail::Cue::function_word)) ||
                (!name_word(j - 1) && !written_cue(j - 1, detail::Cue::admin_word)))
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
            const auto& candidates = lookup(phrase);
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

void Parse::mark_features_and_organisations(std::size_t first, std::size_t last,
                                            std::size_t match_begin) {
    bool organisation = false;
    for (std::size_t k = first; k < last; ++k)
        organisation = organisation || written_cue(k, detail::Cue::organisation_word);
    for (std::size_t m = match_begin; m < matches_.size();) {
        Match& x = matches_[m];
        // The word after the name, unless a possessive ends the name.
        const bool next_word = x.last < tokens_.size() && !tokens_[x.last - 1].possessive;
        auto next = [&](detail::Cue c) { return next_word && cue(x.last, c); };
        const bool country_like =
            !x.candidates.empty() && (x.candidates[0].place.type == PlaceType::admin0 ||
                                      x.candidates[0].place.type == PlaceType::region);
        // "the Red Sea" is the sea, not Sudan's Red Sea state.
        const bool the_feature = x.first > 0 && lower_[x.first - 1] == "the" &&
                                 cue(x.last - 1, detail::Cue::natural_feature);
        if (!x.demonym && !country_like && (next(detail::Cue::natural_feature) || the_feature)) {
            matches_.erase(matches_.begin() + static_cast<std::ptrdiff_t>(m));  // "Dnipro River"
            continue;
        }
        // "Kakhovka dam", "Reston ebolavirus", "Kenya Red Cross Society", and "Voice of
        // America": an organisation's head word before "of" and the place.
        const bool head_of = x.first >= first + 2 && lower_[x.first - 1] == "of" &&
                             written_cue(x.first - 2, detail::Cue::organisation_word);
        if (!x.demonym && (next(detail::Cue::facility) || next(detail::Cue::named_after) ||
                           (organisation && x.last < last) || head_of))
            x.other = true;
        ++m;
    }
}

void Parse::drop_personal_names(std::size_t first, std::size_t last, std::size_t match_begin) {
    // A town name inside a personal name: "President Volodymyr Zelensky", "Mary Kelly met
    // Scott Clark". The run then has a title, starts with a first name, or has a word next to
    // the match that is neither matched, nor an English word, nor an administrative word.
    // A title names the words after it: "Mexico City Mayor Marcelo Ebrard" keeps the city.
    std::size_t title_at = last;  // the first title word of the run, or `last`
    for (std::size_t k = first; k < last && title_at == last; ++k)
        if (written_cue(k, detail::Cue::title)) title_at = k;
    if (title_before(first)) title_at = first;
    const bool titled = title_at < last;
    std::vector<bool> covered(last - first, false);
    for (std::size_t m = match_begin; m < matches_.size(); ++m)
        for (std::size_t k = std::max(matches_[m].first, first);
             k < std::min(matches_[m].last, last); ++k)
            covered[k - first] = true;
    // "Mary Kelly": a first name before another capitalised word, unless the two together
    // are one place name ("Victoria Falls" is matched whole and covers both).
    bool named_thing = false;  // "Dallas County", "Denver District Court", "Jordan River"
    for (std::size_t k = first; k < last; ++k) {
        named_thing = named_thing || cue(k, detail::Cue::admin_word) ||
                      cue(k, detail::Cue::natural_feature) || cue(k, detail::Cue::facility) ||
                      written_cue(k, detail::Cue::organisation_word);
    }
    const bool first_named =
        last - first >= 2 && !named_thing && lex_.first_name(tokens_[first].text) &&
        !(covered[0] && covered[1] &&
          token_match_of(first, match_begin) == token_match_of(first + 1, match_begin));
    auto unknown = [&](std::size_t k) {  // "Moscow October 7": a month is no surname
        return k >= first && k < last && !covered[k - first] && name_word(k) && !common(k) &&
               !written_cue(k, detail::Cue::title) && !written_cue(k, detail::Cue::not_place);
    };
    bool person = titled || first_named;
    for (std::size_t m = match_begin; m < matches_.size();) {
        const Match& x = matches_[m];
        const PlaceType type = x.candidates.empty() ? PlaceType::place : x.candidates[0].place.type;
        const bool town = !x.demonym && !x.candidates.empty() && type == PlaceType::place;
        const bool state_like = x.demonym || type != PlaceType::place;
        const bool beside_unknown = (x.first > first && unknown(x.first - 1)) || unknown(x.last);
        const bool after_title = titled && x.first >= title_at;
        const bool drop =
            !x.admin_word && ((town && (after_title || first_named || beside_unknown)) ||
                              (first_named && !state_like));
        if (drop) {
            person = person || !beside_unknown || titled || first_named;
            matches_.erase(matches_.begin() + static_cast<std::ptrdiff_t>(m));
        } else {
            ++m;
        }
    }
    // Remember the name's words: "Kelly said" later in the text is the same person. Words of
    // places kept in the run ("Denver District Judge Robert Hyatt") are not the person's.
    if (!person) return;
    for (std::size_t k = first; k < last; ++k)
        if (name_word(k) && !written_cue(k, detail::Cue::title) &&
            token_match_of(k, match_begin) == matches_.size())
            person_words_.insert(std::string(tokens_[k].text));
}

std::size_t Parse::token_match_of(std::size_t k, std::size_t match_begin) const {
    for (std::size_t m = match_begin; m < matches_.size(); ++m)
        if (k >= matches_[m].first && k < matches_[m].last) return m;
    return matches_.size();
}

void Parse::drop_people_named_again() {
    // Document-level consistency: once a word is part of a person's name, a lone town of that
    // name elsewhere in the text is the person too ("Dr Ivins ... Ivins said"), and so is a
    // lone town before a verb of speech ("Kelly said"), unless the text puts it in a unit.
    std::vector<bool> drops(matches_.size(), false);
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        const Match& m = matches_[mi];
        const bool town = !m.demonym && !m.candidates.empty() && m.last - m.first == 1 &&
                          m.candidates[0].place.type == PlaceType::place && !m.admin_word;
        bool drop = false;
        if (town && !container_of(mi)) {
            // "of Tyler said", "in Austin told": the place of someone who speaks.
            const bool placed =
                m.first > 0 && (cue(m.first - 1, detail::Cue::locative) ||
                                lower_[m.first - 1] == "of" || lower_[m.first - 1] == "from");
            drop = !placed && (person_words_.count(std::string(tokens_[m.first].text)) ||
                               (m.last < tokens_.size() && cue(m.last, detail::Cue::speech_verb)));
        }
        drops[mi] = drop;
    }
    erase_matches(drops);
}

std::optional<std::size_t> Parse::container_match_after(std::size_t k) const {
    // "Kurakhove, Donetsk region", "near Pokrovsk in the Donetsk region", "Sudzha (Kursk)",
    // "Pisky district of Donetsk", "a village in northern Idlib".
    int skipped = 0;
    while (k < tokens_.size() && skipped < 3) {
        // Two names side by side ("Esperance Lakes") are one name, not a place and its unit.
        if (token_match_[k] >= 0)
            return skipped > 0 ? std::optional<std::size_t>(token_match_[k]) : std::nullopt;
        if (!cue(k, detail::Cue::container_link) && !cue(k, detail::Cue::admin_word)) break;
        ++k;
        ++skipped;
    }
    return std::nullopt;
}

// Towns lie in units, units in countries: "Kramatorsk, Donetsk", "Kursk Oblast, Russia". Two
// names of one level side by side are a list ("Montana, Nebraska"; "Mexico, China, Japan").
using gazetteer::level;

std::optional<Container> Parse::container_of(std::size_t mi) const {
    auto c = container_after_or_owner(mi);
    // "... Utah, Virginia, Washington, West Virginia and Wyoming": a name that itself
    // continues a list, with a reading of the container's kind, is one more member; so is
    // the first of a list that the container continues ("in Washington, Pennsylvania and
    // California").
    const auto continues_alike = [&](std::size_t k) {  // matches_[k] is followed by one alike
        if (!list_continues(k)) return false;
        const Match& next = matches_[k + 1];
        return !next.demonym && !next.candidates.empty() &&
               next.candidates[0].place.type == c->place.type &&
               next.candidates[0].place.country == c->place.country;
    };
    if (c && c->place.type != PlaceType::admin0 &&
        ((mi > 0 && list_continues(mi - 1)) || (c->match > mi && continues_alike(c->match)))) {
        const Match& m = matches_[mi];
        const double floor = m.candidates.empty() ? 0.0
                                                  : m.candidates[0].score -
                                                        gazetteer::kRanking.container_reading_gap;
        const bool member =
            std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Candidate& x) {
                return x.place.type == c->place.type && x.place.country == c->place.country &&
                       x.score >= floor;
            });
        if (member) return std::nullopt;
    }
    return c;
}

std::optional<Container> Parse::container_after_or_owner(std::size_t mi) const {
    const Match& m = matches_[mi];
    if (m.last < tokens_.size() && tokens_[m.last - 1].possessive) return std::nullopt;
    const int own_level = m.candidates.empty() ? 0 : level(m.candidates[0].place.type);
    if (const auto ci = container_match_after(m.last)) {
        const Match& c = matches_[*ci];
        if (c.demonym || c.candidates.empty()) return std::nullopt;
        // The container's reading: the first unit or country of its name that holds one of
        // this name's candidates, else its best unit ("Pervomaisk, Luhansk": the oblast).
        // Only readings the name plausibly has: matched as written and close to its best.
        const Candidate* unit = nullptr;
        const double floor = c.candidates[0].score - gazetteer::kRanking.container_reading_gap;
        for (const Candidate& cc : c.candidates) {
            if (cc.place.type == PlaceType::place || level(cc.place.type) <= own_level ||
                cc.quality != gazetteer::MatchQuality::exact || cc.score < floor)
                continue;
            const bool holds =
                std::any_of(m.candidates.begin(), m.candidates.end(),
                            [&](const Candidate& x) { return detail::inside(x.place, cc.place); });
            if (holds) return Container{*ci, cc.place};
            if (!unit) unit = &cc;
        }
        if (unit) return Container{*ci, unit->place};
        // "Belaya near Irkutsk": a town as a landmark, only after "near".
        const std::size_t before = tokens_[c.first].byte_begin;
        const std::string_view between =
            text_.substr(tokens_[m.last - 1].byte_end, before - tokens_[m.last - 1].byte_end);
        if (own_level == 0 && (between.find("near") != std::string_view::npos ||
                               between.find("outside") != std::string_view::npos))
            return Container{*ci, c.candidates[0].place};
        return std::nullopt;
    }
    // "Russia's Kursk Oblast".
    if (m.first >= 1 && tokens_[m.first - 1].possessive && token_match_[m.first - 1] >= 0) {
        const auto ci = static_cast<std::size_t>(token_match_[m.first - 1]);
        const Match& c = matches_[ci];
        if (!c.demonym && !c.candidates.empty()) return Container{ci, c.candidates[0].place};
    }
    return std::nullopt;
}

void Parse::erase_matches(const std::vector<bool>& drops) {
    // Decided on the matches as they were, erased at once: one re-index, not one per drop.
    std::size_t kept = 0;
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        if (drops[mi]) continue;
        if (kept != mi) matches_[kept] = std::move(matches_[mi]);  // never a self-move
        ++kept;
    }
    if (kept == matches_.size()) return;
    matches_.resize(kept);
    index_tokens();
}

void Parse::index_tokens() {
    token_match_.assign(tokens_.size(), -1);
    for (std::size_t m = 0; m < matches_.size(); ++m)
        for (std::size_t k = matches_[m].first; k < matches_[m].last; ++k)
            token_match_[k] = static_cast<int>(m);
}

void Parse::drop_unlikely_foreign_towns() {
    // A lone small town abroad ("Wagner" in the US, in an article about Mali) is more often a
    // name than a place; keep it only with a locative before it or a container after it.
    std::vector<bool> drops(matches_.size(), false);
    // The distinct names of each country, by their first reading.
    std::map<std::string_view, std::set<std::string>> names_per_country;
    for (const Match& m : matches_) {
        const std::string name = text::fold(span_text(m.first, m.last));
        if (m.demonym && m.demonym_country)
            names_per_country[m.demonym_country->country].insert(name);
        if (!m.demonym && !m.candidates.empty())
            names_per_country[m.candidates[0].place.country].insert(name);
    }
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        const Match& m = matches_[mi];
        bool drop = false;
        if (!m.demonym && !m.candidates.empty()) {
            const Place& p = m.candidates[0].place;
            const bool locative = m.first > 0 && (cue(m.first - 1, detail::Cue::locative) ||
                                                  lower_[m.first - 1] == "from");
            // Judged on every reading: the focus re-ranks a name with one in the focus country
            // ("Esperance" read first as the Washington town, in a story about Australia).
            const bool reading_in_focus =
                std::any_of(m.candidates.begin(), m.candidates.end(),
                            [&](const Candidate& c) { return c.place.country == focus_; });
            drop = !focus_.empty() && p.type == PlaceType::place && p.population < 50000 &&
                   !reading_in_focus && !locative && !container_of(mi);
            // A town abroad found only by one of its foreign-language names, in a country the
            // article never names, is a coincidence of spelling, whatever its size.
            const bool alternate = m.candidates[0].kind == gazetteer::NameKind::alternate ||
                                   m.candidates[0].quality == gazetteer::MatchQuality::loose;
            // Not a name some unit has too ("Dnipropetrovsk": Dnipro's former name and its
            // oblast's), nor one the text puts a place in ("Zelenodolsk, Dnipropetrovsk").
            const bool unit_name =
                std::any_of(m.candidates.begin(), m.candidates.end(),
                            [](const Candidate& c) { return c.place.type != PlaceType::place; });
            const bool after_comma = m.first > 0 && lower_[m.first - 1] == ",";
            drop = drop || (p.type == PlaceType::place && alternate && !locative && !unit_name &&
                            !after_comma && p.country != focus_ &&
                            !countries_named_.count(std::string(p.country)));
            // A village abroad in a country nothing else in the text lies in, even after
            // "in", is a street or quarter of a place the story is about ("a sushi bar in
            // Piccadilly" in a London story is not the Western Australian hamlet).
            auto alone = [&](const Place& x) {
                const auto in_country = names_per_country.find(x.country);
                return x.country != focus_ &&
                       (in_country == names_per_country.end() || in_country->second.size() <= 1);
            };
            // ... unless another reading of the name lies where the story is ("Esperance" in
            // a story about Australia: the focus re-ranks it there).
            const bool reading_here =
                std::any_of(m.candidates.begin(), m.candidates.end(),
                            [&](const Candidate& c) { return !alone(c.place); });
            drop = drop || (!focus_.empty() && p.type == PlaceType::place && !reading_here &&
                            p.population < gazetteer::kRanking.lone_village_population &&
                            !container_of(mi));
        }
        if (!m.demonym && !m.candidates.empty() && m.first > 0 &&
            tokens_[m.first - 1].capitalized && cue(m.first - 1, detail::Cue::direction) &&
            adjacent(m.first - 1, m.first)) {
            // A capitalised direction before the name may be part of a longer name the
            // gazetteer lacks ("West Midlands" is not Zimbabwe's Midlands, "Central Luzon" not
            // a village called Luzon): keep the shorter name only where the document is and
            // only for a unit or a city ("Eastern Ukraine", "North-Western Sydney"): where
            // another name of the document lies in the same country.
            const Place& p = m.candidates[0].place;
            const auto in_country = names_per_country.find(p.country);
            const bool here =
                in_country != names_per_country.end() && in_country->second.size() > 1;
            const bool small = p.type == PlaceType::place && p.feature_code != "PPLC" &&
                               p.population < gazetteer::kRanking.strong_town_population;
            // A country is always itself: "Eastern Ukraine" is a part of Ukraine.
            drop = drop || (p.type != PlaceType::admin0 && (!here || small));
        }
        drops[mi] = drop;
    }
    erase_matches(drops);
}

namespace {

// The best reading leads every reading in another country by the anchor margin.
bool abroad_settled(const std::vector<Candidate>& candidates) {
    const Candidate& best = candidates[0];
    return std::none_of(candidates.begin() + 1, candidates.end(), [&](const Candidate& c) {
        return c.place.country != best.place.country &&
               best.score - c.score < gazetteer::kRanking.anchor_margin;
    });
}

}  // namespace

void Parse::compute_focus() {
    // The document's focus country: where its places lie. Towns and units weigh most,
    // countries named literally less, demonyms least; states named as actors not at all.
    std::map<std::string, double> tally;
    for (const auto& m : matches_) {
        if (m.demonym) {
            if (m.demonym_country) tally[std::string(m.demonym_country->country)] += 0.5;
            continue;
        }
        if (m.candidates.empty()) continue;
        const Place& p = m.candidates[0].place;
        if (p.country.empty() || role_of(m, p) != Role::location) continue;
        // A town whose homonyms abroad score about as well does not vote: six mentions of
        // "Esperance" in a story about Western Australia are no evidence for the US.
        if (p.type == PlaceType::place && !abroad_settled(m.candidates)) continue;
        tally[std::string(p.country)] += p.type == PlaceType::admin0 ? 1.0 : 2.0;
    }
    double best = 0;
    for (const auto& [c, w] : tally)
        if (w > best) {
            best = w;
            focus_ = c;
        }
    if (!focus_.empty()) lookups_.clear();  // readings under no focus
    for (const auto& m : matches_) {
        if (m.demonym && m.demonym_country)
            countries_named_.insert(std::string(m.demonym_country->country));
        // Countries, units, and towns named by their own (preferred or official) names; a
        // unit or town only where its homonyms abroad trail ("Warwick" names Bermuda's
        // parish no more than the Queensland town).
        if (!m.demonym && !m.candidates.empty() &&
            (m.candidates[0].place.type == PlaceType::admin0 || abroad_settled(m.candidates)) &&
            (m.candidates[0].place.type != PlaceType::place ||
             m.candidates[0].kind == gazetteer::NameKind::preferred ||
             m.candidates[0].kind == gazetteer::NameKind::official))
            countries_named_.insert(std::string(m.candidates[0].place.country));
    }
}

void Parse::prefer_container_reading(Match& c, std::uint32_t place) {
    // The text puts a place inside this reading of the name: evidence of the container
    // weight, added once, so that later re-ranking keeps it first.
    if (c.container_reading) return;
    for (Candidate& x : c.candidates)
        if (x.place.index == place) x.score += gazetteer::kRanking.container;
    std::stable_sort(c.candidates.begin(), c.candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    c.container_reading = true;
}

bool Parse::list_continues(std::size_t mi) const {
    // "Kyiv, Lviv and Odesa": another name follows after "and", "or" or a comma.
    const std::size_t k = matches_[mi].last;
    if (k >= tokens_.size() || mi + 1 >= matches_.size()) return false;
    const std::string_view w = lower_[k];
    if (w != "," && w != "and" && w != "or") return false;
    const std::size_t next = matches_[mi + 1].first;
    return next == k + 1 || (next == k + 2 && (lower_[k + 1] == "and" || lower_[k + 1] == "or"));
}

void Parse::place_in_containers() {
    // A place the text puts inside a unit lies there: candidates outside it are homonyms.
    // When none lies inside and the name has only small towns elsewhere, the place is the
    // unit itself ("somewhere in"); a large city elsewhere means the comma joins a list.
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& m = matches_[mi];
        if (m.demonym || m.candidates.empty()) continue;
        const auto container = container_of(mi);
        if (!container) continue;
        Match& c = matches_[container->match];
        const bool any_inside = std::any_of(
            m.candidates.begin(), m.candidates.end(),
            [&](const Candidate& x) { return detail::inside(x.place, container->place); });
        const Place& best = m.candidates[0].place;
        const double floor = m.candidates[0].score - gazetteer::kRanking.container_reading_gap;
        // "Montana, Nebraska": a list of units; of one country below a country ("Bradford,
        // Ontario" is no list of an English district and a Canadian province).
        const bool unit_reading =
            std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Candidate& x) {
                return x.place.type != PlaceType::place && x.score >= floor &&
                       (container->place.type == PlaceType::admin0 ||
                        x.place.country == container->place.country);
            });
        // A list joins names of one country ("Kharkiv, Lviv"); a town the text puts in a unit
        // of another country than its only large homonym is in that unit ("Zelenodolsk,
        // Dnipropetrovsk": not the Tatarstan town).
        const bool abroad = best.country != container->place.country;
        const bool weak = best.type == PlaceType::place && best.feature_code != "PPLC" &&
                          (best.population < gazetteer::kRanking.strong_town_population ||
                           (abroad && !list_continues(container->match))) &&
                          !unit_reading;
        if (!any_inside && !weak) continue;
        prefer_container_reading(c, container->place.index);  // "Luhansk": the oblast
        if (!any_inside && container->place.type != PlaceType::admin0)
            m.fallback = container->place;
    }
}

void Parse::add_fallbacks_for_unknown_names() {
    // "shelled near Zolota Nyva, Donetsk": a capitalised name the gazetteer lacks, followed by
    // the unit it lies in, is somewhere in that unit. So is a longer name of which only a part
    // matched a town elsewhere ("Shakhta imeni Gagarina, Donetsk" is not Shakhta in Perm).
    const std::size_t count = matches_.size();
    std::vector<bool> drops(count, false);
    for (std::size_t ci = 0; ci < count; ++ci) {
        const Match& c = matches_[ci];
        if (c.demonym || c.candidates.empty() || c.first < 2) continue;
        const std::string_view link = lower_[c.first - 1];
        if (link != "," && link != "(") continue;
        const auto unit =
            std::find_if(c.candidates.begin(), c.candidates.end(), [](const Candidate& x) {
                return x.place.type == PlaceType::admin1 || x.place.type == PlaceType::admin2 ||
                       x.place.type == PlaceType::region;
            });
        if (unit == c.candidates.end()) continue;
        // "its Americas, Eastern Mediterranean, and European regions": a list of regions.
        if (unit->place.type == PlaceType::region && link == "," && list_continues(ci)) continue;
        const Place unit_place = unit->place;
        // A token that may belong to the unknown name: an unmatched name word, a particle
        // between name words, or part of a town match lying outside the unit.
        auto part_of_name = [&](std::size_t k) {
            if (tokens_[k].possessive) return false;
            if (token_match_[k] >= 0) {
                const Match& x = matches_[static_cast<std::size_t>(token_match_[k])];
                return !x.demonym && !x.fallback && !x.candidates.empty() &&
                       x.candidates[0].place.type == PlaceType::place &&
                       std::none_of(
                           x.candidates.begin(), x.candidates.end(),
                           [&](const Candidate& y) { return detail::inside(y.place, unit_place); });
            }
            return name_word(k) || (k > 0 && cue(k, detail::Cue::connector) && name_word(k - 1));
        };
        const std::size_t last = c.first - 1;
        std::size_t first = last;
        while (first > 0 && part_of_name(first - 1) &&
               (first == last || adjacent(first - 1, first)))
            --first;
        while (first < last && !name_word(first)) ++first;  // never start with a particle
        if (first == last || last - first > 5) continue;
        bool partial = false;  // a town match inside the span: the span must be longer
        bool unmatched = false;
        for (std::size_t k = first; k < last; ++k) {
            if (token_match_[k] >= 0)
                partial = true;
            else
                unmatched = unmatched || name_word(k);
        }
        if (partial && !unmatched) continue;  // the town alone: place_in_containers decides
        const Token& t = tokens_[first];
        if (headline_line_[t.line] || written_cue(first, detail::Cue::title) ||
            cue(first, detail::Cue::function_word) || (last - first == 1 && common(first)) ||
            title_before(first))
            continue;
        for (std::size_t k = first; k < last; ++k)
            if (token_match_[k] >= 0) drops[static_cast<std::size_t>(token_match_[k])] = true;
        Match f{first, last, false, false, {}, {}};
        f.fallback = unit_place;
        matches_.push_back(std::move(f));
        drops.push_back(false);
        prefer_container_reading(matches_[ci], unit_place.index);
    }
    erase_matches(drops);
    std::sort(matches_.begin(), matches_.end(),
              [](const Match& a, const Match& b) { return a.first < b.first; });
    index_tokens();
}

std::vector<detail::ListReading> Parse::list_neighbours(std::size_t mi) const {
    // The names joined to this one by "," / "and" / "or" in its sentence, as first read.
    std::vector<detail::ListReading> out;
    auto joined = [&](std::size_t a, std::size_t b) {  // token ranges [.., a) and [b, ..)
        if (b < a || b - a > 2 || tokens_[a].sentence != tokens_[b].sentence) return false;
        for (std::size_t k = a; k < b; ++k) {
            const std::string_view w = lower_[k];
            if (w != "," && w != "and" && w != "or") return false;
        }
        return b > a;
    };
    auto add = [&](const Match& n) {
        if (n.demonym || n.fallback || n.candidates.empty()) return;
        const Place& p = n.candidates[0].place;
        out.push_back({p.type, p.type == PlaceType::admin0 ? "" : std::string(p.country)});
    };
    // "Pervomaisk, Luhansk" is a town and its unit, not a list.
    auto contains = [&](std::size_t place, std::size_t unit) {
        const auto c = container_of(place);
        return c && c->match == unit;
    };
    // The whole list, both ways: "British Columbia, Alberta, Manitoba, Ontario and New
    // Brunswick" reads as provinces even where one neighbour has a town reading.
    // At most list_reach members each way: work stays linear in the text.
    const std::size_t reach = gazetteer::kRanking.list_reach;
    for (std::size_t k = mi; k > 0 && mi - k < reach &&
                             joined(matches_[k - 1].last, matches_[k].first) && !contains(k - 1, k);
         --k)
        add(matches_[k - 1]);
    for (std::size_t k = mi; k + 1 < matches_.size() && k - mi < reach &&
                             joined(matches_[k].last, matches_[k + 1].first) && !contains(k, k + 1);
         ++k)
        add(matches_[k + 1]);
    return out;
}

void Parse::rerank_in_context() {
    detail::Context context;
    context.named_countries = countries_named_;
    context.focus = focus_;
    std::vector<Place> anchors;
    for (const Match& m : matches_)
        if (!m.demonym && !m.fallback &&
            detail::unambiguous(m.candidates, gazetteer::kRanking.anchor_margin))
            anchors.push_back(m.candidates[0].place);
    context.anchors = detail::Anchors(std::move(anchors));
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& m = matches_[mi];
        if (m.demonym || m.candidates.size() < 2 || m.fallback) continue;
        const auto container = container_of(mi);
        context.container =
            container ? std::optional<Place>(container->place) : std::optional<Place>();
        context.list = list_neighbours(mi);
        detail::rerank(m.candidates, context);
    }
}

void Parse::settle_counties_without_units() {
    // "Crawford County located in Pennsylvania" is not Crawford, Nebraska: counties are
    // mostly named after people, not after a town in them. Without the county in the
    // gazetteer, the name is somewhere in the unit the text puts it in; the town of the name
    // stands for it only where it is plausibly the seat: a large city ("Dallas County"), or
    // a town in a unit the story names ("Frederick County" in a story about Maryland).
    // Else the name is not placed.
    std::vector<std::int32_t> named_units;
    for (const Match& m : matches_)
        if (!m.demonym && !m.candidates.empty() && m.candidates[0].place.type == PlaceType::admin1)
            named_units.push_back(static_cast<std::int32_t>(m.candidates[0].place.index));
    std::sort(named_units.begin(), named_units.end());
    std::vector<bool> drops(matches_.size(), false);
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& m = matches_[mi];
        const bool county_inside = m.admin_word && cue(m.last - 1, detail::Cue::county_word);
        const bool county_after = m.last < tokens_.size() && adjacent(m.last - 1, m.last) &&
                                  cue(m.last, detail::Cue::county_word);  // "Jefferson Parish"
        if (m.demonym || m.fallback || m.candidates.empty() || !(county_inside || county_after) ||
            m.candidates[0].place.type != PlaceType::place)
            continue;
        const Place& town = m.candidates[0].place;
        if (town.population >= gazetteer::kRanking.strong_town_population) continue;
        const auto container = container_of(mi);
        if (container && container->place.type != PlaceType::admin0)
            m.fallback = container->place;  // what the text says, not a guess at the seat
        else if (!std::binary_search(named_units.begin(), named_units.end(), town.admin1))
            drops[mi] = true;
    }
    // "Scott County, Indiana ... in Scott County": once put in a unit, everywhere.
    std::map<std::string, Place> placed;
    for (std::size_t mi = 0; mi < matches_.size(); ++mi)
        if (!drops[mi] && matches_[mi].fallback)
            placed.emplace(text::fold(span_text(matches_[mi].first, matches_[mi].last)),
                           *matches_[mi].fallback);
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        if (!drops[mi]) continue;
        const auto it = placed.find(text::fold(span_text(matches_[mi].first, matches_[mi].last)));
        if (it == placed.end()) continue;
        matches_[mi].fallback = it->second;
        drops[mi] = false;
    }
    erase_matches(drops);
}

void Parse::keep_one_sense_per_name() {
    // One sense per discourse: a name placed by a container ("Novotroitske, Donetsk") keeps
    // that reading where the document repeats it bare.
    std::vector<bool> contained(matches_.size());
    std::map<std::string, std::size_t> placed;  // folded name -> first contained match
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        const Match& m = matches_[mi];
        contained[mi] = !m.demonym && (m.fallback || (!m.candidates.empty() && container_of(mi)));
        if (contained[mi]) placed.emplace(text::fold(span_text(m.first, m.last)), mi);
    }
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& m = matches_[mi];
        if (m.demonym || contained[mi]) continue;
        const auto it = placed.find(text::fold(span_text(m.first, m.last)));
        if (it == placed.end()) continue;
        const Match& ref = matches_[it->second];
        if (ref.fallback) {
            if (m.candidates.empty() || m.candidates[0].place.type == PlaceType::place)
                m.fallback = ref.fallback;
        } else if (!m.candidates.empty()) {
            const auto idx = ref.candidates[0].place.index;
            std::stable_partition(m.candidates.begin(), m.candidates.end(),
                                  [&](const Candidate& x) { return x.place.index == idx; });
        }
    }
}

void Parse::resolve() {
    index_tokens();
    drop_people_named_again();
    compute_focus();
    drop_unlikely_foreign_towns();
    // The focus country changes the gazetteer's ranking: look names up again with it.
    if (!focus_.empty())
        for (Match& m : matches_)
            if (!m.demonym && !m.abbreviation && !m.candidates.empty())
                m.candidates = lookup(span_text(m.first, m.last));
    place_in_containers();
    add_fallbacks_for_unknown_names();
    rerank_in_context();
    place_in_containers();  // the readings may have changed
    settle_counties_without_units();
    keep_one_sense_per_name();
}

Role Parse::role_of(const Match& m, const Place& p) const {
    if (m.demonym) return Role::demonym;
    if (m.other) return Role::other;
    // Only states, capitals and large regions stand for governments.
    const bool can_be_metonym =
        p.type == PlaceType::admin0 || p.type == PlaceType::region || p.feature_code == "PPLC";
    if (!can_be_metonym) return Role::location;

    // Walk back over a coordinated list ("from either Moscow or Beijing", "the United States,
    // Europe, and ...") to the word that governs it.
    std::size_t k = m.first;
    std::string_view governing;
    bool governing_locative = false;
    while (k > 0) {
        --k;
        if (token_match_[k] >= 0 && tokens_[k].sentence == tokens_[m.first].sentence) continue;
        const std::string_view w = lower_[k];
        if (w == "," || w == "and" || w == "or" || w == "either" || w == "both" || w == "the" ||
            w == "neither" || w == "nor")
            continue;
        if (tokens_[k].sentence == tokens_[m.first].sentence) {
            governing = w;
            governing_locative = cue(k, detail::Cue::locative);
        }
        break;
    }
    if (governing_locative) return Role::location;
    // "the health secretary of Mexico said": the place of an office; "the government of
    // China" is the state.
    if (governing == "of") {
        const std::size_t of = k;
        const bool state = of > 0 && cue(of - 1, detail::Cue::government_noun);
        return state ? Role::metonym : Role::location;
    }
    // "US officials", "UK government": a country as the modifier of a government noun is
    // the state.
    if (m.last < tokens_.size() && !tokens_[m.last - 1].possessive &&
        adjacent(m.last - 1, m.last) && !tokens_[m.last].capitalized &&
        cue(m.last, detail::Cue::government_noun))
        return Role::metonym;
    if (governing == "from" || governing == "by" || governing == "with") {
        for (std::size_t s = m.first; s > 0 && tokens_[s - 1].sentence == tokens_[m.first].sentence;
             --s)
            if (cue(s - 1, detail::Cue::response_noun))
                return Role::metonym;  // "responses have come from Moscow", "response from the
                                       // United States"
        if (governing == "by") return Role::metonym;  // "a claim by Moscow"
        return Role::location;
    }
    // Possessive: "China's envoy" is the state; "Russia's Kursk Oblast" is the place.
    if (tokens_[m.last - 1].possessive && m.last < tokens_.size()) {
        if (token_match_[m.last] >= 0) return Role::location;
        std::size_t n = m.last;
        while (n < tokens_.size() && n < m.last + 3) {
            if (cue(n, detail::Cue::government_noun)) return Role::metonym;
            if (!tokens_[n].word) break;
            ++n;
        }
        return Role::location;
    }
    // Subject of a verb of speech or decision: "Moscow did not respond", "Beijing and Moscow
    // maintain", "China has long positioned itself".
    std::size_t n = m.last;
    while (n < tokens_.size() && tokens_[n].sentence == tokens_[m.first].sentence) {
        const std::string_view w = lower_[n];
        const bool abbreviation_dot =  // "The U.S. said"
            w == "." && n == m.last && tokens_[m.last - 1].text.find('.') != std::string::npos;
        if (token_match_[n] >= 0 || w == "," || w == "and" || w == "or" || w == "the" ||
            abbreviation_dot || cue(n, detail::Cue::auxiliary)) {
            ++n;
            continue;
        }
        if (cue(n, detail::Cue::state_verb) ||
            (w.size() > 2 &&
             detail::is_cue(std::string_view(w).substr(0, w.size() - 1), detail::Cue::state_verb)))
            return Role::metonym;
        break;
    }
    return Role::location;
}

void Parse::report_unresolved(GeoparseResult& out) const {
    // Capitalised words after a locative preposition, or a name with an administrative word,
    // that matched nothing: reported so that no place is dropped in silence.
    for (std::size_t i = 1; i < tokens_.size(); ++i) {
        if (token_match_[i] >= 0 || !name_word(i) || tokens_[i].all_caps) continue;
        const std::string_view prev = lower_[i - 1];
        const bool after_locative =
            cue(i - 1, detail::Cue::locative) || prev == "village" || prev == "town" ||
            (prev == "of" && i >= 2 &&
             (lower_[i - 2] == "village" || lower_[i - 2] == "town" || lower_[i - 2] == "city"));
        std::size_t j = i + 1;
        while (j < tokens_.size() && name_word(j) && adjacent(j - 1, j) && token_match_[j] < 0) ++j;
        const bool with_admin_word =
            j < tokens_.size() && cue(j, detail::Cue::admin_word) && adjacent(j - 1, j);
        if (!after_locative && !with_admin_word) continue;
        if (common(i) || written_cue(i, detail::Cue::title) || headline_line_[tokens_[i].line])
            continue;
        const std::size_t end = with_admin_word ? j + 1 : j;
        Mention u;
        u.text = std::string(span_text(i, end));
        u.start = tokens_[i].cp_begin;
        u.end = tokens_[end - 1].cp_end;
        u.byte_start = tokens_[i].byte_begin;
        u.byte_end = tokens_[end - 1].byte_end;
        u.line = tokens_[i].line;
        u.sentence = tokens_[i].sentence;
        u.role = Role::location;
        u.admin_word = with_admin_word;
        out.warnings.push_back("line " + std::to_string(u.line + 1) + ": no place found for '" +
                               u.text + "'");
        out.mentions.push_back(std::move(u));
        i = end - 1;
    }
}

GeoparseResult Parse::run() {
    mark_headlines();
    for (const auto& [first, last] : runs()) match_run(first, last);
    resolve();

    GeoparseResult out;
    out.focus_country = focus_;
    for (const Match& m : matches_) {
        Mention x;
        x.text = std::string(span_text(m.first, m.last));
        x.start = tokens_[m.first].cp_begin;
        x.end = tokens_[m.last - 1].cp_end;
        x.byte_start = tokens_[m.first].byte_begin;
        x.byte_end = tokens_[m.last - 1].byte_end;
        x.line = tokens_[m.first].line;
        x.sentence = tokens_[m.first].sentence;
        x.admin_word = m.admin_word;
        if (m.demonym) {
            x.place = m.demonym_country;
            x.candidates = 1;
            x.confidence = 0.95;
        } else if (m.fallback) {
            x.place = m.fallback;
            x.resolution = Resolution::container;
            x.candidates = m.candidates.size();
            x.confidence = 0.5;
        } else {
            x.place = m.candidates[0].place;
            x.candidates = m.candidates.size();
            const double margin =
                m.candidates.size() > 1 ? m.candidates[0].score - m.candidates[1].score : 1.0;
            double c = 0.55 + 0.45 * std::min(1.0, margin / 0.4);
            if (m.candidates[0].quality == gazetteer::MatchQuality::loose) c *= 0.8;
            x.confidence = std::round(std::min(0.99, c) * 100) / 100;
        }
        x.role = role_of(m, *x.place);
        out.mentions.push_back(std::move(x));
    }
    report_unresolved(out);
    std::stable_sort(out.mentions.begin(), out.mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.start < b.start; });
    return out;
}

}  // namespace

Geoparser::Geoparser(const gazetteer::Gazetteer& gazetteer, Lexicon lexicon)
    : gazetteer_(gazetteer), lexicon_(std::move(lexicon)) {}

namespace {

// Where to cut a long text: the last paragraph break before `limit`, else the last line
// break, else the last space (never inside a UTF-8 sequence: all three are ASCII).
std::size_t cut_point(std::string_view text, std::size_t limit) {
    const std::string_view head = text.substr(0, limit);
    for (std::string_view sep : {"\n\n", "\n", " "}) {
        const auto at = head.rfind(sep);
        if (at != std::string_view::npos && at > limit / 2) return at + sep.size();
    }
    std::size_t at = limit;  // no white space at all: cut at a character boundary
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

}  // namespace

void Geoparser::parse_parts(std::string_view text, const std::string& source,
                            const std::function<void(GeoparseResult&&)>& sink) const {
    text::require_utf8(text, source);
    // A very long input (a whole feed in one file) is parsed in parts of about 1 MiB cut at
    // paragraph breaks, so that memory stays bounded; each part has its own focus country.
    constexpr std::size_t kPart = std::size_t{1} << 20;
    std::size_t byte_offset = 0, cp_offset = 0, line_offset = 0, sentence_offset = 0;
    do {
        const std::string_view rest = text.substr(byte_offset);
        const std::size_t size = rest.size() <= kPart ? rest.size() : cut_point(rest, kPart);
        const std::string_view part = rest.substr(0, size);
        GeoparseResult r = Parse(gazetteer_, lexicon_, part).run();
        std::size_t max_sentence = 0;
        for (auto& m : r.mentions) {
            m.start += cp_offset;
            m.end += cp_offset;
            m.byte_start += byte_offset;
            m.byte_end += byte_offset;
            m.line += line_offset;
            max_sentence = std::max(max_sentence, m.sentence);
            m.sentence += sentence_offset;
        }
        if (byte_offset > 0 || size < text.size())
            for (auto& w : r.warnings) w = "part at byte " + std::to_string(byte_offset) + ": " + w;
        byte_offset += size;
        cp_offset += text::count_code_points(part);
        line_offset += static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
        sentence_offset += max_sentence + 1;
        sink(std::move(r));
    } while (byte_offset < text.size());
}

GeoparseResult Geoparser::parse(std::string_view text, const std::string& source) const {
    GeoparseResult all;
    std::map<std::string, std::size_t> focus_votes;
    parse_parts(text, source, [&](GeoparseResult&& r) {
        if (all.mentions.empty() && all.warnings.empty() && focus_votes.empty()) {
            all = std::move(r);
            if (!all.focus_country.empty()) ++focus_votes[all.focus_country];
            return;
        }
        std::move(r.mentions.begin(), r.mentions.end(), std::back_inserter(all.mentions));
        std::move(r.warnings.begin(), r.warnings.end(), std::back_inserter(all.warnings));
        if (!r.focus_country.empty()) ++focus_votes[r.focus_country];
    });
    std::size_t best = 0;
    for (const auto& [country, votes] : focus_votes)
        if (votes > best) {
            best = votes;
            all.focus_country = country;
        }
    return all;
}

}  // namespace mapwire::geoparse
