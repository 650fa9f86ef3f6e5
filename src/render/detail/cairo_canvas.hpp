// The canvas that draws on a Cairo context: PNG bands and PDF pages.
#pragma once

#include <cairo.h>

#include "render/canvas.hpp"

namespace mapwire::render::detail {

// The paths as Cairo's current path (after what is there), for a fill, stroke or clip.
void add_paths(cairo_t* cr, const Paths& paths);

class CairoCanvas : public Canvas {
public:
    // Sets even-odd filling and round joins and caps on `cr`, which must outlive the canvas.
    explicit CairoCanvas(cairo_t* cr);
    void fill(const Paths& paths, Color c) override;
    void stroke(const Paths& paths, Color c, double width,
                const std::vector<double>& dash) override;
    void hatch(const Paths& paths, Color c, double spacing, double angle, double width) override;
    void text(double x, double y, const std::string& s, const Font& font, Color color,
              std::optional<Color> halo, double halo_width, double wrap_width) override;
    void clip(const Rect& box) override;
    void unclip() override;

private:
    cairo_t* cr_;
};

}  // namespace mapwire::render::detail
