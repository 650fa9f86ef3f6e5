// The calendar arithmetic of a series over months (`series: {each: month}` on an event table).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mapwire::config::detail {

// A series over months makes at most this many maps: twenty years, not a typo's thousands.
inline constexpr std::size_t kMaxSeriesMonths = 240;

struct Month {
    std::string from, to;  // the month's days within the range, YYYY-MM-DD inclusive
    std::string label;     // "2025-03": the map's folder suffix
    std::string title;     // "March 2025": its subtitle
};

// The calendar months that `from` to `to` (valid YYYY-MM-DD, from <= to) touch, in order, the
// first and last cut to the range.
std::vector<Month> months_between(const std::string& from, const std::string& to);

}  // namespace mapwire::config::detail
