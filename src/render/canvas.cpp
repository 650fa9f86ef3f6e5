// Cairo/Pango canvases for PNG and PDF, and the SVG writer.
#include "render/canvas.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <zlib.h>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <variant>

#include "base/error.hpp"
#include "render/detail/cairo_handles.hpp"
#include "text/utf8.hpp"

namespace mapwire::render {
namespace {

using detail::CairoPtr;
using detail::GObjectPtr;
using detail::SurfacePtr;
using Layout = GObjectPtr<PangoLayout>;

detail::FontDescriptionPtr font_description(const Font& f) {
    detail::FontDescriptionPtr d(pango_font_description_new());
    pango_font_description_set_family(d.get(), f.family.c_str());
    pango_font_description_set_absolute_size(d.get(), f.size * PANGO_SCALE);
    pango_font_description_set_weight(d.get(), f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d.get(), f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return d;
}

Layout make_layout(PangoContext* context, const std::string& text, const Font& font,
                   double wrap_width) {
    Layout layout(pango_layout_new(context));
    pango_layout_set_font_description(layout.get(), font_description(font).get());
    if (font.letter_spacing != 0) {
        detail::AttrListPtr attrs(pango_attr_list_new());
        pango_attr_list_insert(
            attrs.get(),
            pango_attr_letter_spacing_new(static_cast<int>(font.letter_spacing * PANGO_SCALE)));
        pango_layout_set_attributes(layout.get(), attrs.get());
    }
    if (wrap_width > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(wrap_width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
    }
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
}

// Unhinted metrics, so that text is laid out the same when measured and when drawn.
void set_unhinted(PangoContext* context) {
    detail::FontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options.get());
}

// One measuring context for the process: text metrics must not depend on the output format.
// Per thread, as Pango's default font map is: maps may be rendered in parallel. Never
// released: it lives as long as its thread, as the font map does.
PangoContext* measuring_context() {
    thread_local PangoContext* context = [] {
        PangoFontMap* map = pango_cairo_font_map_get_default();
        PangoContext* c = pango_font_map_create_context(map);
        set_unhinted(c);
        return c;
    }();
    return context;
}

void set_color(cairo_t* cr, Color c) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

void add_paths(cairo_t* cr, const Paths& paths) {
    for (const auto& p : paths) {
        if (p.points.empty()) continue;
        cairo_move_to(cr, p.points[0].x, p.points[0].y);
        for (std::size_t i = 1; i < p.points.size(); ++i)
            cairo_line_to(cr, p.points[i].x, p.points[i].y);
        if (p.closed) cairo_close_path(cr);
    }
}

class CairoCanvas : public Canvas {
public:
    explicit CairoCanvas(cairo_t* cr) : cr_(cr) {
        cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
    }
    void fill(const Paths& paths, Color c) override {
        cairo_new_path(cr_);
        add_paths(cr_, paths);
        set_color(cr_, c);
        cairo_fill(cr_);
    }
    void stroke(const Paths& paths, Color c, double width,
                const std::vector<double>& dash) override {
        cairo_new_path(cr_);
        add_paths(cr_, paths);
        set_color(cr_, c);
        cairo_set_line_width(cr_, width);
        cairo_set_dash(cr_, dash.empty() ? nullptr : dash.data(), static_cast<int>(dash.size()), 0);
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
    }
    void hatch(const Paths& paths, Color c, double spacing, double angle, double width) override {
        cairo_save(cr_);
        cairo_new_path(cr_);
        add_paths(cr_, paths);
        double x1, y1, x2, y2;
        cairo_path_extents(cr_, &x1, &y1, &x2, &y2);
        cairo_clip(cr_);
        const double a = angle * M_PI / 180, cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
        const double reach = std::hypot(x2 - x1, y2 - y1) / 2 + spacing;
        for (double d = -reach; d <= reach; d += spacing) {
            const double ox = cx + d * std::cos(a + M_PI / 2), oy = cy + d * std::sin(a + M_PI / 2);
            cairo_move_to(cr_, ox - reach * std::cos(a), oy - reach * std::sin(a));
            cairo_line_to(cr_, ox + reach * std::cos(a), oy + reach * std::sin(a));
        }
        set_color(cr_, c);
        cairo_set_line_width(cr_, width);
        cairo_stroke(cr_);
        cairo_restore(cr_);
    }
    void text(double x, double y, const std::string& s, const Font& font, Color color,
              std::optional<Color> halo, double halo_width, double wrap_width) override {
        // The same metrics options as measure(), so that text lands where placement put it.
        const GObjectPtr<PangoContext> context(pango_cairo_create_context(cr_));
        set_unhinted(context.get());
        const Layout layout = make_layout(context.get(), s, font, wrap_width);
        cairo_move_to(cr_, x, y);
        if (halo) {
            pango_cairo_layout_path(cr_, layout.get());
            set_color(cr_, *halo);
            cairo_set_line_width(cr_, halo_width);
            cairo_stroke(cr_);
            cairo_move_to(cr_, x, y);
        }
        set_color(cr_, color);
        pango_cairo_show_layout(cr_, layout.get());
    }
    void clip(double x, double y, double w, double h) override {
        cairo_save(cr_);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_clip(cr_);
    }
    void unclip() override { cairo_restore(cr_); }

private:
    cairo_t* cr_;
};

// Drawing recorded for PNG output, so that finish() can rasterise the image in horizontal
// bands on several cores (Cairo draws one context on one thread). Each band replays every
// command; Cairo culls what falls outside the band, so a band costs about its share.
class RecordingCanvas : public Canvas {
public:
    void fill(const Paths& paths, Color c) override { ops_.emplace_back(Fill{paths, c}); }
    void stroke(const Paths& paths, Color c, double width,
                const std::vector<double>& dash) override {
        ops_.emplace_back(Stroke{paths, c, width, dash});
    }
    void hatch(const Paths& paths, Color c, double spacing, double angle, double width) override {
        ops_.emplace_back(Hatch{paths, c, spacing, angle, width});
    }
    void text(double x, double y, const std::string& s, const Font& font, Color color,
              std::optional<Color> halo, double halo_width, double wrap_width) override {
        ops_.emplace_back(Text{x, y, s, font, color, halo, halo_width, wrap_width});
    }
    void clip(double x, double y, double w, double h) override {
        ops_.emplace_back(Clip{x, y, w, h});
    }
    void unclip() override { ops_.emplace_back(Unclip{}); }

    void replay(Canvas& c) const {
        for (const auto& op : ops_) {
            if (const auto* f = std::get_if<Fill>(&op)) {
                c.fill(f->paths, f->color);
            } else if (const auto* s = std::get_if<Stroke>(&op)) {
                c.stroke(s->paths, s->color, s->width, s->dash);
            } else if (const auto* h = std::get_if<Hatch>(&op)) {
                c.hatch(h->paths, h->color, h->spacing, h->angle, h->width);
            } else if (const auto* t = std::get_if<Text>(&op)) {
                c.text(t->x, t->y, t->text, t->font, t->color, t->halo, t->halo_width,
                       t->wrap_width);
            } else if (const auto* r = std::get_if<Clip>(&op)) {
                c.clip(r->x, r->y, r->w, r->h);
            } else {
                c.unclip();
            }
        }
    }

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
    struct Clip {
        double x, y, w, h;
    };
    struct Unclip {};
    std::vector<std::variant<Fill, Stroke, Hatch, Text, Clip, Unclip>> ops_;
};

// Rasterises `recording` into `surface` (scaled by `scale`) in a fixed number of bands, so
// the pixels do not depend on how many cores the machine has.
void rasterise(const RecordingCanvas& recording, cairo_surface_t* surface, double scale) {
    const int w = cairo_image_surface_get_width(surface),
              h = cairo_image_surface_get_height(surface),
              stride = cairo_image_surface_get_stride(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    constexpr int kBandRows = 384;  // small images are one band: threads would cost more
    const int bands = std::clamp(h / kBandRows, 1, 4);
    std::atomic<int> next{0};
    auto work = [&] {
        for (int b; (b = next.fetch_add(1)) < bands;) {
            const int y0 = h * b / bands, y1 = h * (b + 1) / bands;
            const SurfacePtr band(
                cairo_image_surface_create_for_data(data + static_cast<std::ptrdiff_t>(y0) * stride,
                                                    CAIRO_FORMAT_ARGB32, w, y1 - y0, stride));
            {
                const CairoPtr cr(cairo_create(band.get()));
                cairo_translate(cr.get(), 0, -y0);
                cairo_scale(cr.get(), scale, scale);
                CairoCanvas canvas(cr.get());
                recording.replay(canvas);
            }
            cairo_surface_finish(band.get());
        }
    };
    const int threads =
        std::min(bands, std::max(1, static_cast<int>(std::thread::hardware_concurrency())));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    cairo_surface_mark_dirty(surface);
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s(buf);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string paint(const char* attr, Color c) {
    std::string s = std::string(attr) + "=\"" + style::hex(c) + "\"";
    if (c.a < 1) s += std::string(" ") + attr + "-opacity=\"" + num(c.a) + "\"";
    return s;
}

// Text for SVG: XML's five characters escaped, and what XML cannot hold replaced whatever the
// text's source (a user layer's field, a gazetteer name), so the file stays well-formed.
std::string escape(std::string t) {
    text::replace_unwritable(t);
    std::string out;
    for (char ch : t) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out.push_back(ch);
        }
    }
    return out;
}

std::string path_data(const Paths& paths) {
    std::string d;
    for (const auto& p : paths) {
        if (p.points.empty()) continue;
        d += "M" + num(p.points[0].x) + " " + num(p.points[0].y);
        for (std::size_t i = 1; i < p.points.size(); ++i)
            d += "L" + num(p.points[i].x) + " " + num(p.points[i].y);
        if (p.closed) d += "Z";
    }
    return d;
}

// SVG 1.1 with real <text>; ids are sequential, so the same map gives the same file.
class SvgCanvas : public Canvas {
public:
    // `symbols`: marks drawn alike as <symbol> and <use> (a document), or drawn where they go
    // (a marker of the web map, one small SVG each, where a symbol would serve one use).
    enum class Symbols { as_use, drawn };
    SvgCanvas(double w, double h, const DocumentInfo& info, std::string ids = {},
              Symbols symbols = Symbols::as_use)
        : w_(w),
          h_(h),
          title_(info.title),
          description_(info.description),
          ids_(std::move(ids)),
          symbols_as_use_(symbols == Symbols::as_use) {}
    void fill(const Paths& paths, Color c) override {
        const std::string d = path_data(paths);
        if (!d.empty())
            body_ << "<path d=\"" << d << "\" " << paint("fill", c) << " fill-rule=\"evenodd\"/>\n";
    }
    void stroke(const Paths& paths, Color c, double width,
                const std::vector<double>& dash) override {
        const std::string d = path_data(paths);
        if (d.empty()) return;
        body_ << "<path d=\"" << d << "\" fill=\"none\" " << paint("stroke", c)
              << " stroke-width=\"" << num(width)
              << "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"";
        if (!dash.empty()) {
            body_ << " stroke-dasharray=\"";
            for (std::size_t i = 0; i < dash.size(); ++i) body_ << (i ? " " : "") << num(dash[i]);
            body_ << "\"";
        }
        body_ << "/>\n";
    }
    void hatch(const Paths& paths, Color c, double spacing, double angle, double width) override {
        const std::string id = ids_ + "hatch" + std::to_string(++patterns_);
        defs_ << "<pattern id=\"" << id << "\" patternUnits=\"userSpaceOnUse\" width=\""
              << num(spacing) << "\" height=\"" << num(spacing) << "\" patternTransform=\"rotate("
              << num(angle) << ")\">"
              << "<line x1=\"0\" y1=\"0\" x2=\"" << num(spacing) << "\" y2=\"0\" "
              << paint("stroke", c) << " stroke-width=\"" << num(width * 2) << "\"/></pattern>\n";
        const std::string d = path_data(paths);
        if (!d.empty())
            body_ << "<path d=\"" << d << "\" fill=\"url(#" << id
                  << ")\" fill-rule=\"evenodd\"/>\n";
    }
    void text(double x, double y, const std::string& s, const Font& font, Color color,
              std::optional<Color> halo, double halo_width, double wrap_width) override {
        // Pango decides the line breaks; each line becomes a <tspan> at its baseline.
        const Layout layout = make_layout(measuring_context(), s, font, wrap_width);
        const detail::LayoutIterPtr iter(pango_layout_get_iter(layout.get()));
        PangoLayoutIter* it = iter.get();
        body_ << "<text font-family=\"" << escape(font.family) << "\" font-size=\""
              << num(font.size) << "\"";
        if (font.bold) body_ << " font-weight=\"bold\"";
        if (font.italic) body_ << " font-style=\"italic\"";
        if (font.letter_spacing != 0)
            body_ << " letter-spacing=\"" << num(font.letter_spacing) << "\"";
        body_ << " " << paint("fill", color);
        if (halo)
            body_ << " " << paint("stroke", *halo) << " stroke-width=\"" << num(halo_width)
                  << "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
        body_ << ">";
        do {
            PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
            const int start = line->start_index, length = line->length;
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            const double baseline = pango_layout_iter_get_baseline(it) / double(PANGO_SCALE);
            std::string piece =
                s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(length));
            while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n'))
                piece.pop_back();
            body_ << "<tspan x=\"" << num(x + logical.x / double(PANGO_SCALE)) << "\" y=\""
                  << num(y + baseline) << "\">" << escape(piece) << "</tspan>";
        } while (pango_layout_iter_next_line(it));
        body_ << "</text>\n";
    }
    void begin_group(const std::string& id, const std::string& label) override {
        body_ << "<g id=\"" << escape(id) << "\"";
        if (!label.empty())
            body_ << " inkscape:groupmode=\"layer\" inkscape:label=\"" << escape(label) << "\"";
        body_ << ">\n";
    }
    void end_group() override { body_ << "</g>\n"; }
    void place_symbol(const std::string& id, ScreenPoint at, const SymbolDrawing& draw) override {
        if (!symbols_as_use_) return draw(*this, at);
        const std::string full = ids_ + id;
        if (symbols_.insert(full).second) {
            SvgCanvas shape(w_, h_, DocumentInfo(std::string()), ids_ + id + "-");
            draw(shape, {0, 0});
            // Drawn about its origin, so visible beyond the symbol's own viewport (which SVG
            // would clip at 0, 0 by default).
            defs_ << shape.defs_.str() << "<symbol id=\"" << escape(full)
                  << "\" overflow=\"visible\">\n"
                  << shape.body_.str() << "</symbol>\n";
        }
        // href for SVG 2 readers, xlink:href for SVG 1.1 ones (Illustrator, older Inkscape).
        body_ << "<use href=\"#" << escape(full) << "\" xlink:href=\"#" << escape(full) << "\" x=\""
              << num(at.x) << "\" y=\"" << num(at.y) << "\"/>\n";
    }
    void clip(double x, double y, double w, double h) override {
        const std::string id = ids_ + "clip" + std::to_string(++clips_);
        defs_ << "<clipPath id=\"" << id << "\"><rect x=\"" << num(x) << "\" y=\"" << num(y)
              << "\" width=\"" << num(w) << "\" height=\"" << num(h) << "\"/></clipPath>\n";
        body_ << "<g clip-path=\"url(#" << id << ")\">\n";
    }
    void unclip() override { body_ << "</g>\n"; }

    std::string document() const {
        std::ostringstream out;
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            << "<svg xmlns=\"http://www.w3.org/2000/svg\" "
               "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
               "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" version=\"1.1\" "
               "width=\""
            << num(w_) << "\" height=\"" << num(h_) << "\" viewBox=\"0 0 " << num(w_) << " "
            << num(h_) << "\">\n"
            << "<title>" << escape(title_) << "</title>\n"
            << (description_.empty() ? "" : "<desc>" + escape(description_) + "</desc>\n")
            << "<defs>\n"
            << defs_.str() << "</defs>\n"
            << body_.str() << "</svg>\n";
        return out.str();
    }

    // The drawing as an element inside an HTML page: no prolog, the view box `box`.
    std::string element(const Rect& box) const {
        std::ostringstream out;
        out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(box.w) << "\" height=\""
            << num(box.h) << "\" viewBox=\"" << num(box.x) << " " << num(box.y) << " " << num(box.w)
            << " " << num(box.h) << "\" aria-hidden=\"true\" focusable=\"false\">";
        const std::string defs = defs_.str();
        if (!defs.empty()) out << "<defs>" << defs << "</defs>";
        out << body_.str() << "</svg>";
        return out.str();
    }

private:
    double w_, h_;
    std::string title_, description_, ids_;
    std::ostringstream defs_, body_;
    int patterns_ = 0, clips_ = 0;
    bool symbols_as_use_;
    std::set<std::string> symbols_;  // the <symbol>s defined so far
};

// PNG encoding with libpng rather than cairo_surface_write_to_png: Cairo asks libpng for its
// default adaptive filtering at zlib level 6, which took longer than drawing the map. Fast
// compression with the Sub filter costs a few per cent in size; the resolution goes into a
// pHYs chunk (Cairo writes none).
std::string encode_png(cairo_surface_t* surface, double dpi, const DocumentInfo& doc) {
    const int w = cairo_image_surface_get_width(surface),
              h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) throw IoError("cannot start the PNG encoder");
    std::vector<unsigned char> row(static_cast<std::size_t>(w) * 4);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw IoError("PNG encoding failed");
    }
    png_set_write_fn(
        png, &out,
        [](png_structp p, png_bytep bytes, png_size_t n) {
            static_cast<std::string*>(png_get_io_ptr(p))
                ->append(reinterpret_cast<const char*>(bytes), n);
        },
        nullptr);
    // Maps are usually opaque: RGB is a quarter less to compress than RGBA.
    bool opaque = true;
    for (int y = 0; y < h && opaque; ++y) {
        const auto* src =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x)
            if ((src[x] >> 24) != 0xFF) {
                opaque = false;
                break;
            }
    }
    const int channels = opaque ? 3 : 4;
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    const auto ppm = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    // Title and Description as international text (UTF-8), uncompressed.
    std::vector<png_text> texts;
    for (const auto& [key, value] :
         {std::pair<const char*, const std::string*>{"Title", &doc.title},
          std::pair<const char*, const std::string*>{"Description", &doc.description}}) {
        if (value->empty()) continue;
        png_text t{};
        t.compression = PNG_ITXT_COMPRESSION_NONE;
        t.key = const_cast<char*>(key);
        t.text = const_cast<char*>(value->c_str());
        t.itxt_length = value->size();
        t.lang = const_cast<char*>("");
        t.lang_key = const_cast<char*>("");
        texts.push_back(t);
    }
    if (!texts.empty()) png_set_text(png, info, texts.data(), static_cast<int>(texts.size()));
    png_set_compression_level(png, 1);
    // Run-length matching suits maps' flat colours: faster than level-1 deflate, similar size.
    png_set_compression_strategy(png, Z_RLE);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_write_info(png, info);
    for (int y = 0; y < h; ++y) {
        // Cairo stores premultiplied native-endian ARGB; PNG wants straight RGBA.
        const auto* src =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x) {
            const std::uint32_t px = src[x];
            const unsigned a = px >> 24, r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;
            unsigned char* d = &row[static_cast<std::size_t>(x * channels)];
            if (a == 255 || a == 0) {
                d[0] = static_cast<unsigned char>(r), d[1] = static_cast<unsigned char>(g),
                d[2] = static_cast<unsigned char>(b);
            } else {
                d[0] = static_cast<unsigned char>((r * 255 + a / 2) / a);
                d[1] = static_cast<unsigned char>((g * 255 + a / 2) / a);
                d[2] = static_cast<unsigned char>((b * 255 + a / 2) / a);
            }
            if (!opaque) d[3] = static_cast<unsigned char>(a);
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

TextBox measure(const std::string& text, const Font& font, double wrap_width) {
    const Layout layout = make_layout(measuring_context(), text, font, wrap_width);
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return {logical.width / double(PANGO_SCALE), logical.height / double(PANGO_SCALE),
            pango_layout_get_baseline(layout.get()) / double(PANGO_SCALE)};
}

struct CoverageMask::Impl {
    double x, y, cell;
    SurfacePtr surface;
    CairoPtr cr;  // after the surface: released before it
    // Summed-area table of the mask, (w + 1) x (h + 1), built on the first query after a
    // change, so that any box's coverage costs four lookups.
    std::vector<double> sums;
    int w = 0, h = 0;
    void build() {
        cairo_surface_t* s = surface.get();
        cairo_surface_flush(s);
        w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        sums.assign(static_cast<std::size_t>(w + 1) * static_cast<std::size_t>(h + 1), 0);
        for (int j = 0; j < h; ++j) {
            double row = 0;
            for (int i = 0; i < w; ++i) {
                row += data[static_cast<std::ptrdiff_t>(j) * stride + i] / 255.0;
                at(i + 1, j + 1) = at(i + 1, j) + row;
            }
        }
    }
    double& at(int i, int j) {
        return sums[static_cast<std::size_t>(j) * static_cast<std::size_t>(w + 1) +
                    static_cast<std::size_t>(i)];
    }
};

CoverageMask::CoverageMask(double x, double y, double w, double h, double cell)
    : impl_(std::make_unique<Impl>()) {
    impl_->x = x, impl_->y = y, impl_->cell = cell;
    impl_->surface.reset(cairo_image_surface_create(
        CAIRO_FORMAT_A8, std::max(1, static_cast<int>(std::ceil(w / cell))),
        std::max(1, static_cast<int>(std::ceil(h / cell)))));
    impl_->cr.reset(cairo_create(impl_->surface.get()));
    cairo_t* cr = impl_->cr.get();
    cairo_scale(cr, 1 / cell, 1 / cell);
    cairo_translate(cr, -x, -y);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
}

CoverageMask::~CoverageMask() = default;

void CoverageMask::add(const Paths& areas) {
    cairo_t* cr = impl_->cr.get();
    cairo_new_path(cr);
    add_paths(cr, areas);
    cairo_fill(cr);
    impl_->sums.clear();
}

double CoverageMask::share(double x, double y, double w, double h) const {
    Impl& m = *impl_;
    if (m.sums.empty()) m.build();
    const int x0 = std::clamp(static_cast<int>((x - m.x) / m.cell), 0, m.w),
              y0 = std::clamp(static_cast<int>((y - m.y) / m.cell), 0, m.h),
              x1 = std::clamp(static_cast<int>(std::ceil((x + w - m.x) / m.cell)), 0, m.w),
              y1 = std::clamp(static_cast<int>(std::ceil((y + h - m.y) / m.cell)), 0, m.h);
    if (x1 <= x0 || y1 <= y0) return 0;
    const double sum = m.at(x1, y1) - m.at(x0, y1) - m.at(x1, y0) + m.at(x0, y0);
    return sum / (static_cast<double>(x1 - x0) * (y1 - y0));
}

std::string escape_markup(std::string text) {
    return escape(std::move(text));
}

std::string inline_svg(const Rect& box, const std::string& ids,
                       const std::function<void(Canvas&)>& draw) {
    SvgCanvas canvas(box.w, box.h, DocumentInfo(std::string()), ids, SvgCanvas::Symbols::drawn);
    draw(canvas);
    return canvas.element(box);
}

Paths rect_path(double x, double y, double w, double h) {
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

struct Output::Impl {
    Format format;
    std::string path, temp, creation_date;
    DocumentInfo info{std::string()};
    double width, height, scale, dpi;
    // Released in reverse order: the canvas, the context, then the surface, which a PDF
    // surface not finished still writes into pdf_bytes.
    std::string pdf_bytes;
    SurfacePtr surface;
    CairoPtr cr;
    std::unique_ptr<Canvas> canvas;
};

Output::Output(Format format, const std::string& path, double width, double height, double scale,
               double dpi, const DocumentInfo& info, const std::string& creation_date,
               double pdf_points_per_px)
    : impl_(std::make_unique<Impl>()) {
    auto& m = *impl_;
    m.format = format;
    m.path = path;
    m.temp = path + ".tmp-" + std::to_string(::getpid());
    m.info = info;
    m.creation_date = creation_date;
    m.width = width;
    m.height = height;
    m.scale = scale;
    m.dpi = dpi;
    if (format == Format::svg) {
        m.canvas = std::make_unique<SvgCanvas>(width, height, info);
        return;
    }
    if (format == Format::png) {
        m.surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                                   static_cast<int>(std::lround(width * scale)),
                                                   static_cast<int>(std::lround(height * scale))));
    } else {
        // PDF pages are in points: 96 CSS px = 72 pt.
        m.surface.reset(cairo_pdf_surface_create_for_stream(
            append_bytes, &m.pdf_bytes, width * pdf_points_per_px, height * pdf_points_per_px));
        cairo_surface_t* s = m.surface.get();
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
        if (!info.description.empty())
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, info.description.c_str());
        if (!info.keywords.empty())
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, info.keywords.c_str());
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "mapwire");
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, creation_date.c_str());
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, creation_date.c_str());
    }
    if (cairo_surface_status(m.surface.get()) != CAIRO_STATUS_SUCCESS)
        throw std::move(
            IoError("cannot create the drawing surface (image too large?)").in_file(path));
    if (format == Format::png) {
        m.canvas = std::make_unique<RecordingCanvas>();
        return;
    }
    m.cr.reset(cairo_create(m.surface.get()));
    cairo_scale(m.cr.get(), pdf_points_per_px, pdf_points_per_px);
    m.canvas = std::make_unique<CairoCanvas>(m.cr.get());
}

Output::~Output() {
    std::error_code ec;
    std::filesystem::remove(impl_->temp, ec);
}

Canvas& Output::canvas() {
    return *impl_->canvas;
}

void Output::finish() {
    auto& m = *impl_;
    std::string bytes;
    if (m.format == Format::svg) {
        bytes = static_cast<SvgCanvas&>(*m.canvas).document();
    } else if (m.format == Format::png) {
        rasterise(static_cast<RecordingCanvas&>(*m.canvas), m.surface.get(), m.scale);
        cairo_surface_flush(m.surface.get());
        bytes = encode_png(m.surface.get(), m.dpi, m.info);
    } else {
        m.cr.reset();
        cairo_surface_finish(m.surface.get());
        bytes = m.pdf_bytes;
    }
    {
        std::ofstream out(m.temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::move(IoError("cannot write").in_file(m.temp));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) throw std::move(IoError("write failed (disk full?)").in_file(m.temp));
    }
    std::error_code ec;
    std::filesystem::rename(m.temp, m.path, ec);
    if (ec)
        throw std::move(
            IoError("cannot move the finished file into place: " + ec.message()).in_file(m.path));
}

}  // namespace mapwire::render
