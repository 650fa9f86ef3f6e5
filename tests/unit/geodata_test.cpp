// The pipeline's readers: GeoNames dumps and curated tables, with errors naming file:line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "geodata/build.hpp"
#include "geodata/detail/geonames.hpp"
#include "geodata/detail/tables.hpp"

namespace mapwire::geodata {

const std::string kData = MAPWIRE_TEST_DATA;

TEST(GeoNamesReader, ReadsAllColumns) {
    std::vector<detail::GeoNamesRecord> records;
    detail::read_geonames(kData + "/geonames/UA-sample.txt",
                          [&](auto&& r) { records.push_back(std::move(r)); });
    ASSERT_EQ(records.size(), 6u);
    const auto& robotyne = records[0];
    EXPECT_EQ(robotyne.geonameid, 99900001);
    EXPECT_EQ(robotyne.name, "Robotyne");
    EXPECT_NEAR(robotyne.lat, 47.4456, 1e-9);
    EXPECT_NEAR(robotyne.lon, 35.8387, 1e-9);
    EXPECT_EQ(robotyne.feature_class, "P");
    EXPECT_EQ(robotyne.country_code, "UA");
    EXPECT_EQ(robotyne.admin1_code, "26");
    EXPECT_EQ(robotyne.population, 480);
    EXPECT_EQ(robotyne.timezone, "Europe/Kyiv");
    ASSERT_EQ(robotyne.alternate_names.size(), 3u);
    EXPECT_EQ(robotyne.alternate_names[1], "Работино");
    EXPECT_EQ(records[4].feature_class, "S");
}

TEST(GeoNamesReader, ShortLineIsAnErrorWithItsLineNumber) {
    try {
        detail::read_geonames(kData + "/geonames/malformed.txt", [](auto&&) {});
        FAIL() << "expected GeodataError";
    } catch (const GeodataError& e) {
        EXPECT_EQ(e.context().line, 2);
        EXPECT_NE(e.message().find("found 18"), std::string::npos) << e.message();
        EXPECT_NE(e.describe().find("malformed.txt:2"), std::string::npos);
    }
}

TEST(GeoNamesReader, CoordinatesOutOfRangeAreAnError) {
    try {
        detail::read_geonames(kData + "/geonames/bad-coordinates.txt", [](auto&&) {});
        FAIL() << "expected GeodataError";
    } catch (const GeodataError& e) {
        EXPECT_EQ(e.context().line, 1);
        EXPECT_NE(e.message().find("148.54140"), std::string::npos);
    }
}

TEST(Tables, RowsAndErrors) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("mapwire-tables-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto good = (dir / "good.tsv").string();
    std::ofstream(good) << "# comment\nid\tname\nA\tAlpha\nB\tBeta\n";
    const auto rows = detail::read_table(good, {"id", "name"});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1]["name"], "Beta");
    EXPECT_EQ(rows[1].line, 4);
    const auto bad = (dir / "bad.tsv").string();
    std::ofstream(bad) << "id\tname\nA\tAlpha\textra\n";
    try {
        detail::read_table(bad, {"id"});
        FAIL();
    } catch (const GeodataError& e) {
        EXPECT_EQ(e.context().line, 2);
    }
    EXPECT_THROW(detail::read_table(good, {"missing_column"}), GeodataError);
    std::filesystem::remove_all(dir);
}

TEST(Tables, CuratedTablesOfTheRepositoryParse) {
    const std::string dir = std::string(MAPWIRE_TEST_DATA) + "/../../geodata";
    EXPECT_GE(detail::read_table(dir + "/countries.tsv",
                                 {"alpha2", "preferred_name", "aliases", "demonyms", "source"})
                  .size(),
              60u);
    const auto admin1 =
        detail::read_table(dir + "/admin1.tsv", {"ne_country", "ne_name", "iso_3166_2", "source"});
    EXPECT_GE(admin1.size(), 27u);
    for (const auto& r : admin1) EXPECT_FALSE(r["source"].empty()) << "admin1.tsv:" << r.line;
    EXPECT_GE(detail::read_table(dir + "/regions.tsv", {"id", "name", "members", "source"}).size(),
              10u);
    EXPECT_EQ(
        detail::read_table(dir + "/worldview.tsv", {"iso_3166_2", "de_jure", "de_facto"}).size(),
        2u);
}

}  // namespace mapwire::geodata
