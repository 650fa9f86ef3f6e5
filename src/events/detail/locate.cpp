// Location choice for an event.
#include "events/detail/locate.hpp"

#include <algorithm>

namespace mapwire::events::detail {

namespace {

using gazetteer::Place;
using gazetteer::PlaceType;
using geoparse::Mention;
using geoparse::Role;

// How precisely a mention places an event: a town (3) over a county (2) over a unit (1) over
// a country (0).
int rank(const Place& p) {
    return 3 - gazetteer::level(p.type);
}

bool literal(const Mention* m) {
    return m && m->role == Role::location;
}

// The mention that qualifies the one ending before token k: "X, Donetsk", "X, Kharkiv
// region", "X in the Luhansk region", "X, Bakhmutskyi district, Donetsk", "Shakhta imeni
// Gagarina, Donetsk" (a unit or a unit's seat after a comma or "in", past the words of a
// district or of the rest of X's name).
std::optional<std::size_t> qualifier_after(const Document& doc, const Span& s, std::size_t k) {
    std::size_t n = k;
    auto name_part = [&](std::size_t t) {
        return !doc.mention_at(t) && doc.token(t).word &&
               (doc.token(t).capitalized || doc.in(List::place_part, t));
    };
    if (n < s.last && doc.word(n) == ",") ++n;
    std::size_t skipped = 0;
    while (n < s.last && skipped < 3 && (name_part(n) || doc.word(n) == "-")) ++n, ++skipped;
    if (skipped > 0 && !(n < s.last && doc.word(n) == ",")) return std::nullopt;
    if (n < s.last && (doc.word(n) == "," || doc.word(n) == "in")) ++n;
    if (n < s.last && doc.word(n) == "the") ++n;
    if (n == k || n >= s.last || !literal(doc.mention_at(n)) || !doc.mention_starts(n))
        return std::nullopt;
    const Mention* q = doc.mention_at(n);
    if (!q->place || (q->place->type != PlaceType::admin1 && q->place->admin1 < 0))
        return std::nullopt;
    return n;
}

// The admin-1 units a qualifier can name: its own (the unit itself, or the unit of a seat:
// "Donetsk" the city is in Donetsk Oblast) first, then the units of the same name ("Kyiv"
// and "Kyiv region" name Kyiv City and Kyiv Oblast).
std::vector<Place> units_named(const gazetteer::Gazetteer& gaz, const Mention& q) {
    std::vector<Place> out;
    out.push_back(q.place->type == PlaceType::admin1
                      ? *q.place
                      : gaz.place(static_cast<std::uint32_t>(q.place->admin1)));
    gazetteer::LookupOptions options;
    options.type = PlaceType::admin1;
    options.country = std::string(q.place->country);
    options.limit = 3;
    for (const auto& c : gaz.lookup(q.text, options)) out.push_back(c.place);
    return out;
}

std::int32_t unit_of(const Place& p) {
    return p.type == PlaceType::admin1 ? static_cast<std::int32_t>(p.index) : p.admin1;
}

}  // namespace

void locate(const Document& doc, const gazetteer::Gazetteer& gaz, const Span& s, std::size_t t,
            Event& e) {
    std::optional<std::size_t> best;
    std::size_t best_distance = 0;
    bool best_qualified = false;
    std::vector<bool> qualifies(s.last - s.first, false);
    for (std::size_t k = s.first; k < s.last; ++k) {
        const Mention* m = doc.mention_at(k);
        if (!literal(m) || !doc.mention_starts(k) || qualifies[k - s.first]) continue;
        std::size_t end = k + 1;
        while (end < s.last && doc.mention_at(end) == m) ++end;
        if (auto q = qualifier_after(doc, s, end)) qualifies[*q - s.first] = true;
        if (!m->place && !qualifier_after(doc, s, end)) continue;
        const std::size_t distance = k > t ? k - t : t - k;
        const int r = m->place ? rank(*m->place) : 3;
        const int best_rank = !best                          ? 0
                              : doc.mention_at(*best)->place ? rank(*doc.mention_at(*best)->place)
                                                             : 3;
        // On a tie the place the text pins to a unit ("from Izium to Slovyansk, Donetsk"),
        // then the nearest.
        const bool qualified = qualifier_after(doc, s, end).has_value();
        if (!best || r > best_rank ||
            (r == best_rank && (qualified > best_qualified ||
                                (qualified == best_qualified && distance < best_distance)))) {
            best = k;
            best_distance = distance;
            best_qualified = qualified;
        }
    }
    if (!best) return;
    const Mention* m = doc.mention_at(*best);
    std::size_t end = *best + 1;
    while (end < s.last && doc.mention_at(end) == m) ++end;
    e.location_text = m->text;
    if (m->place) {
        e.location = m->place;
        e.geo_precision = m->place->type == PlaceType::place    ? GeoPrecision::town
                          : m->place->type == PlaceType::admin0 ? GeoPrecision::country
                                                                : GeoPrecision::region;
        if (m->resolution == geoparse::Resolution::container)
            e.geo_precision = GeoPrecision::region;
    }
    const auto q = qualifier_after(doc, s, end);
    if (!q) return;
    // "X, Donetsk": X must lie in the unit the text names.
    const auto units = units_named(gaz, *doc.mention_at(*q));
    if (m->place && std::any_of(units.begin(), units.end(), [&](const Place& u) {
            return static_cast<std::int32_t>(u.index) == unit_of(*m->place);
        }))
        return;
    e.location = units.front();
    e.geo_precision = GeoPrecision::region;
}

}  // namespace mapwire::events::detail
