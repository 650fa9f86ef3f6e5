// Number words and date resolution of the event extractor.
#include <gtest/gtest.h>

#include "events/detail/dates.hpp"
#include "events/detail/numbers.hpp"

namespace mapwire::events::detail {

TEST(Numbers, DigitsWordsAndVagueQuantities) {
    EXPECT_EQ(parse_number_word("two")->value, 2);
    EXPECT_EQ(parse_number_word("Six")->value, 6);
    EXPECT_EQ(parse_number_word("1,200")->value, 1200);
    EXPECT_FALSE(parse_number_word("1,200")->approximate);
    EXPECT_TRUE(parse_number_word("thousands")->approximate);
    EXPECT_EQ(parse_number_word("dozens")->value, 24);
    EXPECT_FALSE(parse_number_word("soldiers").has_value());
    EXPECT_FALSE(parse_number_word("12a").has_value());
    EXPECT_TRUE(is_hedge("approximately"));
    EXPECT_FALSE(is_hedge("captured"));
}

EventDate resolve(std::vector<std::string_view> words, const char* ref) {
    return resolve_date(words, parse_iso_day(ref));
}

TEST(Dates, WeekdaysResolveToTheLastSuchDayBeforePublication) {
    // 2025-04-09 is a Wednesday.
    EXPECT_EQ(resolve({"struck", "on", "Monday"}, "2025-04-09").date, "2025-04-07");
    EXPECT_EQ(resolve({"on", "Wednesday"}, "2025-04-09").date, "2025-04-09");
    EXPECT_EQ(resolve({"on", "Thursday"}, "2025-04-09").date, "2025-04-03");
    EXPECT_EQ(resolve({"on", "Monday"}, "2025-04-09").precision, "day");
}

TEST(Dates, MonthsYearsAndVagueTimes) {
    EXPECT_EQ(resolve({"on", "March", "3"}, "2025-04-09").date, "2025-03-03");
    EXPECT_EQ(resolve({"in", "March"}, "2025-04-09").precision, "month");
    const auto early = resolve({"captured", "early", "this", "year"}, "2025-04-09");
    EXPECT_EQ(early.date, "2025-01-01");
    EXPECT_EQ(early.precision, "approximate");
    EXPECT_EQ(early.text, "early this year");
    EXPECT_EQ(resolve({"invasion", "in", "2022"}, "2025-04-09").date, "2022-01-01");
    EXPECT_EQ(resolve({"yesterday"}, "2025-03-01").date, "2025-02-28");
    // "recently" only when nothing more precise is said
    EXPECT_EQ(resolve({"a", "recent", "conference", "early", "this", "year"}, "2025-04-09").text,
              "early this year");
    EXPECT_EQ(resolve({"recently"}, "2025-04-09").precision, "approximate");
    EXPECT_TRUE(resolve({"no", "date", "here"}, "2025-04-09").date.empty());
    EXPECT_TRUE(resolve({"on", "Monday"}, "not-a-date").date.empty());
}

TEST(Dates, IsoDays) {
    EXPECT_TRUE(parse_iso_day("2024-02-29").has_value());
    EXPECT_FALSE(parse_iso_day("2023-02-29").has_value());
    EXPECT_FALSE(parse_iso_day("2025-4-9").has_value());
    EXPECT_EQ(to_iso({2025, 4, 9}), "2025-04-09");
}

}  // namespace mapwire::events::detail
