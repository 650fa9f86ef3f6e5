// What the gazetteer knows about one place: the vocabulary shared by lookup and its callers.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace mapwire::gazetteer {

// admin2: a second-order unit (a US county); appended so that index files keep their codes.
enum class PlaceType : std::uint8_t { admin0 = 0, admin1 = 1, place = 2, region = 3, admin2 = 4 };

std::string_view to_string(PlaceType type);

// The level of a kind of place: towns (0) lie in counties (1), these in first-order units
// and regions (2), these in countries (3). Containment, lists and geo precision compare
// levels.
constexpr int level(PlaceType type) {
    switch (type) {
        case PlaceType::place:
            return 0;
        case PlaceType::admin2:
            return 1;
        case PlaceType::admin1:
        case PlaceType::region:
            return 2;
        case PlaceType::admin0:
            return 3;
    }
    return 0;
}
std::optional<PlaceType> parse_place_type(std::string_view text);

// How a name belongs to a place; earlier kinds are stronger evidence.
enum class NameKind : std::uint8_t {
    preferred = 0,  // the preferred English name
    official = 1,   // an official or ISO name
    alternate = 2,  // a variant, former name or other-language spelling
    code = 3,       // an ISO code or abbreviation ("UA-14", "USA")
    demonym = 4,    // a people or adjective ("Ukrainian", "North Koreans"); not a name of the
                    // place, so lookup() ignores it; see Gazetteer::demonym()
};

// A place as stored; string views point into the gazetteer, valid while it is open.
struct Place {
    std::uint32_t index = 0;  // position in the gazetteer
    std::string_view
        id;  // stable id: "country:UA", "admin1:UA-14", "geonames:709717", "region:donbas"
    std::string_view name;  // preferred English name
    PlaceType type = PlaceType::place;
    std::string_view country;          // ISO 3166-1 alpha-2 ("" for regions spanning countries)
    std::string_view iso_code;         // ISO 3166-2 for admin-1 units, alpha-2 for countries
    std::string_view feature_code;     // GeoNames feature code for places (PPLC, PPLA, PPL...)
    std::int32_t admin1 = -1;          // index of the admin-1 unit containing it, or -1
    std::int32_t parent_country = -1;  // index of its country, or -1
    std::int64_t population = 0;
    double lat = 0;  // the gazetteer's point: GeoNames' for towns; for areas the conventional
    double lon = 0;  // point gazetteers give (geodata/country_points.tsv, see geodata/README.md)
    // Where a map names an area or sets a "somewhere in" marker: its polygon's label point
    // (inside the polygon, unlike some conventional points). For towns, lat/lon.
    double label_lat = 0;
    double label_lon = 0;
    double area_km2 = 0;  // geodesic area for areas, 0 for points
    float min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;  // extent
    std::string_view occupied_by;  // alpha-2 of an occupying state (default worldview), or ""
    std::int16_t occupied_since = 0;
    std::int32_t scalerank = -1;  // Natural Earth label importance (0 most important), -1 none
};

}  // namespace mapwire::gazetteer
