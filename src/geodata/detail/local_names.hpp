// Local names (endonyms in their own script): of countries and first-order units from the
// translations Debian's iso-codes ships as gettext catalogs, in each country's language; of
// towns from their GeoNames alternate names, told apart by romanisation (romanisation.hpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gazetteer/index_writer.hpp"
#include "geodata/detail/tables.hpp"

namespace mapwire::geodata::detail {

// A compiled gettext catalog (.mo). Read by hand: libintl finds translations only through the
// process's locale, and no library in Debian reads a catalog file as data. Throws
// GeodataError naming the file when it is not a catalog.
class GettextCatalog {
public:
    static GettextCatalog read(const std::string& path);
    std::optional<std::string> translate(const std::string& msgid) const;

private:
    std::map<std::string, std::string> messages_;
};

struct LocalNamesReport {
    std::size_t named = 0;  // countries and units given a local name
    // Per country with a romanisation of its language: towns, and those given a local name.
    std::map<std::string, std::pair<std::size_t, std::size_t>> towns;
    std::vector<std::string> missing_catalogs;  // "uk iso_3166-2" where iso-codes has none
};

// The curated tables local names are chosen by (geodata/).
struct LocalNameTables {
    std::string languages_tsv;     // local_languages.tsv
    std::string romanisation_tsv;  // romanisation.tsv
    std::string locale_dir;        // holds LANG/LC_MESSAGES/iso_3166-1.mo and iso_3166-2.mo
};

// Writes `path` (id<TAB>local name, the file gazetteer::PlaceNaming reads) for the places
// whose country local_languages.tsv lists: countries and units by iso-codes' catalogs; towns
// (GeoNames places) by local_town_name where romanisation.tsv has the language. cities500
// lists alternate names without their language, so a town whose name in its language does
// not romanise to its GeoNames name keeps its English name (never a guess between Київ and
// Киев).
LocalNamesReport write_local_names(const std::vector<gazetteer::PlaceEntry>& places,
                                   const std::vector<IsoCountry>& countries,
                                   const std::vector<IsoSubdivision>& subdivisions,
                                   const LocalNameTables& tables, const std::string& path);

}  // namespace mapwire::geodata::detail
