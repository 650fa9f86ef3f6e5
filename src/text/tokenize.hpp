// Splits English news text into word tokens with byte and code-point offsets, lines and
// sentences: the units the geoparser reasons about.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace mapwire::text {

struct Token {
    std::string_view text;  // the token's bytes in the input
    std::size_t byte_begin = 0, byte_end = 0;
    std::size_t cp_begin = 0, cp_end = 0;  // Unicode code-point offsets, end exclusive
    std::size_t line = 0;                  // 0-based input line
    std::size_t sentence = 0;              // 0-based sentence number
    bool word = false;                     // letters or digits (with inner hyphens and apostrophes)
    bool capitalized = false;              // first letter is upper case
    bool all_caps = false;                 // every letter upper case (two letters or more)
    bool sentence_start = false;
    bool possessive = false;  // a word followed by 's / ’s, stripped from `text`
    bool number = false;      // starts with a digit
};

// Words keep inner hyphens and apostrophes ("Ivano-Frankivs'k", "al-Fashir"); a trailing
// possessive "'s" is split off and flagged. Every other non-space character is a token of its
// own. Sentences end at . ! ? followed by white space and a capital, at blank lines and at
// line ends that close a heading (a line without final punctuation).
std::vector<Token> tokenize(std::string_view text);

}  // namespace mapwire::text
