// Name folding: the keys under which place names are stored and looked up.
#pragma once

#include <string>
#include <string_view>

namespace mapwire::text {

// Folds a name for matching: Unicode compatibility decomposition, case folding, diacritics
// removed, apostrophes and modifier letters dropped ("Donets'k", "Donets’k" -> "donetsk"),
// other punctuation and dashes turned into single spaces, ends trimmed. Works for any script:
// "Київ" -> "киів" (the breve and diaeresis are marks), "Zaporizhzhia" -> "zaporizhzhia".
std::string fold(std::string_view name);

// A coarser key for Latin-script names that evens out the usual differences between
// Ukrainian and Russian romanisations and between transliteration systems: kh/h, g/h, y/i
// (iy, yi, ya, yu), doubled letters. "Zaporizhzhya" and "Zaporizhzhia", "Avdiyivka" and
// "Avdiivka", "Luhansk" and "Lugansk" meet here. Input must already be folded. Returns an
// empty string when the name has non-ASCII letters (the rules are for Latin script only).
std::string loose_key(std::string_view folded);

// Optimal string alignment distance (Levenshtein with transpositions), giving up with max + 1
// as soon as the distance must exceed `max`: for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max = 1000);

// ASCII letters to lower case, everything else as it is: for matching English cue words.
std::string ascii_lower(std::string_view word);

// Every letter in upper case, in any script (Unicode simple case mapping: "Côte d'Ivoire" ->
// "CÔTE D'IVOIRE", "Україна" -> "УКРАЇНА"); invalid bytes are kept as they are.
std::string upper_case(std::string_view text);

}  // namespace mapwire::text
