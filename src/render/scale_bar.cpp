// The scale bar: length choice, box and drawing.
#include "render/scale_bar.hpp"

#include "render/detail/paint.hpp"
#include "render/detail/wording.hpp"

namespace mapwire::render {
namespace {

constexpr double kMaxLengthPx = 150;
constexpr double kBoxW = 180, kBoxH = 30, kBoxRight = 190, kBoxAbove = 40;
// The bar: 4 px tall, 18 px below the box's top, 10 px in from its right; its backing 6 px
// wider each side.
constexpr double kBarY = 18, kBarH = 4, kBarRight = 10, kBackingPad = 6, kBackingY = 2;
constexpr double kBackingH = 26, kBackingAlpha = 0.85, kOutline = 0.8;
constexpr double kLabelGap = 1;

}  // namespace

ScaleBarLength choose_scale_bar(double km_per_px) {
    const double max_km = km_per_px * kMaxLengthPx;
    double km = 1;
    for (double step :
         {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0})
        if (step <= max_km) km = step;
    return {km, km / km_per_px};
}

Rect scale_bar_box(const Rect& frame, double bottom) {
    return {frame.x + frame.w - kBoxRight, bottom - kBoxAbove, kBoxW, kBoxH};
}

void draw_scale_bar(Canvas& c, const style::Style& st, const Rect& box, double km_per_px) {
    const auto [km, len] = choose_scale_bar(km_per_px);
    const double x = box.x + box.w - len - kBarRight, y = box.y + kBarY;
    c.fill(rect_path({x - kBackingPad, box.y + kBackingY, len + 2 * kBackingPad, kBackingH}),
           detail::with_alpha(st.callout_fill, kBackingAlpha));
    c.fill(rect_path({x, y, len / 2, kBarH}), st.frame);
    c.fill(rect_path({x + len / 2, y, len / 2, kBarH}), st.halo);
    c.stroke(rect_path({x, y, len, kBarH}), st.frame, kOutline);
    const std::string label = detail::thousands(km) + " km";
    const Font font = detail::small_font(st);
    const auto text = measure(label, font);
    c.text(x + len / 2 - text.width / 2, y - text.height - kLabelGap, label, font,
           st.furniture_text);
}

}  // namespace mapwire::render
