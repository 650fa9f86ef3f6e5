// Administrative words around a name ("Kursk Oblast", "Republic of Crimea", "Kharkiv region").
#pragma once

#include <string>
#include <string_view>

namespace mapwire::gazetteer::detail {

// Removes one leading or trailing administrative word group from a folded name, returning the
// bare name, or "" when there is none to remove (or nothing would remain).
std::string strip_admin_words(std::string_view folded);

// Whether the word group strip_admin_words removes names a town, not a unit: "Zaporizhia
// City", "the City of Houston".
bool settlement_word(std::string_view folded);

// A folded name prefix with its leading administrative words removed, as lookup removes them
// ("city of santa " -> "santa "); "" when the prefix is those words or their start ("city ",
// "republic of "); the prefix itself when it has none.
std::string_view after_admin_prefix(std::string_view folded);

}  // namespace mapwire::gazetteer::detail
