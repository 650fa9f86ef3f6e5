// Number words from the quantities table; hand-written because no library in Debian reads
// English number words.
#include "events/detail/numbers.hpp"

#include <charconv>
#include <string>

#include "events/detail/tables.hpp"

namespace mapwire::events::detail {

namespace {

std::optional<Number> table_word(std::string_view w) {
    const auto& q = tables().quantities;
    auto it = q.find(std::string(w));
    if (it == q.end()) return std::nullopt;
    return Number{it->second.value, it->second.kind == QuantityKind::vague,
                  it->second.kind == QuantityKind::article};
}

}  // namespace

std::optional<Number> parse_number_word(std::string_view word) {
    std::string w;
    for (char c : word)
        if (c != ',') w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    if (w.empty()) return std::nullopt;
    if (w[0] >= '0' && w[0] <= '9') {
        std::int64_t v = 0;
        auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
        if (ec != std::errc() || p != w.data() + w.size()) return std::nullopt;
        return Number{v, false, false};
    }
    if (const std::size_t dash = w.find('-'); dash != std::string::npos) {
        // "thirty-eight": tens and units
        auto tens = table_word(w.substr(0, dash)), units = table_word(w.substr(dash + 1));
        if (tens && units && !tens->approximate && !units->approximate && !tens->article &&
            !units->article && tens->value >= 20 && tens->value % 10 == 0 && units->value < 10)
            return Number{tens->value + units->value, false, false};
        return std::nullopt;
    }
    return table_word(w);
}

bool is_hedge(std::string_view w) {
    return tables().in(List::hedge, w);
}

}  // namespace mapwire::events::detail
