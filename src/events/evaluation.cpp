// Greedy one-to-one matching of extracted to gold events, in text order.
#include "events/evaluation.hpp"

#include "geoparse/evaluation.hpp"

#include <cmath>

namespace mapwire::events {
namespace {

// The same distance as the geoparser's evaluation uses.
double km(double lat1, double lon1, double lat2, double lon2) {
    return geoparse::great_circle_km(lat1, lon1, lat2, lon2);
}

}  // namespace

void EventScore::add(const EventScore& o) {
    gold += o.gold;
    predicted += o.predicted;
    matched += o.matched;
    type_matched += o.type_matched;
    errors.insert(errors.end(), o.errors.begin(), o.errors.end());
}

EventScore score_events(const std::string& document, const std::vector<Event>& got,
                        const std::vector<GoldEvent>& gold) {
    EventScore s;
    s.gold = gold.size();
    s.predicted = got.size();
    std::vector<bool> used(got.size(), false);
    for (const auto& g : gold) {
        bool found = false, type_found = false;
        for (std::size_t i = 0; i < got.size() && !found; ++i) {
            if (used[i] || !got[i].location || got[i].type != g.type) continue;
            if (km(got[i].location->lat, got[i].location->lon, g.lat, g.lon) > 161.0) continue;
            type_found = true;
            if (got[i].sub_type == g.sub_type) {
                used[i] = true;
                found = true;
            }
        }
        if (found) ++s.matched;
        if (found || type_found) ++s.type_matched;
        if (!found)
            s.errors.push_back(document + ": missed event " + std::string(to_string(g.type)) +
                               " / " + std::string(to_string(g.sub_type)) + " at " + g.location);
    }
    for (std::size_t i = 0; i < got.size(); ++i)
        if (!used[i])
            s.errors.push_back(
                document + ": extra event " + std::string(to_string(got[i].type)) + " / " +
                std::string(to_string(got[i].sub_type)) + " at " +
                (got[i].location ? std::string(got[i].location->name) : std::string("?")));
    return s;
}

}  // namespace mapwire::events
