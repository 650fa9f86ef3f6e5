// Drawing recorded for PNG output, then rasterised in bands on several cores.
#pragma once

#include <cairo.h>

#include <variant>

#include "render/canvas.hpp"

namespace mapwire::render::detail {

// Records every command, so that rasterise() can draw the image in horizontal bands on several
// cores (Cairo draws one context on one thread). Each band replays every command; Cairo culls
// what falls outside the band, so a band costs about its share.
class RecordingCanvas : public Canvas {
public:
    void fill(const Paths& paths, Color c) override;
    void stroke(const Paths& paths, Color c, double width,
                const std::vector<double>& dash) override;
    void hatch(const Paths& paths, Color c, double spacing, double angle, double width) override;
    void text(double x, double y, const std::string& s, const Font& font, Color color,
              std::optional<Color> halo, double halo_width, double wrap_width) override;
    void clip(const Rect& box) override;
    void unclip() override;

    // Every command again, in order, on `c`.
    void replay(Canvas& c) const;

private:
    struct Fill {
        Paths paths;
        Color color;
    };
    struct Stroke {
        Paths paths;
        Color color;
        double width;
        std::vector<double> dash;
    };
    struct Hatch {
        Paths paths;
        Color color;
        double spacing, angle, width;
    };
    struct Text {
        double x, y;
        std::string text;
        Font font;
        Color color;
        std::optional<Color> halo;
        double halo_width, wrap_width;
    };
    struct Unclip {};
    std::vector<std::variant<Fill, Stroke, Hatch, Text, Rect, Unclip>> ops_;  // Rect: a clip
};

// Rasterises `recording` into `surface` (scaled by `scale`) in a fixed number of bands, so
// the pixels do not depend on how many cores the machine has.
void rasterise(const RecordingCanvas& recording, cairo_surface_t* surface, double scale);

}  // namespace mapwire::render::detail
