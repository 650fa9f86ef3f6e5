// Splits hyphenated compounds of a name and another word into their parts (compounds.hpp).
#include "geoparse/detail/compounds.hpp"

#include <string_view>
#include <utility>

#include "geoparse/detail/cues.hpp"
#include "text/utf8.hpp"

namespace mapwire::geoparse::detail {
namespace {

using text::Token;

bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

// Bytes [from, to) of token t as a token of its own.
Token part(const Token& t, std::size_t from, std::size_t to, bool word) {
    Token p = t;
    p.text = t.text.substr(from, to - from);
    p.byte_begin = t.byte_begin + from;
    p.byte_end = t.byte_begin + to;
    p.cp_begin = t.cp_begin + text::count_code_points(t.text.substr(0, from));
    p.cp_end = p.cp_begin + text::count_code_points(p.text);
    p.word = word;
    p.sentence_start = t.sentence_start && from == 0;
    p.possessive = t.possessive && to == t.text.size();
    p.capitalized = word && ascii_upper(p.text.front());
    std::size_t letters = 0;
    bool lower = false;
    for (const char c : p.text) {
        letters += ascii_upper(c) || (c >= 'a' && c <= 'z');
        lower = lower || (c >= 'a' && c <= 'z');
    }
    p.all_caps = word && letters >= 2 && !lower;
    p.number = word && p.text.front() >= '0' && p.text.front() <= '9';
    return p;
}

// A state, first-order unit, region or capital: what "X-Y" joins when it is no place.
bool state_like(std::string_view name, const gazetteer::Gazetteer& g) {
    // "US-Mexico": a code counts where it is written as one.
    bool caps = true;
    for (const char c : name) caps = caps && ascii_upper(c);
    for (const gazetteer::Candidate& c : g.lookup(name, {.country = {},
                                                        .type = {},
                                                        .prefer_country = {},
                                                        .limit = 5,
                                                        .spelling_variants = false})) {
        const gazetteer::Place& p = c.place;
        if ((caps || c.kind != gazetteer::NameKind::code) &&
            (p.type == gazetteer::PlaceType::admin0 || p.type == gazetteer::PlaceType::admin1 ||
             p.type == gazetteer::PlaceType::region || p.feature_code == "PPLC"))
            return true;
    }
    return false;
}

// The byte where token t splits (its hyphen), or 0 when it stays whole.
std::size_t split_at(const Token& t, const gazetteer::Gazetteer& g) {
    if (!t.word || t.number || !ascii_upper(t.text.front())) return 0;
    const std::size_t dash = t.text.rfind('-');
    if (dash == std::string_view::npos || dash < 1 || dash + 2 > t.text.size()) return 0;
    const std::string_view after = t.text.substr(dash + 1);
    if (is_cue(after, Cue::place_suffix) || is_cue(after, Cue::actor_suffix)) return dash;
    const std::string_view before = t.text.substr(0, dash);
    if (before.find('-') != std::string_view::npos || !ascii_upper(after.front()) ||
        before.size() < 2 || after.size() < 2)
        return 0;
    const bool whole_is_place = !g.lookup(t.text, {.country = {},
                                                   .type = {},
                                                   .prefer_country = {},
                                                   .limit = 1,
                                                   .spelling_variants = false})
                                     .empty() ||
                                !g.demonym(t.text).empty();
    if (whole_is_place) return 0;
    // Two demonyms ("Afghan-Pakistani border") or two places ("India-Pakistan border"); a
    // place with a demonym is a nationality ("UK-Algerian citizenship") and stays whole.
    const bool demonyms = !g.demonym(before).empty() && !g.demonym(after).empty();
    return demonyms || (state_like(before, g) && state_like(after, g)) ? dash : 0;
}

}  // namespace

std::vector<Token> split_compounds(const std::vector<Token>& tokens,
                                   const gazetteer::Gazetteer& g) {
    // Most tokens stay whole: find the splits first, and copy the tokens only when there are
    // some (a long article has thousands of tokens and a handful of splits).
    std::vector<std::pair<std::size_t, std::size_t>> splits;  // token, byte of its hyphen
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (!t.word || t.text.find('-') == std::string_view::npos) continue;
        if (const std::size_t dash = split_at(t, g)) splits.emplace_back(k, dash);
    }
    if (splits.empty()) return {};
    std::vector<Token> out;
    out.reserve(tokens.size() + 2 * splits.size());
    std::size_t next = 0;  // the next split
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (next == splits.size() || splits[next].first != k) {
            out.push_back(t);
            continue;
        }
        const std::size_t dash = splits[next++].second;
        out.push_back(part(t, 0, dash, true));
        out.push_back(part(t, dash, dash + 1, false));
        out.push_back(part(t, dash + 1, t.text.size(), true));
    }
    return out;
}

}  // namespace mapwire::geoparse::detail
