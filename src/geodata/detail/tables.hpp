// Readers for the small text inputs of the pipeline: curated TSV tables and iso-codes JSON.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace mapwire::geodata::detail {

// A TSV table with a header row; lines starting with '#' are comments.
struct TableRow {
    int line = 0;
    std::map<std::string, std::string> cells;
    const std::string& operator[](const std::string& column) const;
};

// Throws GeodataError naming file:line when a row has the wrong number of columns or a
// required column is missing.
std::vector<TableRow> read_table(const std::string& path, const std::vector<std::string>& required);

std::vector<std::string> split(const std::string& text, char sep);

struct IsoCountry {
    std::string alpha2, alpha3, numeric, name, official_name, common_name;
};
struct IsoSubdivision {
    std::string code, name, type, country, parent;  // parent: e.g. GB-ENG
};

std::vector<IsoCountry> read_iso_countries(const std::string& iso_codes_dir);
std::vector<IsoSubdivision> read_iso_subdivisions(const std::string& iso_codes_dir);

}  // namespace mapwire::geodata::detail
