// Cardinal numbers as news writes them: digits ("1,200"), words ("six"), vague quantities
// ("thousands", "dozens") and hedges ("at least", "about").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace mapwire::events::detail {

struct Number {
    std::int64_t value = 0;
    bool approximate = false;
};

// The number a single word stands for, if any ("two", "40", "1,200", "thousands").
std::optional<Number> parse_number_word(std::string_view word);

// True for words that make the following number approximate ("about", "nearly" ...).
bool is_hedge(std::string_view lower);

}  // namespace mapwire::events::detail
