// The parse of one text: its lookup caches, the bookkeeping of matches, and the result.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "gazetteer/ranking.hpp"
#include "geoparse/detail/compounds.hpp"
#include "geoparse/detail/parse.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"

namespace mapwire::geoparse::detail {

Parse::Parse(const gazetteer::Gazetteer& g, const Lexicon& lex, std::string_view text,
             const std::vector<Token>& tokens)
    : gaz_(g),
      lex_(lex),
      text_(text),
      split_(split_compounds(tokens, g)),
      tokens_(split_.empty() ? tokens : split_) {
    // Every pass asks about lower-case words: fold the text once (ASCII lower case keeps
    // every byte where it is) and view each token in it.
    lowered_text_ = text::ascii_lower(text_);
    lower_.reserve(tokens_.size());
    cues_.reserve(tokens_.size());
    written_cues_.reserve(tokens_.size());
    for (const Token& t : tokens_) {
        lower_.push_back(std::string_view(lowered_text_).substr(t.byte_begin, t.text.size()));
        cues_.push_back(detail::cues_of(lower_.back()));
        written_cues_.push_back(t.text == lower_.back() ? cues_.back() : detail::cues_of(t.text));
    }
    common_.assign(tokens_.size(), -1);
    folded_.resize(tokens_.size());
    folded_known_.assign(tokens_.size(), false);
    name_words_.reserve(tokens_.size());
    for (std::size_t i = 0; i < tokens_.size(); ++i) name_words_.push_back(is_name_word(i));
}

std::vector<Candidate> Parse::lookup_uncached(std::string_view phrase) const {
    const gazetteer::LookupOptions options{
        .country = {},
        .type = {},
        .prefer_country = focus_,
        .limit = 40,
        // acceptable() refuses shorter spelling variants
        .spelling_variants = phrase.size() >= gazetteer::kRanking.loose_match_min_bytes};
    if (!focus_.empty())
        if (const auto it = unfocused_.find(phrase);
            it != unfocused_.end() && it->second.size() < options.limit)
            return gazetteer::Gazetteer::ranked(it->second, options);
    return gaz_.lookup(phrase, options);
}

const std::vector<Candidate>& Parse::lookup(std::string_view phrase) {
    // The keys are views into the text, which outlives the parse.
    auto it = lookups_.find(phrase);
    if (it == lookups_.end()) it = lookups_.emplace(phrase, lookup_uncached(phrase)).first;
    return it->second;
}

const std::string& Parse::folded(std::size_t k) {
    if (!folded_known_[k]) {
        folded_[k] = text::fold(tokens_[k].text);
        folded_known_[k] = true;
    }
    return folded_[k];
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

std::size_t Parse::token_match_of(std::size_t k, std::size_t match_begin) const {
    for (std::size_t m = match_begin; m < matches_.size(); ++m)
        if (k >= matches_[m].first && k < matches_[m].last) return m;
    return matches_.size();
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

void Parse::report_unresolved(GeoparseResult& out) const {
    // Capitalised words after a locative preposition, or a name with an administrative word,
    // that matched nothing: reported so that no place is dropped in silence.
    for (std::size_t i = 1; i < tokens_.size(); ++i) {
        if (token_match_[i] >= 0 || !name_word(i) || tokens_[i].all_caps) continue;
        const bool after_locative = cue(i - 1, detail::Cue::locative) ||
                                    cue(i - 1, detail::Cue::settlement_noun) ||
                                    after_settlement_of(i);
        std::size_t j = i + 1;
        while (j < tokens_.size() && token_match_[j] < 0) {
            if (name_word(j) && adjacent(j - 1, j))
                ++j;
            else if (abbreviation_dot(j) && token_match_[j + 1] < 0)
                j += 2;  // "St. Peter"
            else
                break;
        }
        // "St. Peter's Square": the facility a possessive name heads.
        if (j < tokens_.size() && tokens_[j - 1].possessive && tokens_[j].capitalized &&
            cue(j, detail::Cue::facility))
            ++j;
        const bool with_admin_word =
            j < tokens_.size() && cue(j, detail::Cue::admin_word) && adjacent(j - 1, j);
        if (!after_locative && !with_admin_word) continue;
        // "According to Xinhua News Agency, Beijing ...": an organisation's name is no place.
        if (holds_organisation_word(i, j)) {
            i = j - 1;
            continue;
        }
        // "in North-Western Sydney": a direction before a name the text placed is no name.
        const bool direction_before_match = cue(i, detail::Cue::direction) && j == i + 1 &&
                                            j < tokens_.size() && token_match_[j] >= 0;
        if (common(i) || written_cue(i, detail::Cue::title) ||
            written_cue(i, detail::Cue::not_place) || headline_line_[tokens_[i].line] ||
            direction_before_match)
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
        if (const Place* unit = container_after(end, with_admin_word)) {
            // "the village of Cellardyke in Fife": somewhere in the unit the text puts it in.
            u.place = *unit;
            u.resolution = Resolution::container;
            u.confidence = gazetteer::kRanking.container_fallback_confidence;
        } else {
            out.warnings.push_back("line " + std::to_string(u.line + 1) + ": no place found for '" +
                                   u.text + "'");
        }
        out.mentions.push_back(std::move(u));
        i = end - 1;
    }
}

const Place* Parse::container_after(std::size_t k, bool admin_word) const {
    // The place the text puts an unknown name in, read at k + 1: "in Fife", ", Mashonaland
    // East" after "Wedza district", "of Uttar Pradesh" after "Gondra district". An admin-1 or
    // admin-2 unit or a named region (a country is too coarse to stand for a village); a
    // city too after "district of" ("the Adhamiyah district of Baghdad" is a part of it).
    if (k + 1 >= tokens_.size() || token_match_[k + 1] < 0) return nullptr;
    const std::string_view link = lower_[k];
    const bool of_district = admin_word && link == "of";
    if (link != "in" && !of_district && !(admin_word && link == ",")) return nullptr;
    const Match& c = matches_[static_cast<std::size_t>(token_match_[k + 1])];
    if (c.first != k + 1 || c.demonym || c.fallback || c.candidates.empty()) return nullptr;
    const Place& p = c.candidates[0].place;
    const bool unit = p.type == PlaceType::admin1 || p.type == PlaceType::admin2 ||
                      p.type == PlaceType::region || (of_district && p.type == PlaceType::place);
    return unit ? &p : nullptr;
}

double Parse::confidence(std::size_t mi, const detail::Anchors& resolved) const {
    const Match& m = matches_[mi];
    const auto& best = m.candidates[0];
    const double margin = m.candidates.size() > 1 ? best.score - m.candidates[1].score : 1.0;
    double c = 0.55 + 0.45 * std::min(1.0, margin / 0.4);
    if (best.quality == gazetteer::MatchQuality::loose) c *= 0.8;
    const Place& p = best.place;
    const bool small_town = p.type == PlaceType::place && p.feature_code != "PPLC" &&
                            p.population < gazetteer::kRanking.strong_town_population;
    if (small_town && !container_of(mi) && !resolved.near(p))
        c = std::min(c, gazetteer::kRanking.unsupported_town_confidence);
    return std::round(std::min(0.99, c) * 100) / 100;
}

GeoparseResult Parse::run() {
    mark_headlines();
    auto rs = runs();
    const auto unit_words = shared_unit_words(rs);
    for (std::size_t r = 0; r < rs.size(); ++r) match_run(rs[r].first, rs[r].second, unit_words[r]);
    resolve();

    // Every place the text resolved, for the support a town's confidence asks of its context.
    std::vector<Place> places;
    for (const Match& m : matches_)
        if (!m.demonym && !m.fallback && !m.candidates.empty())
            places.push_back(m.candidates[0].place);
    const detail::Anchors support(std::move(places));

    GeoparseResult out;
    out.focus_country = focus_;
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        const Match& m = matches_[mi];
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
            x.confidence = gazetteer::kRanking.container_fallback_confidence;
        } else {
            x.place = m.candidates[0].place;
            x.candidates = m.candidates.size();
            x.confidence = confidence(mi, support);
        }
        x.role = role_of(m, *x.place);
        out.mentions.push_back(std::move(x));
    }
    const auto resolved = static_cast<std::ptrdiff_t>(out.mentions.size());
    report_unresolved(out);
    // Into text order. The matches are in text order already and the unresolved names few:
    // merging them in moves a few mentions, where sorting all moved every one (a mention is
    // large) about log n times. Ties keep resolved mentions first, as a stable sort did.
    const auto by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
    const auto begin = out.mentions.begin(), middle = begin + resolved, end = out.mentions.end();
    if (!std::is_sorted(begin, middle, by_start)) {
        std::stable_sort(begin, end, by_start);
    } else if (middle != end) {
        std::stable_sort(middle, end, by_start);
        std::inplace_merge(begin, middle, end, by_start);
    }
    return out;
}

}  // namespace mapwire::geoparse::detail
