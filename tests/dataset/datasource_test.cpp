// The layers upserted into a datasource (`map --datasource`): a rerun replaces its document's
// rows, in a GeoPackage always and in a real PostgreSQL + PostGIS server when scripts/test.sh
// started one (MAPWIRE_TEST_PG); a datasource that refuses is named and nothing is written.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;
using testing::run_tool;

const std::string kExamples = MAPWIRE_SOURCE_DIR "/examples";

struct DatasourceRun {
    int code;
    std::string out, err;
};

// `mapwire map` of an example article into OUT (SVG only: the layers are what is tested).
DatasourceRun map_into(const std::string& article, const std::string& date, const fs::path& out,
                       const std::string& datasource) {
    std::vector<std::string> args = {"mapwire",
                                     "--data",
                                     testing::dataset_dir(),
                                     "map",
                                     kExamples + "/" + article,
                                     "--date",
                                     date,
                                     "--out",
                                     out,
                                     "--formats",
                                     "svg",
                                     "--datasource",
                                     datasource};
    std::ostringstream o, e;
    const int code = cli::run(args, o, e);
    return {code, o.str(), e.str()};
}

// Features of a GeoJSON layer the run wrote beside its map.
std::size_t features(const fs::path& geojson) {
    return nlohmann::json::parse(testing::read_text(geojson.string()))["features"].size();
}

// "doc_id=count" lines for a layer, in doc_id order, via ogrinfo's SQL on the datasource.
std::string counts(const std::string& datasource, const std::string& layer) {
    const std::string sql =
        "SELECT doc_id, COUNT(*) AS n FROM " + layer + " GROUP BY doc_id ORDER BY doc_id";
    const std::string info = run_tool("ogrinfo -q '" + datasource + "' -sql '" + sql + "'");
    static const std::regex row(R"(doc_id \(String\) = (\S+)\s+n \(Integer(?:64)?\) = (\d+))");
    std::string out;
    for (std::sregex_iterator it(info.begin(), info.end(), row), end; it != end; ++it)
        out += (*it)[1].str() + "=" + (*it)[2].str() + "\n";
    return out.empty() ? info : out;
}

class DatasourceRuns : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::path(MAPWIRE_TEST_OUTPUT) / ("datasource-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Two articles, then the first again: each document's rows once, as many as its layer.
    void two_articles_and_a_rerun(const std::string& ds) {
        ASSERT_EQ(map_into("article-kharkiv.txt", "2025-03-03", dir_ / "a", ds).code, 0);
        const DatasourceRun sudan = map_into("article-sudan.txt", "2025-05-06", dir_ / "b", ds);
        ASSERT_EQ(sudan.code, 0) << sudan.err;
        const DatasourceRun again = map_into("article-kharkiv.txt", "2025-03-03", dir_ / "c", ds);
        ASSERT_EQ(again.code, 0) << again.err;
        EXPECT_EQ(nlohmann::json::parse(again.out)["datasource"]["doc_id"], "article-kharkiv");
        for (const char* layer : {"events", "places", "areas", "figures"}) {
            std::string want;
            const std::size_t k = features(dir_ / "c" / (std::string(layer) + ".geojson"));
            const std::size_t s = features(dir_ / "b" / (std::string(layer) + ".geojson"));
            if (k) want += "article-kharkiv=" + std::to_string(k) + "\n";
            if (s) want += "article-sudan=" + std::to_string(s) + "\n";
            EXPECT_EQ(counts(ds, layer), want) << layer;
        }
    }
    fs::path dir_;
};

TEST_F(DatasourceRuns, GeoPackageRerunReplacesTheDocumentsRows) {
    two_articles_and_a_rerun((dir_ / "all.gpkg").string());
}

TEST_F(DatasourceRuns, RefusedConnectionIsNamedWithoutItsPasswordAndNothingIsWritten) {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const std::string ds = "PG:dbname=news host=127.0.0.1 port=1 user=u password=hunter2";
    const DatasourceRun r = map_into("article-sudan.txt", "2025-05-06", dir_ / "m", ds);
    EXPECT_EQ(r.code, 6);
    EXPECT_NE(r.err.find("PG:dbname=news host=127.0.0.1 port=1 user=u password=***"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cannot open the datasource for writing"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "m")) << "a map whose datasource refused was written";
}

TEST_F(DatasourceRuns, NoNewDatasourceOfAFormatWithoutTransactions) {
    const DatasourceRun r =
        map_into("article-sudan.txt", "2025-05-06", dir_ / "m", (dir_ / "all.shp").string());
    EXPECT_EQ(r.code, 6);
    EXPECT_NE(r.err.find("no such datasource"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "m"));
}

// A configuration's `datasource` (in defaults) and `doc_id`: two maps of one article as two
// documents, then a rerun of the whole configuration changes no count.
TEST_F(DatasourceRuns, ConfigurationWritesEachMapAsItsDocument) {
    fs::copy_file(kExamples + "/article-sudan.txt", dir_ / "article-sudan.txt");
    std::ofstream(dir_ / "maps.yaml")
        << "output_dir: out\n"
           "defaults: {formats: [svg, geojson], datasource: all.gpkg}\n"
           "maps:\n"
           "  - {name: a, article: article-sudan.txt, date: 2025-05-06}\n"
           "  - {name: b, article: article-sudan.txt, date: 2025-05-06, doc_id: sudan-copy}\n";
    const std::vector<std::string> args = {
        "mapwire", "--data", testing::dataset_dir(), "render", (dir_ / "maps.yaml").string(),
        "--jobs",  "2"};
    for (int run = 0; run < 2; ++run) {
        std::ostringstream o, e;
        ASSERT_EQ(cli::run(args, o, e), 0) << e.str();
    }
    const std::string n = std::to_string(features(dir_ / "out" / "a" / "events.geojson"));
    EXPECT_EQ(counts((dir_ / "all.gpkg").string(), "events"),
              "article-sudan=" + n + "\nsudan-copy=" + n + "\n");
}

// A real PostgreSQL with PostGIS: scripts/test.sh starts one on loopback and exports its
// connection string.
TEST_F(DatasourceRuns, PostGisRerunUpdatesRowsWithDeclaredTypes) {
    const char* pg = std::getenv("MAPWIRE_TEST_PG");
    if (!pg || !*pg)
        GTEST_SKIP() << "MAPWIRE_TEST_PG is not set: no PostgreSQL + PostGIS server to write to "
                        "(scripts/test.sh starts one)";
    const std::string ds = pg;
    const std::string ping = run_tool("ogrinfo -q '" + ds + "' -sql 'SELECT postgis_version()'");
    if (ping.find("(exit") != std::string::npos)
        GTEST_SKIP() << "the PostGIS server of MAPWIRE_TEST_PG does not answer: " << ping;
    for (const char* t : {"events", "places", "areas", "figures"})
        run_tool("ogrinfo -q '" + ds + "' -sql 'DROP TABLE IF EXISTS " + t + "'");
    two_articles_and_a_rerun(ds);

    const std::string events = run_tool("ogrinfo -so '" + ds + "' events");
    for (const char* field :
         {"doc_id: String", "id: String", "event_date: Date", "killed: Integer64",
          "time_precision: Integer64", "latitude: Real", "counts_approximate: Integer(Boolean)"})
        EXPECT_NE(events.find(field), std::string::npos) << field << "\n" << events;
    EXPECT_NE(events.find("Geometry: Point"), std::string::npos) << events;
    const std::string srid = run_tool("ogrinfo -q '" + ds +
                                      "' -sql 'SELECT DISTINCT ST_SRID(wkb_geometry) AS srid, "
                                      "GeometryType(wkb_geometry) AS kind FROM events'");
    EXPECT_NE(srid.find("srid (Integer) = 4326"), std::string::npos) << srid;
    EXPECT_NE(srid.find("kind (String) = POINT"), std::string::npos) << srid;
    EXPECT_EQ(srid.find("srid (Integer)"), srid.rfind("srid (Integer)")) << "one kind only";
    const std::string areas = run_tool("ogrinfo -so '" + ds + "' areas");
    EXPECT_NE(areas.find("Geometry: Multi Polygon"), std::string::npos) << areas;
    EXPECT_NE(areas.find("area_km2: Real"), std::string::npos) << areas;
}

}  // namespace
}  // namespace mapwire
