// Curated representative points and the largest-part rule.
#include "geodata/detail/points.hpp"

#include <charconv>
#include <cmath>

#include "geodata/build.hpp"
#include "geodata/detail/tables.hpp"

namespace mapwire::geodata::detail {
namespace {

std::optional<double> parse_degrees(const std::string& s, double limit) {
    double v = 0;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || p != end || !std::isfinite(v) || std::fabs(v) > limit)
        return std::nullopt;
    return v;
}

}  // namespace

std::optional<geometry::Point> read_point(const TableRow& r, const std::string& path) {
    if (r["lat"].empty() && r["lon"].empty()) return std::nullopt;
    auto fail = [&](const std::string& why) {
        return std::move(GeodataError(why, ExitCode::bad_input,
                                      "give lat -90..90 and lon -180..180 in decimal degrees, "
                                      "south and west negative, or neither")
                             .in_file(path)
                             .at(r.line));
    };
    if (r["lat"].empty() || r["lon"].empty()) throw fail("only one of lat and lon given");
    const auto lat = parse_degrees(r["lat"], 90), lon = parse_degrees(r["lon"], 180);
    if (!lat || !lon)
        throw fail("coordinates out of range: '" + r["lat"] + "', '" + r["lon"] + "'");
    return geometry::Point{*lon, *lat};
}

std::map<std::string, CuratedPoint> read_country_points(const std::string& path) {
    std::map<std::string, CuratedPoint> out;
    for (const auto& r : read_table(path, {"alpha2", "lat", "lon", "source"})) {
        auto fail = [&](const std::string& why, const std::string& fix) {
            return std::move(GeodataError(why, ExitCode::bad_input, fix).in_file(path).at(r.line));
        };
        CuratedPoint c;
        c.line = r.line;
        c.source = r["source"];
        if (c.source.empty())
            throw fail("no source for " + r["alpha2"],
                       "name where the point comes from: geonames:ID, cia or rule");
        c.point = read_point(r, path);
        if (c.point.has_value() == (c.source == "rule"))
            throw fail(c.point ? "a point with source rule for " + r["alpha2"]
                               : "no point for " + r["alpha2"] + " (source " + c.source + ")",
                       "rule rows leave lat and lon empty; other rows give both");
        if (!out.emplace(r["alpha2"], std::move(c)).second)
            throw fail("country " + r["alpha2"] + " listed twice", "keep one row per country");
    }
    return out;
}

geometry::Point largest_part_point(const geometry::Geometry& area) {
    const auto parts = area.polygons();
    if (parts.size() <= 1) return area.representative_point();
    std::size_t best = 0;
    double best_area = -1;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const double a = parts[i].geodesic_area_km2();
        if (a > best_area) best = i, best_area = a;
    }
    return parts[best].representative_point();
}

}  // namespace mapwire::geodata::detail
