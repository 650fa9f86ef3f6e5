// `mapwire render` over an event table: a generated archive extracted with `extract --ndjson`,
// mapped by hexagon and by admin-1 unit; the cells' counts add up to the located events, the
// outputs are byte-identical on rerun, a GeoPackage of the same events gives the same
// aggregate, the date filter keeps what it says, and a bad line is named.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Result {
    int code;
    std::string out, err;
};

Result run(std::vector<std::string> args) {
    args.insert(args.begin(), {"mapwire", "--data", testing::dataset_dir()});
    std::ostringstream o, e;
    const int code = cli::run(args, o, e);
    return {code, o.str(), e.str()};
}

// A small archive: wire items naming towns, units and a country, over three months of 2025.
std::string archive_items() {
    const char* towns[] = {"Kharkiv", "Pokrovsk", "Kherson", "Sumy", "Izium", "Kupiansk", "Odesa"};
    const char* forms[] = {
        "Russian forces shelled %s on Monday, killing %d civilians, officials said.",
        "A drone strike on %s injured %d people overnight.",
        "Ukrainian troops clashed with Russian units near %s, the General Staff said.",
    };
    std::string out;
    char text[256];
    for (int i = 0; i < 240; ++i) {
        std::snprintf(text, sizeof text, forms[i % 3], towns[i % 7], 2 + i % 11);
        std::string t = text;
        if (i % 40 == 7) t = "Russian missiles struck Donetsk Oblast, killing 4 people.";
        if (i % 40 == 9) t = "Shelling killed 3 civilians in Ukraine on Tuesday.";
        char date[16];
        std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + i % 3, 1 + i % 28);
        out += json({{"id", i}, {"text", t}, {"date", date}}).dump() + "\n";
    }
    return out;
}

const char* kMaps = R"(output_dir: out
defaults: {size: 1200x800, dpi: 96, formats: [png, svg, gpkg]}
maps:
  - {name: hex, events: events.ndjson, aggregate: {by: hexagon, size_km: 25}}
  - {name: units, events: events.ndjson, aggregate: {by: admin1, classes: 4}}
  - {name: web, events: events.ndjson, aggregate: {by: admin1, classes: 4}, formats: [html]}
  - {name: points, events: events.ndjson, from: 2025-02-01, to: 2025-02-28}
  - {name: months, events: events.ndjson, from: 2025-01-01, to: 2025-03-31, formats: [png],
     aggregate: {by: admin1}, series: {each: month}}
)";

class ArchiveMap : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::path(MAPWIRE_TEST_OUTPUT) / "archive";
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        std::ofstream(dir_ / "items.ndjson") << archive_items();
        const auto r = run({"extract", "--ndjson", (dir_ / "items.ndjson").string()});
        ASSERT_EQ(r.code, 0) << r.err;
        std::ofstream(dir_ / "events.ndjson") << r.out;
        maps_ = render(kMaps, "maps");  // once: the tests read its maps and its summary
    }
    static fs::path dir_;
    static Result maps_;

    // The table's events, as extract wrote them.
    static std::vector<json> table_events() {
        std::vector<json> all;
        std::ifstream in(dir_ / "events.ndjson");
        for (std::string line; std::getline(in, line);) {
            const json record = json::parse(line);  // kept: the loop reads into it
            for (const auto& e : record["events"]) all.push_back(e);
        }
        return all;
    }
    static Result render(const std::string& yaml, const std::string& name) {
        std::ofstream(dir_ / (name + ".yaml")) << yaml;
        return run({"render", (dir_ / (name + ".yaml")).string(), "--jobs", "1"});
    }
    static std::int64_t total_count(const fs::path& geojson) {
        std::int64_t n = 0;
        const json cells = json::parse(testing::read_text(geojson.string()));
        for (const auto& f : cells["features"]) n += f["properties"]["count"].get<std::int64_t>();
        return n;
    }
};
fs::path ArchiveMap::dir_;
Result ArchiveMap::maps_;

TEST_F(ArchiveMap, CellCountsAddUpToTheLocatedEvents) {
    const auto& r = maps_;
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("rendered 7 of 7 maps"), std::string::npos) << r.out;
    std::int64_t located = 0, country_only = 0, no_unit = 0;
    for (const auto& e : table_events()) {
        if (e["location"].is_null()) continue;
        ++located;
        const std::string type = e["location"]["type"];
        if (type == "admin0" || type == "region") ++country_only;
        if (type != "admin1" && e["location"]["admin1"].is_null()) ++no_unit;
    }
    ASSERT_GT(located, 200);
    ASSERT_GT(country_only, 0);  // the items about "Ukraine" alone
    const fs::path out = dir_ / "out";
    EXPECT_EQ(total_count(out / "hex" / "aggregate.geojson") + country_only, located);
    EXPECT_EQ(total_count(out / "units" / "aggregate.geojson") + no_unit, located);
    // What no cell takes is said, with its number.
    EXPECT_NE(r.out.find("hex: " + std::to_string(country_only) +
                         " events known only to a country or a region: in no cell"),
              std::string::npos)
        << r.out;
    // The legend names the classes; the SVG has the layer.
    const std::string svg = testing::read_text((out / "hex" / "map.svg").string());
    EXPECT_NE(svg.find("Events per 25 km hexagon: 1"), std::string::npos);
    EXPECT_NE(svg.find("inkscape:label=\"Events counted per cell\""), std::string::npos);
    // A series by month: one map each, the month's events only.
    for (const char* m : {"months-2025-01", "months-2025-02", "months-2025-03"})
        EXPECT_TRUE(fs::exists(out / m / "map.png")) << m;
}

TEST_F(ArchiveMap, DateFilterKeepsTheDaysItSays) {
    const auto& r = maps_;
    ASSERT_EQ(r.code, 0) << r.out;
    std::size_t february = 0, all = 0;
    for (const auto& e : table_events()) {
        ++all;
        const auto& d = e["date"]["date"];
        if (d.is_string() && d.get<std::string>() >= "2025-02-01" &&
            d.get<std::string>() <= "2025-02-28")
            ++february;
    }
    EXPECT_NE(r.out.find("points: " + std::to_string(february) + " events of the table's " +
                         std::to_string(all) + " mapped (from 2025-02-01 to 2025-02-28)"),
              std::string::npos)
        << r.out;
}

TEST_F(ArchiveMap, RerunAndGeoPackageGiveTheSameBytes) {
    ASSERT_EQ(maps_.code, 0) << maps_.out;
    const fs::path out = dir_ / "out";
    const std::string png = testing::read_text((out / "units" / "map.png").string());
    const std::string cells = testing::read_text((out / "units" / "aggregate.geojson").string());
    ASSERT_EQ(render(kMaps, "maps").code, 0);
    EXPECT_EQ(testing::read_text((out / "units" / "map.png").string()), png);
    EXPECT_EQ(testing::read_text((out / "units" / "aggregate.geojson").string()), cells);
    // The events layer the table map wrote, read back as a table, counts the same.
    fs::copy_file(out / "units" / "map.gpkg", dir_ / "events.gpkg",
                  fs::copy_options::overwrite_existing);
    const auto r = render(R"(output_dir: out-gpkg
maps:
  - {name: units, events: events.gpkg, aggregate: {by: admin1, classes: 4}, formats: [png],
     size: 1200x800, dpi: 96}
)",
                          "gpkg");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(testing::read_text((dir_ / "out-gpkg" / "units" / "aggregate.geojson").string()),
              cells);
    EXPECT_EQ(testing::read_text((dir_ / "out-gpkg" / "units" / "map.png").string()), png);
}

TEST_F(ArchiveMap, ABadLineIsNamedWithItsField) {
    std::string table = testing::read_text((dir_ / "events.ndjson").string());
    const auto second = table.find('\n') + 1;
    const auto at = table.find("\"geo_precision\":", second);
    ASSERT_NE(at, std::string::npos);
    table.replace(at, std::string("\"geo_precision\":").size(), "\"geo_precision\":\"x\",\"y\":");
    std::ofstream(dir_ / "bad.ndjson") << table;
    const auto r = render(
        "output_dir: out-bad\nmaps:\n  - {name: bad, events: bad.ndjson, formats: [png]}\n", "bad");
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.out.find("bad.ndjson:2: 'events[0].geo_precision' must be a whole number"),
              std::string::npos)
        << r.out;
    EXPECT_FALSE(fs::exists(dir_ / "out-bad" / "bad"));
}

// A number beyond a double is named as such: the table's scanner leaves such a line to
// nlohmann, whose out_of_range says what it is (not "not a JSON object", nor a silent 0).
TEST_F(ArchiveMap, ANumberBeyondADoubleIsNamed) {
    std::string table = testing::read_text((dir_ / "events.ndjson").string());
    table.insert(table.find('\n') + 2, "\"n\":1e400,");  // inside the second line's object
    std::ofstream(dir_ / "huge.ndjson") << table;
    const auto r = render(
        "output_dir: out-huge\nmaps:\n  - {name: huge, events: huge.ndjson, formats: [png]}\n",
        "huge");
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.out.find("huge.ndjson:2: the line holds a number beyond a double's range"),
              std::string::npos)
        << r.out;
    EXPECT_FALSE(fs::exists(dir_ / "out-huge" / "huge"));
}

TEST_F(ArchiveMap, WebMapDrawsTheCellsOfEveryClass) {
    // The page carries the cells per class (packed paths) and a fill per class, as the
    // static map draws them; a page without them showed the base map alone.
    ASSERT_EQ(maps_.code, 0) << maps_.err;
    const std::string page = testing::read_text((dir_ / "out" / "web" / "map.html").string());
    const auto at = page.find("\"aggregate\":[");
    ASSERT_NE(at, std::string::npos);
    const auto end = page.find("],\"user\":", at);
    ASSERT_NE(end, std::string::npos);
    const std::string classes = page.substr(at, end - at);
    EXPECT_NE(classes.find("[[["), std::string::npos) << classes.substr(0, 200);
    EXPECT_EQ(classes.find("[]"), std::string::npos) << "a class without cells";
    const auto fills = page.find("\"aggregate_fills\":[");
    ASSERT_NE(fills, std::string::npos);
    const std::string list = page.substr(fills, page.find(']', fills) - fills);
    // A fill per class (breaks may merge classes of equal bounds): quoted strings after the key.
    const auto quoted = std::count(list.begin(), list.end(), '"') / 2 - 1;
    EXPECT_GE(quoted, 2) << list;
}

}  // namespace
}  // namespace mapwire
