// Months of a series over an event table (see table_keys.hpp).
#include "config/detail/table_keys.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace mapwire::config::detail {

namespace {

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

std::string day_text(const std::chrono::year_month_day& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()));
    return buf;
}

}  // namespace

std::vector<Month> months_between(const std::string& from, const std::string& to) {
    using namespace std::chrono;
    std::vector<Month> out;
    int y = 0, m = 0;
    if (std::sscanf(from.c_str(), "%4d-%2d", &y, &m) != 2) return out;
    const std::string last = to.substr(0, 7);
    for (year_month ym{year(y), month(unsigned(m))};; ym += months(1)) {
        const year_month_day first{ym / day(1)},
            end{year_month_day_last(ym.year(), month_day_last(ym.month()))};
        Month month_;
        month_.from = std::max(from, day_text(first));
        month_.to = std::min(to, day_text(end));
        month_.label = day_text(first).substr(0, 7);
        month_.title = std::string(kMonthNames[unsigned(ym.month()) - 1]) + " " +
                       std::to_string(int(ym.year()));
        out.push_back(month_);
        if (month_.label >= last) break;
    }
    return out;
}

}  // namespace mapwire::config::detail
