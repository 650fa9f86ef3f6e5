// Drawing recorded for PNG output, then rasterised in bands on several cores.
#pragma once

#include <cairo.h>

#include <memory>

#include "render/canvas.hpp"

namespace mapwire::render::detail {

// Drawing recorded, so that rasterise() can draw the image in horizontal bands on several cores
// (Cairo draws one context on one thread). Each band replays every command; Cairo culls what
// falls outside the band, so a band costs about its share.
class Recording {
public:
    Recording();
    ~Recording();
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;
    // The canvas that records what is drawn on it.
    Canvas& canvas();
    // Every command recorded, in order, drawn on `c`.
    void replay(Canvas& c) const;

private:
    class Commands;
    std::unique_ptr<Commands> commands_;
};

// Rasterises `recording` into `surface` (scaled by `scale`) in a fixed number of bands, so
// the pixels do not depend on how many cores the machine has.
void rasterise(const Recording& recording, cairo_surface_t* surface, double scale);

}  // namespace mapwire::render::detail
