// The parse of one text, pass by pass: the type the geoparser's passes share (spans.cpp,
// not_places.cpp, containers.cpp, resolve.cpp, parse.cpp). Internal to the geoparse module.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "geoparse/detail/context.hpp"
#include "geoparse/detail/cues.hpp"
#include "geoparse/geoparser.hpp"
#include "geoparse/lexicon.hpp"
#include "text/tokenize.hpp"

namespace mapwire::geoparse::detail {

using gazetteer::Candidate;
using gazetteer::Place;
using gazetteer::PlaceType;
using text::Token;

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
    // A unit inside a personal name ("Paul Kemp", "Pope John Paul II"), kept for now: it is
    // the person unless the text names its country elsewhere (drop_unlikely_foreign_towns).
    bool in_personal_name = false;
    // "the Donetsk and Luhansk oblasts": the administrative word the list's members share
    // (singular), with which the name is looked up again in context.
    std::string unit_word;
};

// Where a text puts a place: the match naming the container and the container's reading.
struct Container {
    std::size_t match = 0;
    Place place;
};

class Parse {
public:
    // `tokens`: text::tokenize(text), which must outlive the parse.
    Parse(const gazetteer::Gazetteer& g, const Lexicon& lex, std::string_view text,
          const std::vector<Token>& tokens);

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
    bool glued(std::size_t a, std::size_t b) const {  // b follows a with nothing between
        return tokens_[b].byte_begin == tokens_[a].byte_end;
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
    // A first name that does not also begin place names ("Nova", "Santa": place_prefixes.txt).
    bool first_name(std::size_t k) const {
        return lex_.first_name(tokens_[k].text) && !written_cue(k, detail::Cue::place_prefix);
    }
    bool common(std::size_t k) const {  // an English word (any case), asked once per token
        if (common_[k] < 0) common_[k] = lex_.common(tokens_[k].text) ? 1 : 0;
        return common_[k] == 1;
    }
    void mark_headlines();
    std::size_t connectors_before_name(std::size_t j) const;
    // A title right before token k: "Gov Kelly", "Mr. Kelly" (the tokenizer splits the dot).
    // A word of an organisation's name, capitalised as written, in [first, last): "Xinhua
    // News Agency", "Kenya Red Cross Society".
    bool holds_organisation_word(std::size_t first, std::size_t last) const {
        for (std::size_t k = first; k < last; ++k)
            if (written_cue(k, detail::Cue::organisation_word)) return true;
        return false;
    }
    // "the village of X", "the town of X": the name at k is said to be a settlement.
    bool after_settlement_of(std::size_t k) const {
        return k >= 2 && lower_[k - 1] == "of" && cue(k - 2, detail::Cue::settlement_noun);
    }
    // ", the Chinese health minister," after a name at k: an apposition whose head is a title
    // says the name is a person's.
    bool title_in_apposition(std::size_t k) const {
        if (k >= tokens_.size() || tokens_[k].text != ",") return false;
        for (std::size_t n = k + 1; n < tokens_.size() && n <= k + 5; ++n) {
            if (!tokens_[n].word || tokens_[n].sentence != tokens_[k].sentence) return false;
            if (cue(n, detail::Cue::title) && !tokens_[n].capitalized) return true;
        }
        return false;
    }
    bool title_before(std::size_t k) const {
        if (k > 0 && written_cue(k - 1, detail::Cue::title)) return true;
        return k > 1 && tokens_[k - 1].text == "." && adjacent(k - 2, k - 1) &&
               written_cue(k - 2, detail::Cue::title);
    }
    // The dot of a dotted abbreviation inside a name: "the U.S. Department of Agriculture"
    // (the tokenizer gives "U.S" and "." apart).
    // The dot of "U.S." or "St." inside a name: "the U.S. Department", "St. Louis".
    bool abbreviation_dot(std::size_t k) const {
        return k + 1 < tokens_.size() && tokens_[k].text == "." &&
               (tokens_[k - 1].text.find('.') != std::string_view::npos ||
                written_cue(k - 1, detail::Cue::name_abbreviation)) &&
               glued(k - 1, k) && name_word(k + 1) && adjacent(k, k + 1);
    }
    // A country's code in a currency: "US$460", "$US 1.5 billion", "US $5".
    bool in_currency(std::size_t first, std::size_t last) const {
        auto money = [&](std::size_t k) {
            return tokens_[k].text == "$" || tokens_[k].text == "\u20ac";
        };
        return (last < tokens_.size() && adjacent(last - 1, last) && money(last)) ||
               (first > 0 && glued(first - 1, first) && money(first - 1));
    }
    // A name inside a slash-separated designation: the place where a virus strain was
    // isolated ("A/California/7/2009", "B/Brisbane/60/2008") names the strain, not a place
    // of the story.
    bool in_designation(std::size_t first, std::size_t last) const {
        auto slash = [&](std::size_t k) { return tokens_[k].text == "/"; };
        return first > 0 && last + 1 < tokens_.size() && slash(first - 1) &&
               glued(first - 1, first) && slash(last) && glued(last - 1, last) &&
               glued(last, last + 1) && tokens_[last + 1].number;
    }
    // "Liverpool beat Chelsea 2-1": a name next to a verb of a match report in a sentence
    // that gives a score is the team.
    bool team_in_match_report(const Match& m) const;
    std::vector<std::pair<std::size_t, std::size_t>> runs() const;
    // "and" at token j joins the run begun at `first` to the next word in a name
    // ("Jammu and Kashmir").
    bool and_inside_name(std::size_t first, std::size_t j) const;
    void match_run(std::size_t first, std::size_t last, std::string_view unit_word = {});
    // For each run, the singular of a plural administrative word that follows it or the list
    // it ends ("Cumberland and York counties"), else empty.
    // Trims the word off a run that ends with it.
    std::vector<std::string> shared_unit_words(
        std::vector<std::pair<std::size_t, std::size_t>>& runs) const;
    std::vector<Candidate> unit_word_reading(std::size_t first, std::size_t last,
                                             std::string_view unit_word) const;
    bool match_abbreviation(std::size_t token);
    // `m` gives the span and its administrative word; `candidates` its lookup, not yet copied.
    bool acceptable(const Match& m, const std::vector<Candidate>& candidates) const;
    bool in_unit_named_after(const Match& m, const std::vector<Candidate>& candidates) const;
    bool features_listed_after(std::size_t k) const;
    std::size_t after_appositive(std::size_t k) const;
    bool from_full_name(std::size_t first, std::size_t end) const;
    // True when a match of [match_begin, end) covers token k by a place's own name.
    bool own_name_at(std::size_t k, std::size_t match_begin) const;
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
    // How sure the reading of a resolved match is: its lead over the next candidate, capped
    // for a small town that nothing among the `resolved` places supports (ranking.hpp).
    double confidence(std::size_t match_index, const detail::Anchors& resolved) const;
    std::optional<Container> container_after_or_owner(std::size_t match_index) const;
    // The large city of the container `c`'s name that the town `m` lies in, if any.
    const Candidate* city_around(const Match& m, const Match& c, double floor) const;
    void compute_focus();
    void compute_focus_unit();
    void place_in_containers();
    bool list_continues(std::size_t match_index) const;
    void prefer_container_reading(Match& container, std::uint32_t place);
    void add_fallbacks_for_unknown_names();
    void rerank_in_context();
    bool headed_as_unit(const Match& m) const;
    void read_units_of_heads();
    std::vector<detail::ListReading> list_neighbours(std::size_t match_index) const;
    void settle_counties_without_units();
    void join_city_districts();
    void keep_one_sense_per_name();
    void report_unresolved(GeoparseResult& out) const;
    const Place* container_after(std::size_t k, bool admin_word) const;
    bool unit_after_of(std::size_t i) const;
    std::vector<Candidate> unit_reading(std::size_t first, std::size_t last) const;

    const gazetteer::Gazetteer& gaz_;
    const Lexicon& lex_;
    std::string_view text_;
    std::vector<Token> split_;          // the tokens with compounds split, when any is
    const std::vector<Token>& tokens_;  // split_, or else the tokenizer's
    std::string lowered_text_;
    std::vector<std::string_view> lower_;  // each token in ASCII lower case
    std::vector<detail::CueSet> cues_, written_cues_;
    mutable std::vector<std::int8_t> common_;  // -1 not yet asked
    std::vector<std::uint8_t> name_words_;     // is_name_word(), asked by every pass
    std::vector<bool> headline_line_;
    std::vector<Match> matches_;
    std::vector<int> token_match_;  // token -> match index or -1
    std::string focus_;
    std::int32_t focus_unit_ = -1;  // the admin-1 unit a local story is about, or -1
    // Names repeat within an article ("Russia", "Ukraine"): each phrase is looked up once per
    // focus country.
    std::set<std::string> countries_named_;  // by a country, unit or demonym in the text
    std::set<std::string> person_words_;     // words of personal names, as written
    // Keys are views into the text, which outlives the parse; lookups_ holds the readings
    // under the present focus and is emptied when the focus changes.
    std::unordered_map<std::string_view, std::vector<Candidate>> lookups_;
    // The readings found before the focus was known: those of a name with fewer than the
    // limit are all its readings, which the focus only re-ranks (Gazetteer::ranked).
    std::unordered_map<std::string_view, std::vector<Candidate>> unfocused_;
    std::unordered_map<std::string_view, std::optional<Place>> demonyms_;
    const std::vector<Candidate>& lookup(std::string_view phrase);
    std::vector<std::string> folded_;  // text::fold of each token, once asked
    std::vector<bool> folded_known_;
    const std::string& folded(std::size_t k);
    std::vector<Candidate> lookup_uncached(std::string_view phrase) const;
    const std::optional<Place>& demonym(std::string_view phrase);
};

}  // namespace mapwire::geoparse::detail
