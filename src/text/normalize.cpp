// Name folding with utf8proc (decomposition, case folding, mark stripping) plus the few
// character rules of place names that Unicode normalisation alone does not cover.
#include "text/normalize.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

namespace mapwire::text {
namespace {

// Characters that are part of a name's spelling but not of its identity: apostrophes and
// the soft-sign transliterations, which sources use or drop at will.
bool is_dropped(utf8proc_int32_t cp) {
    switch (cp) {
        case 0x0027:  // '
        case 0x0060:  // `
        case 0x00B4:  // acute accent
        case 0x2018:  // left single quote
        case 0x2019:  // right single quote
        case 0x02B9:  // modifier prime
        case 0x02BA:
        case 0x02BB:  // modifier turned comma
        case 0x02BC:  // modifier apostrophe
        case 0x2032:  // prime
        case 0x044C:  // Cyrillic soft sign
        case 0x044A:  // Cyrillic hard sign
            return true;
        default:
            return false;
    }
}

void append_utf8(std::string& out, utf8proc_int32_t cp) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

}  // namespace

namespace {

// The common case, plain ASCII, without the Unicode machinery: same result, ten times faster.
std::string fold_ascii(std::string_view name) {
    // Written through a pointer into a string of the input's size (the output is never
    // longer), then cut: the geoparser folds every candidate span, and push_back's capacity
    // checks were most of the work.
    std::string out(name.size(), '\0');
    char* o = out.data();
    char* const begin = o;
    bool pending_space = false;
    for (char c : name) {
        if (c == '\'' || c == '`') continue;
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            pending_space = o != begin;
            continue;
        }
        if (pending_space) *o++ = ' ';
        pending_space = false;
        *o++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    out.resize(static_cast<std::size_t>(o - begin));
    return out;
}

}  // namespace

std::string fold(std::string_view name) {
    bool ascii = true;
    for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return fold_ascii(name);
    utf8proc_uint8_t* mapped = nullptr;
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                       UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
    const auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                  static_cast<utf8proc_ssize_t>(name.size()), &mapped, options);
    if (len < 0) return {};  // invalid UTF-8: callers validate text before folding it
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);

    std::string out;
    out.reserve(static_cast<std::size_t>(len));
    bool pending_space = false;
    utf8proc_ssize_t pos = 0;
    while (pos < len) {
        utf8proc_int32_t cp = 0;
        pos += utf8proc_iterate(mapped + pos, len - pos, &cp);
        if (is_dropped(cp)) continue;
        const auto cat = utf8proc_category(cp);
        const bool word_char = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                               (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        if (!word_char) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        // Ukrainian and Russian spellings differ in these letters; fold them together so that
        // Cyrillic input meets Cyrillic names spelt in either language.
        if (cp == 0x0451) cp = 0x0435;                  // ё -> е
        if (cp == 0x0457 || cp == 0x0456) cp = 0x0438;  // ї, і -> и
        if (cp == 0x0454) cp = 0x0435;                  // є -> е
        if (cp == 0x0439) cp = 0x0438;  // й -> и (already split by STRIPMARK, kept for safety)
        append_utf8(out, cp);
    }
    return out;
}

std::string loose_key(std::string_view folded) {
    for (char c : folded)
        if (static_cast<unsigned char>(c) >= 0x80) return {};
    // Written through a pointer into a string of the input's size: no rule lengthens the text.
    std::string out(folded.size(), '\0');
    char* o = out.data();
    const auto at = [&](std::size_t i) { return i < folded.size() ? folded[i] : '\0'; };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        const char n = at(i + 1);
        if (c == 'k' && n == 'h') {  // kh -> h (Kharkiv / Harkiv)
            *o++ = 'h';
            ++i;
        } else if (c == 'g') {  // Russian g, Ukrainian h (Lugansk / Luhansk)
            *o++ = 'h';
        } else if (c == 'i' && n == 'y') {  // iy -> i (Avdiyivka)
            *o++ = 'i';
            ++i;
        } else if (c == 'y' && (n == 'i' || n == 'e')) {  // yi -> i, ye -> e
            *o++ = n;
            ++i;
        } else if (c == 'y' && (n == 'a' || n == 'u')) {  // ya -> ia, yu -> iu
            *o++ = 'i';
        } else if (c == 'y') {
            *o++ = 'i';
        } else {
            *o++ = c;
        }
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    // Arabic romanisations: the article (el-/al-), ei/ay, ou/u, ee/i and a final -ah/-eh
    // (Deir al-Balah / Dayr al Balah, Hodeidah / Hodeida, Khan Younis / Khan Yunis).
    // Rewritten in place (no rule lengthens the text, so the write position never passes the
    // read position): the geoparser asks for a loose key at every lookup that misses, and
    // the two extra strings this pass and the next used to allocate were most of the cost.
    const std::size_t size = out.size();
    std::size_t w = 0;  // write position; out[0, w) is the result so far
    char prev = '\0';   // the input character before out[i], which the writes may overwrite
    for (std::size_t i = 0; i < size; ++i) {
        const char c = out[i];
        const char next = i + 1 < size ? out[i + 1] : '\0';
        const bool word_start = i == 0 || prev == ' ';
        const bool word_end = next == '\0' || next == ' ';
        prev = c;
        if (word_start && c == 'e' && next == 'l' && (i + 2 >= size || out[i + 2] == ' ')) {
            out[w++] = 'a';
            out[w++] = 'l';
            prev = next;
            ++i;
        } else if (c == 'e' && next == 'i') {
            out[w++] = 'a';
            out[w++] = 'i';
            prev = next;
            ++i;
        } else if (c == 'o' && next == 'u') {
            out[w++] = 'u';
            prev = next;
            ++i;
        } else if (c == 'e' && next == 'e') {
            out[w++] = 'i';
            prev = next;
            ++i;
        } else if (c == 'h' && word_end && w >= 3 && (out[w - 1] == 'a' || out[w - 1] == 'e')) {
            // drop the final h of -ah / -eh
        } else {
            out[w++] = c;
        }
    }
    out.resize(w);
    // Doubled letters are spelt single or double by different sources (Odessa / Odesa).
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (kept == 0 || out[kept - 1] != out[i] || out[i] == ' ') out[kept++] = out[i];
    out.resize(kept);
    return out;
}

std::string ascii_lower(std::string_view word) {
    std::string out(word);
    // Without a branch, so that the compiler can do many bytes at once: the geoparser lowers
    // each whole text.
    for (char& c : out) {
        const auto u = static_cast<unsigned char>(c);
        c = static_cast<char>(u + (static_cast<unsigned char>(u - 'A') < 26 ? 'a' - 'A' : 0));
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > max) return max + 1;
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > max) return max + 1;
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[b.size()];
}

std::string upper_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto n = static_cast<utf8proc_ssize_t>(text.size());
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t cp = 0;
        const auto k = utf8proc_iterate(p + i, n - i, &cp);
        if (k <= 0) {
            out.push_back(text[static_cast<std::size_t>(i++)]);
            continue;
        }
        utf8proc_uint8_t buf[4];
        const auto m = utf8proc_encode_char(utf8proc_toupper(cp), buf);
        out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(m));
        i += k;
    }
    return out;
}

}  // namespace mapwire::text
