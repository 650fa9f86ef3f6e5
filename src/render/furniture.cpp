// Credits and the notes panel of compact maps.
#include "render/furniture.hpp"

#include <filesystem>

#include "render/detail/paint.hpp"

namespace mapwire::render {
namespace {

// Padding above and below the notes; gaps after the figure, each key line, before the legend.
constexpr double kNotesTop = 10, kNotesBottom = 8;
constexpr double kFigureGap = 6, kLineGap = 2, kLegendGap = 6;

}  // namespace

std::string credits_text(const MapOptions& o, const std::string& occupation) {
    std::string text = (o.source.empty() ? "" : "Source: " + o.source + " · ") +
                       "Boundaries: Natural Earth. Places: GeoNames (CC BY 4.0).";
    if (!o.date.empty()) text += " Report of " + o.date + ".";
    // A control layer is its own source with its own date, not the article's.
    if (!o.control_layer.empty()) {
        const std::string date = control_date_of(o);
        text +=
            " Control areas: " +
            (o.control_source.empty() ? std::filesystem::path(o.control_layer).filename().string()
                                      : o.control_source) +
            (date.empty() ? " (undated)." : ", as of " + date + ".");
    }
    if (!o.credits.empty()) text += " " + o.credits;
    // The occupied areas' holder and year as their records give them ("occupied by Russia
    // since 2014"); the hatch shows which areas, the legend says the same.
    if (!occupation.empty())
        text += " Borders: internationally recognised (hatched: " + occupation + ").";
    return text;
}

double notes_height(const style::Style& st, const Legend& legend, const Notes& notes,
                    const std::vector<LegendItem>& items, double w, bool with_figure,
                    bool with_legend) {
    const Font font = detail::small_font(st);
    double h = kNotesTop;
    if (with_figure && !notes.figure.empty())
        h += measure(notes.figure, font, w).height + kFigureGap;
    for (const auto& line : notes.key_lines) h += measure(line, font, w).height + kLineGap;
    if (with_legend) h += kLegendGap + legend.flow(nullptr, items, 0, 0, w);
    return h + kNotesBottom;
}

void draw_notes(Canvas& c, const style::Style& st, const PageLayout& page, const Legend& legend,
                const Notes& notes, const std::vector<LegendItem>& items, bool transparent) {
    const Font font = detail::small_font(st);
    const double w = page.notes_w(), x = page.notes_x();
    const Rect& n = page.notes;
    if (!transparent) c.fill(rect_path(n), detail::opaque(st.callout_fill));
    double y = n.y + kNotesTop;
    if (page.figure_below && !notes.figure.empty()) {
        c.text(x, y, notes.figure, font, st.callout_text, std::nullopt, 0, w);
        y += measure(notes.figure, font, w).height + kFigureGap;
    }
    for (const auto& line : notes.key_lines) {
        c.text(x, y, line, font, st.furniture_text, std::nullopt, 0, w);
        y += measure(line, font, w).height + kLineGap;
    }
    if (page.legend_below) legend.flow(&c, items, x, y + kLegendGap, w);
}

}  // namespace mapwire::render
