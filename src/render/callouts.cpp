// Callouts: events' and annotations' boxes, placed by cost, drawn with their leaders.
#include "render/callouts.hpp"

#include <algorithm>
#include <cmath>

#include "render/detail/paint.hpp"
#include "render/detail/wording.hpp"

namespace mapwire::render {
namespace {

// The box around its text: 14 px wider, 10 px taller; text 8 px in (past the accent bar).
constexpr double kPadW = 14, kPadH = 10, kTextX = 8, kTextY = 5, kAccentWidth = 3;
constexpr double kLeaderWidth = 1, kBorderWidth = 0.8;
constexpr double kLeaderCasing = 1;  // px of halo each side of a leader
// Cost: a px of distance costs 1/100; hiding the areas wholly costs 4.
constexpr double kDistanceCost = 100, kCoverCost = 4;

const std::vector<double> kEventDistances = {40.0, 70.0, 110.0, 160.0};
const std::vector<double> kAnnotationDistances = {30.0, 60.0, 100.0, 150.0};

}  // namespace

double CalloutPlacer::cost(const Rect& r, ScreenPoint at) const {
    return std::hypot(r.x + r.w / 2 - at.x, r.y + r.h / 2 - at.y) / kDistanceCost +
           kCoverCost * areas_.share(r);
}

void CalloutPlacer::place(const std::string& text, ScreenPoint at, Color accent,
                          const CandidateSpec& spec) {
    const auto box = measure(text, font_, wrap_);
    const auto candidates = spec.boxes(at, box.width + kPadW, box.height + kPadH);
    if (auto r = labeler_.placer().place_cheapest(candidates,
                                                  [&](const Rect& c) { return cost(c, at); })) {
        callouts.push_back({text, *r, at, accent});
        labeler_.record(text, *r);
    } else {
        labeler_.drop(text);
    }
}

void place_event_callouts(CalloutPlacer& placer, const style::Style& st,
                          const std::vector<EventMark>& marks) {
    for (const auto& m : marks)
        placer.place(
            (m.number ? std::to_string(m.number) + ". " : "") + detail::event_label(*m.event), m.at,
            event_color(st, m.event->type), CandidateSpec::ring(kEventDistances));
}

void place_annotations(CalloutPlacer& callouts, Labeler& labels, const style::Style& st,
                       const MapView& view, const std::vector<Annotation>& annotations) {
    for (const auto& a : annotations) {
        const ScreenPoint at = view.to_screen({a.lon, a.lat});
        if (!std::isfinite(at.x) || !anchor_in(at, view.frame())) {
            labels.drop(a.text);
        } else if (a.leader) {
            callouts.place(a.text, at, st.furniture_muted,
                           CandidateSpec::ring(kAnnotationDistances));
        } else {
            labels.take_at(a.text, detail::font(st, st.label_size, true, true), st.text, at,
                           CandidateSpec::at_anchor());
        }
    }
}

void draw_callouts(Canvas& c, const style::Style& st, const std::vector<Callout>& callouts,
                   double wrap) {
    const Font font = detail::font(st, st.callout_size);
    for (const auto& co : callouts) {
        const Rect& b = co.box;
        // Leader from the box's nearest edge point to the marker.
        const double px = std::clamp(co.anchor.x, b.x, b.x + b.w);
        const double py = std::clamp(co.anchor.y, b.y, b.y + b.h);
        // A casing in the halo colour under the leader keeps it visible over hatching and
        // highlighted areas (a grey leader vanished in the control-area hatch at Pokrovsk).
        const Paths leader = {{{{px, py}, {co.anchor.x, co.anchor.y}}, false}};
        c.stroke(leader, st.halo, kLeaderWidth + 2 * kLeaderCasing);
        c.stroke(leader, st.callout_border, kLeaderWidth);
        c.fill(rect_path(b), st.callout_fill);
        c.stroke(rect_path(b), st.callout_border, kBorderWidth);
        c.fill(rect_path({b.x, b.y, kAccentWidth, b.h}), co.accent);
        c.text(b.x + kTextX, b.y + kTextY, co.text, font, st.callout_text, std::nullopt, 0, wrap);
    }
}

}  // namespace mapwire::render
