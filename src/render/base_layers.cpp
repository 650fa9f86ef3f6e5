// The base map: dataset layers read, projected and drawn in two parts.
#include "render/base_layers.hpp"

#include <cmath>

namespace mapwire::render {
namespace {

using geometry::Point;

// Natural Earth's scale ranks kept: the larger lakes and rivers only.
constexpr double kMaxLakeRank = 5, kMaxRiverRank = 6;
// A boundary line's sides are probed this many degrees off its middle segment.
constexpr double kSideProbeDegrees = 0.02;

void append(Paths& to, Paths&& from) {
    to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

std::vector<geometry::FeatureRecord> read_layer(const std::string& geopackage, const MapView& view,
                                                const std::string& layer,
                                                const std::string& where) {
    return read_layer(geopackage, view.read_box(), layer, where);
}

std::vector<geometry::FeatureRecord> read_layer(const std::string& geopackage,
                                                const geometry::Box& b, const std::string& layer,
                                                const std::string& where) {
    return geometry::read_features(
        geopackage, {.layer = layer,
                     .encoding = {},
                     .where = where,
                     .bbox = geometry::Box{b.min_lon, b.min_lat, b.max_lon, b.max_lat}});
}

bool is_internal_border(const geometry::Geometry& line, const geometry::PolygonIndex& countries) {
    bool internal = false;
    for (const auto& path : line.paths()) {
        if (path.points.size() < 2) continue;
        const std::size_t m = path.points.size() / 2;
        const Point a = path.points[m == 0 ? 0 : m - 1], b = path.points[m];
        const double dx = b.lon - a.lon, dy = b.lat - a.lat, len = std::hypot(dx, dy);
        if (len == 0) continue;
        const double d = kSideProbeDegrees;
        const Point left{(a.lon + b.lon) / 2 - dy / len * d, (a.lat + b.lat) / 2 + dx / len * d};
        const Point right{(a.lon + b.lon) / 2 + dy / len * d, (a.lat + b.lat) / 2 - dx / len * d};
        const auto l = countries.find(left), r = countries.find(right);
        if (l && r && *l == *r) internal = true;
    }
    return internal;
}

namespace {

// The dataset's layers within the read box, and which of their features the view draws. Read
// further round than the view (the web map), a feature may lie wholly outside what the view
// draws: it is neither projected nor offered for a label, so the static map is the same either
// way. (Not across the antimeridian, where a box's longitudes wrap.)
struct LayerReader {
    const std::string& gpkg;
    const MapView& view;
    const geometry::Box& box;

    std::vector<geometry::FeatureRecord> read(const std::string& layer) const {
        return read_layer(gpkg, box, layer);
    }
    bool in_view(const geometry::Geometry& g) const {
        const geometry::Box& r = view.read_box();
        if (r.min_lon < -180 || r.max_lon > 180) return true;
        const geometry::Box b = g.bounds();
        return !(b.max_lon < r.min_lon || b.min_lon > r.max_lon || b.max_lat < r.min_lat ||
                 b.min_lat > r.max_lat);
    }
    Paths on_screen(const geometry::Geometry& g) const {
        return in_view(g) ? view.screen(g) : Paths{};
    }
    // Every feature of a layer (of rank up to `max_rank` when given) into `to` and `shapes`.
    void add_all(const std::string& layer, Paths& to, std::vector<geometry::Geometry>& shapes,
                 double max_rank = -1) const {
        for (const auto& f : read(layer))
            if (max_rank < 0 || f.number("scalerank", 0) <= max_rank) {
                append(to, on_screen(f.geometry()));
                shapes.push_back(f.geometry());
            }
    }
};

// The countries, the focus apart; their outlines in view for labels. Each is indexed in
// `countries` too, to tell a border from a line inside one country.
void read_countries(const LayerReader& in, const std::string& focus, BaseLayers& base,
                    geometry::PolygonIndex& country_index) {
    std::int64_t n = 0;
    for (const auto& f : in.read("countries")) {
        auto p = in.on_screen(f.geometry());
        if (f.text("country") == focus) {
            base.focus_country = p;
            base.shapes.focus_country.push_back(f.geometry());
        } else {
            base.other_countries.push_back(p);
            base.shapes.other_countries.push_back(f.geometry());
        }
        country_index.add(f.geometry(), n++);
        if (!in.in_view(f.geometry())) continue;
        base.country_ids.push_back(f.text("id"));
        base.country_outlines.push_back(std::move(p));
    }
}

// Units the events and places name, and units occupied since 2014 in view.
void read_units(const LayerReader& in, const std::set<std::string>& named_units, BaseLayers& base) {
    for (const auto& f : in.read("admin1")) {
        if (in.in_view(f.geometry())) base.admin1_ids.push_back({f.text("id"), f.text("country")});
        if (named_units.count(f.text("id"))) {
            append(base.highlight, in.on_screen(f.geometry()));
            base.shapes.highlight.push_back(f.geometry());
        }
        if (f.text("occupied_by").empty()) continue;
        auto p = in.on_screen(f.geometry());
        if (in.view.shows(p)) {
            base.disputed_in_view = true;
            base.occupied_in_view.push_back({f.text("id"), f.text("occupied_by"),
                                             static_cast<int>(f.number("occupied_since", 0))});
        }
        append(base.occupied, std::move(p));
        base.shapes.occupied.push_back(f.geometry());
    }
}

}  // namespace

BaseLayers load_base_layers(const std::string& gpkg, const MapView& view, const std::string& focus,
                            const std::set<std::string>& named_units, const geometry::Box& box) {
    BaseLayers base;
    base.box = box;
    auto& shapes = base.shapes;
    const LayerReader in{gpkg, view, box};
    in.add_all("land", base.land, shapes.land);
    geometry::PolygonIndex country_index;
    read_countries(in, focus, base, country_index);
    in.add_all("lakes", base.lakes, shapes.lakes, kMaxLakeRank);
    in.add_all("rivers", base.rivers, shapes.rivers, kMaxRiverRank);
    in.add_all("admin1_lines", base.admin1_lines, shapes.admin1_lines);
    // Country borders from Natural Earth's boundary lines, less those that run inside one
    // country in this worldview (the Crimean isthmus line when Crimea is Ukraine's).
    for (const auto& f : in.read("boundary_lines"))
        if (!is_internal_border(f.geometry(), country_index)) {
            append(base.borders, in.on_screen(f.geometry()));
            shapes.borders.push_back(f.geometry());
        }
    read_units(in, named_units, base);
    return base;
}

void draw_base_areas(Canvas& c, const style::Style& st, const BaseLayers& base, const Rect& frame) {
    {
        const MapLayer layer(c, "sea", "Sea", &frame);
        c.fill(rect_path(frame), st.ocean);
    }
    {
        const MapLayer layer(c, "land", "Land", &frame);
        c.fill(base.land, st.land_outside);
        for (const auto& p : base.other_countries) c.fill(p, st.land_outside);
        c.fill(base.focus_country, st.land_focus);
    }
    const MapLayer layer(c, "highlighted-units", "Units named in the report", &frame);
    c.fill(base.highlight, st.highlight_fill);
}

void draw_base_overlays(Canvas& c, const style::Style& st, const BaseLayers& base,
                        const Rect& frame) {
    if (!base.occupied.empty()) {
        const MapLayer layer(c, "occupied-areas", "Occupied areas", &frame);
        c.fill(base.occupied, st.occupied_fill);
        c.hatch(base.occupied, st.occupied_hatch, kOccupiedHatch.spacing, kOccupiedHatch.angle,
                kOccupiedHatch.width);
    }
    {
        const MapLayer layer(c, "lakes", "Lakes", &frame);
        c.fill(base.lakes, st.lake);
    }
    {
        const MapLayer layer(c, "rivers", "Rivers", &frame);
        c.stroke(base.rivers, st.river.color, st.river.width);
    }
    const MapLayer layer(c, "borders", "Coast and borders", &frame);
    c.stroke(base.land, st.coast.color, st.coast.width);
    c.stroke(base.admin1_lines, st.admin1_border.color, st.admin1_border.width);
    c.stroke(base.highlight, st.highlight_border.color, st.highlight_border.width);
    c.stroke(base.borders, st.country_border.color, st.country_border.width);
}

}  // namespace mapwire::render
