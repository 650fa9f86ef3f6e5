// Local names from iso-codes' gettext catalogs and towns' alternate names (local_names.hpp).
#include "geodata/detail/local_names.hpp"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.hpp"
#include "geodata/build.hpp"
#include "geodata/detail/romanisation.hpp"

namespace mapwire::geodata::detail {

GettextCatalog GettextCatalog::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string b = ss.str();
    const auto bad = [&](const std::string& why) {
        return std::move(GeodataError("not a gettext catalog: " + why, ExitCode::missing_data,
                                      "reinstall the iso-codes package")
                             .in_file(path));
    };
    // The format (GNU gettext manual, "The Format of GNU MO Files"): a header of 32-bit words,
    // then two tables of (length, offset) pairs, originals and translations.
    const auto word = [&](std::size_t at, bool swap) {
        if (at + 4 > b.size()) throw bad("truncated");
        std::uint32_t v;
        std::memcpy(&v, b.data() + at, 4);
        return swap ? __builtin_bswap32(v) : v;
    };
    if (b.size() < 28) throw bad("too short");
    const std::uint32_t magic = word(0, false);
    const bool swap = magic == 0xde120495u;
    if (!swap && magic != 0x950412deu) throw bad("bad magic");
    const std::uint32_t n = word(8, swap), originals = word(12, swap),
                        translations = word(16, swap);
    GettextCatalog c;
    const auto text = [&](std::uint32_t table, std::uint32_t i) {
        const std::uint32_t len = word(table + 8 * std::size_t{i}, swap);
        const std::uint32_t off = word(table + 8 * std::size_t{i} + 4, swap);
        if (std::size_t{off} + len > b.size()) throw bad("string out of bounds");
        return b.substr(off, len);
    };
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string id = text(originals, i), tr = text(translations, i);
        if (!id.empty() && !tr.empty()) c.messages_.emplace(std::move(id), std::move(tr));
    }
    return c;
}

std::optional<std::string> GettextCatalog::translate(const std::string& msgid) const {
    const auto it = messages_.find(msgid);
    if (it == messages_.end()) return std::nullopt;
    return it->second;
}

namespace {

// The local name of a GeoNames town by its language's romanisation; nullopt when none.
std::optional<std::string> town_name(const gazetteer::PlaceEntry& p,
                                     const Romanisation& romanisation) {
    std::vector<std::string> alternates, names = {p.name};
    for (const auto& [name, kind] : p.names) {
        if (kind == gazetteer::NameKind::alternate) alternates.push_back(name);
        // GeoNames' own name, where the display name is another (Kryvyy Rih: Kryvyi Rih).
        if (kind == gazetteer::NameKind::official) names.push_back(name);
    }
    return local_town_name(romanisation, alternates, names);
}

}  // namespace

LocalNamesReport write_local_names(const std::vector<gazetteer::PlaceEntry>& places,
                                   const std::vector<IsoCountry>& countries,
                                   const std::vector<IsoSubdivision>& subdivisions,
                                   const LocalNameTables& tables, const std::string& path) {
    std::map<std::string, std::string> language;  // alpha-2 -> catalog language
    for (const auto& r : read_table(tables.languages_tsv, {"alpha2", "language", "source"}))
        language[r["alpha2"]] = r["language"];
    const auto romanisations = Romanisation::read(tables.romanisation_tsv);
    std::map<std::string, std::string> iso_name;  // alpha-2 or ISO 3166-2 -> iso-codes name
    for (const auto& c : countries) iso_name[c.alpha2] = c.name;
    for (const auto& s : subdivisions) iso_name[s.code] = s.name;

    LocalNamesReport report;
    std::map<std::string, std::optional<GettextCatalog>> catalogs;  // "uk/iso_3166-1"
    const auto catalog = [&](const std::string& lang, const char* domain) -> const GettextCatalog* {
        const std::string key = lang + "/" + domain;
        auto it = catalogs.find(key);
        if (it == catalogs.end()) {
            const auto file = std::filesystem::path(tables.locale_dir) / lang / "LC_MESSAGES" /
                              (std::string(domain) + ".mo");
            std::optional<GettextCatalog> c;
            if (std::filesystem::exists(file))
                c = GettextCatalog::read(file.string());
            else
                report.missing_catalogs.push_back(lang + " " + domain);
            it = catalogs.emplace(key, std::move(c)).first;
        }
        return it->second ? &*it->second : nullptr;
    };

    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << "# Local names: of countries and first-order units, iso-codes' translation of the "
               "ISO 3166 name into the country's language (geodata/local_languages.tsv); of "
               "towns, the GeoNames alternate name whose romanisation (geodata/romanisation.tsv) "
               "is the town's name.\n"
            << "id\tname\n";
        for (const auto& p : places) {
            const auto lang = language.find(p.country);
            if (lang == language.end()) continue;
            if (p.type == gazetteer::PlaceType::place) {
                const auto rom = romanisations.find(lang->second);
                if (rom == romanisations.end() || !p.id.starts_with("geonames:")) continue;
                auto& [towns, named] = report.towns[p.country];
                ++towns;
                const auto local = town_name(p, rom->second);
                if (!local || *local == p.name) continue;
                out << p.id << '\t' << *local << '\n';
                ++named;
                continue;
            }
            const bool country = p.type == gazetteer::PlaceType::admin0;
            if ((!country && p.type != gazetteer::PlaceType::admin1) || p.iso_code.empty())
                continue;
            const auto name = iso_name.find(p.iso_code);
            if (name == iso_name.end()) continue;
            const auto* c = catalog(lang->second, country ? "iso_3166-1" : "iso_3166-2");
            const auto local = c ? c->translate(name->second) : std::nullopt;
            if (!local || *local == name->second) continue;  // untranslated
            out << p.id << '\t' << *local << '\n';
            ++report.named;
        }
        if (!out) throw std::move(IoError("cannot write the local names").in_file(tmp));
    }
    std::filesystem::rename(tmp, path);
    return report;
}

}  // namespace mapwire::geodata::detail
