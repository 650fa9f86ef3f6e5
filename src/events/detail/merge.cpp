// Merging of repeated and combined reports.
#include "events/detail/merge.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

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
    if (same.date.precision == DatePrecision::approximate &&
        e.date.precision != DatePrecision::approximate && !e.date.date.empty())
        same.date = e.date;
}

}  // namespace

// Both merges look candidates up by key instead of scanning every event kept so far: an
// article of 30,000 event sentences took minutes that way. The first candidate in the order
// kept is still the one chosen.
namespace {

using Key = std::string;

Key kind_key(const Event& e) {
    return std::string(to_string(e.type)) + '\x1f' + std::string(to_string(e.sub_type)) +
           (e.background ? "\x1f"
                           "1"
                         : "\x1f"
                           "0");
}

}  // namespace

std::vector<Event> merge_reports(std::vector<Event> events) {
    std::vector<Event> merged;
    // Events of one kind with the same second actor, in the order kept; and the latest event
    // of each kind.
    std::unordered_map<Key, std::vector<std::size_t>> by_actor2;
    std::unordered_map<Key, std::size_t> latest_of_kind;
    for (auto& e : events) {
        const bool bare = e.actor1.country.empty() && e.actor2.country.empty() && e.counts.empty();
        const Key kind = kind_key(e);
        std::optional<std::size_t> same;
        if (!e.actor2.country.empty())
            if (const auto it = by_actor2.find(kind + '\x1f' + e.actor2.country);
                it != by_actor2.end())
                for (const std::size_t i : it->second) {
                    const Event& m = merged[i];
                    if (m.actor1.country.empty() || e.actor1.country.empty() ||
                        m.actor1.country == e.actor1.country) {
                        same = i;
                        break;
                    }
                }
        // A report with no actors and no counts ("the soldiers were apprehended") adds detail
        // to the latest event of its kind, not a new event.
        if (!same && bare)
            if (const auto it = latest_of_kind.find(kind); it != latest_of_kind.end())
                same = it->second;
        if (same) {
            // absorb() may give the event its second actor: index it under that one too.
            const bool had_actor2 = !merged[*same].actor2.country.empty();
            absorb(merged[*same], e);
            const Event& m = merged[*same];
            if (!had_actor2 && !m.actor2.country.empty()) {
                auto& list = by_actor2[kind + '\x1f' + m.actor2.country];
                list.insert(std::upper_bound(list.begin(), list.end(), *same), *same);
            }
            continue;
        }
        const std::size_t i = merged.size();
        if (!e.actor2.country.empty()) by_actor2[kind + '\x1f' + e.actor2.country].push_back(i);
        latest_of_kind[kind] = i;
        merged.push_back(std::move(e));
    }
    return merged;
}

std::vector<Event> combine_same_place(std::vector<Event> events, const Tables& tables) {
    std::vector<Event> out;
    // The events that can combine (not background, a sub-type ranked above 1, a location), by
    // paragraph, date and either name of their place: the place's id, or the same name in the
    // text ("near Berestove. ... in Berestove, Donetsk": the village unknown to the gazetteer
    // the first time, put in its unit the second).
    auto eligible = [&](const Event& e) {
        return !e.background && e.location && tables.rank(e.sub_type) > 1;
    };
    auto keys = [](const Event& e) {
        const std::string head = std::to_string(e.paragraph) + '\x1f' + e.date.date + '\x1f';
        std::vector<Key> k{head + "id\x1f" + std::string(e.location->id)};
        if (!e.location_text.empty()) k.push_back(head + "text\x1f" + e.location_text);
        return k;
    };
    std::unordered_map<Key, std::set<std::size_t>> index;
    for (auto& e : events) {
        std::optional<std::size_t> same;
        if (eligible(e))
            for (const Key& k : keys(e))
                if (const auto it = index.find(k); it != index.end() && !it->second.empty())
                    same = std::min(same.value_or(*it->second.begin()), *it->second.begin());
        if (!same) {
            if (eligible(e))
                for (const Key& k : keys(e)) index[k].insert(out.size());
            out.push_back(std::move(e));
            continue;
        }
        Event& o = out[*same];
        const bool finer = tables.rank(e.sub_type) > tables.rank(o.sub_type);
        add_counts(finer ? e : o, finer ? o : e, false);
        if (finer) {
            if (e.actor1.name.empty()) e.actor1 = o.actor1;
            if (e.actor2.name.empty()) e.actor2 = o.actor2;
            for (const Key& k : keys(o)) index[k].erase(*same);
            o = std::move(e);
            for (const Key& k : keys(o)) index[k].insert(*same);
        }
    }
    return out;
}

}  // namespace mapwire::events::detail
