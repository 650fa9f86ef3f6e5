// The geodata pipeline end to end: an extra GeoNames dump extends the gazetteer, the de facto
// worldview moves Crimea, and the GeoPackage holds every layer.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/cli.hpp"
#include "dataset.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geometry/vector_io.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;

class Pipeline : public ::testing::Test {
protected:
    // Builds a dataset into a fresh folder with the bundled sources plus `extra` arguments.
    static std::string build(const std::string& name, const std::vector<std::string>& extra) {
        const auto args_from_setup = testing::geodata_args();
        if (args_from_setup.empty()) return {};
        const auto out = fs::temp_directory_path() /
                         ("mapwire-pipeline-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(out);
        std::vector<std::string> args = {"mapwire", "geodata"};
        args.insert(args.end(), args_from_setup.begin(), args_from_setup.end());
        args.insert(args.end(), extra.begin(), extra.end());
        args.insert(args.end(), {"--out", out.string()});
        std::ostringstream o, e;
        const int rc = cli::run(args, o, e);
        EXPECT_EQ(rc, 0) << e.str();
        return out.string();
    }
    static void SetUpTestSuite() {
        extended_ = build(
            "extended", {"--geonames", std::string(MAPWIRE_TEST_DATA) + "/geonames/UA-sample.txt"});
    }
    static void TearDownTestSuite() {
        if (!extended_.empty()) fs::remove_all(extended_);
    }
    static std::string extended_;
};
std::string Pipeline::extended_;

TEST_F(Pipeline, ExtraGeoNamesDumpAddsVillages) {
    ASSERT_FALSE(extended_.empty()) << "run scripts/setup.sh first (no geodata-args.txt)";
    const auto g = gazetteer::Gazetteer::open(extended_ + "/gazetteer.idx");
    const auto r = g.lookup("Robotyne");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r[0].place.id, "geonames:99900001");
    EXPECT_EQ(g.place(static_cast<std::uint32_t>(r[0].place.admin1)).iso_code, "UA-23");
    const auto k = g.lookup("Kleshcheyevka");  // an alternate name from the extra file
    ASSERT_FALSE(k.empty());
    EXPECT_EQ(g.place(static_cast<std::uint32_t>(k[0].place.admin1)).iso_code, "UA-14");
    const auto krynky =
        g.lookup("Krynky", {.country = "UA", .type = {}, .prefer_country = {}, .limit = 10});
    ASSERT_FALSE(krynky.empty());
    EXPECT_EQ(g.place(static_cast<std::uint32_t>(krynky[0].place.admin1)).iso_code, "UA-65");
    // Non-populated features (class S) are not places.
    EXPECT_TRUE(g.lookup("Krynky Ferry", {.country = {},
                                          .type = gazetteer::PlaceType::place,
                                          .prefer_country = {},
                                          .limit = 10})
                    .empty() ||
                g.lookup("Krynky Ferry")[0].place.id != "geonames:99900005");
}

TEST_F(Pipeline, LaterRecordReplacesTheSameGeonameid) {
    ASSERT_FALSE(extended_.empty());
    const auto g = gazetteer::Gazetteer::open(extended_ + "/gazetteer.idx");
    int count = 0;
    for (std::uint32_t i = 0; i < g.size(); ++i)
        if (g.place(i).id == "geonames:695357") {
            ++count;
            EXPECT_EQ(g.place(i).population, 18000);
        }
    EXPECT_EQ(count, 1);
}

TEST_F(Pipeline, GeoPackageHoldsAllLayers) {
    ASSERT_FALSE(extended_.empty());
    const auto layers = geometry::layer_names(extended_ + "/mapwire.gpkg");
    for (const char* want :
         {"countries", "admin1", "regions", "places", "land", "ocean", "lakes", "rivers",
          "boundary_lines", "admin1_lines", "populated_places", "metadata"})
        EXPECT_NE(std::find(layers.begin(), layers.end(), want), layers.end()) << want;
    const auto crimea = geometry::read_features(
        extended_ + "/mapwire.gpkg",
        {.layer = "admin1", .encoding = {}, .where = "id = 'admin1:UA-43'"});
    ASSERT_EQ(crimea.size(), 1u);
    EXPECT_EQ(crimea[0].text("country"), "UA");
    EXPECT_EQ(crimea[0].text("occupied_by"), "RU");
    EXPECT_NEAR(crimea[0].geometry().geodesic_area_km2(), crimea[0].number("area_km2"), 1.0);
}

TEST_F(Pipeline, DeFactoWorldviewPutsCrimeaInRussia) {
    const std::string dir = build("defacto", {"--worldview", "de-facto"});
    ASSERT_FALSE(dir.empty());
    const auto g = gazetteer::Gazetteer::open(dir + "/gazetteer.idx");
    const auto crimea = g.find_id("admin1:UA-43");
    ASSERT_TRUE(crimea);
    EXPECT_EQ(crimea->country, "RU");
    EXPECT_TRUE(crimea->occupied_by.empty());
    const auto ua = g.find_id("country:UA");
    const auto de_jure =
        gazetteer::Gazetteer::open(testing::dataset_dir() + "/gazetteer.idx").find_id("country:UA");
    EXPECT_NEAR(ua->area_km2, de_jure->area_km2 - 26346 - 750, 300);
    EXPECT_NE(g.metadata().find("de-facto"), std::string_view::npos);
    fs::remove_all(dir);
}

TEST_F(Pipeline, MissingNaturalEarthFolderIsAClearError) {
    std::ostringstream o, e;
    const int rc = cli::run(
        {"mapwire", "geodata", "--ne-dir", "/nonexistent", "--geonames", "/nonexistent.txt",
         "--out", (fs::temp_directory_path() / "mapwire-never").string()},
        o, e);
    EXPECT_EQ(rc, static_cast<int>(ExitCode::missing_data));
    EXPECT_NE(e.str().find("/nonexistent"), std::string::npos) << e.str();
    EXPECT_NE(e.str().find("hint:"), std::string::npos);
    EXPECT_FALSE(fs::exists(fs::temp_directory_path() / "mapwire-never" / "gazetteer.idx"));
}

}  // namespace
}  // namespace mapwire
