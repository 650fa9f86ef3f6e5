// The figure box: stated and measured territory figures.
#include "render/figure_box.hpp"

#include <algorithm>
#include <cstdio>

#include "render/detail/paint.hpp"
#include "render/detail/wording.hpp"
#include "render/map.hpp"

namespace mapwire::render {
namespace {

constexpr double kInset = 10;  // from the frame's corner
constexpr double kMaxWidth = 300, kMaxWidthShare = 0.4;
constexpr double kPadW = 20, kPadH = 16, kTextX = 10, kTextY = 8;
constexpr double kAlpha = 0.95, kBorderWidth = 0.8;

Font box_font(const style::Style& st) {
    return detail::font(st, st.small_size + 1);
}

}  // namespace

std::string figure_text(const std::vector<events::TerritoryFigure>& figures,
                        const std::function<std::string(const std::string&)>& holder_name,
                        const std::string& control_date) {
    if (figures.empty()) return {};
    const auto& f = figures[0];
    std::string text =
        "Stated: " + (f.hedge.empty() ? "" : f.hedge + " ") + detail::thousands(f.stated_value) +
        (f.unit == "percent" ? "%" : " km²") + " of " +
        (f.territory ? std::string(f.territory->name) : std::string("the territory")) +
        " held by " + holder_name(f.holder) + " (" + detail::thousands(f.stated_km2) + " km²)";
    if (f.measured_km2) {
        char share[32];
        std::snprintf(share, sizeof share, "%.2f%%", *f.measured_share);
        text += "\nMeasured on the control layer" +
                (control_date.empty() ? "" : " of " + control_date) + ": " + std::string(share) +
                " (" + detail::thousands(*f.measured_km2) + " km²)";
    }
    return text;
}

Rect figure_box(const Rect& frame, const std::string& text, const style::Style& st) {
    const auto box = measure(text, box_font(st), std::min(kMaxWidth, frame.w * kMaxWidthShare));
    return {frame.x + kInset, frame.y + kInset, box.width + kPadW, box.height + kPadH};
}

void draw_figure_box(Canvas& c, const style::Style& st, const Rect& box, const std::string& text) {
    c.fill(rect_path(box), detail::with_alpha(st.callout_fill, kAlpha));
    c.stroke(rect_path(box), st.callout_border, kBorderWidth);
    c.text(box.x + kTextX, box.y + kTextY, text, box_font(st), st.callout_text, std::nullopt, 0,
           box.w - kPadW);
}

}  // namespace mapwire::render
