// The administrative vocabulary of English news and of romanised official names.
#include "gazetteer/detail/admin_words.hpp"

namespace mapwire::gazetteer::detail {
namespace {

// Folded forms (see text::fold); longest first so that "oblast of" wins over "of".
constexpr std::string_view kSuffixes[] = {" autonomous republic",
                                          " peoples republic",
                                          " oblast",
                                          " region",
                                          " province",
                                          " governorate",
                                          " krai",
                                          " kray",
                                          " state",
                                          " republic",
                                          " prefecture",
                                          " territory",
                                          " county",
                                          " district",
                                          " voivodeship",
                                          " obl",
                                          " city",
                                          " municipality"};
constexpr std::string_view kPrefixes[] = {"autonomous republic of ", "republic of ", "province of ",
                                          "state of ", "city of "};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string strip_admin_words(std::string_view folded) {
    // Every affix has its space: a single word (most queries) has none.
    if (folded.find(' ') == std::string_view::npos) return {};
    for (auto suffix : kSuffixes)
        if (ends_with(folded, suffix))
            return std::string(folded.substr(0, folded.size() - suffix.size()));
    for (auto prefix : kPrefixes)
        if (folded.size() > prefix.size() && folded.substr(0, prefix.size()) == prefix)
            return std::string(folded.substr(prefix.size()));
    return {};
}

bool settlement_word(std::string_view folded) {
    return ends_with(folded, " city") || (folded.size() > 8 && folded.starts_with("city of "));
}

}  // namespace mapwire::gazetteer::detail
