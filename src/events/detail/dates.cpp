// Date resolution on std::chrono's civil calendar.
#include "events/detail/dates.hpp"
#include "text/normalize.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace mapwire::events::detail {
namespace {

using namespace std::chrono;

using text::ascii_lower;
constexpr auto lower = [](std::string_view s) { return ascii_lower(s); };

Day from_sys(sys_days d) {
    const year_month_day ymd(d);
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

sys_days to_sys(const Day& d) {
    return sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                                   day(static_cast<unsigned>(d.day))));
}

constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

std::optional<int> number(std::string_view w) {
    int v = 0;
    auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
    if (ec != std::errc() || p != w.data() + w.size()) return std::nullopt;
    return v;
}

// A day the text narrows to a period after it: "15 September 2022 (week of)" is week
// precision, "(month of)" month precision (as ACLED notes say it).
DatePrecision period_of(const std::vector<std::string_view>& words, std::size_t i) {
    for (std::size_t k = i + 1; k + 1 < words.size() && k < i + 5; ++k) {
        if (lower(words[k + 1]) != "of") continue;
        if (lower(words[k]) == "week") return DatePrecision::week;
        if (lower(words[k]) == "month") return DatePrecision::month;
    }
    return DatePrecision::day;
}

}  // namespace

std::optional<Day> parse_iso_day(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto y = number(t.substr(0, 4)), m = number(t.substr(5, 2)), d = number(t.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    const year_month_day ymd(year(*y), month(static_cast<unsigned>(*m)),
                             day(static_cast<unsigned>(*d)));
    if (!ymd.ok()) return std::nullopt;
    return Day{*y, *m, *d};
}

std::string to_iso(const Day& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

EventDate resolve_date(const std::vector<std::string_view>& words, const std::optional<Day>& ref) {
    EventDate out;
    EventDate vague;  // "recently": used only when nothing more precise is said
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string w = lower(words[i]);
        const std::string prev = i > 0 ? lower(words[i - 1]) : "";
        const std::string next = i + 1 < words.size() ? lower(words[i + 1]) : "";
        // Weekday: the most recent such day on or before publication.
        for (std::size_t k = 0; k < kWeekdays.size(); ++k) {
            if (w != kWeekdays[k] || !ref) continue;
            const sys_days r = to_sys(*ref);
            const weekday target{static_cast<unsigned>(k)};
            const auto back = (weekday(r) - target).count();
            out = {to_iso(from_sys(r - days(back))), DatePrecision::day,
                   (prev == "on" ? "on " : "") + std::string(words[i])};
            return out;
        }
        // Month name with a day ("March 3", "3 March") or alone ("in March").
        for (std::size_t m = 0; m < kMonths.size(); ++m) {
            if (w != kMonths[m] || (w == "may" && !(prev == "in" || number(next) || number(prev))))
                continue;
            const int y = ref ? ref->year : 0;
            if (auto d = number(next); d && *d >= 1 && *d <= 31 && y) {
                int yy = y;
                if (auto after = i + 2 < words.size() ? number(words[i + 2]) : std::nullopt;
                    after && *after > 1900)
                    yy = *after;
                return {to_iso({yy, static_cast<int>(m) + 1, *d}), period_of(words, i),
                        std::string(words[i]) + " " + std::string(words[i + 1])};
            }
            if (auto d = number(prev); d && *d >= 1 && *d <= 31 && y) {
                // "13 October 2022": the year the text gives, else the report's
                auto after = number(next);
                const bool dated = after && *after > 1900 && *after < 2100;
                return {to_iso({dated ? *after : y, static_cast<int>(m) + 1, *d}),
                        period_of(words, i),
                        std::string(words[i - 1]) + " " + std::string(words[i]) +
                            (dated ? " " + std::string(words[i + 1]) : "")};
            }
            if (y)
                return {to_iso({y, static_cast<int>(m) + 1, 1}), DatePrecision::month,
                        std::string(words[i])};
        }
        if (!ref) continue;
        const sys_days r = to_sys(*ref);
        if (w == "yesterday")
            return {to_iso(from_sys(r - days(1))), DatePrecision::day, "yesterday"};
        if (w == "today") return {to_iso(*ref), DatePrecision::day, "today"};
        if (w == "overnight" || w == "tonight")
            return {to_iso(*ref), DatePrecision::day, std::string(words[i])};
        if (w == "week" && prev == "last")
            return {to_iso(from_sys(r - days(7))), DatePrecision::week, "last week"};
        if (w == "week" && prev == "this") return {to_iso(*ref), DatePrecision::week, "this week"};
        if (w == "month" && prev == "last") {
            const year_month_day ymd(r);
            const year_month_day first = (ymd.year() / ymd.month() / 1) - months(1);
            return {to_iso(from_sys(sys_days(first))), DatePrecision::month, "last month"};
        }
        if (w == "year" && (prev == "this" || prev == "last")) {
            const int y = prev == "this" ? ref->year : ref->year - 1;
            const std::string before = i >= 2 ? lower(words[i - 2]) : "";
            const bool early = before == "early" || before == "earlier";
            return {to_iso({y, 1, 1}),
                    early || before == "late" ? DatePrecision::approximate : DatePrecision::year,
                    (before.empty() ? "" : std::string(words[i - 2]) + " ") +
                        std::string(words[i - 1]) + " " + std::string(words[i])};
        }
        if ((w == "recently" || w == "recent") && vague.date.empty())
            vague = {to_iso(*ref), DatePrecision::approximate, std::string(words[i])};
        if (auto y = number(w);
            y && *y >= 1900 && *y <= 2100 && (prev == "in" || prev == "since" || prev == "of"))
            return {to_iso({*y, 1, 1}), DatePrecision::year, prev + " " + w};
    }
    return vague.date.empty() ? out : vague;
}

}  // namespace mapwire::events::detail
