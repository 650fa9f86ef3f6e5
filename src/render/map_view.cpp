// The map view: extent from the extraction, projection, fit to the frame, screen transform.
#include "render/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>
#include <utility>

namespace mapwire::render {
namespace {

using gazetteer::Place;
using gazetteer::PlaceType;
using geometry::Box;
using geometry::Point;

// Padding around what the article locates: a share of the span, at least these degrees, so
// that a single town gets some surroundings.
constexpr double kPadShare = 0.08, kMinLonPad = 0.6, kMinLatPad = 0.4;
constexpr double kMaxLat = 85.0;  // conic and Mercator projections break down at the poles
// Places without events count only within this many degrees of an event.
constexpr double kNearEventDegrees = 8;
constexpr double kContinentKm2 = 3e6;         // a region this large does not set the frame
constexpr double kMinFitHeight = 40.0;        // px of map above a legend strip, at the least
constexpr int kFitGrid = 10, kReadGrid = 20;  // samples per side when bounding a projected box
constexpr double kReadMarginDegrees = 1;

// The lon/lat box of the article's located events, nearby places and figures.
struct ExtentBuilder {
    const std::string& focus;
    Box b{180, 90, -180, -90};
    bool any = false;

    void add_point(double lon, double lat) {
        b.min_lon = std::min(b.min_lon, lon);
        b.max_lon = std::max(b.max_lon, lon);
        b.min_lat = std::min(b.min_lat, lat);
        b.max_lat = std::max(b.max_lat, lat);
        any = true;
    }
    void add_place(const Place& p) {
        if (p.type == PlaceType::place) return add_point(p.lon, p.lat);
        if (p.type == PlaceType::admin0 && p.country != focus) return;
        if (p.type == PlaceType::region && p.area_km2 > kContinentKm2) return;
        if (p.max_lon - p.min_lon > 90) return;  // spans the antimeridian or the world
        add_point(p.min_lon, p.min_lat);
        add_point(p.max_lon, p.max_lat);
    }
};

// Places without events count only near the events: a city named as the venue of talks (Doha
// in an article about Gaza) should not stretch the map across a continent. The events' points
// are kept in cells of kNearEventDegrees, so that a place looks at the nine cells around it
// rather than at every event (a feed of 40,000 events names a million places).
class EventsNearby {
public:
    explicit EventsNearby(const std::vector<events::Event>& events) : any_(!events.empty()) {
        for (const auto& e : events)
            if (e.location)
                cells_[cell(e.location->label_lon, e.location->label_lat)].push_back(
                    {e.location->label_lon, e.location->label_lat});
    }

    bool near(const Place& p) const {
        if (!any_) return true;
        const auto [cx, cy] = cell(p.label_lon, p.label_lat);
        for (long dx = -1; dx <= 1; ++dx)
            for (long dy = -1; dy <= 1; ++dy) {
                const auto it = cells_.find({cx + dx, cy + dy});
                if (it == cells_.end()) continue;
                for (const Point& q : it->second)
                    if (std::hypot(q.lon - p.label_lon, q.lat - p.label_lat) < kNearEventDegrees)
                        return true;
            }
        return false;
    }

private:
    using Cell = std::pair<long, long>;
    static Cell cell(double lon, double lat) {
        return {std::lround(std::floor(lon / kNearEventDegrees)),
                std::lround(std::floor(lat / kNearEventDegrees))};
    }
    bool any_;
    std::map<Cell, std::vector<Point>> cells_;
};

}  // namespace

Box choose_extent(const events::Extraction& x, const MapOptions& options) {
    ExtentBuilder extent{x.places.focus_country};
    for (const auto& e : x.events)
        if (e.location) extent.add_place(*e.location);
    const EventsNearby nearby(x.events);
    std::unordered_set<std::uint32_t> seen;  // a place named twice counts once
    for (const auto& m : x.places.mentions)
        if (m.place && m.role == geoparse::Role::location && seen.insert(m.place->index).second &&
            nearby.near(*m.place))
            extent.add_place(*m.place);
    for (const auto& f : x.figures)
        if (f.territory) extent.add_place(*f.territory);
    if (!extent.any)
        throw RenderError("nothing to map: the article names no place that could be located",
                          ExitCode::not_found,
                          "check the warnings of `mapwire geocode`, or give --extent");
    Box b = extent.b;
    if (options.extent) {
        b = {options.extent->min_lon, options.extent->min_lat, options.extent->max_lon,
             options.extent->max_lat};
    } else {
        const double lon_pad = std::max(kMinLonPad, (b.max_lon - b.min_lon) * kPadShare);
        const double lat_pad = std::max(kMinLatPad, (b.max_lat - b.min_lat) * kPadShare);
        b = {b.min_lon - lon_pad, b.min_lat - lat_pad, b.max_lon + lon_pad, b.max_lat + lat_pad};
    }
    b.min_lat = std::max(b.min_lat, -kMaxLat);
    b.max_lat = std::min(b.max_lat, kMaxLat);
    return b;
}

geometry::Projection projection_for(const Box& extent, const std::string& definition) {
    return definition.empty() ? geometry::Projection::conic_for(extent)
                              : geometry::Projection(definition);
}

namespace {

// A box in projected metres.
struct ProjectedBox {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
};

// The projected bounds of a lon/lat box, from a grid over it: a conic's parallels curve, so
// the corners alone would miss the bulge of an edge.
ProjectedBox projected_bounds(const geometry::Projection& proj, const Box& b) {
    ProjectedBox r;
    for (int i = 0; i <= kFitGrid; ++i)
        for (int j = 0; j <= kFitGrid; ++j) {
            const Point p = proj.forward({b.min_lon + (b.max_lon - b.min_lon) * i / kFitGrid,
                                          b.min_lat + (b.max_lat - b.min_lat) * j / kFitGrid});
            if (!std::isfinite(p.lon)) continue;
            r.x0 = std::min(r.x0, p.lon), r.x1 = std::max(r.x1, p.lon);
            r.y0 = std::min(r.y0, p.lat), r.y1 = std::max(r.y1, p.lat);
        }
    return r;
}

// Widens the box about its centre to the aspect (width / height) `want`.
void widen_to_aspect(ProjectedBox& r, double want) {
    const double w = r.x1 - r.x0, h = r.y1 - r.y0;
    if (w / h < want) {
        const double extra = h * want - w;
        r.x0 -= extra / 2, r.x1 += extra / 2;
    } else {
        const double extra = w / want - h;
        r.y0 -= extra / 2, r.y1 += extra / 2;
    }
}

// The lon/lat box that covers a projected box, with a margin, for reading and clipping.
Box lonlat_cover(const geometry::Projection& proj, const ProjectedBox& p) {
    const double w = p.x1 - p.x0, h = p.y1 - p.y0;
    Box r{180, 90, -180, -90};
    for (int i = 0; i <= kReadGrid; ++i)
        for (int j = 0; j <= kReadGrid; ++j) {
            const Point ll = proj.inverse({p.x0 + w * i / kReadGrid, p.y0 + h * j / kReadGrid});
            if (!std::isfinite(ll.lon)) continue;
            r.min_lon = std::min(r.min_lon, ll.lon), r.max_lon = std::max(r.max_lon, ll.lon);
            r.min_lat = std::min(r.min_lat, ll.lat), r.max_lat = std::max(r.max_lat, ll.lat);
        }
    return {std::max(-180.0, r.min_lon - kReadMarginDegrees),
            std::max(-90.0, r.min_lat - kReadMarginDegrees),
            std::min(180.0, r.max_lon + kReadMarginDegrees),
            std::min(90.0, r.max_lat + kReadMarginDegrees)};
}

}  // namespace

MapView::MapView(const Box& b, geometry::Projection projection, const Rect& frame,
                 double fit_bottom)
    : extent_(b), projection_(std::move(projection)), frame_(frame) {
    ProjectedBox p = projected_bounds(projection_, b);
    const double fit_h = std::max(kMinFitHeight, frame_.h - fit_bottom);
    widen_to_aspect(p, frame_.w / fit_h);
    k_ = frame_.w / (p.x1 - p.x0);
    min_x_ = p.x0;
    max_y_ = p.y1;
    // The map continues under the legend strip, if any.
    p.y0 -= (frame_.h - fit_h) / k_;
    read_box_ = lonlat_cover(projection_, p);
    // Scale: true at the centre of the map, measured along the ground over 100 px.
    const double cx = p.x0 + (p.x1 - p.x0) / 2, cy = p.y0 + (p.y1 - p.y0) / 2;
    const Point c0 = projection_.inverse({cx, cy});
    const Point c1 = projection_.inverse({cx + 100 / k_, cy});
    km_per_px_ = geometry::great_circle_km(c0, c1) / 100;
}

ScreenPoint MapView::to_screen(Point lonlat) const {
    const Point p = projection_.forward(lonlat);
    return projected_to_screen(ProjectedPoint{p.lon, p.lat});
}

Paths MapView::screen(const geometry::Geometry& g, double simplify_px) const {
    if (g.empty()) return {};
    geometry::Geometry clipped = g.clipped(read_box_);
    if (clipped.empty()) return {};
    geometry::Geometry projected = projection_.forward(clipped.densified(0.2));
    if (simplify_px > 0) projected = projected.simplified(simplify_px / k_);
    // The geometry's paths hold projected metres; the screen's, px.
    Paths paths;
    for (const auto& p : projected.paths()) {
        ScreenPath& s = paths.emplace_back();
        s.closed = p.closed;
        s.points.reserve(p.points.size());
        for (const auto& pt : p.points)
            s.points.push_back(projected_to_screen(ProjectedPoint{pt.lon, pt.lat}));
    }
    return paths;
}

bool MapView::shows(const Paths& paths) const {
    for (const auto& p : paths) {
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (const auto& pt : p.points) {
            if (pt.x >= frame_.x && pt.x <= frame_.x + frame_.w && pt.y >= frame_.y &&
                pt.y <= frame_.y + frame_.h)
                return true;
            x0 = std::min(x0, pt.x), x1 = std::max(x1, pt.x);
            y0 = std::min(y0, pt.y), y1 = std::max(y1, pt.y);
        }
        // A ring larger than the frame with no vertex in it covers the frame.
        if (p.closed && x0 <= frame_.x && x1 >= frame_.x + frame_.w && y0 <= frame_.y &&
            y1 >= frame_.y + frame_.h)
            return true;
    }
    return false;
}

}  // namespace mapwire::render
