// Screen points and boxes (logical px) and projected points (metres), each its own type.
//
// Points and boxes in logical px (CSS px of the map's design size), and projected metres, each its
// own type so that neither passes for lon/lat degrees (geometry::Point holds degrees only).
#pragma once

namespace mapwire::render {

// A point on the page, logical px from the top-left corner, y downwards.
struct ScreenPoint {
    double x = 0, y = 0;
};

// A point in the map's projection, metres, y northwards.
struct ProjectedPoint {
    double x = 0, y = 0;
};

// A box on the page, logical px.
struct Rect {
    double x = 0, y = 0, w = 0, h = 0;

    // A w x h box centred on p.
    static Rect centred(ScreenPoint p, double w, double h) {
        return {p.x - w / 2, p.y - h / 2, w, h};
    }
    // The box reaching `rx` and `ry` either side of p (a marker, a dot).
    static Rect about(ScreenPoint p, double rx, double ry) {
        return {p.x - rx, p.y - ry, 2 * rx, 2 * ry};
    }
    bool overlaps(const Rect& o, double margin = 0) const {
        return x < o.x + o.w + margin && o.x < x + w + margin && y < o.y + o.h + margin &&
               o.y < y + h + margin;
    }
    bool inside(const Rect& frame) const {
        return x >= frame.x && y >= frame.y && x + w <= frame.x + frame.w &&
               y + h <= frame.y + frame.h;
    }
};

// Whether an anchor lies in the frame, a pixel clear of its edge: what is drawn at a point on
// the very edge (or at a point the projection could not place, NaN) is left out.
inline bool anchor_in(ScreenPoint p, const Rect& frame) {
    return Rect::about(p, 1, 1).inside(frame);
}

}  // namespace mapwire::render
