// Pango layouts of a canvas's text, laid out alike wherever they are measured or drawn.
#pragma once

#include <pango/pangocairo.h>

#include <string>

#include "render/canvas.hpp"
#include "render/detail/cairo_handles.hpp"

namespace mapwire::render::detail {

using Layout = GObjectPtr<PangoLayout>;

// The text in the font, wrapped at `wrap_width` px when > 0.
Layout make_layout(PangoContext* context, const std::string& text, const Font& font,
                   double wrap_width);

// Unhinted metrics, so that text is laid out the same when measured and when drawn.
void set_unhinted(PangoContext* context);

// One measuring context for the process: text metrics must not depend on the output format.
// Per thread, as Pango's default font map is: maps may be rendered in parallel.
PangoContext* measuring_context();

}  // namespace mapwire::render::detail
