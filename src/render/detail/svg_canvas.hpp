// The SVG writer: real, editable <text>, which Cairo's SVG output turns into glyph outlines.
#pragma once

#include <set>
#include <sstream>
#include <string>

#include "render/canvas.hpp"

namespace mapwire::render::detail {

// SVG 1.1 with real <text>; ids are sequential, so the same map gives the same file.
class SvgCanvas : public Canvas {
public:
    // `symbols`: marks drawn alike as <symbol> and <use> (a document), or drawn where they go
    // (a marker of the web map, one small SVG each, where a symbol would serve one use).
    enum class Symbols { as_use, drawn };
    SvgCanvas(double w, double h, const DocumentInfo& info, std::string ids = {},
              Symbols symbols = Symbols::as_use);
    void fill(const Paths& paths, Color c) override;
    void stroke(const Paths& paths, Color c, double width,
                const std::vector<double>& dash) override;
    void hatch(const Paths& paths, Color c, double spacing, double angle, double width) override;
    void text(double x, double y, const std::string& s, const Font& font, Color color,
              std::optional<Color> halo, double halo_width, double wrap_width) override;
    void begin_group(const std::string& id, const std::string& label) override;
    void end_group() override;
    void place_symbol(const std::string& id, ScreenPoint at, const SymbolDrawing& draw) override;
    void clip(const Rect& box) override;
    void unclip() override;

    // The drawing as a file: prolog, title and description, definitions, body.
    std::string document() const;
    // The drawing as an element inside an HTML page: no prolog, the view box `box`.
    std::string element(const Rect& box) const;

private:
    // The <text> element's opening tag: font, fill and halo.
    void open_text(const Font& font, Color color, std::optional<Color> halo, double halo_width);

    double w_, h_;
    std::string title_, description_, ids_;
    std::ostringstream defs_, body_;
    int patterns_ = 0, clips_ = 0;
    bool symbols_as_use_;
    std::set<std::string> symbols_;  // the <symbol>s defined so far
};

}  // namespace mapwire::render::detail
