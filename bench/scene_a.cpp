// Scene A (shared/bench/scene-a.md): a fully specified map that Mapnik, QGIS and GMT were
// timed on, rendered with mapwire's geometry and render modules, one format per process.
// Usage: mapwire_scene_a png|svg|pdf OUT_FILE [SOURCES_DIR]
//   SOURCES_DIR holds deb/usr/share/... as unpacked by scripts/setup.sh (default: the build's).
// Prints the number of places, capitals and labels placed.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "geometry/geometry.hpp"
#include "geometry/projection.hpp"
#include "geometry/vector_io.hpp"
#include "render/canvas.hpp"
#include "render/labels.hpp"
#include "style/style.hpp"

using namespace mapwire;
using geometry::Box;
using geometry::Geometry;
using geometry::Point;
using render::Paths;

namespace {

constexpr double kW = 2400, kH = 1600;
constexpr Box kFrame{-1215000, -780000, 1215000, 840000};  // projected metres
constexpr Box kRead{5, 38, 63, 62};  // lon/lat box that covers the whole frame, corners included

struct Scene {
    geometry::Projection proj{
        "+proj=lcc +lat_1=45 +lat_2=55 +lat_0=50 +lon_0=34 +datum=WGS84 +units=m +no_defs"};
    double k = kW / (kFrame.max_lon - kFrame.min_lon);

    Point screen(Point xy) const {
        return {(xy.lon - kFrame.min_lon) * k, (kFrame.max_lat - xy.lat) * k};
    }

    Paths paths(const Geometry& lonlat) const {
        if (lonlat.empty()) return {};
        const Geometry clipped = lonlat.clipped(kRead);
        if (clipped.empty()) return {};
        // Simplified to a third of a pixel: the 10m data has far more detail than 1 km/px shows.
        const Geometry projected = proj.forward(clipped)
                                       .clipped({kFrame.min_lon - 2000, kFrame.min_lat - 2000,
                                                 kFrame.max_lon + 2000, kFrame.max_lat + 2000})
                                       .simplified_fast(0.33 / k);
        auto out = projected.paths();
        for (auto& p : out)
            for (auto& pt : p.points) pt = screen(pt);
        return out;
    }
    Paths layer(const std::string& file, const std::string& where = {},
                const std::string& encoding = {}) const {
        Paths all;
        for (const auto& f : geometry::read_features(
                 file, {.layer = {}, .encoding = encoding, .where = where, .bbox = kRead})) {
            auto p = paths(f.geometry());
            all.insert(all.end(), std::make_move_iterator(p.begin()),
                       std::make_move_iterator(p.end()));
        }
        return all;
    }
};

struct Place {
    std::string name;
    Point at;
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
    try {
        Scene s;
        const Paths ocean = s.layer(magics + "ne_10m_ocean.shp");
        const Paths land = s.layer(magics + "ne_10m_land.shp");
        const Paths admin1 = s.layer(gdl + "ne_10m_admin_1_states_provinces.shp");
        const Paths donetsk = s.layer(gdl + "ne_10m_admin_1_states_provinces.shp",
                                      "name = 'Donets''k' AND iso_a2 = 'UA'");
        const Paths rivers = s.layer(gdl + "ne_10m_rivers_lake_centerlines.shp");
        const Paths lakes = s.layer(gdl + "ne_10m_lakes.shp");
        const Paths borders = s.layer(gdl + "ne_10m_admin_0_boundary_lines_land.shp");

        std::vector<Place> places;
        for (const auto& f : geometry::read_features(magics + "ne_10m_populated_places_simple.shp",
                                                     {.layer = {},
                                                     .encoding = "CP1252",
                                                     .where = "pop_max >= 100000",
                                                     .bbox = kRead})) {
            const Point xy = s.proj.forward(Point{f.number("longitude"), f.number("latitude")});
            if (xy.lon < kFrame.min_lon || xy.lon > kFrame.max_lon || xy.lat < kFrame.min_lat ||
                xy.lat > kFrame.max_lat)
                continue;
            places.push_back(
                {f.text("name"), s.screen(xy), f.number("adm0cap") == 1, f.number("pop_max")});
        }
        std::stable_sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
            if (a.capital != b.capital) return a.capital;
            return a.pop > b.pop;
        });

        // Labels: dots always drawn and never covered; capitals first, then by population.
        render::LabelPlacer placer({0, 0, kW, kH}, 2);
        for (const auto& p : places) {
            const double r = p.capital ? 4.5 : 3;
            placer.block({p.at.lon - r - 1, p.at.lat - r - 1, 2 * r + 2, 2 * r + 2});
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
            if (auto r = placer.place(render::around(p.at.lon, p.at.lat, box.width, box.height, d)))
                labels.push_back({p.name, *r, p.capital});
        }

        const render::Format f = format == "png"   ? render::Format::png
                                 : format == "svg" ? render::Format::svg
                                                   : render::Format::pdf;
        render::Output output(f, out_file, kW, kH, 1.0, 96, "Scene A", "1970-01-01T00:00:00Z", 1.0);
        render::Canvas& c = output.canvas();
        auto color = style::parse_color;
        c.fill(render::rect_path(0, 0, kW, kH), color("#ffffff"));
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
            const auto dot = render::circle_path(p.at.lon, p.at.lat, p.capital ? 4.5 : 3, 16);
            c.fill(dot, color("#202020"));
            c.stroke(dot, color("#ffffff"), 1);
        }
        for (const auto& l : labels)
            c.text(l.box.x, l.box.y, l.text, l.capital ? capital_font : town_font, color("#202020"),
                   color("#ffffff"), 3);
        output.finish();
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
