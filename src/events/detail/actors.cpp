// Actors from the words around a trigger: the group or state acting, the object with the
// side it fights for, and ACLED's names for them (actors.tsv).
#include <algorithm>

#include "events/detail/arguments.hpp"
#include "events/detail/numbers.hpp"

namespace mapwire::events::detail {

namespace {

using geoparse::Mention;
using geoparse::Role;

// "two Chinese nationals", "two injured North Korean soldiers": a counted phrase.
bool counted(const Document& doc, const Span& s, std::size_t k) {
    for (std::size_t b = k; b > s.first && b + 3 > k && doc.token(b - 1).word; --b)
        if (auto n = parse_number_word(doc.token(b - 1).text);
            n && !n->article && !(n->value >= 1900 && n->value <= 2100))
            return true;
    return false;
}

bool envoy_after(const Document& doc, const Span& s, std::size_t k) {
    return doc.any_in(k + 1, std::min(s.last, k + 4), List::envoy);
}

Actor actor_of(const Document& doc, std::size_t first, std::size_t last, std::string country) {
    Actor a{std::string(doc.slice(first, last)), std::move(country), {}, {}};
    const Mention* m = doc.mention_at(first);
    a.adjective = m && m->role == Role::demonym && doc.mention_at(last - 1) == m;
    name_as_acled(doc, first, last, a);
    return a;
}

// A group noun phrase ending at token k: "Russian forces", "Sudan's army", "RSF fighters".
std::optional<Actor> group_actor(const Document& doc, const Span& s, std::size_t k) {
    std::size_t from = k;
    // "Russian military forces", "the NAF rebel forces", "Wagner fighters"
    while (from > s.first && from + 4 > k && doc.token(from - 1).word &&
           !doc.mention_at(from - 1) &&
           (((doc.token(from - 1).capitalized || doc.token(from - 1).all_caps) &&
             !doc.token(from - 1).sentence_start) ||
            doc.in(List::modifier, from - 1)))
        --from;
    const Mention* lead = from > s.first ? doc.mention_at(from - 1) : nullptr;
    if (counted(doc, s, lead ? from - 1 : from)) return std::nullopt;  // the object
    if (lead && lead->place &&
        (lead->role == Role::demonym ||
         (doc.token(from - 1).possessive && lead->place->type == gazetteer::PlaceType::admin0))) {
        std::size_t first = from - 1;
        while (first > s.first && doc.mention_at(first - 1) == lead) --first;
        return actor_of(doc, first, k + 1, std::string(lead->place->country));
    }
    return actor_of(doc, from, k + 1, {});
}

}  // namespace

void name_as_acled(const Document& doc, std::size_t first, std::size_t last, Actor& a) {
    const Tables& tab = doc.tables();
    for (std::size_t k = first > 3 ? first - 3 : 0; k < last; ++k)
        if (auto it = tab.actor_by_word.find(doc.word(k)); it != tab.actor_by_word.end()) {
            a.acled = it->second.acled;
            a.country = it->second.country;
            if (it->second.side != it->second.country) a.side = it->second.side;
            return;
        }
    if (a.country.empty()) return;
    auto it = tab.actor_by_country.find(a.country);
    if (it == tab.actor_by_country.end()) return;
    // A state's armed forces: "Russian forces", "the Ukrainian army", or the state itself
    // acting ("Russia launched missiles").
    const bool military = doc.in(List::military, last - 1) || doc.mention_at(last - 1);
    if (!military) return;
    a.acled = it->second.acled;
    if (it->second.side != a.country) a.side = it->second.side;
}

Actor actor_before(const Document& doc, const Span& s, std::size_t t) {
    for (std::size_t k = t; k-- > s.first;) {
        // "the army said ... attacks": the subject of a verb of saying only speaks.
        if (doc.in(List::speech, k)) return {};
        if (const Mention* m = doc.mention_at(k);
            m && m->place && (m->role == Role::demonym || m->role == Role::metonym)) {
            if (!doc.mention_starts(k) || counted(doc, s, k)) continue;
            if (doc.token(k).possessive && envoy_after(doc, s, k)) continue;
            std::size_t end = k + 1;
            while (end < s.last && doc.mention_at(end) == m) ++end;
            if (end < s.last && doc.in(List::group, end)) ++end;
            return actor_of(doc, k, end, std::string(m->place->country));
        }
        if (doc.in(List::group, k))
            if (auto a = group_actor(doc, s, k)) return *a;
    }
    return {};
}

namespace {

// A counted demonym phrase anywhere in the clause is the object ("taken two Chinese nationals
// into custody"), wherever the trigger is; s.last when there is none.
std::size_t counted_object(const Document& doc, const Span& s) {
    for (std::size_t k = s.first; k < s.last; ++k) {
        const Mention* m = doc.mention_at(k);
        if (m && m->place && m->role == Role::demonym && doc.mention_starts(k) &&
            counted(doc, s, k))
            return k;
    }
    return s.last;
}

// A possessive state with an envoy: "China's diplomatic representative".
Actor envoy_of_state(const Document& doc, const Span& s, std::size_t t) {
    for (std::size_t k = s.first; k < s.last; ++k) {
        const Mention* m = doc.mention_at(k);
        if (!m || !m->place || !doc.token(k).possessive ||
            m->place->type != gazetteer::PlaceType::admin0 || k == t)
            continue;
        for (std::size_t n = k + 1; n < std::min(s.last, k + 4); ++n)
            if (doc.in(List::envoy, n))
                return {std::string(doc.slice(k, n + 1)), std::string(m->place->country), {}, {}};
    }
    return {};
}

// "... fighting alongside the Russian army", "for Russia": the state the object fights for.
void fighting_for(const Document& doc, const Span& s, std::size_t from, Actor& a) {
    for (std::size_t k = from; k + 1 < s.last; ++k) {
        const std::string_view w = doc.word(k);
        if (w != "for" && w != "alongside" && w != "with") continue;
        for (std::size_t n = k + 1; n < std::min(s.last, k + 4); ++n)
            if (const Mention* m = doc.mention_at(n);
                m && m->place && m->place->country != a.country &&
                (m->role == Role::demonym || m->place->type == gazetteer::PlaceType::admin0)) {
                a.side = std::string(m->place->country);
                a.name += " fighting for " + std::string(m->place->name);
                return;
            }
    }
}

}  // namespace

Actor actor_after(const Document& doc, const Span& s, std::size_t t) {
    const std::size_t object = counted_object(doc, s);
    for (std::size_t k = object < s.last ? object : t + 1; k < s.last; ++k) {
        const Mention* m = doc.mention_at(k);
        if (!m || !m->place || m->role != Role::demonym) continue;
        Actor a{m->text, std::string(m->place->country), {}, {}};
        std::size_t end = k + 1;
        while (end < s.last && doc.mention_at(end) == m) ++end;
        if (end < s.last && doc.token(end).word && !doc.mention_at(end)) {
            a.name += " " + std::string(doc.token(end).text);
            ++end;
        }
        name_as_acled(doc, k, end, a);
        fighting_for(doc, s, std::min(t, object) + 1, a);
        return a;
    }
    return envoy_of_state(doc, s, t);
}

}  // namespace mapwire::events::detail
