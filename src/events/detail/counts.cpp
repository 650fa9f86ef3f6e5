// Counts from the words around a number: what it counts, coordinated and vague quantities,
// and the coder's own fatality notes.
#include <algorithm>

#include "events/detail/arguments.hpp"
#include "events/detail/numbers.hpp"

namespace mapwire::events::detail {

namespace {

// The meaning of the count at token k: a verb right before it ("killing at least 50",
// "capturing two"), else a word after it ("34 people killed", "five were wounded"), else a
// verb a little further before ("engaged in conflict with six"). The look back stops at "and"
// and commas: "killed and five were wounded" does not make five killed.
std::string meaning_of(const Document& doc, const Span& s, std::size_t k) {
    const auto& meanings = doc.tables().meanings;
    auto meaning = [&](std::size_t t) {
        auto it = meanings.find(doc.word(t));
        return it == meanings.end() ? std::string() : it->second;
    };
    std::size_t back = k;
    while (back > s.first && back + 3 > k && is_hedge(doc.word(back - 1))) --back;
    auto stop = [&](std::size_t t) { return doc.word(t) == "and" || doc.word(t) == ","; };
    for (std::size_t d = 1; d <= 2 && back >= s.first + d; ++d) {
        if (stop(back - d)) break;
        if (auto m = meaning(back - d); !m.empty()) return m;
    }
    for (std::size_t d = 1; d <= 4 && k + d < s.last; ++d)
        if (auto m = meaning(k + d); !m.empty()) return m;
    for (std::size_t d = 1; d <= 5 && back >= s.first + d; ++d) {
        if (stop(back - d)) break;
        if (auto m = meaning(back - d); d >= 3 && !m.empty()) return m;
    }
    return {};
}

// A person noun within three words after an article ("a woman", "a local resident").
bool person_follows(const Document& doc, const Span& s, std::size_t k) {
    for (std::size_t n = k + 1; n < std::min(s.last, k + 4); ++n)
        if (doc.in(List::civilian_person, n) || doc.in(List::combatants, n) ||
            doc.in(List::people, n))
            return true;
    return false;
}

// "a mother and a child": counts joined by "and" with no other count word between them add up.
bool coordinated(const Document& doc, std::size_t previous, std::size_t k) {
    bool conjunction = false;
    for (std::size_t n = previous + 1; n < k; ++n) {
        if (doc.tables().meanings.count(doc.word(n)) || doc.word(n) == ",") return false;
        conjunction = conjunction || doc.word(n) == "and";
    }
    return conjunction;
}

}  // namespace

std::vector<Count> counts(const Document& doc, const Span& s) {
    std::vector<Count> out;
    std::vector<std::size_t> last_token;  // per count, the token of its latest number
    std::optional<std::size_t> previous;  // the last word of the latest number counted
    std::size_t previous_count = 0;       // and its count
    for (std::size_t k = s.first; k < s.last; ++k) {
        if (!doc.token(k).word) continue;
        auto n = parse_number_word(doc.token(k).text);
        if (!n || (n->article && !person_follows(doc, s, k))) continue;
        std::size_t last = k;  // the quantity's last word
        if (n->approximate && k + 2 < s.last && doc.word(k + 1) == "of")
            if (auto of = parse_number_word(doc.token(k + 2).text); of && of->approximate) {
                // "tens of thousands": at least two tens of thousands
                n->value = n->value * of->value / 2;
                last = k + 2;
            }
        if (k + 1 < s.last && doc.in(List::unit, k + 1)) continue;              // 50 kilometres
        if (n->value >= 1900 && n->value <= 2100 && !n->approximate) continue;  // a year
        if (k > s.first &&
            (doc.word(k - 1) == "source" || (doc.word(k - 1) == "of" && n->value == 1)))
            continue;
        bool approximate = n->approximate;
        for (std::size_t h = k > s.first + 2 ? k - 2 : s.first; h < k; ++h)
            approximate = approximate || is_hedge(doc.word(h));
        std::string meaning = meaning_of(doc, s, k);
        // "killing a mother and a child": a count joined by "and" counts what the one before does
        if (meaning.empty() && previous && coordinated(doc, *previous, k))
            meaning = out[previous_count].meaning;
        if (meaning.empty()) continue;
        Count c{n->value, meaning, approximate, false,
                n->approximate ? std::string(doc.slice(k, last + 1)) : std::string()};
        auto same = std::find_if(out.begin(), out.end(),
                                 [&](const Count& x) { return x.meaning == meaning; });
        previous = last;
        if (same == out.end()) {
            previous_count = out.size();
            out.push_back(std::move(c));
            last_token.push_back(k);
            k = last;
            continue;
        }
        previous_count = static_cast<std::size_t>(same - out.begin());
        auto& at = last_token[static_cast<std::size_t>(same - out.begin())];
        if (coordinated(doc, at, k) && !c.approximate && !same->approximate)
            same->value += c.value;  // vague quantities never add up to a number
        else if (c.value > same->value)
            *same = std::move(c);
        at = k;
        k = last;
    }
    return out;
}

bool casualties_unknown(const Document& doc, const Span& s) {
    for (std::size_t k = s.first; k + 1 < s.last; ++k) {
        const std::string_view w = doc.word(k);
        if ((w == "casualties" || w == "fatalities") && doc.word(k + 1) == "unknown") return true;
    }
    return false;
}

bool fatality_note(const Document& doc, const Span& s, std::vector<Count>& found) {
    std::optional<std::int64_t> coded_as, split_between;
    bool coded_elsewhere = false;
    for (std::size_t k = s.first; k + 2 < s.last; ++k) {
        const std::string_view w = doc.word(k);
        if (w == "coded" && doc.word(k + 1) == "as")
            if (auto n = parse_number_word(doc.token(k + 2).text); n && !n->article)
                coded_as = n->value;
        if (w == "coded" && doc.word(k + 1) == "to") coded_elsewhere = true;
        if (w == "split" && doc.word(k + 1) == "between")
            if (auto n = parse_number_word(doc.token(k + 2).text); n && n->value > 0)
                split_between = n->value;
    }
    // "(fatalities coded to X event)" is about fatalities only.
    bool about_fatalities = false;
    for (std::size_t k = s.first; k < s.last; ++k)
        about_fatalities = about_fatalities || doc.word(k) == "fatalities" ||
                           doc.word(k) == "fatality" || doc.word(k) == "casualties";
    if (!about_fatalities || (!coded_as && !split_between && !coded_elsewhere)) return false;
    auto killed = std::find_if(found.begin(), found.end(),
                               [](const Count& c) { return c.meaning == "killed"; });
    std::int64_t value = killed == found.end() ? 0 : killed->value;
    if (coded_as)
        value = *coded_as;
    else if (split_between)
        value /= *split_between;
    else
        value = 0;
    if (killed == found.end())
        found.push_back({value, "killed", false, false, {}});
    else
        killed->value = value;
    return true;
}

}  // namespace mapwire::events::detail
