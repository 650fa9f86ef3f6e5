// A streaming parser of the GeoNames dump format; strict, because a shifted column would
// silently put places in the wrong country.
#include "geodata/detail/geonames.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <string_view>

#include "geodata/build.hpp"
#include "geodata/detail/tables.hpp"
#include "text/utf8.hpp"

namespace mapwire::geodata::detail {
namespace {

template <typename T>
bool parse_number(std::string_view s, T& out) {
    if (s.empty()) return false;
    const auto* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc() && p == end;
}

}  // namespace

FeatureRules FeatureRules::read(const std::string& path) {
    static const std::map<std::string, FeatureUse> uses = {{"place", FeatureUse::place},
                                                           {"country", FeatureUse::country},
                                                           {"admin1", FeatureUse::admin1},
                                                           {"area", FeatureUse::area},
                                                           {"skip", FeatureUse::skip}};
    FeatureRules rules;
    for (const auto& r : read_table(path, {"feature_class", "feature_code", "use", "source"})) {
        auto it = uses.find(r["use"]);
        if (it == uses.end() || r["feature_class"].empty() || r["feature_code"].empty())
            throw std::move(GeodataError("bad rule: class '" + r["feature_class"] + "', code '" +
                                             r["feature_code"] + "', use '" + r["use"] + "'",
                                         ExitCode::bad_input,
                                         "give a class, a code or *, and one of place, country, "
                                         "admin1, area, skip")
                                .in_file(path)
                                .at(r.line));
        if (!rules.rules_.emplace(std::pair{r["feature_class"], r["feature_code"]}, it->second)
                 .second)
            throw std::move(GeodataError("rule for " + r["feature_class"] + "." +
                                         r["feature_code"] + " given twice")
                                .in_file(path)
                                .at(r.line));
    }
    return rules;
}

FeatureUse FeatureRules::use(const std::string& feature_class,
                             const std::string& feature_code) const {
    if (auto it = rules_.find({feature_class, feature_code}); it != rules_.end()) return it->second;
    if (auto it = rules_.find({feature_class, "*"}); it != rules_.end()) return it->second;
    return FeatureUse::skip;
}

void read_geonames(const std::string& path, const std::function<void(GeoNamesRecord&&)>& sink) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::move(IoError("cannot open GeoNames file").in_file(path));
    // A row is a few kilobytes at most (its alternate names); a longer line is no dump (a
    // device, a binary file) and must not grow without bound.
    constexpr std::size_t kMaxLine = std::size_t{1} << 20;
    std::vector<char> buffer(kMaxLine + 1);
    std::string line;
    int n = 0;
    std::vector<std::string_view> cols;
    while (true) {
        in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (in.fail() && !in.eof() && got == kMaxLine)
            throw std::move(GeodataError("line " + std::to_string(n + 1) +
                                             " is longer than 1 MiB: this is not a GeoNames dump",
                                         ExitCode::bad_input,
                                         "give a GeoNames text dump (allCountries.txt, UA.txt, "
                                         "cities500.txt) from download.geonames.org/export/dump")
                                .in_file(path)
                                .at(n + 1));
        if (got == 0 && (in.fail() || in.eof())) break;
        // gcount counts the newline that getline took out of the stream.
        const bool newline = !in.eof() && !in.fail();
        line.assign(buffer.data(), newline ? got - 1 : got);
        in.clear(in.rdstate() & std::ios::eofbit);
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        // Names reach SVG, KML and GeoPackage text: UTF-8 (as GeoNames writes it), and what
        // XML cannot hold (a control character) replaced; tabs are the column separators.
        if (const auto bad = text::find_invalid_utf8(line))
            throw std::move(
                GeodataError("not UTF-8 at byte " + std::to_string(*bad + 1) + " of the line",
                             ExitCode::bad_input,
                             "GeoNames dumps are UTF-8; convert the file with iconv")
                    .in_file(path)
                    .at(n));
        text::replace_unwritable(line);
        cols.clear();
        std::size_t start = 0;
        for (std::size_t i = 0; i <= line.size(); ++i) {
            if (i == line.size() || line[i] == '\t') {
                cols.emplace_back(line.data() + start, i - start);
                start = i + 1;
            }
        }
        auto fail = [&](const std::string& why) {
            return std::move(GeodataError(why, ExitCode::bad_input,
                                          "GeoNames dumps have 19 tab-separated columns; see "
                                          "the readme.txt that comes with the dump")
                                 .in_file(path)
                                 .at(n));
        };
        if (cols.size() != 19)
            throw fail("expected 19 tab-separated columns, found " + std::to_string(cols.size()));
        GeoNamesRecord r;
        if (!parse_number(cols[0], r.geonameid))
            throw fail("geonameid is not a number: '" + std::string(cols[0]) + "'");
        if (!parse_number(cols[4], r.lat) || !parse_number(cols[5], r.lon) ||
            !std::isfinite(r.lat) || !std::isfinite(r.lon) || std::fabs(r.lat) > 90 ||
            std::fabs(r.lon) > 180)
            throw fail("latitude/longitude out of range: '" + std::string(cols[4]) + "', '" +
                       std::string(cols[5]) + "'");
        r.name = cols[1];
        r.asciiname = cols[2];
        if (!cols[3].empty()) r.alternate_names = split(std::string(cols[3]), ',');
        r.feature_class = cols[6];
        r.feature_code = cols[7];
        r.country_code = cols[8];
        r.admin1_code = cols[10];
        if (!cols[14].empty() && (!parse_number(cols[14], r.population) || r.population < 0))
            throw fail("population is not a number of people: '" + std::string(cols[14]) + "'");
        r.timezone = cols[17];
        sink(std::move(r));
    }
}

}  // namespace mapwire::geodata::detail
