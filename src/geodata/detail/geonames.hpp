// Reader for GeoNames dump files (cities500.txt, UA.txt, allCountries.txt): 19 tab-separated
// columns as documented in the dump's readme.txt.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
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

// What the pipeline makes of a GeoNames record, by feature class and code.
enum class FeatureUse {
    place,    // a populated place
    country,  // the point of a country (PCLI and other political entities)
    admin1,   // the point of a first-order unit (ADM1)
    area,     // a named area, region or terrain feature, kept as a region-type place
    skip,
};

// The rules of geodata/geonames_features.tsv: an exact (class, code) row wins over the class's
// "*" row; a class without rows is skipped.
class FeatureRules {
public:
    static FeatureRules read(const std::string& path);
    FeatureUse use(const std::string& feature_class, const std::string& feature_code) const;

private:
    std::map<std::pair<std::string, std::string>, FeatureUse> rules_;
};

// Calls `sink` for every record; throws GeodataError naming file:line for a malformed line.
void read_geonames(const std::string& path, const std::function<void(GeoNamesRecord&&)>& sink);

}  // namespace mapwire::geodata::detail
