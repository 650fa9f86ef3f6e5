// The points of areas and the region-type places: countries' and units' lat/lon (label point
// or gazetteer point, see settings.tsv), GeoNames' area features, curated regions.
#include <algorithm>

#include "geodata/detail/pipeline.hpp"
#include "geodata/detail/points.hpp"
#include "text/normalize.hpp"

namespace mapwire::geodata::detail {
namespace {

using gazetteer::NameKind;
using gazetteer::PlaceEntry;
using gazetteer::PlaceType;
using geometry::Geometry;
using geometry::Point;

// Countries larger than this (km²) are expected to hold their gazetteer point; smaller ones
// (atolls, archipelagos) often have it in the sea between their islands.
constexpr double kPointInsideMinKm2 = 20000;
constexpr double kPointNearDegrees = 0.5;

// Within a degree of the area's bounds: a gazetteer point far outside is a wrong row.
bool near_bounds(const PlaceEntry& e, Point p) {
    return geometry::Box{e.min_lon - 1.0, e.min_lat - 1.0, e.max_lon + 1.0, e.max_lat + 1.0}
        .contains(p);
}

std::string slug(const std::string& name) {
    std::string s = text::fold(name);
    std::replace(s.begin(), s.end(), ' ', '-');
    return s;
}

}  // namespace

void Pipeline::fill_area(PlaceEntry& e, const Geometry& g) {
    if (g.empty()) return;
    const auto label = g.representative_point();
    label_point_[e.id] = label;
    e.label = {label.lat, label.lon};
    const auto p = gazetteer_points_ ? largest_part_point(g) : label;
    const auto b = g.bounds();
    e.lat = p.lat;
    e.lon = p.lon;
    e.area_km2 = g.geodesic_area_km2();
    e.min_lon = static_cast<float>(b.min_lon);
    e.min_lat = static_cast<float>(b.min_lat);
    e.max_lon = static_cast<float>(b.max_lon);
    e.max_lat = static_cast<float>(b.max_lat);
}

void Pipeline::apply_country_points() {
    const std::string path = opt_.curated_dir + "/country_points.tsv";
    const auto points = read_country_points(path);  // read in either mode: errors show early
    if (!gazetteer_points_) return;
    step("country points (country_points.tsv)");
    for (const auto& [alpha2, entry] : country_entry_) {
        auto& e = index_.at(entry);
        auto p = points.find(alpha2);
        if (p == points.end()) {
            report_.notes.push_back("country " + alpha2 + " (" + e.name + ") is not in " + path +
                                    "; its point follows the largest-part rule");
            continue;
        }
        if (!p->second.point) continue;  // the table says: the rule
        if (!near_bounds(e, *p->second.point)) {
            report_.notes.push_back(path + ":" + std::to_string(p->second.line) +
                                    ": the point of " + alpha2 +
                                    " lies outside the country; kept the rule's point");
            continue;
        }
        e.lat = p->second.point->lat;
        e.lon = p->second.point->lon;
        // A country large enough to hold its conventional point should, give or take a
        // coast (a typo would not).
        if (e.area_km2 > kPointInsideMinKm2) {
            geometry::PolygonIndex one;
            one.add(country_geometry_.at(alpha2), 0);
            if (!one.nearest(*p->second.point, kPointNearDegrees))
                report_.notes.push_back(path + ":" + std::to_string(p->second.line) +
                                        ": the point of " + alpha2 +
                                        " lies away from its polygon; check the row");
        }
    }
}

void Pipeline::apply_geonames_area_points() {
    if (!gazetteer_points_ || (geonames_countries_.empty() && geonames_admin1_.empty())) return;
    step("GeoNames country and admin-1 points");
    // Independent entities (PCLI) before dependent ones, then by geonameid: one point each.
    std::vector<const GeoNamesRecord*> countries;
    for (const auto& [id, r] : geonames_countries_) countries.push_back(&r);
    std::stable_sort(countries.begin(), countries.end(), [](const auto* a, const auto* b) {
        return (a->feature_code != "PCLI") < (b->feature_code != "PCLI");
    });
    std::set<std::string> done;
    for (const auto* r : countries) {
        auto it = country_entry_.find(r->country_code);
        if (it == country_entry_.end() || done.count(r->country_code)) continue;
        auto& e = index_.at(it->second);
        if (!near_bounds(e, {r->lon, r->lat})) continue;  // a territory coded with its state
        e.lat = r->lat;
        e.lon = r->lon;
        done.insert(r->country_code);
    }
    std::set<std::size_t> units_done;
    for (const auto& [id, r] : geonames_admin1_) {
        auto it = code_to_unit_.find({r.country_code, r.admin1_code});
        if (it == code_to_unit_.end() || units_done.count(it->second)) continue;
        const Unit& u = units_[it->second];
        if (!u.geometry.contains({r.lon, r.lat})) {
            report_.notes.push_back("GeoNames ADM1 " + std::to_string(id) + " (" + r.name +
                                    ") lies outside the unit its code maps to (" + u.ne_name +
                                    "); not used");
            continue;
        }
        auto& e = index_.at(u.entry);
        e.lat = r.lat;
        e.lon = r.lon;
        units_done.insert(it->second);
    }
}

void Pipeline::add_geonames_areas() {
    if (geonames_areas_.empty()) return;
    step("GeoNames area, region and terrain features");
    geometry::PolygonIndex pip;
    for (std::size_t i = 0; i < units_.size(); ++i)
        pip.add(units_[i].geometry, static_cast<std::int64_t>(i));
    for (auto& [id, r] : geonames_areas_) {
        PlaceEntry e = geonames_entry(r, PlaceType::region);
        std::optional<std::int64_t> unit;
        if (auto it = code_to_unit_.find({r.country_code, r.admin1_code});
            it != code_to_unit_.end())
            unit = static_cast<std::int64_t>(it->second);
        else
            unit = pip.find({r.lon, r.lat});
        if (unit)
            e.admin1 = static_cast<std::int32_t>(units_[static_cast<std::size_t>(*unit)].entry);
        if (auto it = country_entry_.find(e.country); it != country_entry_.end())
            e.parent_country = static_cast<std::int32_t>(it->second);
        index_.add(std::move(e));
        ++report_.geonames_areas;
    }
}

Pipeline::Members Pipeline::region_members(const TableRow& r, const std::string& path) const {
    Members m;
    auto add_unit = [&](std::size_t i) {
        m.parts.push_back(units_[i].geometry);
        m.countries.insert(units_[i].country);
    };
    for (const auto& member : split(r["members"], ' ')) {
        if (member.empty()) continue;
        const auto colon = member.find(':');
        const std::string kind = colon == std::string::npos ? "" : member.substr(0, colon);
        const std::string value = colon == std::string::npos ? member : member.substr(colon + 1);
        std::size_t found = 0;
        if (kind == "continent") {
            for (const auto& [alpha2, c] : continent_)
                if (slug(c) == value && country_geometry_.count(alpha2)) {
                    m.parts.push_back(country_geometry_.at(alpha2));
                    m.countries.insert(alpha2);
                    ++found;
                }
        } else if (kind == "parent") {  // units whose ISO 3166-2 parent is the code
            std::set<std::string> codes;
            for (const auto& s : iso_subdivisions_)
                if (s.parent == value) codes.insert(s.code);
            for (std::size_t i = 0; i < units_.size(); ++i)
                if (codes.count(units_[i].iso)) add_unit(i), ++found;
        } else if (kind == "admin1") {  // a unit by its dataset id (units without ISO code)
            for (std::size_t i = 0; i < units_.size(); ++i)
                if (index_.entries()[units_[i].entry].id == member) add_unit(i), ++found;
        } else if (kind.empty()) {
            if (auto u = unit_by_iso_.find(value); u != unit_by_iso_.end()) {
                add_unit(u->second), ++found;
            } else if (auto c = country_geometry_.find(value); c != country_geometry_.end()) {
                m.parts.push_back(c->second);
                m.countries.insert(value);
                ++found;
            }
        }
        if (found == 0)
            throw std::move(GeodataError("region member '" + member + "' matches nothing",
                                         ExitCode::bad_input,
                                         "use an ISO 3166-2 code, an ISO 3166-1 alpha-2 code, "
                                         "continent:SLUG (e.g. continent:north-america), "
                                         "parent:ISO-3166-2 (e.g. parent:GB-ENG) or a unit id "
                                         "(admin1:GB-halton, see `mapwire lookup`)")
                                .in_file(path)
                                .at(r.line));
    }
    return m;
}

void Pipeline::add_regions() {
    step("curated regions");
    const std::string path = opt_.curated_dir + "/regions.tsv";
    const auto rows =
        read_table(path, {"id", "name", "aliases", "members", "country", "lat", "lon", "source"});
    for (const auto& r : rows) {
        const Members m = region_members(r, path);
        const auto label = read_point(r, path);
        if (m.parts.empty() && !label)
            throw std::move(GeodataError("region " + r["id"] + " has neither members nor a point",
                                         ExitCode::bad_input,
                                         "give members with geometry, or lat and lon")
                                .in_file(path)
                                .at(r.line));
        PlaceEntry e;
        e.type = PlaceType::region;
        e.id = "region:" + r["id"];
        e.name = r["name"];
        e.country = r["country"];
        if (e.country.empty() && m.countries.size() == 1) e.country = *m.countries.begin();
        if (auto it = country_entry_.find(e.country); it != country_entry_.end())
            e.parent_country = static_cast<std::int32_t>(it->second);
        for (const auto& a : split(r["aliases"], '|'))
            if (!a.empty()) e.names.emplace_back(a, NameKind::alternate);
        const Geometry g = Geometry::union_all(m.parts);
        fill_area(e, g);
        if (label) {
            e.lat = label->lat;
            e.lon = label->lon;
            e.label = {label->lat, label->lon};
            label_point_[e.id] = *label;
            if (g.empty()) {
                e.min_lon = e.max_lon = static_cast<float>(label->lon);
                e.min_lat = e.max_lat = static_cast<float>(label->lat);
            }
        }
        const auto entry = index_.add(std::move(e));
        if (!g.empty()) region_geometry_.emplace_back(entry, g);
        ++report_.regions;
    }
}

}  // namespace mapwire::geodata::detail
