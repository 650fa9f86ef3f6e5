// A small hand-written tokenizer: news text needs only word, punctuation and sentence
// boundaries, with exact code-point offsets; utf8proc supplies the character classes.
#include "text/tokenize.hpp"

#include <utf8proc.h>

#include <cstdint>

namespace mapwire::text {
namespace {

// A decoded character with its classes, found once: the tokenizer asks each character several
// questions, and utf8proc's property lookup is its main cost otherwise.
enum : std::uint8_t {
    kLetter = 1,
    kDigit = 2,
    kMark = 4,
    kUpper = 8,
    kSpace = 16,
    kWordPart = kLetter | kDigit | kMark,
};

struct Char {
    utf8proc_int32_t cp = 0;
    std::size_t byte = 0;   // offset of its first byte
    std::uint8_t size = 0;  // bytes
    std::uint8_t classes = 0;
};

std::uint8_t classes_of(utf8proc_int32_t cp) {
    if (cp < 0x80) {  // news text is mostly ASCII
        if (cp >= 'a' && cp <= 'z') return kLetter;
        if (cp >= 'A' && cp <= 'Z') return kLetter | kUpper;
        if (cp >= '0' && cp <= '9') return kDigit;
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ? kSpace : 0;
    }
    if (cp == 0xA0) return kSpace;
    const auto c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_LU) return kLetter | kUpper;
    if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) return kLetter;
    if (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) return kDigit;
    if (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) return kMark;
    return c == UTF8PROC_CATEGORY_ZS ? kSpace : 0;
}

bool is_apostrophe(utf8proc_int32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}
bool is_hyphen(utf8proc_int32_t cp) {
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

// A word before a dot that does not end a sentence: titles ("Mr.", "Gen.") and dotted
// abbreviations ("U.S.").
bool is_abbreviation(const Token& t) {
    if (!t.word) return false;
    if (t.text.find('.') != std::string_view::npos) return true;
    for (std::string_view a :
         {"Mr",  "Ms",  "Mrs",  "Dr", "St",  "Gen", "Lt",  "Col",  "Sgt", "Capt", "Maj", "Rep",
          "Sen", "Gov", "Prof", "No", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov",  "Dec"})
        if (t.text == a) return true;
    return false;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Char> chars;
    chars.reserve(text.size());  // at most one per byte
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    for (std::size_t pos = 0; pos < text.size();) {
        if (p[pos] < 0x80) {
            chars.push_back({p[pos], pos, 1, classes_of(p[pos])});
            ++pos;
            continue;
        }
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(p + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n <= 0) {  // callers validate UTF-8 first; treat a stray byte as a symbol
            n = 1;
            cp = 0xFFFD;
        }
        chars.push_back({cp, pos, static_cast<std::uint8_t>(n), classes_of(cp)});
        pos += static_cast<std::size_t>(n);
    }
    auto is_upper = [&](std::size_t i) { return (chars[i].classes & kUpper) != 0; };
    auto is_space = [&](std::size_t i) { return (chars[i].classes & kSpace) != 0; };
    auto is_digit = [&](std::size_t i) { return (chars[i].classes & kDigit) != 0; };

    std::vector<Token> tokens;
    tokens.reserve(chars.size() / 3 + 16);  // news has a token every four or five characters
    std::size_t line = 0, sentence = 0;
    bool next_starts_sentence = true;
    auto word_part = [&](std::size_t i) {
        return i < chars.size() && (chars[i].classes & kWordPart) != 0;
    };
    auto push = [&](std::size_t from, std::size_t to, bool word) {
        Token& t = tokens.emplace_back();  // built in place: a copy stalls on its stores
        t.byte_begin = chars[from].byte;
        t.byte_end = chars[to - 1].byte + chars[to - 1].size;
        t.text = text.substr(t.byte_begin, t.byte_end - t.byte_begin);
        t.cp_begin = from;
        t.cp_end = to;
        t.line = line;
        t.word = word;
        if (word) {
            t.capitalized = is_upper(from);
            t.number = is_digit(from);
            std::size_t letters = 0;
            bool lower_seen = false;  // a letter that is not upper case
            for (std::size_t k = from; k < to; ++k) {
                const std::uint8_t c = chars[k].classes;
                letters += (c & kLetter) != 0;
                lower_seen |= (c & (kLetter | kUpper)) == kLetter;
            }
            t.all_caps = letters >= 2 && !lower_seen;
        }
        if (word && next_starts_sentence) {
            t.sentence_start = true;
            next_starts_sentence = false;
        }
        t.sentence = sentence;
    };

    std::size_t i = 0;
    while (i < chars.size()) {
        const auto cp = chars[i].cp;
        if (cp == '\n') {
            // A blank line, or the end of a line without closing punctuation (a heading or a
            // list item), ends the sentence.
            bool blank = i + 1 < chars.size() && chars[i + 1].cp == '\n';
            bool open = !tokens.empty() && tokens.back().line == line && tokens.back().word;
            if ((blank || open) && !next_starts_sentence && !tokens.empty()) {
                ++sentence;
                next_starts_sentence = true;
            }
            ++line;
            ++i;
            continue;
        }
        if (is_space(i)) {
            ++i;
            continue;
        }
        if (word_part(i)) {
            std::size_t j = i + 1;
            while (j < chars.size()) {
                if (word_part(j)) {
                    ++j;
                } else if ((is_hyphen(chars[j].cp) || is_apostrophe(chars[j].cp)) &&
                           word_part(j + 1)) {
                    j += 2;  // inner hyphen or apostrophe
                } else if (chars[j].cp == '.' && is_upper(j - 1) && j + 1 < chars.size() &&
                           is_upper(j + 1)) {
                    j += 2;  // an abbreviation with inner dots (U.S)
                } else {
                    break;
                }
            }
            bool possessive = false;
            std::size_t end = j;
            // Split a possessive: Ukraine's, Ukraine’s (the apostrophe was taken in as inner).
            if (end - i >= 3 && (chars[end - 1].cp == 's' || chars[end - 1].cp == 'S') &&
                is_apostrophe(chars[end - 2].cp)) {
                end -= 2;
                possessive = true;
            }
            push(i, end, true);
            tokens.back().possessive = possessive;
            i = j;
            continue;
        }
        push(i, i + 1, false);
        if (cp == '.' || cp == '!' || cp == '?') {
            // Sentence end unless an abbreviation ("U.S. forces", "Mr. Smith"): require white
            // space and then an upper-case letter, a quote or a line break.
            std::size_t k = i + 1;
            while (k < chars.size() && (chars[k].cp == '"' || chars[k].cp == 0x201D ||
                                        chars[k].cp == '\'' || chars[k].cp == 0x2019))
                ++k;
            if (k >= chars.size() || chars[k].cp == '\n' ||
                (is_space(k) && k + 1 < chars.size() &&
                 (is_upper(k + 1) || chars[k + 1].cp == '"' || chars[k + 1].cp == 0x201C ||
                  is_digit(k + 1)))) {
                const bool abbreviation =
                    cp == '.' && tokens.size() >= 2 && is_abbreviation(tokens[tokens.size() - 2]);
                if (!abbreviation) {
                    ++sentence;
                    next_starts_sentence = true;
                }
            }
        }
        ++i;
    }
    return tokens;
}

}  // namespace mapwire::text
