// The scale bar: a round length, true at the centre of the map.
//
// A round length, true at the centre of the map, in the frame's bottom-right corner (above a legend
// strip when there is one).
#pragma once

#include "render/canvas.hpp"
#include "render/screen.hpp"
#include "style/style.hpp"

namespace mapwire::render {

struct ScaleBarLength {
    double km = 1;         // the length it stands for
    double length_px = 0;  // its length on the map
};

// The longest round length (1, 2, 5, 10, 20, 25, 50 ... 2000 km) that fits in 150 px.
ScaleBarLength choose_scale_bar(double km_per_px);
// The box it takes: bottom right, its bottom edge 10 px above `bottom`.
Rect scale_bar_box(const Rect& frame, double bottom);
void draw_scale_bar(Canvas& c, const style::Style& st, const Rect& box, double km_per_px);

}  // namespace mapwire::render
