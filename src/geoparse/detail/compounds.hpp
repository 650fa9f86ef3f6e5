// Hyphenated compounds that join a name to another word ("Kyiv-based", "Russian-occupied
// Melitopol", "India-Pakistan border"), split so that the name stands on its own.
#pragma once

#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "text/tokenize.hpp"

namespace mapwire::geoparse::detail {

// The tokenizer keeps hyphenated words whole, since place names hold hyphens
// ("Ivano-Frankivsk", "Guinea-Bissau"). Two kinds are split into name, hyphen and word:
// a name before a lower-case word of geodata/cues/place_suffixes.txt or actor_suffixes.txt
// ("Kyiv-based", "Moscow-backed"), and two states or regions that are no place together
// ("India-Pakistan", "Asia-Pacific", "Afghan-Pakistani"). Every other token stays as it is.
// Empty when no token splits (the common case: the caller keeps `tokens`, uncopied).
std::vector<text::Token> split_compounds(const std::vector<text::Token>& tokens,
                                         const gazetteer::Gazetteer& gazetteer);

}  // namespace mapwire::geoparse::detail
