// Scene A (shared/bench/scene-a.md): a fully specified map that Mapnik, QGIS and GMT were
// timed on, rendered with mapwire's geometry and render modules, one format per process.
// Usage: mapwire_scene_a png|svg|pdf OUT_FILE [SOURCES_DIR]
//   SOURCES_DIR holds deb/usr/share/... as unpacked by scripts/setup.sh (default: the build's).
// Prints the number of places, capitals and labels placed.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <string>
#include <tuple>
#include <vector>

#include "geometry/geometry.hpp"
#include "geometry/projection.hpp"
#include "geometry/vector_io.hpp"
#include "render/canvas.hpp"
#include "render/placement.hpp"
#include "style/style.hpp"

using namespace mapwire;
using geometry::Box;
using geometry::Geometry;
using geometry::Point;
using render::Paths;

namespace {

constexpr double kW = 2400, kH = 1600;
constexpr Box kFrame{-1215000, -780000, 1215000, 840000};  // projected metres

// One per thread: a PROJ transformation must not be shared between threads.
struct Scene {
    geometry::Projection proj{
        "+proj=lcc +lat_1=45 +lat_2=55 +lat_0=50 +lon_0=34 +datum=WGS84 +units=m +no_defs"};
    double k = kW / (kFrame.max_lon - kFrame.min_lon);
    Box read = read_box();

    // The lon/lat box the frame covers: its edges inverse-projected (a conic's parallels
    // curve, so the corners alone would miss the bulge of the top edge), plus a margin.
    Box read_box() const {
        Box b{180, 90, -180, -90};
        for (int i = 0; i <= 200; ++i) {
            const double tx = kFrame.min_lon + (kFrame.max_lon - kFrame.min_lon) * i / 200,
                         ty = kFrame.min_lat + (kFrame.max_lat - kFrame.min_lat) * i / 200;
            for (const Point xy : {Point{tx, kFrame.min_lat}, Point{tx, kFrame.max_lat},
                                   Point{kFrame.min_lon, ty}, Point{kFrame.max_lon, ty}}) {
                const Point p = proj.inverse(xy);
                b.min_lon = std::min(b.min_lon, p.lon), b.max_lon = std::max(b.max_lon, p.lon);
                b.min_lat = std::min(b.min_lat, p.lat), b.max_lat = std::max(b.max_lat, p.lat);
            }
        }
        return {b.min_lon - 0.1, b.min_lat - 0.1, b.max_lon + 0.1, b.max_lat + 0.1};
    }

    // Projected metres (in a geometry's Point) to screen px.
    render::ScreenPoint screen(Point xy) const {
        return {(xy.lon - kFrame.min_lon) * k, (kFrame.max_lat - xy.lat) * k};
    }

    Paths paths(const Geometry& lonlat) const {
        if (lonlat.empty()) return {};
        const Geometry clipped = lonlat.clipped(read);
        if (clipped.empty()) return {};
        // Simplified to a third of a pixel: the 10m data has far more detail than 1 km/px shows.
        const Geometry projected = proj.forward(clipped)
                                       .clipped({kFrame.min_lon - 2000, kFrame.min_lat - 2000,
                                                 kFrame.max_lon + 2000, kFrame.max_lat + 2000})
                                       .simplified_fast(0.33 / k);
        Paths out;
        for (const auto& p : projected.paths()) {
            render::ScreenPath& s = out.emplace_back();
            s.closed = p.closed;
            s.points.reserve(p.points.size());
            for (const auto& pt : p.points) s.points.push_back(screen(pt));
        }
        return out;
    }
    // The layer's paths, and those of the features `pick` selects (a highlight).
    std::pair<Paths, Paths> layer(
        const std::string& file,
        const std::function<bool(const geometry::FeatureRecord&)>& pick = {}) const {
        std::pair<Paths, Paths> out;
        geometry::ReadOptions options;
        options.bbox = read;
        for (const auto& f : geometry::read_features(file, options)) {
            auto p = paths(f.geometry());
            if (pick && pick(f)) out.second.insert(out.second.end(), p.begin(), p.end());
            out.first.insert(out.first.end(), std::make_move_iterator(p.begin()),
                             std::make_move_iterator(p.end()));
        }
        return out;
    }
};

struct Place {
    std::string name;
    render::ScreenPoint at;
    bool capital;
    double pop;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s png|svg|pdf OUT_FILE [SOURCES_DIR]\n", argv[0]);
        return 2;
    }
    const std::string format = argv[1], out_file = argv[2];
    const std::string sources = argc > 3 ? argv[3] : MAPWIRE_SOURCES_DIR;
    const std::string magics = sources + "/deb/usr/share/magics/10m/";
    const std::string gdl = sources + "/deb/usr/share/gnudatalanguage/resource/maps/high/";
    // MAPWIRE_TIMING=1 prints the time of each phase to stderr.
    const bool timings = std::getenv("MAPWIRE_TIMING") != nullptr;
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* phase) {
        if (!timings) return;
        const auto t = std::chrono::steady_clock::now();
        std::fprintf(stderr, "%-8s %6.1f ms\n", phase,
                     std::chrono::duration<double, std::milli>(t - t0).count());
        t0 = t;
    };
    try {
        // Two threads (the machine has two cores): the ocean (one polygon of 444,000 points) and
        // the line layers on one, land, admin-1 units and places on the other.
        Paths ocean, land, admin1, donetsk, rivers, lakes, borders;
        std::vector<Place> places;
        auto first = std::async(std::launch::async, [&] {
            Scene s;
            ocean = s.layer(magics + "ne_10m_ocean.shp").first;
            rivers = s.layer(gdl + "ne_10m_rivers_lake_centerlines.shp").first;
            lakes = s.layer(gdl + "ne_10m_lakes.shp").first;
            borders = s.layer(gdl + "ne_10m_admin_0_boundary_lines_land.shp").first;
        });
        Scene s;
        land = s.layer(magics + "ne_10m_land.shp").first;
        std::tie(admin1, donetsk) = s.layer(
            gdl + "ne_10m_admin_1_states_provinces.shp",
            [](const auto& f) { return f.text("name") == "Donets'k" && f.text("iso_a2") == "UA"; });
        for (const auto& f : geometry::read_features(magics + "ne_10m_populated_places_simple.shp",
                                                     {.layer = {},
                                                     .encoding = "CP1252",
                                                     .where = "pop_max >= 100000",
                                                     .bbox = s.read})) {
            const Point xy = s.proj.forward(Point{f.number("longitude"), f.number("latitude")});
            if (xy.lon < kFrame.min_lon || xy.lon > kFrame.max_lon || xy.lat < kFrame.min_lat ||
                xy.lat > kFrame.max_lat)
                continue;
            places.push_back(
                {f.text("name"), s.screen(xy), f.number("adm0cap") == 1, f.number("pop_max")});
        }
        first.get();
        lap("read");
        std::stable_sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
            if (a.capital != b.capital) return a.capital;
            return a.pop > b.pop;
        });

        // Labels: dots always drawn and never covered; capitals first, then by population.
        render::CollisionIndex index({0, 0, kW, kH}, 2);
        render::LabelPlacer placer(index);
        for (const auto& p : places) {
            const double r = p.capital ? 4.5 : 3;
            placer.block({p.at.x - r - 1, p.at.y - r - 1, 2 * r + 2, 2 * r + 2});
        }
        struct Label {
            std::string text;
            render::Rect box;
            bool capital;
        };
        std::vector<Label> labels;
        const render::Font capital_font{"DejaVu Sans", 20, true, false, 0},
            town_font{"DejaVu Sans", 14, false, false, 0};
        for (const auto& p : places) {
            const auto box = render::measure(p.name, p.capital ? capital_font : town_font);
            const double d = (p.capital ? 4.5 : 3) + 3;
            // E, W, NE, SE, NW, SW, N, S (render::around gives them in this order)
            if (auto r = placer.place(render::around(p.at.x, p.at.y, box.width, box.height, d)))
                labels.push_back({p.name, *r, p.capital});
        }

        lap("labels");
        const render::Format f = format == "png"   ? render::Format::png
                                 : format == "svg" ? render::Format::svg
                                                   : render::Format::pdf;
        render::Output output(f, out_file, kW, kH, 1.0, 96, "Scene A", "1970-01-01T00:00:00Z", 1.0);
        render::Canvas& c = output.canvas();
        auto color = style::parse_color;
        c.fill(render::rect_path({0, 0, kW, kH}), color("#ffffff"));
        c.fill(ocean, color("#b7d0e8"));
        c.fill(land, color("#f4f1ea"));
        c.fill(admin1, color("#ece7da"));
        c.stroke(admin1, color("#8c8c8c"), 0.6);
        c.fill(donetsk, color("#f0a58f"));
        c.stroke(donetsk, color("#b2182b"), 1.5);
        c.stroke(rivers, color("#4a87c5"), 1.0);
        c.fill(lakes, color("#b7d0e8"));
        c.stroke(lakes, color("#4a87c5"), 0.5);
        c.stroke(borders, color("#2b2b2b"), 2.0, {10, 4});
        for (const auto& p : places) {
            const auto dot = render::circle_path(p.at.x, p.at.y, p.capital ? 4.5 : 3, 16);
            c.fill(dot, color("#202020"));
            c.stroke(dot, color("#ffffff"), 1);
        }
        for (const auto& l : labels)
            c.text(l.box.x, l.box.y, l.text, l.capital ? capital_font : town_font, color("#202020"),
                   color("#ffffff"), 3);
        lap("draw");
        output.finish();
        lap("write");
        std::printf("places %zu, capitals %zu, labels %zu\n", places.size(),
                    static_cast<std::size_t>(std::count_if(
                        places.begin(), places.end(), [](const Place& p) { return p.capital; })),
                    labels.size());
    } catch (const Error& e) {
        std::fprintf(stderr, "scene a: %s\n", e.describe().c_str());
        return 1;
    }
    return 0;
}
