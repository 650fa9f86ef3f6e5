// Reader for GeoNames dump files (cities500.txt, UA.txt, allCountries.txt): 19 tab-separated
// columns as documented in the dump's readme.txt.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mapwire::geodata::detail {

struct GeoNamesRecord {
    std::int64_t geonameid = 0;
    std::string name, asciiname;
    std::vector<std::string> alternate_names;
    double lat = 0, lon = 0;
    std::string feature_class, feature_code, country_code, admin1_code, timezone;
    std::int64_t population = 0;
};

// Calls `sink` for every record; throws GeodataError naming file:line for a malformed line.
void read_geonames(const std::string& path, const std::function<void(GeoNamesRecord&&)>& sink);

}  // namespace mapwire::geodata::detail
