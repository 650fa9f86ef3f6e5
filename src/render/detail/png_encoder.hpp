// PNG files from Cairo image surfaces, with the map's resolution, title and description.
#pragma once

#include <cairo.h>

#include <string>

#include "render/canvas.hpp"

namespace mapwire::render::detail {

// The surface (flushed, ARGB32) as PNG bytes: RGB when every pixel is opaque, else RGBA; `dpi`
// in a pHYs chunk, the document's title and description as iTXt chunks.
std::string encode_png(cairo_surface_t* surface, double dpi, const DocumentInfo& doc);

}  // namespace mapwire::render::detail
