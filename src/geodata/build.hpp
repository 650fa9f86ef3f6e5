// The geodata pipeline: assembles the bundled dataset (GeoPackage + gazetteer index) from
// Natural Earth, GeoNames, iso-codes and the curated tables in geodata/.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.hpp"

namespace mapwire::geodata {

class GeodataError : public ErrorKind<GeodataError> {
public:
    using ErrorKind::ErrorKind;
};

enum class Worldview { de_jure, de_facto };

// What a country's or admin-1 unit's lat/lon is: the polygon's label point (where the renderer
// sets its name) or the gazetteer point (the point gazetteers and geoparsing benchmarks give
// for the area as a whole: geodata/country_points.tsv, a full GeoNames dump's PCLI and ADM1
// rows, else the largest-part rule). geodata/settings.tsv chooses; BuildOptions can override.
enum class AreaPoints { label, gazetteer };

struct BuildOptions {
    // Folders searched, in order, for the Natural Earth 10m files (Debian's packages ship them
    // in two folders; an official download is one folder).
    std::vector<std::string> ne_dirs;
    // Countries as TopoJSON (npm world-atlas countries-10m.json); used when no
    // ne_10m_admin_0_countries.shp is found in ne_dirs.
    std::string world_atlas;
    // US counties as TopoJSON (npm us-atlas counties-10m.json, layers counties and states);
    // optional: without it the dataset has no second-order units.
    std::string us_counties;
    // GeoNames dumps in the standard format: cities500.txt first, then any country file or
    // allCountries.txt to extend the gazetteer; a later record replaces an earlier one with
    // the same geonameid.
    std::vector<std::string> geonames;
    std::string iso_codes_dir = "/usr/share/iso-codes/json";
    // iso-codes' translations (LANG/LC_MESSAGES/iso_3166-*.mo): the local names.
    std::string locale_dir = "/usr/share/locale";
    std::string words = "/usr/share/dict/american-english";  // English word list (wamerican)
    std::vector<std::string> first_names;  // first-name lists, one name a line (optional)
    std::string curated_dir;               // the repository's geodata/ folder (TSV tables)
    std::string out_dir;
    Worldview worldview = Worldview::de_jure;
    std::optional<AreaPoints> area_points;  // unset: as geodata/settings.tsv says
};

struct BuildReport {
    std::size_t countries = 0, admin1 = 0, admin1_with_iso = 0, regions = 0, places = 0;
    std::size_t counties = 0;  // US counties (admin2)
    std::size_t geonames_records = 0, geonames_codes_mapped = 0;
    std::size_t geonames_areas = 0;  // GeoNames area and terrain features kept as regions
    std::size_t local_names = 0;     // countries and units with a local name (names: local)
    std::vector<std::string> notes;  // what could not be matched, by name
};

// Builds out_dir/mapwire.gpkg and out_dir/gazetteer.idx (each written atomically).
BuildReport build_dataset(const BuildOptions& options, std::ostream& log);

}  // namespace mapwire::geodata
