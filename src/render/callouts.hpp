// Callouts: boxed notes with a leader line, for the events and the user's annotations.
//
// A boxed note with a leader line to its point, for each event on the map (its label and number)
// and for the user's annotations, put near the point where it hides least of the highlighted units
// and control areas.
#pragma once

#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/coverage_mask.hpp"
#include "render/event_symbols.hpp"
#include "render/map.hpp"
#include "render/map_view.hpp"
#include "render/place_labels.hpp"
#include "render/placement.hpp"
#include "style/style.hpp"

namespace mapwire::render {

struct Callout {
    std::string text;
    Rect box;
    ScreenPoint anchor;
    Color accent;  // the bar along the box's left edge: the event type's colour
};

class CalloutPlacer {
public:
    // `areas`: what a callout should leave visible; `wrap`: the text's width.
    CalloutPlacer(Labeler& labeler, const CoverageMask& areas, Font font, double wrap)
        : labeler_(labeler), areas_(areas), font_(std::move(font)), wrap_(wrap) {}
    // The box in the cheapest free candidate of the spec: nearer boxes first, and a box that
    // hides the areas costs more. Dropped when none is free.
    void place(const std::string& text, ScreenPoint at, Color accent, const CandidateSpec& spec);
    // How much a box at `r` for a point at `at` costs: its distance, and what it hides.
    double cost(const Rect& r, ScreenPoint at) const;

    std::vector<Callout> callouts;

private:
    Labeler& labeler_;
    const CoverageMask& areas_;
    Font font_;
    double wrap_;
};

// A callout per event marker, numbered as the marker.
void place_event_callouts(CalloutPlacer& placer, const style::Style& st,
                          const std::vector<EventMark>& marks);
// The user's annotations: a callout with a leader, or text set at the point; an annotation
// outside the frame is dropped.
void place_annotations(CalloutPlacer& callouts, Labeler& labels, const style::Style& st,
                       const MapView& view, const std::vector<Annotation>& annotations);

void draw_callouts(Canvas& c, const style::Style& st, const std::vector<Callout>& callouts,
                   double wrap);

}  // namespace mapwire::render
