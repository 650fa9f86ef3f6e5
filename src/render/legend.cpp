// The legend: entries, swatches, and the boxed, flowing and strip layouts.
#include "render/legend.hpp"

#include <algorithm>

#include "render/aggregate_layer.hpp"
#include "render/detail/paint.hpp"
#include "render/event_symbols.hpp"

namespace mapwire::render {
namespace {

using Kind = LegendItem::Kind;

constexpr double kSwatchW = 16, kSwatchH = 11;  // area swatches
constexpr double kSymbolX = 8, kSymbolY = 5.5;  // a symbol's centre within the swatch
constexpr double kSymbolRadius = 6, kVagueRadius = 7, kCityDot = 2.8;
constexpr double kHatchSpacing = 4, kHatchWidth = 0.7;  // denser than on the map
constexpr double kOccupiedAngle = -45;
const std::vector<double> kVagueDash = {3, 2};
// The boxed legend: title, then a row per entry.
constexpr double kBoxPadding = 10, kTitleY = 7, kFirstRow = 30, kRowHeight = 20;
constexpr double kBoxSwatchX = 12, kBoxTextX = 36, kBoxExtraWidth = 50;
constexpr double kBoxAlpha = 0.92, kBoxBorder = 0.6;
// Flowing rows: swatch, text, gap.
constexpr double kFlowTextX = 24, kFlowGap = 14, kFlowRow = 18;
// Corner positions: this far in from the frame; the bottom-right one clears the scale bar.
constexpr double kCornerInset = 10, kScaleBarClearance = 40;
// The strip: entries inset 10 px each side, 7 px from the top; 12 px added to their rows.
constexpr double kStripInset = 10, kStripTop = 7, kStripPadding = 12;

Font title_font(const style::Style& st) {
    return detail::font(st, st.small_size + 1, true);
}

}  // namespace

std::vector<LegendItem> legend_items(const LegendFacts& f) {
    std::vector<LegendItem> items;
    if (f.focus) items.push_back({Kind::focus});
    if (f.highlight) items.push_back({Kind::highlight});
    if (f.control) items.push_back({Kind::control, {}, 0, f.control_date});
    if (!f.occupied.empty()) items.push_back({Kind::occupied, {}, 0, f.occupied});
    for (const auto& t : f.event_types) items.push_back({Kind::event, t});
    if (f.vague) items.push_back({Kind::vague});
    for (std::size_t k = 0; k < f.count_classes.size(); ++k)
        items.push_back({Kind::count_class, {}, k, f.count_classes[k], f.count_classes.size()});
    for (std::size_t i : f.layers) items.push_back({Kind::layer, {}, i});
    items.push_back({Kind::city});
    return items;
}

Rect choose_legend_corner(const Rect& frame, double w, double h,
                          const std::vector<Rect>& obstacles) {
    const double x0 = frame.x + kCornerInset, x1 = frame.x + frame.w - w - kCornerInset;
    const double y0 = frame.y + kCornerInset, y1 = frame.y + frame.h - h - kCornerInset;
    const std::vector<Rect> corners = {
        {x0, y1, w, h}, {x1, y1 - kScaleBarClearance, w, h}, {x0, y0, w, h}, {x1, y0, w, h}};
    for (const auto& r : corners) {
        bool clear = r.inside(frame);
        for (const auto& o : obstacles) clear = clear && !r.overlaps(o);
        if (clear) return r;
    }
    return corners[0];
}

std::string Legend::entry(Canvas* c, const LegendItem& item, double sx, double sy) const {
    const Paths swatch = rect_path({sx, sy, kSwatchW, kSwatchH});
    switch (item.kind) {
        case Kind::focus:
            if (c) {
                c->fill(swatch, st_.land_focus);
                c->stroke(swatch, st_.country_border.color, 0.8);
            }
            return focus_name_;
        case Kind::highlight:
            if (c) {
                c->fill(swatch, st_.highlight_fill);
                c->stroke(swatch, st_.highlight_border.color, 1);
            }
            return "Region named in the report";
        case Kind::control:
            if (c) {
                c->fill(swatch, st_.control_fill);
                c->stroke(swatch, st_.control_edge, 1);
            }
            return item.text.empty() ? std::string("Area held (control layer)")
                                     : "Area held (control layer, " + item.text + ")";
        case Kind::occupied:
            if (c) {
                c->fill(swatch, st_.occupied_fill);
                c->hatch(swatch, st_.occupied_hatch, kHatchSpacing, kOccupiedAngle, kHatchWidth);
            }
            // "occupied by Russia since 2014", capitalised for the entry.
            return item.text.empty() ? std::string("Occupied") : "O" + item.text.substr(1);
        case Kind::event:
            if (c)
                c->fill(symbol(item.event_type, sx + kSymbolX, sy + kSymbolY, kSymbolRadius),
                        event_color(st_, item.event_type));
            return std::string(to_string(item.event_type));
        case Kind::vague:
            if (c)
                c->stroke(circle_path(sx + kSymbolX, sy + kSymbolY, kVagueRadius), st_.text, 1.2,
                          kVagueDash);
            return "Somewhere in the region";
        case Kind::layer: {
            const auto& spec = layers_[item.layer];
            const Color stroke = spec.stroke.value_or(st_.text);
            if (c && spec.fill) c->fill(swatch, *spec.fill);
            if (c) c->stroke(swatch, stroke, std::min(spec.width, 2.0));
            return spec.legend;
        }
        case Kind::count_class:
            if (c) {
                c->fill(swatch, aggregate_colour(item.layer, item.classes));
                c->stroke(swatch, st_.admin1_border.color, 0.6);
            }
            return item.text;
        case Kind::city:
            break;
    }
    if (c) c->fill(circle_path(sx + kSymbolX, sy + kSymbolY, kCityDot), st_.place_dot);
    return "City";
}

double Legend::flow(Canvas* c, const std::vector<LegendItem>& items, double x, double y,
                    double width) const {
    double cx = x, cy = y;
    for (const auto& item : items) {
        const std::string text = entry(nullptr, item, 0, 0);
        const double w = kFlowTextX + measure(text, detail::small_font(st_)).width + kFlowGap;
        if (cx > x && cx + w > x + width) cx = x, cy += kFlowRow;
        if (c) {
            entry(c, item, cx, cy + 1);
            c->text(cx + kFlowTextX, cy - 1, text, detail::small_font(st_), st_.furniture_text);
        }
        cx += w;
    }
    return items.empty() ? 0 : cy - y + kFlowRow;
}

double Legend::box_width(const std::vector<LegendItem>& items) const {
    double text_w = measure("Legend", title_font(st_)).width;
    for (const auto& item : items)
        text_w =
            std::max(text_w, measure(entry(nullptr, item, 0, 0), detail::small_font(st_)).width);
    return text_w + kBoxExtraWidth;
}

double Legend::box_height(const std::vector<LegendItem>& items) {
    return kFirstRow + kRowHeight * static_cast<double>(items.size());
}

void Legend::draw_box(Canvas& c, const Rect& box, const std::vector<LegendItem>& items) const {
    const Paths outline = rect_path(box);
    c.fill(outline, detail::with_alpha(st_.callout_fill, kBoxAlpha));
    c.stroke(outline, st_.furniture_muted, kBoxBorder);
    c.text(box.x + kBoxPadding, box.y + kTitleY, "Legend", title_font(st_), st_.furniture_text);
    double y = box.y + kFirstRow;
    for (const auto& item : items) {
        const std::string text = entry(&c, item, box.x + kBoxSwatchX, y + 1);
        c.text(box.x + kBoxTextX, y - 1, text, detail::small_font(st_), st_.furniture_text);
        y += kRowHeight;
    }
}

double Legend::strip_height(const std::vector<LegendItem>& items, double frame_w) const {
    return flow(nullptr, items, 0, 0, frame_w - 2 * kStripInset) + kStripPadding;
}

void Legend::draw_strip(Canvas& c, const Rect& box, const std::vector<LegendItem>& items) const {
    c.fill(rect_path(box), detail::with_alpha(st_.callout_fill, kBoxAlpha));
    flow(&c, items, box.x + kStripInset, box.y + kStripTop, box.w - 2 * kStripInset);
}

}  // namespace mapwire::render
