// The event's place: the place its clause gives, inside the unit the text puts it in.
#pragma once

#include "events/detail/document.hpp"
#include "events/event.hpp"
#include "gazetteer/gazetteer.hpp"

namespace mapwire::events::detail {

// Sets the event's location, location_text and geo_precision from the clause: its most
// precise literal place nearest to the trigger. "X, Donetsk" puts X in Donetsk Oblast: when
// X resolved to a homonym in another unit, or not at all, or the geoparser gave only the
// unit it is in (Resolution::container), the event is in that unit with geo precision 2.
// Leaves the event unlocated when the clause names no place.
void locate(const Document& doc, const gazetteer::Gazetteer& gaz, const Span& clause,
            std::size_t trigger, Event& event);

}  // namespace mapwire::events::detail
