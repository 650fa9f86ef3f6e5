// Event and figure extraction on the seed article, the control-layer check against the
// fixture's reference figures, and the GeoJSON layers (ogrinfo, geojsonhint, determinism).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;

nlohmann::json extract(std::vector<std::string> extra, const std::string& article) {
    std::vector<std::string> args = {"mapwire", "--data", testing::dataset_dir(), "extract",
                                     article};
    args.insert(args.end(), extra.begin(), extra.end());
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    EXPECT_EQ(code, 0) << err.str();
    return code == 0 ? nlohmann::json::parse(out.str()) : nlohmann::json();
}

const std::string kSeed = testing::shared_dir() + "/seed/article.txt";
const std::string kControl =
    testing::shared_dir() + "/fixtures/territory/occupied-2024-07-08.geojson";

const nlohmann::json* find_event(const nlohmann::json& events, const std::string& actor2_country,
                                 const std::string& type) {
    for (const auto& e : events)
        if (e["type"] == type && e["actor2"]["country"] == actor2_country) return &e;
    return nullptr;
}
const nlohmann::json* find_event_by_actor1(const nlohmann::json& events,
                                           const std::string& actor1_country) {
    for (const auto& e : events)
        if (e["actor1"]["country"] == actor1_country) return &e;
    return nullptr;
}
std::int64_t count_of(const nlohmann::json& e, const std::string& meaning) {
    for (const auto& c : e["counts"])
        if (c["meaning"] == meaning) return c["value"].get<std::int64_t>();
    return -1;
}

TEST(Extract, SeedArticleEvents) {
    const auto j = extract({"--date", "2025-04-09"}, kSeed);
    ASSERT_TRUE(j.contains("events"));
    const auto& events = j["events"];

    const auto* chinese = find_event(events, "CN", "Battles");
    ASSERT_NE(chinese, nullptr) << events.dump(1);
    EXPECT_EQ(count_of(*chinese, "captured"), 2);
    EXPECT_EQ(count_of(*chinese, "engaged"), 6);
    EXPECT_EQ((*chinese)["location"]["id"], "admin1:UA-14");
    EXPECT_EQ((*chinese)["geo_precision"], 2);
    EXPECT_EQ((*chinese)["actor1"]["country"], "UA");
    EXPECT_EQ((*chinese)["actor2"]["side"], "RU");
    EXPECT_EQ((*chinese)["date"]["date"], "2025-04-09");

    const auto* envoy = find_event(events, "CN", "Strategic developments");
    ASSERT_NE(envoy, nullptr);
    EXPECT_EQ((*envoy)["trigger"], "summoned");
    EXPECT_EQ((*envoy)["location"]["name"], "Kyiv");
    EXPECT_EQ((*envoy)["geo_precision"], 1);

    const auto* korean = find_event(events, "KP", "Battles");
    ASSERT_NE(korean, nullptr);
    EXPECT_EQ((*korean)["location"]["id"], "admin1:RU-KRS");
    EXPECT_EQ(count_of(*korean, "captured"), 2);
    EXPECT_EQ((*korean)["date"]["date"], "2025-01-01");
    EXPECT_EQ((*korean)["date"]["precision"], "approximate");

    const auto* deployment = find_event_by_actor1(events, "KP");
    ASSERT_NE(deployment, nullptr);
    EXPECT_EQ((*deployment)["reporting"], "allegation");
    EXPECT_EQ((*deployment)["geo_precision"], 3);  // no more precise than a country
    EXPECT_EQ((*deployment)["location"]["type"], "admin0");
    EXPECT_GE(count_of(*deployment, "deployed"), 1000);

    ASSERT_EQ(j["figures"].size(), 1u);
    const auto& f = j["figures"][0];
    EXPECT_EQ(f["holder"], "RU");
    EXPECT_EQ(f["territory"]["id"], "country:UA");
    EXPECT_EQ(f["stated"]["value"], 20.0);
    EXPECT_EQ(f["stated"]["hedge"], "approximately");
    EXPECT_EQ(f["since"], "2022");
    EXPECT_NEAR(f["stated_km2"].get<double>(), 0.2 * 599094, 100);
    EXPECT_TRUE(f["measured_km2"].is_null());
}

TEST(Extract, ControlLayerMatchesReferenceFigures) {
    const std::string readme = testing::shared_dir() + "/fixtures/territory/README.md";
    const double area = testing::reference_figure(readme, "occupied area");
    const double share = testing::reference_figure(readme, "occupied share of Ukraine");
    ASSERT_GT(area, 0);
    ASSERT_GT(share, 0);
    const auto j = extract({"--date", "2025-04-09", "--control", kControl}, kSeed);
    ASSERT_EQ(j["figures"].size(), 1u);
    const auto& f = j["figures"][0];
    EXPECT_NEAR(f["measured_km2"].get<double>(), area, area * 0.005);
    EXPECT_NEAR(f["measured_share_percent"].get<double>(), share, 0.1);
    EXPECT_NEAR(f["difference_points"].get<double>(), 20.0 - share, 0.1);
}

TEST(Extract, BadDateAndMissingControlLayer) {
    std::ostringstream out, err;
    EXPECT_EQ(cli::run({"mapwire", "--data", testing::dataset_dir(), "extract", kSeed, "--date",
                        "09/04/2025"},
                       out, err),
              static_cast<int>(ExitCode::usage));
    EXPECT_NE(err.str().find("YYYY-MM-DD"), std::string::npos) << err.str();
    std::ostringstream o2, e2;
    EXPECT_EQ(cli::run({"mapwire", "--data", testing::dataset_dir(), "extract", kSeed, "--control",
                        "/nonexistent.gpkg"},
                       o2, e2),
              static_cast<int>(ExitCode::io));
    EXPECT_NE(e2.str().find("/nonexistent.gpkg"), std::string::npos) << e2.str();
}

// A text of several MiB is coded in parts (bounded memory): the events and figures of its
// last part keep offsets into the whole text, and their ids run on from the first part's.
TEST(Extract, LongTextIsCodedInPartsWithOffsetsIntoTheWholeText) {
    const std::string shelling =
        "Russian forces shelled Kupiansk in the Kharkiv region on Tuesday, killing 3 civilians.";
    const std::string figure = "Russia holds about 20% of Ukraine's territory.";
    std::string text = shelling + "\n\n";
    const std::string filler = "The markets were calm and the weather was mild all week.\n\n";
    while (text.size() < (std::size_t{5} << 20) / 2) text += filler;  // 2.5 MiB: three parts
    const std::size_t last_start = text.size();
    text += "Ukrainian troops captured 2 soldiers near Pokrovsk, Donetsk Oblast. " + figure + "\n";
    const fs::path file =
        fs::temp_directory_path() / ("mapwire-long-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(file) << text;
    const auto j = extract({"--date", "2025-03-04"}, file.string());
    fs::remove(file);
    ASSERT_EQ(j["events"].size(), 2u) << j.dump(2);
    const auto& first = j["events"][0];
    const auto& last = j["events"][1];
    EXPECT_EQ(first["id"], "e1");
    EXPECT_EQ(last["id"], "e2");
    EXPECT_EQ(first["location"]["name"], "Kupiansk");
    EXPECT_EQ(last["location"]["name"], "Pokrovsk");
    // ASCII text: code-point offsets are byte offsets.
    const auto start = last["sentence"]["start"].get<std::size_t>();
    const auto end = last["sentence"]["end"].get<std::size_t>();
    EXPECT_EQ(start, last_start);
    EXPECT_EQ(text.substr(start, end - start), last["sentence"]["text"].get<std::string>());
    ASSERT_EQ(j["figures"].size(), 1u);
    EXPECT_EQ(j["figures"][0]["id"], "f1");
    const auto fs0 = j["figures"][0]["sentence"]["start"].get<std::size_t>();
    EXPECT_EQ(text.substr(fs0, figure.size()), figure);
}

using testing::run_tool;

TEST(Extract, GeoJsonLayersAreValidAndDeterministic) {
    const fs::path a =
        fs::temp_directory_path() / ("mapwire-geojson-a-" + std::to_string(::getpid()));
    const fs::path b =
        fs::temp_directory_path() / ("mapwire-geojson-b-" + std::to_string(::getpid()));
    extract({"--date", "2025-04-09", "--control", kControl, "--geojson", a.string()}, kSeed);
    extract({"--date", "2025-04-09", "--control", kControl, "--geojson", b.string()}, kSeed);
    const std::string hint =
        std::string(MAPWIRE_SOURCES_DIR) + "/../tools/node_modules/.bin/geojsonhint";
    ASSERT_TRUE(fs::exists(hint)) << "geojsonhint missing: run scripts/setup.sh";
    for (const char* name :
         {"events.geojson", "places.geojson", "areas.geojson", "figures.geojson"}) {
        const fs::path file = a / name;
        ASSERT_TRUE(fs::exists(file)) << name;
        const std::string text = testing::read_text(file.string());
        EXPECT_EQ(text, testing::read_text((b / name).string())) << name << " differs between runs";
        const auto j = nlohmann::json::parse(text);
        EXPECT_EQ(j["type"], "FeatureCollection");
        EXPECT_FALSE(j.contains("crs"));
        const std::string ogr = run_tool("ogrinfo -ro -al -so '" + file.string() + "'");
        EXPECT_EQ(ogr.find("Warning"), std::string::npos) << ogr;
        EXPECT_EQ(ogr.find("ERROR"), std::string::npos) << ogr;
        EXPECT_EQ(run_tool("'" + hint + "' '" + file.string() + "'"), "") << name;
        // One geometry type per layer (Polygon and MultiPolygon read as one): QGIS asks for no
        // sublayer, and Shapefile takes it.
        std::set<std::string> shapes;
        for (const auto& f : j["features"]) {
            const std::string t = f["geometry"]["type"];
            shapes.insert(t == "MultiPolygon" ? "Polygon" : t);
        }
        EXPECT_LE(shapes.size(), 1u) << name;
        const std::string layer = name;
        if (layer == "places.geojson" || layer == "events.geojson") {
            EXPECT_EQ(shapes, std::set<std::string>{"Point"}) << name;
        } else if (layer == "areas.geojson") {
            EXPECT_EQ(shapes, std::set<std::string>{"Polygon"}) << name;
        }
        // One type per property across all features.
        std::map<std::string, std::string> types;
        for (const auto& f : j["features"])
            for (const auto& [k, v] : f["properties"].items()) {
                if (v.is_null()) continue;
                const std::string t = v.is_number_integer() ? "int"
                                      : v.is_number()       ? "number"
                                                            : v.type_name();
                auto [it, inserted] = types.emplace(k, t);
                if (!inserted && !(it->second == "number" && t == "int") &&
                    !(it->second == "int" && t == "number")) {
                    EXPECT_EQ(it->second, t) << name << " property " << k;
                }
            }
    }
    const std::string events_ogr =
        run_tool("ogrinfo -ro -al -so '" + (a / "events.geojson").string() + "'");
    EXPECT_NE(events_ogr.find("event_date: Date"), std::string::npos) << events_ogr;
    EXPECT_NE(events_ogr.find("captured: Integer"), std::string::npos) << events_ogr;
    fs::remove_all(a);
    fs::remove_all(b);
}

}  // namespace
}  // namespace mapwire
