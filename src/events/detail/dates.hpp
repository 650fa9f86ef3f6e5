// Temporal expressions resolved against the publication date: "on Monday", "overnight",
// "early this year", "in 2022", "on March 3", "last week".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/event.hpp"

namespace mapwire::events::detail {

// A parsed YYYY-MM-DD, or nullopt.
struct Day {
    int year = 0, month = 0, day = 0;
};
std::optional<Day> parse_iso_day(std::string_view text);
std::string to_iso(const Day& d);

// The date a sentence's words give, relative to `reference` (the publication date). `words`
// are the sentence's words in order, as written. Returns an empty date when the sentence has
// no temporal expression.
EventDate resolve_date(const std::vector<std::string_view>& words,
                       const std::optional<Day>& reference);

}  // namespace mapwire::events::detail
