// The aggregate layer (see aggregate_layer.hpp): binning, cell shapes, drawing, legend words.
#include "render/aggregate_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "render/base_layers.hpp"

namespace mapwire::render {
namespace {

using archive::AggregateSpec;
using gazetteer::PlaceType;

// ColorBrewer YlOrRd, 7 classes; fewer classes take an even spread of them.
constexpr const char* kRamp[] = {"#ffffb2", "#fed976", "#feb24c", "#fd8d3c",
                                 "#fc4e2a", "#e31a1c", "#b10026"};
constexpr std::size_t kRampSize = sizeof kRamp / sizeof kRamp[0];
// Units read for their outlines: the binned events' box with this margin, degrees.
constexpr double kUnitReadMargin = 1;

std::string ring_wkt(const std::vector<geometry::Point>& ring) {
    std::string wkt = "POLYGON((";
    char buf[64];
    for (std::size_t i = 0; i <= ring.size(); ++i) {
        const auto& p = ring[i % ring.size()];
        std::snprintf(buf, sizeof buf, "%s%.7f %.7f", i ? "," : "", p.lon, p.lat);
        wkt += buf;
    }
    return wkt + "))";
}

archive::Aggregate by_hexagon(const std::vector<events::Event>& events, const AggregateSpec& spec,
                              const MapView& view) {
    archive::Aggregate out;
    out.spec = spec;
    out.size_km = spec.size_km > 0 ? spec.size_km : archive::kAutoHexPx * view.km_per_px();
    out.plane = view.projection().definition();
    const archive::HexGrid grid(out.size_km * 1000);
    std::map<archive::HexCell, archive::AggregateCell> cells;
    for (const auto& e : events) {
        if (!e.location) continue;
        if (!archive::hexagon_takes(e)) {
            ++out.not_binned;
            continue;
        }
        const auto& p = *e.location;
        const bool town = p.type == PlaceType::place;
        const geometry::Point xy =
            view.projection().forward({town ? p.lon : p.label_lon, town ? p.lat : p.label_lat});
        if (!std::isfinite(xy.lon) || !std::isfinite(xy.lat)) {
            ++out.not_binned;  // outside the projection's domain
            continue;
        }
        auto& cell = cells[grid.cell({xy.lon, xy.lat})];
        ++cell.count;
        ++cell.by_type[e.type];
        ++out.binned;
    }
    for (auto& [hex, cell] : cells) {
        cell.id = archive::HexGrid::id(hex);
        std::vector<geometry::Point> ring;
        for (const auto& c : grid.corners(hex))
            ring.push_back(view.projection().inverse({c.x, c.y}));
        cell.shape = geometry::Geometry::from_wkt(ring_wkt(ring));
        out.cells.push_back(std::move(cell));
    }
    return out;
}

archive::Aggregate by_unit(const std::vector<events::Event>& events, const AggregateSpec& spec,
                           const gazetteer::Gazetteer& gaz, const std::string& gpkg) {
    archive::Aggregate out;
    out.spec = spec;
    std::map<std::string, archive::AggregateCell> cells;
    geometry::Box box{180, 90, -180, -90};
    for (const auto& e : events) {
        if (!e.location) continue;
        const auto unit = archive::unit_of(e);
        if (!unit) {
            ++out.not_binned;
            continue;
        }
        const auto u = gaz.place(*unit);
        auto& cell = cells[std::string(u.id)];
        cell.name = std::string(u.name);
        ++cell.count;
        ++cell.by_type[e.type];
        ++out.binned;
        box = {std::min<double>(box.min_lon, u.min_lon), std::min<double>(box.min_lat, u.min_lat),
               std::max<double>(box.max_lon, u.max_lon), std::max<double>(box.max_lat, u.max_lat)};
    }
    if (cells.empty()) return out;
    box = {box.min_lon - kUnitReadMargin, std::max(-90.0, box.min_lat - kUnitReadMargin),
           box.max_lon + kUnitReadMargin, std::min(90.0, box.max_lat + kUnitReadMargin)};
    for (const auto& f : read_layer(gpkg, box, "admin1_simple"))
        if (const auto it = cells.find(f.text("id")); it != cells.end())
            it->second.shape = f.geometry();
    for (auto& [id, cell] : cells) {
        cell.id = id;
        out.cells.push_back(std::move(cell));
    }
    return out;
}

}  // namespace

Color aggregate_colour(std::size_t klass, std::size_t classes) {
    const std::size_t n = std::clamp<std::size_t>(classes, 1, kRampSize);
    const std::size_t k = std::min(klass, n - 1);
    // Spread n classes over the ramp, first and last at its ends.
    const std::size_t at = n == 1 ? kRampSize - 1 : k * (kRampSize - 1) / (n - 1);
    Color c = style::parse_color(kRamp[at]);
    c.a = kAggregateOpacity;
    return c;
}

archive::Aggregate build_aggregate(const std::vector<events::Event>& events,
                                   const AggregateSpec& spec, const MapView& view,
                                   const gazetteer::Gazetteer& gaz, const std::string& gpkg) {
    archive::Aggregate out = spec.by == AggregateSpec::By::hexagon
                                 ? by_hexagon(events, spec, view)
                                 : by_unit(events, spec, gaz, gpkg);
    std::vector<std::int64_t> counts;
    for (const auto& c : out.cells) counts.push_back(c.count);
    out.breaks = archive::class_breaks(std::move(counts), spec.classes);
    for (auto& c : out.cells) c.klass = archive::class_of(c.count, out.breaks);
    return out;
}

AggregatePaths aggregate_paths(const archive::Aggregate& a, const MapView& view) {
    AggregatePaths out;
    for (const auto& c : a.cells) {
        if (c.shape.empty()) continue;
        out.cells.push_back(view.screen(c.shape));
        out.classes.push_back(c.klass);
    }
    return out;
}

void draw_aggregate(Canvas& c, const style::Style& st, const AggregatePaths& paths,
                    std::size_t classes) {
    // One fill per class, then the cells' edges: fewer, larger drawing calls.
    for (std::size_t k = 0; k < classes; ++k) {
        Paths all;
        for (std::size_t i = 0; i < paths.cells.size(); ++i)
            if (paths.classes[i] == k)
                all.insert(all.end(), paths.cells[i].begin(), paths.cells[i].end());
        if (!all.empty()) c.fill(all, aggregate_colour(k, classes));
    }
    Paths edges;
    for (const auto& cell : paths.cells) edges.insert(edges.end(), cell.begin(), cell.end());
    c.stroke(edges, st.admin1_border.color, 0.4);
}

std::string class_label(const std::vector<std::int64_t>& breaks, std::size_t k) {
    const std::int64_t low = k == 0 ? 1 : breaks[k - 1] + 1, high = breaks[k];
    return low == high ? std::to_string(low) : std::to_string(low) + "–" + std::to_string(high);
}

std::string aggregate_heading(const archive::Aggregate& a) {
    if (a.spec.by == AggregateSpec::By::admin1) return "Events per admin-1 unit";
    char size[32];
    std::snprintf(size, sizeof size, "%.0f", a.size_km);
    return std::string("Events per ") + size + " km hexagon";
}

}  // namespace mapwire::render
