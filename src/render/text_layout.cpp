// Text laid out with Pango: the fonts, the layouts, and measure() for placement.
#include "render/detail/text_layout.hpp"

namespace mapwire::render {
namespace detail {
namespace {

FontDescriptionPtr font_description(const Font& f) {
    FontDescriptionPtr d(pango_font_description_new());
    pango_font_description_set_family(d.get(), f.family.c_str());
    pango_font_description_set_absolute_size(d.get(), f.size * PANGO_SCALE);
    pango_font_description_set_weight(d.get(), f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d.get(), f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return d;
}

}  // namespace

Layout make_layout(PangoContext* context, const std::string& text, const Font& font,
                   double wrap_width) {
    Layout layout(pango_layout_new(context));
    pango_layout_set_font_description(layout.get(), font_description(font).get());
    if (font.letter_spacing != 0) {
        AttrListPtr attrs(pango_attr_list_new());
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

void set_unhinted(PangoContext* context) {
    FontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options.get());
}

// Never released: it lives as long as its thread, as the font map does.
PangoContext* measuring_context() {
    thread_local PangoContext* context = [] {
        PangoFontMap* map = pango_cairo_font_map_get_default();
        PangoContext* c = pango_font_map_create_context(map);
        set_unhinted(c);
        return c;
    }();
    return context;
}

}  // namespace detail

TextMetrics measure(const std::string& text, const Font& font, double wrap_width) {
    const detail::Layout layout =
        detail::make_layout(detail::measuring_context(), text, font, wrap_width);
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return {logical.width / double(PANGO_SCALE), logical.height / double(PANGO_SCALE),
            pango_layout_get_baseline(layout.get()) / double(PANGO_SCALE)};
}

}  // namespace mapwire::render
