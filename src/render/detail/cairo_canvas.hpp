// The canvas that draws on a Cairo context: PNG bands and PDF pages.
#pragma once

#include <cairo.h>

#include <memory>

#include "render/canvas.hpp"

namespace mapwire::render::detail {

// The paths as Cairo's current path (after what is there), for a fill, stroke or clip.
void add_paths(cairo_t* cr, const Paths& paths);

// A canvas drawing on `cr`, which must outlive it; sets even-odd filling and round joins and
// caps on it.
std::unique_ptr<Canvas> cairo_canvas(cairo_t* cr);

}  // namespace mapwire::render::detail
