// Local names (endonyms in their own script) of countries and first-order units, from the
// translations Debian's iso-codes ships as gettext catalogs, in each country's language.
#pragma once

#include <map>
#include <optional>
#include <string>
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
    std::size_t named = 0;                      // places given a local name
    std::vector<std::string> missing_catalogs;  // "uk iso_3166-2" where iso-codes has none
};

// Writes `path` (id<TAB>local name, the file gazetteer::PlaceNaming reads) for the countries
// and units of `places` whose country local_languages.tsv lists; `locale_dir` holds
// LANG/LC_MESSAGES/iso_3166-1.mo and iso_3166-2.mo. Towns keep their English names: cities500
// lists alternate names without their language, so an endonym cannot be told from other
// languages' spellings (Київ from Киев).
LocalNamesReport write_local_names(const std::vector<gazetteer::PlaceEntry>& places,
                                   const std::vector<IsoCountry>& countries,
                                   const std::vector<IsoSubdivision>& subdivisions,
                                   const std::string& languages_tsv, const std::string& locale_dir,
                                   const std::string& path);

}  // namespace mapwire::geodata::detail
