// Argument filling beyond actors and counts: attribution, reporting status and background.
#include "events/detail/arguments.hpp"

namespace mapwire::events::detail {

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
        const std::string_view w = doc.word(k);
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

bool is_background(const Document& doc, const Span& s, const EventDate& date,
                   const std::string& reference_iso) {
    const bool dated_before = date.precision == DatePrecision::year && reference_iso.size() >= 4 &&
                              date.date.size() >= 4 &&
                              date.date.substr(0, 4) < reference_iso.substr(0, 4);
    // An event dated to an earlier year than the report ("in 2016"); a full date of last
    // year ("On 13 October 2022" in a January report) is a current event.
    if (dated_before) return true;
    for (std::size_t k = s.first; k < s.last; ++k) {
        if (!doc.in(List::background, k)) continue;
        // "seven years ago", "a decade ago"; "two days ago" is news
        if (doc.word(k) == "ago") {
            const std::string_view unit = k > s.first ? doc.word(k - 1) : doc.word(k);
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
