// Colours and fonts the pieces of a map derive from its style.
#pragma once

#include "render/canvas.hpp"
#include "style/style.hpp"

namespace mapwire::render::detail {

inline Color with_alpha(Color c, double a) {
    c.a = a;
    return c;
}

// The colour without its transparency: bands and panels that must hide what is under them.
inline Color opaque(Color c) {
    return Color{c.r, c.g, c.b, 1};
}

// The style's font at a size, plain unless told.
inline Font font(const style::Style& st, double size, bool bold = false, bool italic = false,
                 double letter_spacing = 0) {
    return {st.font, size, bold, italic, letter_spacing};
}

// Credits, notes, legend entries and the scale bar.
inline Font small_font(const style::Style& st) {
    return font(st, st.small_size);
}

}  // namespace mapwire::render::detail
