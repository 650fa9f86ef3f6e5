// Argument filling from the words around a trigger: actors, counts, attribution, reporting
// status and background.
#include "events/detail/arguments.hpp"

#include <algorithm>

#include "events/detail/numbers.hpp"

namespace mapwire::events::detail {

namespace {

using geoparse::Mention;
using geoparse::Role;

// "two Chinese nationals", "two injured North Korean soldiers": a counted phrase.
bool counted(const Document& doc, const Span& s, std::size_t k) {
    for (std::size_t b = k; b > s.first && b + 3 > k && doc.token(b - 1).word; --b)
        if (auto n = parse_number_word(doc.token(b - 1).text);
            n && !n->article && !(n->value >= 1900 && n->value <= 2100))
            return true;
    return false;
}

bool envoy_after(const Document& doc, const Span& s, std::size_t k) {
    return doc.any_in(k + 1, std::min(s.last, k + 4), List::envoy);
}

Actor actor_of(const Document& doc, std::size_t first, std::size_t last, std::string country) {
    Actor a{std::string(doc.slice(first, last)), std::move(country), {}, {}};
    name_as_acled(doc, first, last, a);
    return a;
}

// A group noun phrase ending at token k: "Russian forces", "Sudan's army", "RSF fighters".
std::optional<Actor> group_actor(const Document& doc, const Span& s, std::size_t k) {
    std::size_t from = k;
    // "Russian military forces", "the NAF rebel forces", "Wagner fighters"
    while (from > s.first && from + 4 > k && doc.token(from - 1).word &&
           !doc.mention_at(from - 1) &&
           (((doc.token(from - 1).capitalized || doc.token(from - 1).all_caps) &&
             !doc.token(from - 1).sentence_start) ||
            doc.in(List::modifier, from - 1)))
        --from;
    const Mention* lead = from > s.first ? doc.mention_at(from - 1) : nullptr;
    if (counted(doc, s, lead ? from - 1 : from)) return std::nullopt;  // the object
    if (lead && lead->place &&
        (lead->role == Role::demonym ||
         (doc.token(from - 1).possessive && lead->place->type == gazetteer::PlaceType::admin0))) {
        std::size_t first = from - 1;
        while (first > s.first && doc.mention_at(first - 1) == lead) --first;
        return actor_of(doc, first, k + 1, std::string(lead->place->country));
    }
    return actor_of(doc, from, k + 1, {});
}

}  // namespace

void name_as_acled(const Document& doc, std::size_t first, std::size_t last, Actor& a) {
    const Tables& tab = doc.tables();
    for (std::size_t k = first > 3 ? first - 3 : 0; k < last; ++k)
        if (auto it = tab.actor_by_word.find(doc.word(k)); it != tab.actor_by_word.end()) {
            a.acled = it->second.acled;
            a.country = it->second.country;
            if (it->second.side != it->second.country) a.side = it->second.side;
            return;
        }
    if (a.country.empty()) return;
    auto it = tab.actor_by_country.find(a.country);
    if (it == tab.actor_by_country.end()) return;
    // A state's armed forces: "Russian forces", "the Ukrainian army", or the state itself
    // acting ("Russia launched missiles").
    const bool military = doc.in(List::military, last - 1) || doc.mention_at(last - 1);
    if (!military) return;
    a.acled = it->second.acled;
    if (it->second.side != a.country) a.side = it->second.side;
}

Actor actor_before(const Document& doc, const Span& s, std::size_t t) {
    for (std::size_t k = t; k-- > s.first;) {
        // "the army said ... attacks": the subject of a verb of saying only speaks.
        if (doc.in(List::speech, k)) return {};
        if (const Mention* m = doc.mention_at(k);
            m && m->place && (m->role == Role::demonym || m->role == Role::metonym)) {
            if (!doc.mention_starts(k) || counted(doc, s, k)) continue;
            if (doc.token(k).possessive && envoy_after(doc, s, k)) continue;
            std::size_t end = k + 1;
            while (end < s.last && doc.mention_at(end) == m) ++end;
            if (end < s.last && doc.in(List::group, end)) ++end;
            return actor_of(doc, k, end, std::string(m->place->country));
        }
        if (doc.in(List::group, k))
            if (auto a = group_actor(doc, s, k)) return *a;
    }
    return {};
}

Actor actor_after(const Document& doc, const Span& s, std::size_t t) {
    Actor a;
    // A counted demonym phrase anywhere in the clause is the object ("taken two Chinese
    // nationals into custody"); else the first demonym after the trigger.
    std::size_t object = s.last;
    for (std::size_t k = s.first; k < s.last && object == s.last; ++k) {
        const Mention* m = doc.mention_at(k);
        if (m && m->place && m->role == Role::demonym && doc.mention_starts(k) &&
            counted(doc, s, k))
            object = k;
    }
    for (std::size_t k = object < s.last ? object : t + 1; k < s.last; ++k) {
        const Mention* m = doc.mention_at(k);
        if (!m || !m->place || m->role != Role::demonym) continue;
        a.country = std::string(m->place->country);
        a.name = m->text;
        std::size_t end = k + 1;
        while (end < s.last && doc.mention_at(end) == m) ++end;
        if (end < s.last && doc.token(end).word && !doc.mention_at(end)) {
            a.name += " " + std::string(doc.token(end).text);
            ++end;
        }
        name_as_acled(doc, k, end, a);
        break;
    }
    if (a.country.empty()) {
        // Possessive state: "China's diplomatic representative"
        for (std::size_t k = s.first; k < s.last; ++k)
            if (const Mention* m = doc.mention_at(k);
                m && m->place && doc.token(k).possessive &&
                m->place->type == gazetteer::PlaceType::admin0 && k != t) {
                for (std::size_t n = k + 1; n < std::min(s.last, k + 4); ++n)
                    if (doc.in(List::envoy, n))
                        return {std::string(doc.slice(k, n + 1)),
                                std::string(m->place->country),
                                {},
                                {}};
            }
        return a;
    }
    for (std::size_t k = std::min(t, object) + 1; k + 1 < s.last; ++k) {
        const std::string& w = doc.word(k);
        if (w != "for" && w != "alongside" && w != "with") continue;
        for (std::size_t n = k + 1; n < std::min(s.last, k + 4); ++n)
            if (const Mention* m = doc.mention_at(n);
                m && m->place && m->place->country != a.country &&
                (m->role == Role::demonym || m->place->type == gazetteer::PlaceType::admin0)) {
                a.side = std::string(m->place->country);
                a.name += " fighting for " + std::string(m->place->name);
                return a;
            }
    }
    return a;
}

std::string attribution(const Document& doc, std::size_t si) {
    auto name_before = [&](std::size_t k, const Span& s) {
        // A capitalised run ending right before k, without titles: "President Zelensky"
        std::size_t from = k;
        while (from > s.first && doc.token(from - 1).word &&
               (doc.token(from - 1).capitalized || doc.token(from - 1).all_caps))
            --from;
        while (from < k && doc.tables().in(List::title, doc.token(from).text)) ++from;
        return from == k ? std::string() : std::string(doc.slice(from, k));
    };
    const auto& sentences = doc.sentences();
    for (std::size_t pass = 0; pass < 2 && si + pass < sentences.size(); ++pass) {
        const Span& s = sentences[si + pass];
        for (std::size_t k = s.first; k + 1 < s.last; ++k) {
            if (doc.word(k) != "according" || doc.word(k + 1) != "to") continue;
            std::size_t end = k + 2;
            while (
                end < s.last && doc.token(end).word &&
                (doc.token(end).capitalized || doc.token(end).all_caps || doc.word(end) == "the"))
                ++end;
            while (end > k + 2 && doc.word(end - 1) == "the") --end;
            std::size_t from = k + 2;
            while (from < end &&
                   (doc.word(from) == "the" || doc.tables().in(List::title, doc.token(from).text)))
                ++from;
            if (from < end) return std::string(doc.slice(from, end));
        }
        for (std::size_t k = s.first + 1; k < s.last; ++k) {
            if (!doc.in(List::speech, k)) continue;
            if (std::string n = name_before(k, s); !n.empty()) {
                if (pass == 1 &&
                    !(k + 1 < s.last && (doc.word(k + 1) == "this" || doc.word(k + 1) == "the")))
                    continue;
                return n;
            }
            // "officials said", "the army said"
            if (pass == 0 && doc.in(List::group, k - 1)) {
                std::size_t from = k - 1;
                while (from > s.first && doc.token(from - 1).word &&
                       !doc.in(List::speech, from - 1) && doc.word(from - 1) != "," && from + 3 > k)
                    --from;
                return std::string(doc.slice(from, k));
            }
        }
    }
    return {};
}

Reporting reporting(const Document& doc, const Span& s) {
    bool claim = false;
    for (std::size_t k = s.first; k < s.last; ++k) {
        const std::string& w = doc.word(k);
        if (w == "allegations" || w == "allegation" || w == "alleged" || w == "allegedly" ||
            w == "accused" || w == "accusation")
            return Reporting::allegation;
        if (w == "claimed" || w == "claims" || w == "claim" || w == "reportedly" ||
            w == "purportedly" || w == "unverified" ||
            (w == "verified" && k > s.first &&
             (doc.word(k - 1) == "independently" || doc.word(k - 1) == "be")))
            claim = true;
    }
    return claim ? Reporting::claim : Reporting::fact;
}

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
        const std::string& w = doc.word(k);
        if ((w == "casualties" || w == "fatalities") && doc.word(k + 1) == "unknown") return true;
    }
    return false;
}

bool fatality_note(const Document& doc, const Span& s, std::vector<Count>& found) {
    std::optional<std::int64_t> coded_as, split_between;
    bool coded_elsewhere = false;
    for (std::size_t k = s.first; k + 2 < s.last; ++k) {
        const std::string& w = doc.word(k);
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

bool is_background(const Document& doc, const Span& s, const EventDate& date,
                   const std::string& reference_iso) {
    const bool dated_before = date.precision == "year" && reference_iso.size() >= 4 &&
                              date.date.size() >= 4 &&
                              date.date.substr(0, 4) < reference_iso.substr(0, 4);
    // An event dated to an earlier year than the report ("in 2016"); a full date of last
    // year ("On 13 October 2022" in a January report) is a current event.
    if (dated_before) return true;
    for (std::size_t k = s.first; k < s.last; ++k) {
        if (!doc.in(List::background, k)) continue;
        // "seven years ago", "a decade ago"; "two days ago" is news
        if (doc.word(k) == "ago") {
            const std::string& unit = k > s.first ? doc.word(k - 1) : doc.word(k);
            if (unit.starts_with("year") || unit.starts_with("decade")) return true;
            continue;
        }
        // "previously": past, unless the clause dates it to the report's year ("previously
        // capturing two soldiers ... early this year")
        const bool this_year = !date.date.empty() && reference_iso.size() >= 4 &&
                               date.date.substr(0, 4) == reference_iso.substr(0, 4) &&
                               !date.text.empty();
        if (!this_year) return true;
    }
    return false;
}

}  // namespace mapwire::events::detail
