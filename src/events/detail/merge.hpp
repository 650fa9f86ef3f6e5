// Merging: repeated reports of one event become one; reports of several kinds at one place
// and day become the one event ACLED codes for them.
#pragma once

#include <vector>

#include "events/detail/tables.hpp"
#include "events/event.hpp"

namespace mapwire::events::detail {

// Repeated reports of one event (same type and sub-type and the same opposing nationality,
// or a later report with no actors and no counts) merge: counts take the larger value, the
// most precise location and date win.
std::vector<Event> merge_reports(std::vector<Event> events);

// Events of one paragraph at the same place and day that ACLED codes as one (shelling and an
// assault on the same village is an armed clash; clashes followed by a recapture are a
// territory change) combine into the one of the highest rank of subtypes.tsv, with the
// larger of their counts. Background events and events in different places stay apart.
std::vector<Event> combine_same_place(std::vector<Event> events, const Tables& tables);

}  // namespace mapwire::events::detail
