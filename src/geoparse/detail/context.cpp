// Context features of the ranking model: containment, named countries, proximity.
#include "geoparse/detail/context.hpp"

#include <algorithm>
#include <cmath>

#include "base/great_circle.hpp"
#include "gazetteer/ranking.hpp"

namespace mapwire::geoparse::detail {

using gazetteer::Candidate;
using gazetteer::kRanking;
using gazetteer::Place;
using gazetteer::PlaceType;

bool inside(const Place& c, const Place& container) {
    if (c.index == container.index) return false;
    switch (container.type) {
        case PlaceType::admin0:
            return c.country == container.country;
        case PlaceType::admin1:
            return c.admin1 == static_cast<std::int32_t>(container.index);
        case PlaceType::admin2:  // no county index on places: its state and its box
            if (c.admin1 != container.admin1) return false;
            [[fallthrough]];
        case PlaceType::region:
            // A region known only as a point (an island, a sea: regions.tsv without a
            // polygon) has no box to test: within its country, or for a sea within reach.
            if (container.area_km2 <= 0) {
                if (!container.country.empty()) return c.country == container.country;
                return great_circle_km(c.lat, c.lon, container.lat, container.lon) <=
                       kRanking.point_region_km;
            }
            return c.lon >= container.min_lon && c.lon <= container.max_lon &&
                   c.lat >= container.min_lat && c.lat <= container.max_lat;
        case PlaceType::place:
            break;
    }
    return great_circle_km(c.lat, c.lon, container.lat, container.lon) <= kRanking.nearby_km;
}

namespace {

// A degree of latitude is 111 km everywhere: the band height that holds the nearby radius.
double band_degrees() {
    return kRanking.nearby_km / 111.0;
}
int band_of(double lat) {
    return static_cast<int>(std::floor(lat / band_degrees()));
}

}  // namespace

Anchors::Anchors(std::vector<Place> named) {
    // Once per place: a name repeated 50,000 times is one anchor, not 50,000 to step over.
    std::sort(named.begin(), named.end(),
              [](const Place& a, const Place& b) { return a.index < b.index; });
    named.erase(std::unique(named.begin(), named.end(),
                            [](const Place& a, const Place& b) { return a.index == b.index; }),
                named.end());
    for (Place& p : named) {
        if (p.type == PlaceType::admin1) named_units_.push_back(static_cast<std::int32_t>(p.index));
        if (p.type != PlaceType::place) continue;
        units_.push_back(p.admin1);
        bands_[band_of(p.lat)].push_back(std::move(p));
    }
    for (auto& [band, places] : bands_)
        std::sort(places.begin(), places.end(),
                  [](const Place& a, const Place& b) { return a.lon < b.lon; });
    std::sort(units_.begin(), units_.end());
    std::sort(named_units_.begin(), named_units_.end());
}

bool Anchors::near(const Place& c) const {
    // "Georgia" beside "Atlanta"; and a unit the text names elsewhere without doubt ("New
    // York state ... in New York"): a town inside it is supported by it, the unit no less.
    if (c.type == PlaceType::admin1)
        return std::binary_search(units_.begin(), units_.end(),
                                  static_cast<std::int32_t>(c.index)) ||
               std::binary_search(named_units_.begin(), named_units_.end(),
                                  static_cast<std::int32_t>(c.index));
    if (c.type == PlaceType::admin2)  // "Orange County" in a story that names California
        return c.admin1 >= 0 &&
               std::binary_search(named_units_.begin(), named_units_.end(), c.admin1);
    if (c.type != PlaceType::place) return false;
    // "Malakoff" in a story that names Texas: the Texas town, not the Paris suburb.
    if (c.admin1 >= 0 && std::binary_search(named_units_.begin(), named_units_.end(), c.admin1))
        return true;
    return near_town(c);
}

bool Anchors::near_town(const Place& c) const {
    if (c.type != PlaceType::place || bands_.empty()) return false;
    // Degrees of longitude shrink towards the poles; towns across the antimeridian are missed
    // (a tie-breaker only).
    const double cos_lat = std::cos((std::fabs(c.lat) + band_degrees()) * M_PI / 180.0);
    const double dlon = cos_lat > 0.01 ? band_degrees() / cos_lat : 360.0;
    const int band = band_of(c.lat);
    for (int b = band - 1; b <= band + 1; ++b) {
        const auto it = bands_.find(b);
        if (it == bands_.end()) continue;
        const auto& places = it->second;
        auto p = std::lower_bound(places.begin(), places.end(), c.lon - dlon,
                                  [](const Place& x, double lon) { return x.lon < lon; });
        for (; p != places.end() && p->lon <= c.lon + dlon; ++p)
            if (p->index != c.index &&
                great_circle_km(c.lat, c.lon, p->lat, p->lon) <= kRanking.nearby_km)
                return true;
    }
    return false;
}

bool Anchors::in_named_unit(const Place& c) const {
    return c.type == PlaceType::place && c.admin1 >= 0 &&
           std::binary_search(named_units_.begin(), named_units_.end(), c.admin1);
}

namespace {

// The readings most of a list's other members have (all of them on a tie).
std::vector<ListReading> majority(const std::vector<ListReading>& list) {
    std::vector<std::pair<ListReading, int>> counts;
    for (const ListReading& r : list) {
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) {
            return c.first.type == r.type && c.first.country == r.country;
        });
        if (it == counts.end())
            counts.emplace_back(r, 1);
        else
            ++it->second;
    }
    int most = 0;
    for (const auto& c : counts) most = std::max(most, c.second);
    std::vector<ListReading> out;
    for (const auto& c : counts)
        if (c.second == most) out.push_back(c.first);
    return out;
}

// True when one of the readings is the unit `admin1` itself.
bool reads_unit(const std::vector<Candidate>& candidates, std::int32_t admin1) {
    return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
        return c.place.type == PlaceType::admin1 &&
               static_cast<std::int32_t>(c.place.index) == admin1;
    });
}

}  // namespace

void rerank(std::vector<Candidate>& candidates, const Context& context) {
    if (candidates.size() < 2) return;
    const std::vector<ListReading> list = majority(context.list);
    std::int64_t largest_town = 0;
    for (const Candidate& c : candidates)
        if (c.place.type == PlaceType::place)
            largest_town = std::max(largest_town, c.place.population);
    for (Candidate& c : candidates) {
        if (context.container && inside(c.place, *context.container)) c.score += kRanking.container;
        if (c.place.type != PlaceType::admin0 && c.place.country != context.focus &&
            context.named_countries.count(std::string(c.place.country)))
            c.score += kRanking.named_country;
        // A town, as for the focus, only when not much smaller than its largest homonym.
        if (c.place.type != PlaceType::admin0 && !context.recent_country.empty() &&
            c.place.country == context.recent_country &&
            (c.place.type != PlaceType::place ||
             static_cast<double>(c.place.population) >=
                 kRanking.focus_town_population_share * static_cast<double>(largest_town)))
            c.score += kRanking.recent_country;
        const bool like_list =
            !c.partial && std::any_of(list.begin(), list.end(), [&](const ListReading& r) {
                // A neighbour read as a town says "of this country", not "a town": lists
                // mix towns and units ("New York City and Florida", "Kyiv and Kharkiv
                // Oblast"). Countries and units say the kind too.
                if (r.type == PlaceType::place)
                    return c.place.type != PlaceType::admin0 && r.country == c.place.country;
                return r.type == c.place.type &&
                       (r.type == PlaceType::admin0 || r.country == c.place.country);
            });
        if (like_list) c.score += kRanking.list_member;
        if (context.anchors.near(c.place)) c.score += kRanking.nearby;
        // Within reach of a town the text names, not only in its unit: "Crews from Chatham"
        // in a Springfield, Ill. story are the village beside it, not Chicago's Chatham.
        // Not a town named like the unit of its own name's other reading ("Oskil, Kharkiv":
        // the oblast named there is no evidence for its city).
        if (!c.partial && c.kind != gazetteer::NameKind::alternate &&
            context.anchors.near_town(c.place) && context.anchors.in_named_unit(c.place) &&
            !reads_unit(candidates, c.place.admin1))
            c.score += kRanking.nearby_in_unit;
        if (context.recent_unit >= 0 && c.place.type != PlaceType::admin1 &&
            c.place.admin1 == context.recent_unit)
            c.score += kRanking.recent_unit;
        if (c.place.type == PlaceType::place && context.focus_unit >= 0 &&
            c.place.admin1 == context.focus_unit)
            c.score += kRanking.focus_unit_town;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
}

bool unambiguous(const std::vector<Candidate>& candidates, double margin) {
    return candidates.size() == 1 ||
           (candidates.size() > 1 && candidates[0].score - candidates[1].score >= margin);
}

}  // namespace mapwire::geoparse::detail
