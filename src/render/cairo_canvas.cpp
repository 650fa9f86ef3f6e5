// Drawing with Cairo and Pango, for the PNG's bands and the PDF's page.
#include "render/detail/cairo_canvas.hpp"

#include <cmath>

#include "render/detail/text_layout.hpp"

namespace mapwire::render::detail {
namespace {

void set_color(cairo_t* cr, Color c) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
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
    void clip(const Rect& box) override {
        cairo_save(cr_);
        cairo_rectangle(cr_, box.x, box.y, box.w, box.h);
        cairo_clip(cr_);
    }
    void unclip() override { cairo_restore(cr_); }

private:
    cairo_t* cr_;
};

}  // namespace

void add_paths(cairo_t* cr, const Paths& paths) {
    for (const auto& p : paths) {
        if (p.points.empty()) continue;
        cairo_move_to(cr, p.points[0].x, p.points[0].y);
        for (std::size_t i = 1; i < p.points.size(); ++i)
            cairo_line_to(cr, p.points[i].x, p.points[i].y);
        if (p.closed) cairo_close_path(cr);
    }
}

std::unique_ptr<Canvas> cairo_canvas(cairo_t* cr) {
    return std::make_unique<CairoCanvas>(cr);
}

}  // namespace mapwire::render::detail
