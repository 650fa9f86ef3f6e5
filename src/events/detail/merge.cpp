// Merging of repeated and combined reports.
#include "events/detail/merge.hpp"

#include <algorithm>

namespace mapwire::events::detail {

namespace {

// Adds `from`'s counts to `into`: the larger value of a meaning when both give it, or the
// sum when `add` (counts of distinct reports of one event).
void add_counts(Event& into, const Event& from, bool add) {
    for (const auto& c : from.counts) {
        auto it = std::find_if(into.counts.begin(), into.counts.end(),
                               [&](const Count& x) { return x.meaning == c.meaning; });
        if (it == into.counts.end())
            into.counts.push_back(c);
        else if (it->unknown)
            *it = c;
        else if (add && !c.unknown)
            it->value += c.value;
        else if (c.value > it->value)
            *it = c;
    }
}

// The same place, or the same name for it ("near Berestove. ... in Berestove, Donetsk":
// the village unknown to the gazetteer the first time, put in its unit the second).
bool same_place(const Event& a, const Event& b) {
    if (!a.location || !b.location) return false;
    return a.location->id == b.location->id ||
           (!a.location_text.empty() && a.location_text == b.location_text);
}

// Whether `finer` can stand for `coarse`: it lies inside it (a town in the unit a report put
// the event in), or nothing more than the country was known. A homonym elsewhere does not.
bool refines(const gazetteer::Place& finer, const std::optional<gazetteer::Place>& coarse) {
    if (!coarse || coarse->type == gazetteer::PlaceType::admin0) return true;
    if (coarse->type == gazetteer::PlaceType::admin1)
        return finer.admin1 == static_cast<std::int32_t>(coarse->index);
    return false;
}

void absorb(Event& same, const Event& e) {
    add_counts(same, e, false);
    if (e.geo_precision < same.geo_precision && e.location && refines(*e.location, same.location)) {
        same.location = e.location;
        same.location_text = e.location_text;
        same.geo_precision = e.geo_precision;
    }
    if (same.date.date.empty()) same.date = e.date;
    if (same.attribution.empty()) same.attribution = e.attribution;
    if (same.actor2.side.empty() && !e.actor2.side.empty()) same.actor2 = e.actor2;
    if (same.actor1.country.empty() && !e.actor1.country.empty()) same.actor1 = e.actor1;
    if (same.date.precision == "approximate" && e.date.precision != "approximate" &&
        !e.date.date.empty())
        same.date = e.date;
}

}  // namespace

std::vector<Event> merge_reports(std::vector<Event> events) {
    std::vector<Event> merged;
    for (auto& e : events) {
        const bool bare = e.actor1.country.empty() && e.actor2.country.empty() && e.counts.empty();
        auto same = std::find_if(merged.begin(), merged.end(), [&](const Event& m) {
            if (m.type != e.type || m.sub_type != e.sub_type || m.background != e.background)
                return false;
            const bool actor1_fits = m.actor1.country.empty() || e.actor1.country.empty() ||
                                     m.actor1.country == e.actor1.country;
            return actor1_fits && !m.actor2.country.empty() && m.actor2.country == e.actor2.country;
        });
        // A report with no actors and no counts ("the soldiers were apprehended") adds detail
        // to the latest event of its kind, not a new event.
        if (same == merged.end() && bare)
            for (auto it = merged.rbegin(); it != merged.rend(); ++it)
                if (it->type == e.type && it->sub_type == e.sub_type &&
                    it->background == e.background) {
                    same = std::prev(it.base());
                    break;
                }
        if (same == merged.end())
            merged.push_back(std::move(e));
        else
            absorb(*same, e);
    }
    return merged;
}

std::vector<Event> combine_same_place(std::vector<Event> events, const Tables& tables) {
    std::vector<Event> out;
    for (auto& e : events) {
        auto same = std::find_if(out.begin(), out.end(), [&](const Event& o) {
            return o.paragraph == e.paragraph && !o.background && !e.background &&
                   same_place(o, e) && o.date.date == e.date.date && tables.rank(o.sub_type) > 1 &&
                   tables.rank(e.sub_type) > 1;
        });
        if (same == out.end()) {
            out.push_back(std::move(e));
            continue;
        }
        add_counts(tables.rank(e.sub_type) > tables.rank(same->sub_type) ? e : *same,
                   tables.rank(e.sub_type) > tables.rank(same->sub_type) ? *same : e, false);
        if (tables.rank(e.sub_type) > tables.rank(same->sub_type)) {
            if (e.actor1.name.empty()) e.actor1 = same->actor1;
            if (e.actor2.name.empty()) e.actor2 = same->actor2;
            *same = std::move(e);
        }
    }
    return out;
}

}  // namespace mapwire::events::detail
