// Drawing surfaces: Cairo for PNG and PDF, and a hand-written SVG writer, because Cairo's SVG
// output turns text into glyph outlines and newsroom editors need real, editable <text>.
// All coordinates are CSS pixels of the map's logical size.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/screen.hpp"
#include "style/style.hpp"

namespace mapwire::render {

// A polyline, or a ring when closed, on the page.
struct ScreenPath {
    std::vector<ScreenPoint> points;
    bool closed = false;
};
using Paths = std::vector<ScreenPath>;
using style::Color;

struct Font {
    std::string family = "Noto Sans";
    double size = 12;  // px
    bool bold = false;
    bool italic = false;
    double letter_spacing = 0;  // px
};

// Text measurement with Pango, shared by every canvas so that placement is identical: a
// text's size and baseline, not a box on the page (that is a Rect, placed).
struct TextMetrics {
    double width = 0, height = 0, baseline = 0;  // px; baseline from the top
};
TextMetrics measure(const std::string& text, const Font& font, double wrap_width = 0);

// A hatch: parallel lines `spacing` px apart at `angle` degrees, `width` px wide.
struct HatchSpec {
    double spacing = 5, angle = 45, width = 0.7;
};

class Canvas {
public:
    virtual ~Canvas() = default;
    virtual void fill(const Paths& paths, Color color) = 0;
    virtual void stroke(const Paths& paths, Color color, double width,
                        const std::vector<double>& dash = {}) = 0;
    // Parallel lines at `angle` degrees, `spacing` px apart, inside the paths.
    virtual void hatch(const Paths& paths, Color color, double spacing, double angle,
                       double width) = 0;
    // Text with its top-left corner at (x, y), wrapped at `wrap_width` when > 0.
    virtual void text(double x, double y, const std::string& text, const Font& font, Color color,
                      std::optional<Color> halo = std::nullopt, double halo_width = 3,
                      double wrap_width = 0) = 0;
    // A named group; with a label, a layer as design tools show it (SVG: an Inkscape and
    // Illustrator layer); bitmap and PDF canvases draw its content as it comes.
    virtual void begin_group(const std::string& id, const std::string& label = {}) {
        (void)id;
        (void)label;
    }
    virtual void end_group() {}
    // A mark drawn alike many times (an event type's marker): `draw(canvas, origin)` paints it
    // about `origin`. The SVG canvas draws it once about (0, 0) as a <symbol> with this id and
    // places a <use> of it, so that a designer restyles every mark of the kind at once; the
    // other canvases draw it where it goes, as they would without a symbol.
    using SymbolDrawing = std::function<void(Canvas&, ScreenPoint origin)>;
    virtual void place_symbol(const std::string& id, ScreenPoint at, const SymbolDrawing& draw) {
        (void)id;
        draw(*this, at);
    }
    // What follows is drawn inside `box` only, until the matching unclip().
    virtual void clip(const Rect& box) = 0;
    virtual void unclip() = 0;
};

// One layer of the map for its scope: a labelled group, clipped to `clip` when given (the map
// frame), so that each layer stands alone in a design tool.
class MapLayer {
public:
    MapLayer(Canvas& c, const std::string& id, const std::string& label, const Rect* clip = nullptr)
        : c_(c), clipped_(clip != nullptr) {
        c_.begin_group(id, label);
        if (clip) c_.clip(*clip);
    }
    ~MapLayer() {
        if (clipped_) c_.unclip();
        c_.end_group();
    }
    MapLayer(const MapLayer&) = delete;
    MapLayer& operator=(const MapLayer&) = delete;

private:
    Canvas& c_;
    bool clipped_;
};

// Text for SVG and HTML: the markup's five characters escaped, what XML cannot hold replaced.
std::string escape_markup(std::string text);

// A small drawing as an <svg> element for an HTML page (the web map's markers and legend
// swatches, drawn by the same code as the static map's): `box` is its view box; `ids` prefixes
// its pattern and clip ids, which must be unique on the page.
std::string inline_svg(const Rect& box, const std::string& ids,
                       const std::function<void(Canvas&)>& draw);

// The surfaces a canvas draws on (the map's formats are render::MapFormat, see map.hpp).
enum class Format { png, svg, pdf };

// What a map file says about itself: its title, and the description screen readers and
// catalogues read (SVG <title> and <desc>, PNG iTXt Title and Description, PDF Title,
// Subject and Keywords).
struct DocumentInfo {
    DocumentInfo(const char* t) : title(t) {}  // NOLINT: a title alone, as tests write it
    DocumentInfo(std::string t, std::string d = {}, std::string k = {})
        : title(std::move(t)), description(std::move(d)), keywords(std::move(k)) {}
    std::string title, description, keywords;
};

// A canvas writing to `path` (through a temporary file, renamed by finish()).
// width/height are logical px; `scale` is output pixels per logical px (PNG only).
class Output {
public:
    // `pdf_points_per_px`: PDF page units per logical px (0.75: 96 px = 72 pt; 1: px = pt).
    Output(Format format, const std::string& path, double width, double height, double scale,
           double dpi, const DocumentInfo& info, const std::string& creation_date,
           double pdf_points_per_px = 0.75);
    ~Output();
    Canvas& canvas();
    void finish();  // writes, then renames into place

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

Paths rect_path(const Rect& box);
Paths circle_path(double cx, double cy, double r, int segments = 32);

}  // namespace mapwire::render
