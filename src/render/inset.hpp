// The locator inset: where the map lies in the wider region.
//
// The map's extent outlined on a small-scale map of the wider region, in the frame's top-right
// corner; left out where it would crowd a small map.
#pragma once

#include <string>

#include "geometry/geometry.hpp"
#include "render/canvas.hpp"
#include "render/screen.hpp"
#include "style/style.hpp"

namespace mapwire::render {

struct Inset {
    Rect box;
    Paths land;    // the wider region's land
    Paths extent;  // the map's extent, outlined
};

// Whether a frame is large enough for an inset.
bool inset_fits(const Rect& frame);
// The inset's box: a fifth of the frame's width (at most 200 px), 7:10, top right.
Rect inset_box(const Rect& frame);
// The lon/lat box the inset shows about the map's extent: wide enough to place the map, not so
// wide that a conic projection tears.
geometry::Box inset_region(const geometry::Box& extent);
// The inset's content, read from the dataset's land layer.
Inset build_inset(const std::string& geopackage, const geometry::Box& extent, const Rect& box);
void draw_inset(Canvas& c, const style::Style& st, const Inset& inset);

}  // namespace mapwire::render
