// News-style display names of GeoNames places: a curated table (geodata/place_names.tsv),
// Ukraine's national romanisation for Ukrainian places, the soft-sign rule for Cyrillic
// romanisations, and Romanian's comma-below letters (geodata/settings.tsv).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "gazetteer/index_writer.hpp"

namespace mapwire::geodata::detail {

// The countries each naming rule applies to (settings.tsv).
struct NamingRules {
    std::set<std::string> unmarked;     // unmarked_romanisation: soft signs dropped
    std::set<std::string> comma_below;  // comma_below: Romanian ș ț for cedilla ş ţ
};

class PlaceNames {
public:
    // Reads place_names.tsv (geonameid, name, source). Throws GeodataError naming file:line
    // for an id that is not a number, an empty name or source, or a repeated id.
    static PlaceNames read(const std::string& path, NamingRules rules);

    // Gives `e` (a GeoNames place of id `geonameid`) its display name: the table's, else the
    // rules' for its country (Ukrainian national romanisation, no soft-sign marks, Romanian
    // ș and ț). GeoNames' name stays a name of the place, so that a text
    // spelling it that way still finds it.
    void apply(gazetteer::PlaceEntry& e, std::int64_t geonameid) const;

private:
    static std::string national_name(const gazetteer::PlaceEntry& e);
    std::map<std::int64_t, std::string> names_;
    NamingRules rules_;
};

// Romanian's comma-below letters for the cedilla ones that older encodings wrote
// ("Iaşi" -> "Iași", "Timişoara" -> "Timișoara").
std::string with_comma_below(const std::string& name);

// A Ukrainian name (Cyrillic with є, і, ї or ґ) in Ukraine's national romanisation of 2010
// ("Запоріжжя" -> "Zaporizhzhia", "Миколаїв" -> "Mykolaiv"); "" for any other text.
std::string ukrainian_romanisation(std::string_view name);

// The name without the marks BGN romanisation writes for soft and hard signs (’ ʹ ʼ ʺ ').
std::string without_soft_signs(const std::string& name);

}  // namespace mapwire::geodata::detail
