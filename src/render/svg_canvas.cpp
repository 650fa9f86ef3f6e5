// The SVG writer: paths, patterns, clips, symbols and real <text>, and markup escaping.
#include "render/detail/svg_canvas.hpp"

#include <cstdio>

#include "render/detail/text_layout.hpp"
#include "text/utf8.hpp"

namespace mapwire::render {
namespace detail {
namespace {

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

// A line of a layout without the spaces and line break it ends with.
std::string line_text(const std::string& s, const PangoLayoutLine* line) {
    std::string piece = s.substr(static_cast<std::size_t>(line->start_index),
                                 static_cast<std::size_t>(line->length));
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n')) piece.pop_back();
    return piece;
}

}  // namespace

SvgCanvas::SvgCanvas(double w, double h, const DocumentInfo& info, std::string ids, Symbols symbols)
    : w_(w),
      h_(h),
      title_(info.title),
      description_(info.description),
      ids_(std::move(ids)),
      symbols_as_use_(symbols == Symbols::as_use) {}

void SvgCanvas::fill(const Paths& paths, Color c) {
    const std::string d = path_data(paths);
    if (!d.empty())
        body_ << "<path d=\"" << d << "\" " << paint("fill", c) << " fill-rule=\"evenodd\"/>\n";
}

void SvgCanvas::stroke(const Paths& paths, Color c, double width, const std::vector<double>& dash) {
    const std::string d = path_data(paths);
    if (d.empty()) return;
    body_ << "<path d=\"" << d << "\" fill=\"none\" " << paint("stroke", c) << " stroke-width=\""
          << num(width) << "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"";
    if (!dash.empty()) {
        body_ << " stroke-dasharray=\"";
        for (std::size_t i = 0; i < dash.size(); ++i) body_ << (i ? " " : "") << num(dash[i]);
        body_ << "\"";
    }
    body_ << "/>\n";
}

void SvgCanvas::hatch(const Paths& paths, Color c, double spacing, double angle, double width) {
    const std::string id = ids_ + "hatch" + std::to_string(++patterns_);
    defs_ << "<pattern id=\"" << id << "\" patternUnits=\"userSpaceOnUse\" width=\"" << num(spacing)
          << "\" height=\"" << num(spacing) << "\" patternTransform=\"rotate(" << num(angle)
          << ")\">"
          << "<line x1=\"0\" y1=\"0\" x2=\"" << num(spacing) << "\" y2=\"0\" " << paint("stroke", c)
          << " stroke-width=\"" << num(width * 2) << "\"/></pattern>\n";
    const std::string d = path_data(paths);
    if (!d.empty())
        body_ << "<path d=\"" << d << "\" fill=\"url(#" << id << ")\" fill-rule=\"evenodd\"/>\n";
}

void SvgCanvas::open_text(const Font& font, Color color, std::optional<Color> halo,
                          double halo_width) {
    body_ << "<text font-family=\"" << escape_markup(font.family) << "\" font-size=\""
          << num(font.size) << "\"";
    if (font.bold) body_ << " font-weight=\"bold\"";
    if (font.italic) body_ << " font-style=\"italic\"";
    if (font.letter_spacing != 0) body_ << " letter-spacing=\"" << num(font.letter_spacing) << "\"";
    body_ << " " << paint("fill", color);
    if (halo)
        body_ << " " << paint("stroke", *halo) << " stroke-width=\"" << num(halo_width)
              << "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
    body_ << ">";
}

void SvgCanvas::text(double x, double y, const std::string& s, const Font& font, Color color,
                     std::optional<Color> halo, double halo_width, double wrap_width) {
    // Pango decides the line breaks; each line becomes a <tspan> at its baseline.
    const Layout layout = make_layout(measuring_context(), s, font, wrap_width);
    const LayoutIterPtr iter(pango_layout_get_iter(layout.get()));
    PangoLayoutIter* it = iter.get();
    open_text(font, color, halo, halo_width);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double baseline = pango_layout_iter_get_baseline(it) / double(PANGO_SCALE);
        body_ << "<tspan x=\"" << num(x + logical.x / double(PANGO_SCALE)) << "\" y=\""
              << num(y + baseline) << "\">"
              << escape_markup(line_text(s, pango_layout_iter_get_line_readonly(it))) << "</tspan>";
    } while (pango_layout_iter_next_line(it));
    body_ << "</text>\n";
}

void SvgCanvas::begin_group(const std::string& id, const std::string& label) {
    body_ << "<g id=\"" << escape_markup(id) << "\"";
    if (!label.empty())
        body_ << " inkscape:groupmode=\"layer\" inkscape:label=\"" << escape_markup(label) << "\"";
    body_ << ">\n";
}

void SvgCanvas::end_group() {
    body_ << "</g>\n";
}

void SvgCanvas::place_symbol(const std::string& id, ScreenPoint at, const SymbolDrawing& draw) {
    if (!symbols_as_use_) return draw(*this, at);
    const std::string full = escape_markup(ids_ + id);
    if (symbols_.insert(ids_ + id).second) {
        SvgCanvas shape(w_, h_, DocumentInfo(std::string()), ids_ + id + "-");
        draw(shape, {0, 0});
        // Drawn about its origin, so visible beyond the symbol's own viewport (which SVG
        // would clip at 0, 0 by default).
        defs_ << shape.defs_.str() << "<symbol id=\"" << full << "\" overflow=\"visible\">\n"
              << shape.body_.str() << "</symbol>\n";
    }
    // href for SVG 2 readers, xlink:href for SVG 1.1 ones (Illustrator, older Inkscape).
    body_ << "<use href=\"#" << full << "\" xlink:href=\"#" << full << "\" x=\"" << num(at.x)
          << "\" y=\"" << num(at.y) << "\"/>\n";
}

void SvgCanvas::clip(const Rect& box) {
    const std::string id = ids_ + "clip" + std::to_string(++clips_);
    defs_ << "<clipPath id=\"" << id << "\"><rect x=\"" << num(box.x) << "\" y=\"" << num(box.y)
          << "\" width=\"" << num(box.w) << "\" height=\"" << num(box.h) << "\"/></clipPath>\n";
    body_ << "<g clip-path=\"url(#" << id << ")\">\n";
}

void SvgCanvas::unclip() {
    body_ << "</g>\n";
}

std::string SvgCanvas::document() const {
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" version=\"1.1\" "
           "width=\""
        << num(w_) << "\" height=\"" << num(h_) << "\" viewBox=\"0 0 " << num(w_) << " " << num(h_)
        << "\">\n"
        << "<title>" << escape_markup(title_) << "</title>\n"
        << (description_.empty() ? "" : "<desc>" + escape_markup(description_) + "</desc>\n")
        << "<defs>\n"
        << defs_.str() << "</defs>\n"
        << body_.str() << "</svg>\n";
    return out.str();
}

std::string SvgCanvas::element(const Rect& box) const {
    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(box.w) << "\" height=\""
        << num(box.h) << "\" viewBox=\"" << num(box.x) << " " << num(box.y) << " " << num(box.w)
        << " " << num(box.h) << "\" aria-hidden=\"true\" focusable=\"false\">";
    const std::string defs = defs_.str();
    if (!defs.empty()) out << "<defs>" << defs << "</defs>";
    out << body_.str() << "</svg>";
    return out.str();
}

}  // namespace detail

// XML's five characters escaped, and what XML cannot hold replaced whatever the text's source
// (a user layer's field, a gazetteer name), so the file stays well-formed.
std::string escape_markup(std::string text) {
    text::replace_unwritable(text);
    std::string out;
    for (char ch : text) {
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

std::string inline_svg(const Rect& box, const std::string& ids,
                       const std::function<void(Canvas&)>& draw) {
    detail::SvgCanvas canvas(box.w, box.h, DocumentInfo(std::string()), ids,
                             detail::SvgCanvas::Symbols::drawn);
    draw(canvas);
    return canvas.element(box);
}

}  // namespace mapwire::render
