// Cardinal numbers as news writes them: digits ("1,200"), words ("six", "thirty-eight"),
// vague quantities ("thousands", "dozens"), articles before a person ("a woman") and hedges
// ("at least", "about"). The words are quantities.tsv.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace mapwire::events::detail {

struct Number {
    std::int64_t value = 0;    // for a vague quantity, the least it can mean
    bool approximate = false;  // a vague quantity
    bool article = false;      // "a", "an", "another": one, when a person follows
};

// The number a single word stands for, if any ("two", "40", "1,200", "thousands").
std::optional<Number> parse_number_word(std::string_view word);

// True for words that make the following number approximate ("about", "nearly" ...).
bool is_hedge(std::string_view lower);

}  // namespace mapwire::events::detail
