// Romanisation of local scripts by the official systems of geodata/romanisation.tsv, and the
// rule that tells a town's endonym from other languages' spellings by it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mapwire::geodata::detail {

// Code points of valid UTF-8 (the GeoNames reader has checked it).
std::u32string code_points(std::string_view s);

// A Cyrillic capital to its small letter (А-Я, Ѐ-Џ, Ґ and the other pairs of U+0460-U+04FF);
// any other code point as it is.
char32_t lower_cyrillic(char32_t c);

// Where in a word a row of the table applies.
enum class LetterPosition {
    anywhere,
    word_start,
    word_start_or_after_opening,  // or after a letter whose row `opens` (Russian е: Ye, aye)
    word_end,
};

// One language's romanisation: letters (one or two) to Latin, by position in the word.
class Romanisation {
public:
    struct Row {
        std::u32string letters;  // small letters
        std::string latin;
        LetterPosition where = LetterPosition::anywhere;
        bool opens = false;
    };
    explicit Romanisation(std::vector<Row> rows);

    // Every language of romanisation.tsv, by its iso-codes language code. Throws GeodataError
    // naming file:line for an unknown `where`, an empty letter or a letter given twice.
    static std::map<std::string, Romanisation> read(const std::string& path);

    // The name in Latin letters, capitalised as it is ("Запоріжжя" -> "Zaporizhzhia" in
    // Ukrainian); nullopt when a character is neither a letter of the language nor a space or
    // hyphen (Киев in Belarusian, which has no и).
    std::optional<std::string> romanise(std::string_view name) const;
    // How many of the name's letters the system writes with no Latin letter (Ukrainian ь and
    // the apostrophe).
    std::size_t unwritten_letters(std::string_view name) const;

private:
    const Row* row_at(const std::u32string& word, std::size_t i, bool after_opening) const;
    std::vector<Row> rows_;   // two letters before one, then the narrower position first
    std::u32string opening_;  // the letters after which an opening row applies
};

// The local name of a town among its `alternates` (GeoNames order): one whose romanisation
// is one of `names` (its GeoNames name, its display name), folded as text::fold does. Where
// several are, the one that matches letter for letter (Орёл, not Орел, for Orël), else with
// its apostrophe and soft-sign marks (Курск, not the Ukrainian Курськ, for Kursk; Мінск, not
// Мінськ, for Minsk), else with more unwritten letters (Хмельницький, not Хмельницкий, for
// Khmelnytskyi), else the first. nullopt when none matches: the town keeps its English name.
std::optional<std::string> local_town_name(const Romanisation& romanisation,
                                           const std::vector<std::string>& alternates,
                                           const std::vector<std::string>& names);

}  // namespace mapwire::geodata::detail
