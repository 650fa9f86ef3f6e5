// The locator inset: its region, projection, land and extent outline.
#include "render/inset.hpp"

#include <algorithm>

#include "geometry/projection.hpp"
#include "geometry/vector_io.hpp"

namespace mapwire::render {
namespace {

using geometry::Box;
using geometry::Point;

constexpr double kMinFrameW = 480, kMinFrameH = 300;
constexpr double kMaxW = 200, kWidthShare = 0.2, kAspect = 0.7, kInset = 10;
// The region: the extent's larger span times 1.6 either side of its centre (60 % of that in
// latitude), at most 35 degrees.
constexpr double kSpanFactor = 1.6, kMaxSpan = 35.0, kLatShare = 0.6, kMaxLat = 85.0;
constexpr int kBoundsGrid = 8, kOutlineSteps = 10;
constexpr double kDensifyDegrees = 1.0;
constexpr double kExtentWidth = 1.5, kBorderWidth = 0.8;

// Fits a projection's view of a region into a box, centred.
struct InsetTransform {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300, k = 1, ox = 0, oy = 0;

    InsetTransform(const geometry::Projection& proj, const Box& region, const Rect& box) {
        for (int i = 0; i <= kBoundsGrid; ++i)
            for (int j = 0; j <= kBoundsGrid; ++j) {
                const Point p = proj.forward(
                    {region.min_lon + (region.max_lon - region.min_lon) * i / kBoundsGrid,
                     region.min_lat + (region.max_lat - region.min_lat) * j / kBoundsGrid});
                x0 = std::min(x0, p.lon), x1 = std::max(x1, p.lon), y0 = std::min(y0, p.lat),
                y1 = std::max(y1, p.lat);
            }
        k = std::min(box.w / (x1 - x0), box.h / (y1 - y0));
        ox = box.x + (box.w - (x1 - x0) * k) / 2;
        oy = box.y + (box.h - (y1 - y0) * k) / 2;
    }
    // Projected metres (in a geometry's Point) to the inset's px.
    ScreenPoint operator()(Point p) const { return {ox + (p.lon - x0) * k, oy + (y1 - p.lat) * k}; }
};

// The extent's outline, densified along its edges so that it bends with the projection.
ScreenPath extent_outline(const Box& e, const geometry::Projection& proj,
                          const InsetTransform& to_inset) {
    ScreenPath path;
    path.closed = true;
    auto add = [&](double lon, double lat) {
        path.points.push_back(to_inset(proj.forward({lon, lat})));
    };
    const int n = kOutlineSteps;
    for (int i = 0; i <= n; ++i) add(e.min_lon + (e.max_lon - e.min_lon) * i / n, e.min_lat);
    for (int i = 0; i <= n; ++i) add(e.max_lon, e.min_lat + (e.max_lat - e.min_lat) * i / n);
    for (int i = n; i >= 0; --i) add(e.min_lon + (e.max_lon - e.min_lon) * i / n, e.max_lat);
    for (int i = n; i >= 0; --i) add(e.min_lon, e.min_lat + (e.max_lat - e.min_lat) * i / n);
    return path;
}

}  // namespace

bool inset_fits(const Rect& frame) {
    return frame.w >= kMinFrameW && frame.h >= kMinFrameH;
}

Rect inset_box(const Rect& frame) {
    const double w = std::min(kMaxW, frame.w * kWidthShare), h = w * kAspect;
    return {frame.x + frame.w - w - kInset, frame.y + kInset, w, h};
}

Box inset_region(const Box& e) {
    const double cx = (e.min_lon + e.max_lon) / 2, cy = (e.min_lat + e.max_lat) / 2;
    const double span =
        std::min(kMaxSpan, std::max(e.max_lon - e.min_lon, e.max_lat - e.min_lat) * kSpanFactor);
    return {std::max(-180.0, cx - span), std::max(-kMaxLat, cy - span * kLatShare),
            std::min(180.0, cx + span), std::min(kMaxLat, cy + span * kLatShare)};
}

Inset build_inset(const std::string& geopackage, const Box& extent, const Rect& box) {
    Inset inset{box, {}, {}};
    const Box wide = inset_region(extent);
    const geometry::Projection proj = geometry::Projection::conic_for(wide);
    const InsetTransform to_inset(proj, wide, box);
    // Simplified before projection: at this scale a pixel is a large fraction of a degree.
    const double degrees_per_px = (wide.max_lon - wide.min_lon) / box.w;
    for (const auto& f : geometry::read_features(
             geopackage, {.layer = "land", .encoding = {}, .where = {}, .bbox = wide})) {
        geometry::Geometry g = proj.forward(
            f.geometry().clipped(wide).simplified(degrees_per_px).densified(kDensifyDegrees));
        for (const auto& p : g.paths()) {
            ScreenPath& s = inset.land.emplace_back();
            s.closed = p.closed;
            for (const auto& pt : p.points) s.points.push_back(to_inset(pt));
        }
    }
    inset.extent = {extent_outline(extent, proj, to_inset)};
    return inset;
}

void draw_inset(Canvas& c, const style::Style& st, const Inset& inset) {
    const Rect& b = inset.box;
    c.fill(rect_path(b), st.ocean);
    c.clip(b);
    c.fill(inset.land, st.land);
    c.stroke(inset.extent, st.highlight_border.color, kExtentWidth);
    c.unclip();
    c.stroke(rect_path(b), st.frame, kBorderWidth);
}

}  // namespace mapwire::render
