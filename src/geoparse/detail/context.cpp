// Context features of the ranking model: containment, named countries, proximity.
#include "geoparse/detail/context.hpp"

#include <algorithm>

#include "gazetteer/ranking.hpp"
#include "geoparse/evaluation.hpp"

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
        case PlaceType::region:
            return c.lon >= container.min_lon && c.lon <= container.max_lon &&
                   c.lat >= container.min_lat && c.lat <= container.max_lat;
        case PlaceType::place:
            break;
    }
    return great_circle_km(c.lat, c.lon, container.lat, container.lon) <= kRanking.nearby_km;
}

namespace {

// A town near a place resolved without doubt, or a unit holding one ("Georgia" beside
// "Atlanta").
bool near_anchor(const Place& c, const std::vector<Place>& anchors) {
    return std::any_of(anchors.begin(), anchors.end(), [&](const Place& a) {
        if (a.index == c.index || a.type != PlaceType::place) return false;
        if (c.type == PlaceType::admin1) return a.admin1 == static_cast<std::int32_t>(c.index);
        return great_circle_km(c.lat, c.lon, a.lat, a.lon) <= kRanking.nearby_km;
    });
}

}  // namespace

void rerank(std::vector<Candidate>& candidates, const Context& context) {
    if (candidates.size() < 2) return;
    for (Candidate& c : candidates) {
        if (context.container && inside(c.place, *context.container)) c.score += kRanking.container;
        if (c.place.type != PlaceType::admin0 && c.place.country != context.focus &&
            context.named_countries.count(std::string(c.place.country)))
            c.score += kRanking.named_country;
        if ((c.place.type == PlaceType::place || c.place.type == PlaceType::admin1) &&
            near_anchor(c.place, context.anchors))
            c.score += kRanking.nearby;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
}

bool unambiguous(const std::vector<Candidate>& candidates, double margin) {
    return candidates.size() == 1 ||
           (candidates.size() > 1 && candidates[0].score - candidates[1].score >= margin);
}

}  // namespace mapwire::geoparse::detail
