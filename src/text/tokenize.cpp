// A small hand-written tokenizer: news text needs only word, punctuation and sentence
// boundaries, with exact code-point offsets; utf8proc supplies the character classes.
#include "text/tokenize.hpp"

#include <utf8proc.h>

#include <array>
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
    utf8proc_int32_t cp = 0;  // 0 past the end of the text
    std::uint8_t size = 0;    // bytes
    std::uint8_t classes = 0;
};

// News text is mostly ASCII: its classes come from a table.
constexpr std::array<std::uint8_t, 128> kAsciiClasses = [] {
    std::array<std::uint8_t, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kLetter;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kLetter | kUpper;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kDigit;
    for (const char c : {' ', '\t', '\n', '\r'}) t[static_cast<std::size_t>(c)] = kSpace;
    return t;
}();

std::uint8_t classes_of(utf8proc_int32_t cp) {
    if (cp < 0x80) return kAsciiClasses[static_cast<std::size_t>(cp)];
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

// The text decoded where the tokenizer looks, one character at a time: decoding on demand
// (ASCII at once, the rest through utf8proc) costs less than a table of every character, which
// took 16 bytes per byte of text.
class Reader {
public:
    explicit Reader(std::string_view text)
        : p_(reinterpret_cast<const utf8proc_uint8_t*>(text.data())), n_(text.size()) {}
    Char at(std::size_t pos) const {
        if (pos >= n_) return {};
        if (p_[pos] < 0x80) return {p_[pos], 1, kAsciiClasses[p_[pos]]};
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(p_ + pos, static_cast<utf8proc_ssize_t>(n_ - pos), &cp);
        if (n <= 0) {  // callers validate UTF-8 first; treat a stray byte as a symbol
            n = 1;
            cp = 0xFFFD;
        }
        return {cp, static_cast<std::uint8_t>(n), classes_of(cp)};
    }

private:
    const utf8proc_uint8_t* p_;
    std::size_t n_;
};

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
    const Reader r(text);
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::vector<Token> tokens;
    tokens.reserve(n / 4 + 16);  // news has a token every four or five characters
    std::size_t line = 0, sentence = 0;
    bool next_starts_sentence = true;
    // The token of bytes [from, to), code points [cp_from, cp_to).
    auto push = [&](std::size_t from, std::size_t to, std::size_t cp_from, std::size_t cp_to,
                    bool word) {
        Token& t = tokens.emplace_back();  // built in place: a copy stalls on its stores
        t.byte_begin = from;
        t.byte_end = to;
        t.text = text.substr(from, to - from);
        t.cp_begin = cp_from;
        t.cp_end = cp_to;
        t.line = line;
        t.word = word;
        if (word) {
            const Char first = r.at(from);
            t.capitalized = (first.classes & kUpper) != 0;
            // An elided article before a name is part of it: "Côte d'Ivoire", "l'Artibonite".
            if ((first.cp == 'd' || first.cp == 'l') && to - from >= 3) {
                const Char apostrophe = r.at(from + 1);
                t.capitalized = is_apostrophe(apostrophe.cp) &&
                                (r.at(from + 1 + apostrophe.size).classes & kUpper) != 0;
            }
            t.number = (first.classes & kDigit) != 0;
            std::size_t letters = 0;
            bool lower_seen = false;  // a letter that is not upper case
            // Stops at the first lower-case letter, which settles it: most words have one
            // first or second.
            for (std::size_t k = from; k < to && !lower_seen;) {
                const Char c = r.at(k);
                letters += (c.classes & kLetter) != 0;
                lower_seen |= (c.classes & (kLetter | kUpper)) == kLetter;
                k += c.size;
            }
            t.all_caps = letters >= 2 && !lower_seen;
        }
        if (word && next_starts_sentence) {
            t.sentence_start = true;
            next_starts_sentence = false;
        }
        t.sentence = sentence;
    };

    std::size_t i = 0, ci = 0;  // byte and code point
    while (i < n) {
        const Char c = r.at(i);
        if (c.cp == '\n') {
            // A blank line, or the end of a line without closing punctuation (a heading or a
            // list item), ends the sentence.
            const bool blank = r.at(i + 1).cp == '\n';
            const bool open = !tokens.empty() && tokens.back().line == line && tokens.back().word;
            if ((blank || open) && !next_starts_sentence && !tokens.empty()) {
                ++sentence;
                next_starts_sentence = true;
            }
            ++line;
            ++i;
            ++ci;
            continue;
        }
        if (c.classes & kSpace) {
            i += c.size;
            ++ci;
            continue;
        }
        if (c.classes & kWordPart) {
            // The word's last two characters and where they begin: the possessive test.
            Char last = c, before_last{};
            std::size_t last_at = i, before_last_at = i;
            std::size_t j = i + c.size, cj = ci + 1;
            auto take = [&](const Char& d) {
                before_last = last;
                before_last_at = last_at;
                last = d;
                last_at = j;
                j += d.size;
                ++cj;
            };
            while (j < n) {
                // A run of ASCII letters and digits, most of any word, at once: the same as
                // taking them one by one, which leaves the run's last two as last and
                // before_last.
                std::size_t k = j;
                while (k < n && bytes[k] < 0x80 && (kAsciiClasses[bytes[k]] & kWordPart)) ++k;
                if (k > j) {
                    if (k - j >= 2) {
                        before_last = r.at(k - 2);
                        before_last_at = k - 2;
                    } else {
                        before_last = last;
                        before_last_at = last_at;
                    }
                    last = r.at(k - 1);
                    last_at = k - 1;
                    cj += k - j;
                    j = k;
                    if (j >= n) break;
                }
                const Char d = r.at(j);
                if (d.classes & kWordPart) {
                    take(d);
                    continue;
                }
                // Only a hyphen, an apostrophe or a dot can join what follows: the character
                // after any other is not read.
                const bool joiner = is_hyphen(d.cp) || is_apostrophe(d.cp);
                if (!joiner && d.cp != '.') break;
                const Char e = r.at(j + d.size);
                if (joiner && (e.classes & kWordPart)) {
                    take(d);  // inner hyphen or apostrophe
                    take(e);
                } else if (d.cp == '.' && (last.classes & kUpper) && (e.classes & kUpper)) {
                    take(d);  // an abbreviation with inner dots (U.S)
                    take(e);
                } else {
                    break;
                }
            }
            // Split a possessive: Ukraine's, Ukraine’s (the apostrophe was taken in as inner).
            const bool possessive =
                cj - ci >= 3 && (last.cp == 's' || last.cp == 'S') && is_apostrophe(before_last.cp);
            if (possessive)
                push(i, before_last_at, ci, cj - 2, true);
            else
                push(i, j, ci, cj, true);
            tokens.back().possessive = possessive;
            i = j;
            ci = cj;
            continue;
        }
        push(i, i + c.size, ci, ci + 1, false);
        if (c.cp == '.' || c.cp == '!' || c.cp == '?') {
            // Sentence end unless an abbreviation ("U.S. forces", "Mr. Smith"): require white
            // space and then an upper-case letter, a quote or a line break.
            std::size_t k = i + 1;
            Char at_k = r.at(k);
            while (at_k.cp == '"' || at_k.cp == 0x201D || at_k.cp == '\'' || at_k.cp == 0x2019) {
                k += at_k.size;
                at_k = r.at(k);
            }
            const Char after = r.at(k + at_k.size);
            if (k >= n || at_k.cp == '\n' ||
                ((at_k.classes & kSpace) && k + at_k.size < n &&
                 ((after.classes & kUpper) || after.cp == '"' || after.cp == 0x201C ||
                  (after.classes & kDigit)))) {
                const bool abbreviation =
                    c.cp == '.' && tokens.size() >= 2 && is_abbreviation(tokens[tokens.size() - 2]);
                if (!abbreviation) {
                    ++sentence;
                    next_starts_sentence = true;
                }
            }
        }
        i += c.size;
        ++ci;
    }
    return tokens;
}

}  // namespace mapwire::text
