// The shapes every canvas draws: boxes and circles as paths.
#include "render/canvas.hpp"

#include <cmath>

namespace mapwire::render {

Paths rect_path(const Rect& box) {
    const double x = box.x, y = box.y, w = box.w, h = box.h;
    return {{{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, true}};
}

Paths circle_path(double cx, double cy, double r, int segments) {
    ScreenPath p;
    p.closed = true;
    for (int i = 0; i < segments; ++i) {
        const double a = 2 * M_PI * i / segments;
        p.points.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
    }
    return {p};
}

}  // namespace mapwire::render
