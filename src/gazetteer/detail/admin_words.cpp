// The administrative vocabulary of English news and of romanised official names.
#include "gazetteer/detail/admin_words.hpp"

namespace mapwire::gazetteer::detail {
namespace {

// A word group around a name; `town` when it names a town, not a unit ("Zaporizhzhia City",
// "the City of Houston").
struct Affix {
    std::string_view text;
    bool town = false;
};

// Folded forms (see text::fold); longest first so that "oblast of" wins over "of".
constexpr Affix kSuffixes[] = {{" autonomous republic"},
                               {" peoples republic"},
                               {" oblast"},
                               {" region"},
                               {" province"},
                               {" governorate"},
                               {" countryside"},  // "Idlib countryside": the governorate
                               {" krai"},
                               {" kray"},
                               {" state"},
                               {" republic"},
                               {" prefecture"},
                               {" territory"},
                               {" county"},
                               {" district"},
                               {" voivodeship"},
                               {" obl"},
                               {" city", true},
                               {" municipality"}};
constexpr Affix kPrefixes[] = {{"autonomous republic of "},
                               {"republic of "},
                               {"province of "},
                               {"state of "},
                               {"city of ", true}};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// The affix strip_admin_words removes from `folded`, or nullptr.
const Affix* affix_of(std::string_view folded) {
    // Every affix has its space: a single word (most queries) has none.
    if (folded.find(' ') == std::string_view::npos) return nullptr;
    for (const Affix& suffix : kSuffixes)
        if (ends_with(folded, suffix.text)) return &suffix;
    for (const Affix& prefix : kPrefixes)
        if (starts_with(folded, prefix.text)) return &prefix;
    return nullptr;
}

}  // namespace

std::string strip_admin_words(std::string_view folded) {
    const Affix* a = affix_of(folded);
    if (!a) return {};
    const std::size_t n = a->text.size();
    return a->text.front() == ' ' ? std::string(folded.substr(0, folded.size() - n))
                                  : std::string(folded.substr(n));
}

bool settlement_word(std::string_view folded) {
    const Affix* a = affix_of(folded);
    return a && a->town;
}

std::string_view after_admin_prefix(std::string_view folded) {
    for (const Affix& prefix : kPrefixes) {
        if (starts_with(folded, prefix.text)) return folded.substr(prefix.text.size());
        // "city ", "republic of": the start of the words themselves.
        if (prefix.text.substr(0, folded.size()) == folded) return {};
    }
    return folded;
}

}  // namespace mapwire::gazetteer::detail
