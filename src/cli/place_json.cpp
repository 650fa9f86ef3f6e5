// Place serialisation for the JSON contracts of lookup and geocode.
#include "cli/detail/place_json.hpp"

#include <cmath>

namespace mapwire::cli::detail {

double round_to(double v, int digits) {
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

nlohmann::ordered_json place_json(const gazetteer::Gazetteer& gaz, const gazetteer::Place& p,
                                  bool full) {
    nlohmann::ordered_json j;
    j["id"] = p.id;
    j["name"] = p.name;
    j["type"] = gazetteer::to_string(p.type);
    j["country"] =
        p.country.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.country);
    if (p.admin1 >= 0)
        j["admin1"] = gaz.place(static_cast<std::uint32_t>(p.admin1)).name;
    else
        j["admin1"] = nullptr;
    j["lat"] = round_to(p.lat, 5);
    j["lon"] = round_to(p.lon, 5);
    if (!full) return j;
    j["population"] = p.population;
    if (p.type == gazetteer::PlaceType::place)
        j["area_km2"] = nullptr;
    else
        j["area_km2"] = round_to(p.area_km2, 1);
    if (!p.iso_code.empty()) j["iso_code"] = p.iso_code;
    if (!p.occupied_by.empty()) {
        j["occupied_by"] = p.occupied_by;
        j["occupied_since"] = p.occupied_since;
    }
    return j;
}

}  // namespace mapwire::cli::detail
