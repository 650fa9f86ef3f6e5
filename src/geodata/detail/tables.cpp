// TSV tables and iso-codes JSON, with errors that name the file and line.
#include "geodata/detail/tables.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "geodata/build.hpp"

namespace mapwire::geodata::detail {

const std::string& TableRow::operator[](const std::string& column) const {
    static const std::string none;
    auto it = cells.find(column);
    return it == cells.end() ? none : it->second;
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    out.push_back(cur);
    return out;
}

std::vector<TableRow> read_table(const std::string& path,
                                 const std::vector<std::string>& required) {
    std::ifstream in(path);
    if (!in) throw std::move(IoError("cannot open table").in_file(path));
    std::vector<std::string> header;
    std::vector<TableRow> rows;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        auto cells = split(line, '\t');
        if (header.empty()) {
            header = cells;
            for (const auto& r : required)
                if (std::find(header.begin(), header.end(), r) == header.end())
                    throw std::move(
                        GeodataError("table has no column '" + r + "'").in_file(path).at(n));
            continue;
        }
        if (cells.size() != header.size())
            throw std::move(GeodataError("expected " + std::to_string(header.size()) +
                                         " tab-separated columns, found " +
                                         std::to_string(cells.size()))
                                .in_file(path)
                                .at(n));
        TableRow row;
        row.line = n;
        for (std::size_t i = 0; i < header.size(); ++i) row.cells[header[i]] = cells[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

namespace {

nlohmann::json read_json(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::move(
            IoError("cannot open iso-codes file", "install the iso-codes package").in_file(path));
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw std::move(GeodataError(std::string("invalid JSON: ") + e.what()).in_file(path));
    }
}

std::string get(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::vector<IsoCountry> read_iso_countries(const std::string& dir) {
    const auto j = read_json(dir + "/iso_3166-1.json");
    std::vector<IsoCountry> out;
    for (const auto& e : j.at("3166-1"))
        out.push_back({get(e, "alpha_2"), get(e, "alpha_3"), get(e, "numeric"), get(e, "name"),
                       get(e, "official_name"), get(e, "common_name")});
    return out;
}

std::vector<IsoSubdivision> read_iso_subdivisions(const std::string& dir) {
    const auto j = read_json(dir + "/iso_3166-2.json");
    std::vector<IsoSubdivision> out;
    for (const auto& e : j.at("3166-2")) {
        IsoSubdivision s{get(e, "code"), get(e, "name"), get(e, "type"), {}, get(e, "parent")};
        s.country = s.code.substr(0, 2);
        // iso-codes writes most parents without the country ("25" for IT-25), a few with it
        // ("GB-ENG"): one form, the full code.
        if (!s.parent.empty() && s.parent.find('-') == std::string::npos)
            s.parent = s.country + "-" + s.parent;
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace mapwire::geodata::detail
