// The pipeline's readers: GeoNames dumps and curated tables, with errors naming file:line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "geodata/build.hpp"
#include "geodata/detail/geonames.hpp"
#include "geodata/detail/iso_names.hpp"
#include "geodata/detail/place_names.hpp"
#include "geodata/detail/points.hpp"
#include "geodata/detail/tables.hpp"
#include "geometry/geometry.hpp"

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

// Writes one dump into the test output folder; the rows are the sample's first, altered.
std::string dump_with(const std::string& name, const std::string& row) {
    const auto dir = std::filesystem::temp_directory_path() / "mapwire-geodata-test";
    std::filesystem::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << row;
    return path;
}

std::string sample_row(const std::string& lat, const std::string& population) {
    return "99900001\tRobotyne\tRobotyne\t\t" + lat + "\t35.8387\tP\tPPL\tUA\t\t26\t\t\t\t" +
           population + "\t\t180\tEurope/Kyiv\t2024-01-01\n";
}

TEST(GeoNamesReader, NanCoordinatesAndNegativePopulationAreErrors) {
    EXPECT_NO_THROW(
        detail::read_geonames(dump_with("good.txt", sample_row("47.4456", "480")), [](auto&&) {}));
    for (const auto& [name, row, seen] :
         {std::tuple{"nan.txt", sample_row("nan", "480"), "nan"},
          std::tuple{"inf.txt", sample_row("inf", "480"), "inf"},
          std::tuple{"negative.txt", sample_row("47.4456", "-5"), "-5"}}) {
        try {
            detail::read_geonames(dump_with(name, row), [](auto&&) {});
            ADD_FAILURE() << name << ": expected GeodataError";
        } catch (const GeodataError& e) {
            EXPECT_EQ(e.context().line, 1) << name;
            EXPECT_NE(e.message().find(seen), std::string::npos) << e.message();
        }
    }
}

TEST(GeoNamesReader, AnEndlessLineIsRefusedWithItsNumber) {
    // /dev/zero as a dump: one line without end. The reader stops at its limit.
    try {
        detail::read_geonames("/dev/zero", [](auto&&) {});
        FAIL() << "expected GeodataError";
    } catch (const GeodataError& e) {
        EXPECT_EQ(e.context().line, 1);
        EXPECT_NE(e.message().find("longer than 1 MiB"), std::string::npos) << e.message();
    }
    // A long but finite last line without a newline is read whole.
    const std::string row = sample_row("47.4456", "480");
    std::vector<detail::GeoNamesRecord> records;
    detail::read_geonames(dump_with("no-newline.txt", row + row.substr(0, row.size() - 1)),
                          [&](auto&& r) { records.push_back(std::move(r)); });
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].timezone, "Europe/Kyiv");
}

TEST(GeoNamesReader, NamesAreUtf8AndXmlWritable) {
    // A name with a control character (U+0001) keeps its place, the character a space: names
    // reach SVG, KML and GeoPackage text.
    std::string row = sample_row("47.4456", "480");
    row.replace(row.find("Robotyne"), 8, "Robo\x01tyne");
    std::vector<detail::GeoNamesRecord> records;
    detail::read_geonames(dump_with("control.txt", row),
                          [&](auto&& r) { records.push_back(std::move(r)); });
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].name, "Robo tyne");
    // Latin-1 bytes are no UTF-8: refused at their line.
    std::string latin1 = sample_row("47.4456", "480");
    latin1.replace(latin1.find("Robotyne"), 8, "Z\xFCrich");
    try {
        detail::read_geonames(dump_with("latin1.txt", sample_row("47.4456", "480") + latin1),
                              [](auto&&) {});
        FAIL() << "expected GeodataError";
    } catch (const GeodataError& e) {
        EXPECT_EQ(e.context().line, 2);
        EXPECT_NE(e.message().find("not UTF-8"), std::string::npos) << e.message();
    }
}

TEST(PlaceNames, UkrainianNamesInTheNationalRomanisation) {
    EXPECT_EQ(detail::ukrainian_romanisation("Запоріжжя"), "Zaporizhzhia");
    EXPECT_EQ(detail::ukrainian_romanisation("Миколаїв"), "Mykolaiv");
    EXPECT_EQ(detail::ukrainian_romanisation("Кривий Ріг"), "Kryvyi Rih");
    EXPECT_EQ(detail::ukrainian_romanisation("Їжакевичі"), "Yizhakevychi");  // initial ї
    EXPECT_EQ(detail::ukrainian_romanisation("Згурівка"), "Zghurivka");      // зг is zgh
    EXPECT_EQ(detail::ukrainian_romanisation("Знам’янка"), "Znamianka");     // apostrophe
    EXPECT_EQ(detail::ukrainian_romanisation("Запорожье"), "");  // Russian: no і ї є ґ
    EXPECT_EQ(detail::ukrainian_romanisation("Київ 2"), "");     // not a name
    // A place takes it only where it spells GeoNames' own name.
    const auto names = detail::PlaceNames::read(
        dump_with("no_names.tsv", "geonameid\tname\tsource\n"), {.unmarked = {"UA"}});
    gazetteer::PlaceEntry zp, renamed;
    zp.name = "Zaporizhzhya";
    zp.country = renamed.country = "UA";
    zp.names = {{"Запорожье", gazetteer::NameKind::alternate},
                {"Запоріжжя", gazetteer::NameKind::alternate}};
    names.apply(zp, 687700);
    EXPECT_EQ(zp.name, "Zaporizhzhia");
    renamed.name = "Dnipro";  // its old Ukrainian name spells something else
    renamed.names = {{"Дніпропетровськ", gazetteer::NameKind::alternate}};
    names.apply(renamed, 709930);
    EXPECT_EQ(renamed.name, "Dnipro");
}

TEST(PlaceNames, SoftSignsDropAndTheTableNamesTheRest) {
    EXPECT_EQ(detail::without_soft_signs("Ryazan\u2019"), "Ryazan");
    EXPECT_EQ(detail::without_soft_signs("Homyel'"), "Homyel");
    EXPECT_EQ(detail::without_soft_signs("Al\u2019met\u2019yevsk"), "Almetyevsk");
    EXPECT_EQ(detail::without_soft_signs("Ob\u02bayedinennyy"), "Obyedinennyy");
    EXPECT_EQ(detail::without_soft_signs("Łódź"), "Łódź");  // other letters untouched
    const auto names = detail::PlaceNames::read(
        dump_with("place_names.tsv", "geonameid\tname\tsource\n501175\tRostov-on-Don\tAP\n"),
        {.unmarked = {"RU"}});
    gazetteer::PlaceEntry rostov, ryazan, lodz;
    rostov.name = "Rostov-na-Donu";
    rostov.country = ryazan.country = "RU";
    ryazan.name = "Ryazan\u2019";
    lodz.name = "Łódź";
    lodz.country = "PL";
    names.apply(rostov, 501175);
    names.apply(ryazan, 500096);
    names.apply(lodz, 3093133);
    EXPECT_EQ(rostov.name, "Rostov-on-Don");
    ASSERT_EQ(rostov.names.size(), 1u);  // GeoNames' name is still a name of the place
    EXPECT_EQ(rostov.names[0].first, "Rostov-na-Donu");
    EXPECT_EQ(ryazan.name, "Ryazan");
    EXPECT_EQ(lodz.name, "Łódź");
    EXPECT_TRUE(lodz.names.empty());
    try {
        detail::PlaceNames::read(
            dump_with("bad_names.tsv", "geonameid\tname\tsource\n501175\tA\tAP\nx1\tB\tAP\n"), {});
        FAIL() << "expected GeodataError";
    } catch (const GeodataError& e) {
        EXPECT_EQ(e.context().line, 3);
        EXPECT_NE(e.message().find("'x1'"), std::string::npos) << e.message();
    }
}

// Romanian's comma-below letters replace the cedilla ones of older encodings, in the
// countries settings.tsv names and nowhere else.
TEST(PlaceNames, RomanianCommaBelow) {
    EXPECT_EQ(detail::with_comma_below("Iaşi"), "Iași");
    EXPECT_EQ(detail::with_comma_below("Ţara Şipotului"), "Țara Șipotului");
    EXPECT_EQ(detail::with_comma_below("Łódź"), "Łódź");
    const auto names = detail::PlaceNames::read(dump_with("none.tsv", "geonameid\tname\tsource\n"),
                                                {.unmarked = {}, .comma_below = {"RO"}});
    gazetteer::PlaceEntry iasi, izmir;
    iasi.name = "Iaşi";
    iasi.country = "RO";
    izmir.name = "İzmir";  // Turkish ş and ç keep their cedilla
    izmir.country = "TR";
    names.apply(iasi, 675810);
    names.apply(izmir, 311046);
    EXPECT_EQ(iasi.name, "Iași");
    ASSERT_EQ(iasi.names.size(), 1u);
    EXPECT_EQ(iasi.names[0].first, "Iaşi");  // still a name the geoparser matches
    EXPECT_EQ(izmir.name, "İzmir");
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
    const auto points = detail::read_country_points(dir + "/country_points.tsv");
    EXPECT_GE(points.size(), 250u);
    for (const auto& [alpha2, p] : points) {
        EXPECT_FALSE(p.source.empty()) << alpha2;
        EXPECT_EQ(p.point.has_value(), p.source != "rule") << "country_points.tsv:" << p.line;
    }
    EXPECT_NEAR(points.at("US").point->lat, 39.76, 1e-9);  // GeoNames' PCLI row
    EXPECT_EQ(points.at("US").source, "geonames:6252001");
    const auto features = detail::FeatureRules::read(dir + "/geonames_features.tsv");
    EXPECT_EQ(features.use("P", "PPL"), detail::FeatureUse::place);
    EXPECT_EQ(features.use("P", "PPLH"), detail::FeatureUse::skip);
    EXPECT_EQ(features.use("A", "PCLI"), detail::FeatureUse::country);
    EXPECT_EQ(features.use("A", "ADM1"), detail::FeatureUse::admin1);
    EXPECT_EQ(features.use("A", "ADM2"), detail::FeatureUse::skip);
    EXPECT_EQ(features.use("L", "RGN"), detail::FeatureUse::area);
    EXPECT_EQ(features.use("T", "MT"), detail::FeatureUse::area);
    EXPECT_EQ(features.use("H", "SEA"), detail::FeatureUse::skip);  // no rows for class H
    EXPECT_EQ(detail::read_table(dir + "/settings.tsv", {"key", "value"}).size(), 3u);
    const auto names = detail::PlaceNames::read(dir + "/place_names.tsv",
                                                {.unmarked = {"RU"}, .comma_below = {"RO", "MD"}});
    gazetteer::PlaceEntry orel, chisinau;
    orel.name = "Orël";
    orel.country = "RU";
    names.apply(orel, 515012);
    EXPECT_EQ(orel.name, "Oryol");
    chisinau.name = "Chisinau";  // GeoNames' name, without the marks Romanian writes
    chisinau.country = "MD";
    names.apply(chisinau, 618426);
    EXPECT_EQ(chisinau.name, "Chișinău");
}

class TempDir {
public:
    TempDir()
        : dir_(std::filesystem::temp_directory_path() /
               ("mapwire-geodata-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(dir_);
    }
    ~TempDir() { std::filesystem::remove_all(dir_); }
    std::string write(const std::string& name, const std::string& text) const {
        const auto path = (dir_ / name).string();
        std::ofstream(path) << text;
        return path;
    }

private:
    std::filesystem::path dir_;
};

TEST(CountryPoints, ReadsPointsAndRuleRows) {
    TempDir tmp;
    const auto path = tmp.write("points.tsv",
                                "# comment\nalpha2\tlat\tlon\tsource\n"
                                "US\t39.76\t-98.5\tgeonames:6252001\n"
                                "NO\t62\t10\tcia\n"
                                "AX\t\t\trule\n");
    const auto points = detail::read_country_points(path);
    ASSERT_EQ(points.size(), 3u);
    EXPECT_NEAR(points.at("US").point->lon, -98.5, 1e-12);
    EXPECT_EQ(points.at("NO").source, "cia");
    EXPECT_EQ(points.at("NO").line, 4);
    EXPECT_FALSE(points.at("AX").point);
}

TEST(CountryPoints, BadRowsNameTheirLine) {
    TempDir tmp;
    const std::string header = "alpha2\tlat\tlon\tsource\n";
    const std::pair<const char*, const char*> cases[] = {
        {"US\t139.76\t-98.5\tcia\n", "out of range"},
        {"US\t39.76\t\tcia\n", "only one of lat and lon"},
        {"US\t39.76\t-98.5\t\n", "no source"},
        {"US\t\t\tcia\n", "no point for US"},
        {"US\t39.76\t-98.5\trule\n", "a point with source rule"},
        {"US\t39 45 N\t-98.5\tcia\n", "out of range"},
        {"US\t39.76\t-98.5\tcia\nUS\t38\t-97\tcia\n", "listed twice"},
    };
    for (const auto& [rows, why] : cases) {
        const auto path = tmp.write("bad.tsv", header + rows);
        try {
            detail::read_country_points(path);
            FAIL() << rows;
        } catch (const GeodataError& e) {
            EXPECT_NE(e.message().find(why), std::string::npos) << e.message();
            EXPECT_NE(e.describe().find("bad.tsv:"), std::string::npos) << e.describe();
            EXPECT_GE(e.context().line, 2);
        }
    }
}

TEST(LargestPartPoint, StaysOnTheLargestPart) {
    // A mainland and a far island, as Norway and Svalbard: the whole centroid would lie
    // between them, at sea; the rule keeps the point on the mainland.
    const auto g = geometry::Geometry::from_wkt(
        "MULTIPOLYGON(((5 58,12 58,12 64,5 64,5 58)),((15 77,25 77,25 80,15 80,15 77)))");
    const auto p = detail::largest_part_point(g);
    EXPECT_NEAR(p.lon, 8.5, 1e-6);
    EXPECT_NEAR(p.lat, 61.0, 1e-6);
    const auto whole = g.representative_point();
    EXPECT_GT(whole.lat, 64.0);  // what the rule avoids
}

TEST(LargestPartPoint, PointOnSurfaceWhenTheCentroidIsOutside) {
    // A C-shaped part: its centroid lies in the opening.
    const auto c = geometry::Geometry::from_wkt(
        "MULTIPOLYGON(((0 0,10 0,10 2,2 2,2 8,10 8,10 10,0 10,0 0)),((20 0,21 0,21 1,20 1,20 0)))");
    const auto p = detail::largest_part_point(c);
    EXPECT_TRUE(c.polygons()[0].contains(p));  // on the C, not in its opening or the square
}

TEST(FeatureRules, ExactCodeBeatsTheClassAndBadRulesNameTheirLine) {
    TempDir tmp;
    const auto good = tmp.write("features.tsv",
                                "feature_class\tfeature_code\tuse\tsource\n"
                                "P\t*\tplace\tx\nP\tPPLH\tskip\tx\nT\tMT\tarea\tx\n");
    const auto rules = detail::FeatureRules::read(good);
    EXPECT_EQ(rules.use("P", "PPLA"), detail::FeatureUse::place);
    EXPECT_EQ(rules.use("P", "PPLH"), detail::FeatureUse::skip);
    EXPECT_EQ(rules.use("T", "MT"), detail::FeatureUse::area);
    EXPECT_EQ(rules.use("T", "HLL"), detail::FeatureUse::skip);  // no "T *" row
    const auto bad =
        tmp.write("bad.tsv", "feature_class\tfeature_code\tuse\tsource\nP\t*\tvillage\tx\n");
    try {
        detail::FeatureRules::read(bad);
        FAIL();
    } catch (const GeodataError& e) {
        EXPECT_EQ(e.context().line, 2);
        EXPECT_NE(e.message().find("village"), std::string::npos);
    }
    const auto twice = tmp.write(
        "twice.tsv", "feature_class\tfeature_code\tuse\tsource\nP\t*\tplace\tx\nP\t*\tskip\tx\n");
    EXPECT_THROW(detail::FeatureRules::read(twice), GeodataError);
}

TEST(GeoNamesReader, ReadsTheAreaSample) {
    std::vector<detail::GeoNamesRecord> records;
    detail::read_geonames(kData + "/geonames/areas-sample.txt",
                          [&](auto&& r) { records.push_back(std::move(r)); });
    ASSERT_EQ(records.size(), 9u);
    EXPECT_EQ(records[0].feature_code, "PCLI");
    EXPECT_EQ(records[2].admin1_code, "05");
    EXPECT_EQ(records[3].feature_class, "L");
}

}  // namespace mapwire::geodata

namespace mapwire::geodata {

// The words of geodata/iso_name_words.tsv that these cases need, as the build reads them.
detail::IsoNameWords iso_words() {
    detail::IsoNameWords w;
    for (const auto& r : detail::read_table(
             std::string(MAPWIRE_DOCS_DIR) + "/../geodata/iso_name_words.tsv", {"word", "kind"}))
        (r["kind"] == "ending" ? w.endings : w.words).push_back(r["word"]);
    std::sort(w.endings.begin(), w.endings.end(),
              [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
    return w;
}

TEST(IsoNames, SpellingSimilarityMatchesRomanisationsOfOneName) {
    const auto w = iso_words();
    EXPECT_DOUBLE_EQ(detail::spelling_similarity("Krasnoyarsk", "Krasnojarskij kraj", w), 1.0);
    EXPECT_DOUBLE_EQ(detail::spelling_similarity("Homs (Hims)", "Ḩimş", w), 1.0);
    EXPECT_GE(detail::spelling_similarity("Hilmand", "Helmand", w), 0.85);
    EXPECT_GE(detail::spelling_similarity("Sala ad-Din", "Şalāḩ ad Dīn", w), 0.85);
    EXPECT_GE(detail::spelling_similarity("Khabarovsk", "Habarovskij kraj", w), 0.85);
}

TEST(IsoNames, SpellingSimilarityKeepsDifferentUnitsApart) {
    const auto w = iso_words();
    // Two provinces of Madagascar, and Finland's Lapland and Åland: the build's threshold
    // (0.85) lies above these.
    EXPECT_LT(detail::spelling_similarity("Atsinanana", "Antsiranana", w), 0.85);
    EXPECT_LT(detail::spelling_similarity("Lapland", "Åland", w), 0.85);
    EXPECT_LT(detail::spelling_similarity("Aleppo", "Ḩalab", w), 0.5);
}

TEST(IsoNames, PrefixSimilarityNeedsFourLetters) {
    EXPECT_DOUBLE_EQ(detail::prefix_similarity("Kharkiv", "Kharkivs'ka oblast'"), 1.0);
    EXPECT_DOUBLE_EQ(detail::prefix_similarity("Hilmand", "Helmand"), 0.0);
}

}  // namespace mapwire::geodata
