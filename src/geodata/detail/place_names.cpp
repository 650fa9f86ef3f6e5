// News-style display names of GeoNames places (see place_names.hpp).
#include "geodata/detail/place_names.hpp"

#include <charconv>
#include <utility>
#include <vector>

#include "geodata/build.hpp"
#include "geodata/detail/romanisation.hpp"
#include "geodata/detail/tables.hpp"
#include "text/normalize.hpp"

namespace mapwire::geodata::detail {

namespace {

// Ukrainian letters by position in а..я (U+0430..U+044F), then є і ї ґ; the national system's
// Latin at a word's start and elsewhere ("" for the soft sign). Hand-written: no Debian
// package carries the 2010 system (Cabinet of Ministers resolution 55, 27 January 2010).
struct Letter {
    char32_t lower;
    const char* initial;
    const char* inside;
};
constexpr Letter kLetters[] = {
    {U'а', "a", "a"},   {U'б', "b", "b"},       {U'в', "v", "v"},   {U'г', "h", "h"},
    {U'ґ', "g", "g"},   {U'д', "d", "d"},       {U'е', "e", "e"},   {U'є', "ye", "ie"},
    {U'ж', "zh", "zh"}, {U'з', "z", "z"},       {U'и', "y", "y"},   {U'і', "i", "i"},
    {U'ї', "yi", "i"},  {U'й', "y", "i"},       {U'к', "k", "k"},   {U'л', "l", "l"},
    {U'м', "m", "m"},   {U'н', "n", "n"},       {U'о', "o", "o"},   {U'п', "p", "p"},
    {U'р', "r", "r"},   {U'с', "s", "s"},       {U'т', "t", "t"},   {U'у', "u", "u"},
    {U'ф', "f", "f"},   {U'х', "kh", "kh"},     {U'ц', "ts", "ts"}, {U'ч', "ch", "ch"},
    {U'ш', "sh", "sh"}, {U'щ', "shch", "shch"}, {U'ь', "", ""},     {U'ю', "yu", "iu"},
    {U'я', "ya", "ia"},
};

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019' || c == U'\u02BC';
}

// A name in Ukrainian: Cyrillic with a letter Russian lacks (є і ї ґ ’) and none Ukrainian
// lacks.
bool ukrainian(const std::u32string& cps) {
    bool own = false;
    for (char32_t c : cps) {
        const char32_t l = lower_cyrillic(c);
        // The apostrophe too: Russian writes ъ where Ukrainian writes ’ (Знам’янка).
        if (l == U'є' || l == U'і' || l == U'ї' || l == U'ґ' || is_apostrophe(c)) own = true;
        if (l == U'ы' || l == U'э' || l == U'ъ' || l == U'ё') return false;
    }
    return own;
}

}  // namespace

std::string ukrainian_romanisation(std::string_view name) {
    const auto cps = code_points(name);
    if (!ukrainian(cps)) return {};
    std::string out;
    bool word_start = true;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        if (c == U' ' || c == U'-') {
            out.push_back(static_cast<char>(c));
            word_start = true;
            continue;
        }
        if (is_apostrophe(c)) continue;
        const char32_t l = lower_cyrillic(c);
        const Letter* letter = nullptr;
        for (const auto& k : kLetters)
            if (k.lower == l) letter = &k;
        if (!letter) return {};  // not a Ukrainian name after all (Latin, digits)
        std::string latin = word_start ? letter->initial : letter->inside;
        // "зг" is "zgh", so that it is not read as "zh" (Zghurivka).
        if (l == U'г' && !out.empty() && i > 0 && lower_cyrillic(cps[i - 1]) == U'з') latin = "gh";
        if (c != l && !latin.empty()) latin[0] = static_cast<char>(latin[0] - 'a' + 'A');
        out += latin;
        word_start = false;
    }
    return out;
}

std::string without_soft_signs(const std::string& name) {
    // U+2019 (’), U+02B9 (ʹ), U+02BA (ʺ), U+02BC (ʼ) and the ASCII apostrophe.
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        const auto next = [&](std::size_t k) {
            return i + k < name.size() ? static_cast<unsigned char>(name[i + k]) : 0;
        };
        if (c == '\'') continue;
        if (c == 0xE2 && next(1) == 0x80 && next(2) == 0x99) {
            i += 2;
            continue;
        }
        if (c == 0xCA && (next(1) == 0xB9 || next(1) == 0xBA || next(1) == 0xBC)) {
            i += 1;
            continue;
        }
        out.push_back(name[i]);
    }
    return out;
}

std::string with_comma_below(const std::string& name) {
    // ş U+015F, Ş U+015E, ţ U+0163, Ţ U+0162 -> ș U+0219, Ș U+0218, ț U+021B, Ț U+021A.
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        const auto next = i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0;
        const bool cedilla =
            (c == 0xC5 && (next == 0x9E || next == 0x9F || next == 0xA2 || next == 0xA3));
        if (!cedilla) {
            out.push_back(name[i]);
            continue;
        }
        out.push_back(static_cast<char>(0xC8));
        out.push_back(static_cast<char>(next == 0x9E   ? 0x98
                                        : next == 0x9F ? 0x99
                                        : next == 0xA2 ? 0x9A
                                                       : 0x9B));
        ++i;
    }
    return out;
}

PlaceNames PlaceNames::read(const std::string& path, NamingRules rules) {
    PlaceNames names;
    names.rules_ = std::move(rules);
    for (const auto& r : read_table(path, {"geonameid", "name", "source"})) {
        auto fail = [&](const std::string& why) {
            return std::move(GeodataError(why, ExitCode::bad_input,
                                          "columns: geonameid (a number), name, source")
                                 .in_file(path)
                                 .at(r.line));
        };
        std::int64_t id = 0;
        const std::string& text = r["geonameid"];
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
            throw fail("geonameid is not a number: '" + text + "'");
        if (r["name"].empty() || r["source"].empty()) throw fail("a row needs a name and a source");
        if (!names.names_.emplace(id, r["name"]).second)
            throw fail("geonameid " + text + " is given twice");
    }
    return names;
}

// Ukraine's national romanisation of the place's Ukrainian name, when it is a spelling of the
// same name as GeoNames' (Kryvyy Rih -> Kryvyi Rih, Zaporizhzhya -> Zaporizhzhia); "" else.
std::string PlaceNames::national_name(const gazetteer::PlaceEntry& e) {
    const std::string key = text::loose_key(text::fold(e.name));
    for (const auto& [alternate, kind] : e.names) {
        std::string latin = ukrainian_romanisation(alternate);
        if (!latin.empty() && text::loose_key(text::fold(latin)) == key) return latin;
    }
    return {};
}

void PlaceNames::apply(gazetteer::PlaceEntry& e, std::int64_t geonameid) const {
    std::string name;
    if (const auto it = names_.find(geonameid); it != names_.end())
        name = it->second;
    else if (e.country == "UA")
        name = national_name(e);
    if (name.empty() && rules_.unmarked.count(e.country)) name = without_soft_signs(e.name);
    if (rules_.comma_below.count(e.country)) name = with_comma_below(name.empty() ? e.name : name);
    if (name.empty() || name == e.name) return;
    // GeoNames' own name was the place's primary name: it stays one (not an alternate).
    e.names.emplace_back(std::move(e.name), gazetteer::NameKind::official);
    e.name = std::move(name);
}

}  // namespace mapwire::geodata::detail
