// Place serialisation for the JSON contracts of lookup and geocode: one list of fields, put
// into a tree or a streaming writer.
#include "cli/detail/place_json.hpp"

#include <cmath>

namespace mapwire::cli::detail {
namespace {

// Calls put(name, value) for each field, in output order; a value is a string view, a
// number or nullptr.
template <class Put>
void place_fields(const gazetteer::Gazetteer& gaz, const gazetteer::Place& p, bool full,
                  Put&& put) {
    put("id", p.id);
    put("name", p.name);
    put("type", gazetteer::to_string(p.type));
    if (p.country.empty())
        put("country", nullptr);
    else
        put("country", p.country);
    if (p.admin1 >= 0)
        put("admin1", gaz.place(static_cast<std::uint32_t>(p.admin1)).name);
    else
        put("admin1", nullptr);
    put("lat", round_to(p.lat, 5));
    put("lon", round_to(p.lon, 5));
    if (!full) return;
    put("population", p.population);
    if (p.type == gazetteer::PlaceType::place)
        put("area_km2", nullptr);
    else
        put("area_km2", round_to(p.area_km2, 1));
    if (!p.iso_code.empty()) put("iso_code", p.iso_code);
    if (!p.occupied_by.empty()) {
        put("occupied_by", p.occupied_by);
        put("occupied_since", p.occupied_since);
    }
}

}  // namespace

double round_to(double v, int digits) {
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

nlohmann::ordered_json place_json(const gazetteer::Gazetteer& gaz, const gazetteer::Place& p,
                                  bool full) {
    nlohmann::ordered_json j;
    place_fields(gaz, p, full, [&](const char* name, const auto& value) { j[name] = value; });
    return j;
}

void write_place(json::Writer& w, const gazetteer::Gazetteer& gaz, const gazetteer::Place& p,
                 bool full) {
    w.begin_object();
    place_fields(gaz, p, full, [&](const char* name, const auto& value) {
        w.key(name);
        w.value(value);
    });
    w.end_object();
}

}  // namespace mapwire::cli::detail
