// Number words; hand-written because no library in Debian reads English number words.
#include "events/detail/numbers.hpp"

#include <array>
#include <charconv>
#include <string>
#include <utility>

namespace mapwire::events::detail {

std::optional<Number> parse_number_word(std::string_view word) {
    std::string w;
    for (char c : word)
        if (c != ',') w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    if (w.empty()) return std::nullopt;
    if (w[0] >= '0' && w[0] <= '9') {
        std::int64_t v = 0;
        auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
        if (ec != std::errc() || p != w.data() + w.size()) return std::nullopt;
        return Number{v, false};
    }
    static constexpr std::array<std::pair<std::string_view, std::int64_t>, 30> kWords = {
        {{"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
         {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
         {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
         {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
         {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
         {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"dozen", 12},    {"a", 1}}};
    for (const auto& [name, value] : kWords)
        if (w == name && name != "a") return Number{value, false};
    // Vague plurals: the smallest quantity they can mean, flagged approximate.
    if (w == "dozens") return Number{24, true};
    if (w == "scores") return Number{40, true};
    if (w == "hundreds") return Number{200, true};
    if (w == "thousands") return Number{2000, true};
    if (w == "tens") return Number{20, true};
    return std::nullopt;
}

bool is_hedge(std::string_view w) {
    static constexpr std::array<std::string_view, 13> kHedges = {
        "about", "approximately", "around", "roughly",   "nearly", "almost", "some",
        "over",  "least",         "more",   "estimated", "up",     "than"};
    for (auto h : kHedges)
        if (w == h) return true;
    return false;
}

}  // namespace mapwire::events::detail
