// Event symbols: shapes per type, markers located and spread, numbered badges.
#include "render/event_symbols.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "render/detail/paint.hpp"
#include "render/detail/wording.hpp"

namespace mapwire::render {
namespace {

constexpr double kMarkRadius = 9;  // the box a marker reserves reaches this far each side
constexpr double kExactRadius = 7, kExactHalo = 1.5;
// "Somewhere in": a hollow symbol in a dashed, half-opaque ring.
constexpr double kRingRadius = 9, kRingWidth = 1.4, kRingFillAlpha = 0.8;
constexpr double kHollowRadius = 5, kHollowWidth = 1.6;
const std::vector<double> kRingDash = {3, 2};
// Markers nearer than this are numbered and the later one moved right by the step.
constexpr double kCrowded = 16, kSpreadStep = 14;
// Marks are set side by side only on a map of up to this many: the pairwise test is quadratic,
// and a map of thousands of events (a feed, an archive) is no place for side-by-side marks.
constexpr std::size_t kMaxSpreadMarks = 400;
// The number badge: above right of the marker, at least this wide, this tall.
constexpr double kBadgeX = 4, kBadgeY = -16, kBadgeMinWidth = 13, kBadgeHeight = 13;
constexpr double kBadgePadding = 5;
// The box the badge reserves for labels (a little wider to the left than the badge).
constexpr double kBadgeBlockX = 3, kBadgeBlockSize = 14;

}  // namespace

Paths symbol(events::EventType type, double cx, double cy, double r) {
    ScreenPath p;
    p.closed = true;
    // A regular polygon of n corners, or a star of n points when inner (a share of r) > 0.
    auto polygon = [&](int n, double rot, double inner) {
        for (int i = 0; i < n * (inner > 0 ? 2 : 1); ++i) {
            const double rr = inner > 0 && i % 2 ? inner * r : r;
            const double a = rot + 2 * M_PI * i / (n * (inner > 0 ? 2 : 1));
            p.points.push_back({cx + rr * std::cos(a), cy + rr * std::sin(a)});
        }
    };
    using enum events::EventType;
    if (type == battles) return circle_path(cx, cy, r);
    if (type == explosions_remote_violence)
        polygon(8, -M_PI / 2, 0.5);  // burst
    else if (type == violence_against_civilians)
        polygon(3, -M_PI / 2, 0);  // triangle
    else if (type == strategic_developments)
        polygon(4, M_PI / 4, 0);  // square
    else
        polygon(4, 0, 0);  // diamond
    return {p};
}

Color event_color(const style::Style& st, events::EventType type) {
    if (auto it = st.event_colors.find(type); it != st.event_colors.end()) return it->second;
    return st.text;
}

std::vector<EventMark> locate_event_marks(const std::vector<events::Event>& events,
                                          const MapView& view, bool numbered) {
    std::vector<EventMark> marks;
    int located = 0;
    for (const auto& e : events) {
        if (!e.location || detail::country_only(e)) continue;  // named in the notes instead
        ++located;
        // An event known only to an area is marked where the map names the area.
        const ScreenPoint at = view.to_screen({e.location->label_lon, e.location->label_lat});
        if (!std::isfinite(at.x) || !anchor_in(at, view.frame())) continue;
        marks.push_back({&e, at, e.geo_precision == events::GeoPrecision::town,
                         numbered ? located : 0, located});
    }
    return marks;
}

void spread_crowded_marks(std::vector<EventMark>& marks) {
    if (marks.size() > kMaxSpreadMarks) return;
    for (std::size_t i = 0; i < marks.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (std::hypot(marks[i].at.x - marks[j].at.x, marks[i].at.y - marks[j].at.y) <
                kCrowded) {
                marks[j].number = marks[j].key;
                marks[i].number = marks[i].key;
                marks[i].at.x += kSpreadStep;
            }
}

Rect mark_box(const EventMark& m) {
    return Rect::about(m.at, kMarkRadius, kMarkRadius);
}

void block_event_marks(LabelPlacer& placer, const std::vector<EventMark>& marks) {
    for (const auto& m : marks) {
        placer.block(mark_box(m));
        if (m.number)
            placer.block(
                {m.at.x + kBadgeBlockX, m.at.y + kBadgeY, kBadgeBlockSize, kBadgeBlockSize});
    }
}

namespace {

// The number badge, as in the key or the callout.
void draw_badge(Canvas& c, const style::Style& st, const EventMark& m) {
    const Font font = detail::font(st, st.small_size - 1, true);
    const std::string n = std::to_string(m.number);
    const auto box = measure(n, font);
    const double bw = std::max(kBadgeMinWidth, box.width + kBadgePadding), bx = m.at.x + kBadgeX,
                 by = m.at.y + kBadgeY;
    c.fill(rect_path({bx, by, bw, kBadgeHeight}), st.text);
    c.text(bx + (bw - box.width) / 2, by + (kBadgeHeight - box.height) / 2, n, font, st.halo);
}

// "event-battles", "event-explosions-remote-violence-somewhere": the SVG symbol of a type's
// marker, at a town or somewhere in an area.
std::string symbol_id(events::EventType type, bool exact) {
    std::string id = "event-";
    for (char ch : to_string(type)) {
        const bool word = std::isalnum(static_cast<unsigned char>(ch)) != 0;
        if (word)
            id += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        else if (id.back() != '-')
            id += '-';
    }
    if (id.back() == '-') id.pop_back();
    return exact ? id : id + "-somewhere";
}

void draw_marker(Canvas& c, const style::Style& st, events::EventType type, bool exact,
                 ScreenPoint at) {
    const Color color = event_color(st, type);
    const double x = at.x, y = at.y;
    if (exact) {
        c.fill(symbol(type, x, y, kExactRadius), color);
        c.stroke(symbol(type, x, y, kExactRadius), st.halo, kExactHalo);
    } else {
        c.fill(circle_path(x, y, kRingRadius), detail::with_alpha(st.halo, kRingFillAlpha));
        c.stroke(circle_path(x, y, kRingRadius), color, kRingWidth, kRingDash);
        c.stroke(symbol(type, x, y, kHollowRadius), color, kHollowWidth);
    }
}

}  // namespace

void draw_event_marks(Canvas& c, const style::Style& st, const std::vector<EventMark>& marks) {
    for (const auto& m : marks) {
        const events::EventType type = m.event->type;
        c.place_symbol(symbol_id(type, m.exact), m.at,
                       [&](Canvas& on, ScreenPoint at) { draw_marker(on, st, type, m.exact, at); });
        if (m.number) draw_badge(c, st, m);
    }
}

}  // namespace mapwire::render
