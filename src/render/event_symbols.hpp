// Event markers: a symbol per event type where it happened, numbered when needed.
//
// A shape and colour per ACLED event type, set where the event happened (a filled symbol at a town;
// a hollow one in a dashed ring "somewhere in" a region or country), numbered as in the key on
// compact maps or where markers crowd.
#pragma once

#include <string>
#include <vector>

#include "events/event.hpp"
#include "render/canvas.hpp"
#include "render/map_view.hpp"
#include "render/placement.hpp"
#include "style/style.hpp"

namespace mapwire::render {

struct EventMark {
    const events::Event* event = nullptr;
    ScreenPoint at;
    bool exact = false;  // located to a town
    int number = 0;      // shown beside the marker (compact maps, or where markers crowd)
    int key = 0;         // its number in the key: the event's rank among located events
};

// The symbol of an event type centred on (cx, cy), radius r: circle (battles), burst
// (explosions), triangle (violence against civilians), square (strategic developments),
// diamond (anything else).
Paths symbol(events::EventType type, double cx, double cy, double r);
// The style's colour for an event type; the text colour for a type it does not name.
Color event_color(const style::Style& st, events::EventType type);

// A mark per located event whose point lies in the frame; numbered when `numbered`.
std::vector<EventMark> locate_event_marks(const std::vector<events::Event>& events,
                                          const MapView& view, bool numbered);
// Marks that crowd one another are numbered and set side by side, each still its own symbol
// (on a map of a few hundred marks; denser maps keep every mark at its place).
void spread_crowded_marks(std::vector<EventMark>& marks);
// The box a marker takes on the map.
Rect mark_box(const EventMark& m);
// Reserves every marker and number badge, so that labels keep clear of them.
void block_event_marks(LabelPlacer& placer, const std::vector<EventMark>& marks);
void draw_event_marks(Canvas& c, const style::Style& st, const std::vector<EventMark>& marks);

}  // namespace mapwire::render
