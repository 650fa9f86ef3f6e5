// UTF-8 checks built on utf8proc's decoder.
#include "text/utf8.hpp"

#include <utf8proc.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace mapwire::text {
namespace {

constexpr std::uint64_t kNonAsciiBits = 0x8080808080808080ull;  // the high bit of each byte

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    std::size_t pos = 0;
    while (pos < text.size()) {
        // ASCII needs no decoding (most of any news text), and is skipped a word at a time:
        // every text the geoparser reads is checked first, byte by byte this cost as much as
        // a sixth of tokenizing it.
        std::uint64_t word = 0;
        if (text.size() - pos >= sizeof word &&
            (std::memcpy(&word, p + pos, sizeof word), (word & kNonAsciiBits) == 0)) {
            pos += sizeof word;
            continue;
        }
        if (p[pos] < 0x80) {
            ++pos;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto n =
            utf8proc_iterate(p + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n <= 0) return pos;
        pos += static_cast<std::size_t>(n);
    }
    return std::nullopt;
}

void require_utf8(std::string_view text, const std::string& source) {
    const auto bad = find_invalid_utf8(text);
    if (!bad) return;
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < *bad; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    throw std::move(TextError("input is not valid UTF-8 (byte " + std::string(byte) + ")",
                              ExitCode::bad_input,
                              "convert the file to UTF-8 first, e.g. with "
                              "`iconv -f WINDOWS-1252 -t UTF-8`")
                        .in_file(source)
                        .at(line, column));
}

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;

// Whether none of the 8 bytes of `word` is a C0 control or 0xEF (the lead byte of U+FFFE and
// U+FFFF): such a word needs no change. Exact, for any bytes: a lane borrows only when its
// own byte is below the bound (the bit tricks of Anderson's "Bit Twiddling Hacks").
bool plain_word(std::uint64_t word) {
    const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kNonAsciiBits;
    const std::uint64_t lead = word ^ (kOnes * 0xEF);
    const std::uint64_t has_lead = (lead - kOnes) & ~lead & kNonAsciiBits;
    return (below_space | has_lead) == 0;
}

}  // namespace

void replace_unwritable(std::string& text) {
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        // Words with nothing to replace are skipped whole: every stream article passes here,
        // and nearly all of a text is such words (a line feed or a tab sends one word through
        // the byte test below).
        std::uint64_t word = 0;
        if (n - i >= sizeof word &&
            (std::memcpy(&word, text.data() + i, sizeof word), plain_word(word))) {
            i += sizeof word;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            text[i] = ' ';
        } else if (c == 0xEF && i + 2 < n && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
            text[i + 2] = static_cast<char>(0xBD);  // U+FFFE, U+FFFF -> U+FFFD, three bytes each
        }
        ++i;
    }
}

std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace mapwire::text
