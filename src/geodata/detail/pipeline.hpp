// The geodata pipeline's state and steps (internal): build.cpp runs the steps that read the
// sources and write the outputs, areas.cpp the steps that give areas their points and add
// regions (curated ones and GeoNames' area features).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gazetteer/index_writer.hpp"
#include "geodata/build.hpp"
#include "geodata/detail/place_names.hpp"
#include "geodata/detail/geonames.hpp"
#include "geodata/detail/tables.hpp"
#include "geometry/geometry.hpp"

namespace mapwire::geodata::detail {

struct Unit {
    geometry::Geometry geometry;
    std::string ne_country, ne_name, iso, iso_type, country, occupied_by, preferred;
    std::vector<std::pair<std::string, gazetteer::NameKind>> names;
    std::int16_t occupied_since = 0;
    int scalerank = -1;
    std::uint32_t entry = 0;
};

// Whether an alternate name from GeoNames is one a text would use (not a URL or a code).
bool keep_alternate(const std::string& name);
// A place entry with a GeoNames record's id, names (moved out of it), point and population.
gazetteer::PlaceEntry geonames_entry(GeoNamesRecord& r, gazetteer::PlaceType type);

class Pipeline {
public:
    Pipeline(const BuildOptions& o, std::ostream& log) : opt_(o), log_(log) {}
    BuildReport run();

private:
    // build.cpp
    std::string find_ne(const std::string& file, bool required) const;
    void step(const std::string& what);
    void read_settings();
    void read_countries();
    void read_admin1();
    void dissolve_countries();
    void add_country_entries();
    void add_admin1_entries();
    void read_places();
    void read_natural_earth_places();
    void assign_continents();
    void write_outputs();
    // areas.cpp
    void fill_area(gazetteer::PlaceEntry& e, const geometry::Geometry& g);
    void apply_country_points();
    void apply_geonames_area_points();
    void add_geonames_areas();
    void add_regions();
    // counties.cpp
    void add_us_counties();
    struct Members {
        std::vector<geometry::Geometry> parts;
        std::set<std::string> countries;
    };
    Members region_members(const TableRow& r, const std::string& path) const;

    const BuildOptions& opt_;
    std::ostream& log_;
    BuildReport report_;
    gazetteer::IndexWriter index_;
    std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
    // Whether a country's or unit's lat/lon is the gazetteer point (country_points.tsv,
    // GeoNames PCLI/ADM1 rows, the largest-part rule) or the polygon's label point; see
    // geodata/settings.tsv.
    bool gazetteer_points_ = false;
    // Countries whose GeoNames names lose BGN's soft-sign marks (settings.tsv).
    NamingRules naming_;

    std::vector<IsoCountry> iso_countries_;
    std::vector<IsoSubdivision> iso_subdivisions_;
    std::map<std::string, geometry::Geometry> country_geometry_;  // alpha2 -> geometry
    std::map<std::string, std::vector<geometry::Geometry>>
        atlas_geometry_;  // alpha2 -> world-atlas parts, as read
    std::map<std::string, std::string> country_source_name_;
    std::map<std::string, std::uint32_t> country_entry_;  // alpha2 -> entry
    std::vector<Unit> units_;
    std::map<std::string, std::size_t> unit_by_iso_;
    std::map<std::string, std::string> continent_;  // alpha2 -> continent
    std::vector<std::pair<std::uint32_t, geometry::Geometry>> region_geometry_;
    // Place id -> the label point of its polygon (the `label` setting's lat/lon), written to
    // the GeoPackage's area layers whichever point lat/lon is.
    std::map<std::string, geometry::Point> label_point_;
    std::map<std::int64_t, std::uint32_t> place_by_geonameid_;
    std::map<std::string, std::map<std::string, std::int64_t>>
        continent_votes_;  // cc -> tz area -> people
    // GeoNames (country, admin-1 code) -> index in units_, by point-in-polygon vote.
    std::map<std::pair<std::string, std::string>, std::size_t> code_to_unit_;
    // GeoNames records other than populated places, by what they are used for.
    std::map<std::int64_t, GeoNamesRecord> geonames_countries_, geonames_admin1_, geonames_areas_;
};

}  // namespace mapwire::geodata::detail
