// Romanisation tables and the endonym rule for towns (romanisation.hpp).
#include "geodata/detail/romanisation.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "geodata/build.hpp"
#include "geodata/detail/tables.hpp"
#include "text/normalize.hpp"

namespace mapwire::geodata::detail {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
            cp =
                (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(n);
    }
    return out;
}

char32_t lower_cyrillic(char32_t c) {
    if (c >= U'\u0410' && c <= U'\u042F') return c + 0x20;  // А-Я
    if (c >= U'\u0400' && c <= U'\u040F') return c + 0x50;  // Ѐ-Џ (Є, І, Ї, Ў, Ђ, Ј ...)
    // From U+0460 to U+04BF capitals and small letters alternate (Ѣ ѣ, Ґ ґ, Ғ ғ).
    if (c >= U'\u0460' && c <= U'\u04BF' && c % 2 == 0) return c + 1;
    return c;
}

namespace {

bool separator(char32_t c) {
    return c == U' ' || c == U'-';
}

// The narrower a row's position, the earlier it is tried.
int narrowness(LetterPosition p) {
    switch (p) {
        case LetterPosition::word_end:
            return 0;
        case LetterPosition::word_start:
            return 1;
        case LetterPosition::word_start_or_after_opening:
            return 2;
        case LetterPosition::anywhere:
            return 3;
    }
    return 3;
}

std::optional<LetterPosition> parse_position(const std::string& text) {
    if (text.empty()) return LetterPosition::anywhere;
    if (text == "word start") return LetterPosition::word_start;
    if (text == "word start or after an opening letter")
        return LetterPosition::word_start_or_after_opening;
    if (text == "word end") return LetterPosition::word_end;
    return std::nullopt;
}

// The Latin text with its first letter in capitals ("zh" -> "Zh", "ž" -> "Ž").
std::string capitalised(const std::string& latin) {
    if (latin.empty()) return latin;
    const auto c = static_cast<unsigned char>(latin[0]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return text::upper_case(latin.substr(0, n)) + latin.substr(n);
}

bool is_mark(char32_t c) {
    return c == U'\'' || c == U'`' || c == U'\u2018' || c == U'\u2019' || c == U'\u02B9' ||
           c == U'\u02BA' || c == U'\u02BB' || c == U'\u02BC';
}

// text::fold with the apostrophe and soft-sign marks kept as one mark ("Ryazan’" and
// "Ryazanʹ" -> "ryazan'"), where fold drops them ("ryazan").
std::string fold_keeping_marks(std::string_view name) {
    std::string out;
    std::size_t from = 0;
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (is_mark(code_points(name.substr(i, n))[0])) {
            out += text::fold(name.substr(from, i - from)) + "'";
            from = i + n;
        }
        i += n;
    }
    return out + text::fold(name.substr(from));
}

// The name in capitals with its marks as one mark ("Orël" -> "ORËL"; "Tolʹyatti" ->
// "TOL'YATTI"): letter for letter, diacritics kept.
std::string upper_keeping_marks(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out += is_mark(code_points(name.substr(i, n))[0]) ? std::string("'")
                                                          : std::string(name.substr(i, n));
        i += n;
    }
    return text::upper_case(out);
}

}  // namespace

Romanisation::Romanisation(std::vector<Row> rows) : rows_(std::move(rows)) {
    std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) {
        if (a.letters.size() != b.letters.size()) return a.letters.size() > b.letters.size();
        return narrowness(a.where) < narrowness(b.where);
    });
    for (const auto& row : rows_)
        if (row.opens && row.letters.size() == 1) opening_ += row.letters[0];
}

std::map<std::string, Romanisation> Romanisation::read(const std::string& path) {
    std::map<std::string, std::vector<Row>> rows;
    std::set<std::tuple<std::string, std::u32string, int>> seen;
    for (const auto& r : read_table(path, {"language", "letters", "latin", "where", "opens"})) {
        const auto fail = [&](const std::string& why) {
            return std::move(GeodataError(why, ExitCode::bad_input,
                                          "columns: language, letters (small, one or two), "
                                          "latin, where (\"\", word start, word start or after "
                                          "an opening letter, word end), opens (yes or \"\")")
                                 .in_file(path)
                                 .at(r.line));
        };
        Row row;
        row.letters = code_points(r["letters"]);
        row.latin = r["latin"];
        const auto where = parse_position(r["where"]);
        if (!where) throw fail("unknown position '" + r["where"] + "'");
        row.where = *where;
        row.opens = r["opens"] == "yes";
        if (r["language"].empty() || row.letters.empty() || row.letters.size() > 2)
            throw fail("a row needs a language and one or two letters");
        for (char32_t c : row.letters)
            if (lower_cyrillic(c) != c || separator(c)) throw fail("letters must be small letters");
        if (!seen.emplace(r["language"], row.letters, narrowness(row.where)).second)
            throw fail("'" + r["letters"] + "' is given twice for " + r["language"]);
        rows[r["language"]].push_back(std::move(row));
    }
    std::map<std::string, Romanisation> out;
    for (auto& [language, list] : rows) out.emplace(language, Romanisation(std::move(list)));
    return out;
}

const Romanisation::Row* Romanisation::row_at(const std::u32string& word, std::size_t i,
                                              bool after_opening) const {
    for (const auto& row : rows_) {
        const std::size_t n = row.letters.size();
        if (i + n > word.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < n; ++k)
            same = same && lower_cyrillic(word[i + k]) == row.letters[k];
        if (!same) continue;
        const bool start = i == 0 || separator(word[i - 1]);
        const bool end = i + n == word.size() || separator(word[i + n]);
        switch (row.where) {
            case LetterPosition::anywhere:
                return &row;
            case LetterPosition::word_start:
                if (start) return &row;
                break;
            case LetterPosition::word_start_or_after_opening:
                if (start || after_opening) return &row;
                break;
            case LetterPosition::word_end:
                if (end) return &row;
                break;
        }
    }
    return nullptr;
}

std::optional<std::string> Romanisation::romanise(std::string_view name) const {
    const std::u32string cps = code_points(name);
    std::string out;
    bool letters = false, after_opening = false;
    for (std::size_t i = 0; i < cps.size();) {
        if (separator(cps[i])) {
            out.push_back(static_cast<char>(cps[i]));
            after_opening = false;
            ++i;
            continue;
        }
        const Row* row = row_at(cps, i, after_opening);
        if (!row) return std::nullopt;
        out += lower_cyrillic(cps[i]) != cps[i] ? capitalised(row->latin) : row->latin;
        // Whether the next letter follows an opening one: the opening rows are single letters.
        after_opening = opening_.find(row->letters.back()) != std::u32string::npos;
        letters = true;
        i += row->letters.size();
    }
    if (!letters) return std::nullopt;
    return out;
}

std::size_t Romanisation::unwritten_letters(std::string_view name) const {
    const std::u32string cps = code_points(name);
    std::size_t n = 0;
    bool after_opening = false;
    for (std::size_t i = 0; i < cps.size();) {
        const Row* row = separator(cps[i]) ? nullptr : row_at(cps, i, after_opening);
        if (!row) {
            after_opening = false;
            ++i;
            continue;
        }
        if (row->latin.empty()) ++n;
        after_opening = opening_.find(row->letters.back()) != std::u32string::npos;
        i += row->letters.size();
    }
    return n;
}

std::optional<std::string> local_town_name(const Romanisation& romanisation,
                                           const std::vector<std::string>& alternates,
                                           const std::vector<std::string>& names) {
    // How closely a romanisation meets a name: 3 letter for letter (Orël: Орёл, not Орел),
    // 2 with its marks (Kursk: Курск, not Курськ), 1 folded; 0 not at all.
    std::vector<std::string> exact, marked, folded;
    for (const auto& n : names) {
        exact.push_back(upper_keeping_marks(n));
        marked.push_back(fold_keeping_marks(n));
        folded.push_back(text::fold(n));
    }
    const auto among = [](const std::vector<std::string>& keys, const std::string& key) {
        return !key.empty() && std::find(keys.begin(), keys.end(), key) != keys.end();
    };
    const auto closeness = [&](const std::string& latin) {
        if (among(exact, upper_keeping_marks(latin))) return 3;
        if (among(marked, fold_keeping_marks(latin))) return 2;
        return among(folded, text::fold(latin)) ? 1 : 0;
    };
    // The closest; among equals the fuller spelling, with more letters the romanisation does
    // not write (the Ukrainian Хмельницький, not the Russian Хмельницкий: ь is unwritten);
    // then the first.
    const std::string* best = nullptr;
    std::pair<int, std::size_t> best_rank{0, 0};
    for (const auto& a : alternates) {
        const auto latin = romanisation.romanise(a);
        if (!latin) continue;
        const std::pair<int, std::size_t> rank{closeness(*latin),
                                               romanisation.unwritten_letters(a)};
        if (rank.first > 0 && rank > best_rank) {
            best = &a;
            best_rank = rank;
        }
    }
    if (!best) return std::nullopt;
    return *best;
}

}  // namespace mapwire::geodata::detail
