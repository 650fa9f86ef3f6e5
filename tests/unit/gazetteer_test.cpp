// Index round trip and ranking rules, on a small gazetteer written by the test itself.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index_writer.hpp"
#include "gazetteer/naming.hpp"

namespace mapwire::gazetteer {
namespace {

class SmallGazetteer : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        path_ = (std::filesystem::temp_directory_path() /
                 ("mapwire-gaz-" + std::to_string(::getpid()) + ".idx"))
                    .string();
        IndexWriter w;
        PlaceEntry ua{.id = "country:UA", .name = "Ukraine", .country = "UA", .iso_code = "UA"};
        ua.type = PlaceType::admin0;
        ua.names = {{"UKR", NameKind::code}};
        const auto ua_i = w.add(ua);
        PlaceEntry obl{
            .id = "admin1:UA-14", .name = "Donetsk Oblast", .country = "UA", .iso_code = "UA-14"};
        obl.type = PlaceType::admin1;
        obl.parent_country = static_cast<std::int32_t>(ua_i);
        obl.names = {{"Donets'k", NameKind::alternate}, {"UA-14", NameKind::code}};
        obl.area_km2 = 26599;
        const auto obl_i = w.add(obl);
        PlaceEntry city{
            .id = "geonames:709717", .name = "Donetsk", .country = "UA", .feature_code = "PPLA"};
        city.admin1 = static_cast<std::int32_t>(obl_i);
        city.population = 929063;
        city.names = {{"Донецьк", NameKind::alternate}, {"Stalino", NameKind::alternate}};
        w.add(city);
        PlaceEntry town{
            .id = "geonames:565348", .name = "Donetsk", .country = "RU", .feature_code = "PPL"};
        town.population = 50850;
        w.add(town);
        PlaceEntry zap{.id = "geonames:687700",
                       .name = "Zaporizhzhia",
                       .country = "UA",
                       .feature_code = "PPLA"};
        zap.population = 710052;
        w.add(zap);
        w.write(path_, R"({"worldview":"de-jure"})");
    }
    static void TearDownTestSuite() { std::filesystem::remove(path_); }
    static std::string path_;
};
std::string SmallGazetteer::path_;

TEST_F(SmallGazetteer, RoundTripsPlaces) {
    const auto g = Gazetteer::open(path_);
    ASSERT_EQ(g.size(), 5u);
    EXPECT_EQ(g.metadata(), R"({"worldview":"de-jure"})");
    const auto obl = g.find_id("admin1:UA-14");
    ASSERT_TRUE(obl.has_value());
    EXPECT_EQ(obl->name, "Donetsk Oblast");
    EXPECT_EQ(obl->type, PlaceType::admin1);
    EXPECT_EQ(obl->iso_code, "UA-14");
    EXPECT_DOUBLE_EQ(obl->area_km2, 26599);
    EXPECT_EQ(g.place(static_cast<std::uint32_t>(obl->parent_country)).id, "country:UA");
    EXPECT_FALSE(g.find_id("admin1:UA-99").has_value());
}

TEST_F(SmallGazetteer, BareNamePrefersTheBigCityAndKeepsTheOthers) {
    const auto g = Gazetteer::open(path_);
    const auto c = g.lookup("Donetsk");
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[0].place.id, "geonames:709717");
    EXPECT_EQ(c[1].place.id, "geonames:565348");
    EXPECT_EQ(c[2].place.id, "admin1:UA-14");
    EXPECT_GT(c[0].score, c[1].score);
}

TEST_F(SmallGazetteer, AdministrativeWordSelectsTheUnit) {
    const auto g = Gazetteer::open(path_);
    for (const char* q :
         {"Donetsk Oblast", "Donetsk oblast", "Donetsk region", "donets'k province"}) {
        const auto c = g.lookup(q);
        ASSERT_FALSE(c.empty()) << q;
        EXPECT_EQ(c[0].place.id, "admin1:UA-14") << q;
        EXPECT_TRUE(c[0].admin_word) << q;
    }
}

TEST_F(SmallGazetteer, FiltersByCountryAndType) {
    const auto g = Gazetteer::open(path_);
    const auto ru =
        g.lookup("Donetsk", {.country = "RU", .type = {}, .prefer_country = {}, .limit = 10});
    ASSERT_EQ(ru.size(), 1u);
    EXPECT_EQ(ru[0].place.id, "geonames:565348");
    const auto units = g.lookup(
        "Donetsk", {.country = {}, .type = PlaceType::admin1, .prefer_country = {}, .limit = 10});
    ASSERT_EQ(units.size(), 1u);
    EXPECT_EQ(units[0].place.id, "admin1:UA-14");
}

TEST_F(SmallGazetteer, ScriptsFormerNamesCodesAndLooseSpellings) {
    const auto g = Gazetteer::open(path_);
    EXPECT_EQ(g.lookup("Донецьк").at(0).place.id, "geonames:709717");
    EXPECT_EQ(g.lookup("Stalino").at(0).place.id, "geonames:709717");
    EXPECT_EQ(g.lookup("UA-14").at(0).place.id, "admin1:UA-14");
    EXPECT_EQ(g.lookup("UKR").at(0).place.id, "country:UA");
    const auto loose = g.lookup("Zaporizhzhya");
    ASSERT_FALSE(loose.empty());
    EXPECT_EQ(loose[0].place.id, "geonames:687700");
    EXPECT_EQ(loose[0].quality, MatchQuality::loose);
    EXPECT_TRUE(g.lookup("Atlantis").empty());
    EXPECT_TRUE(g.lookup("").empty());
}

TEST_F(SmallGazetteer, SuggestsCloseNames) {
    const auto g = Gazetteer::open(path_);
    const auto s = g.suggestions("Donestk");
    ASSERT_FALSE(s.empty());
    EXPECT_EQ(s[0].name, "Donetsk") << s[0].display();
    EXPECT_EQ(s[0].display().rfind("Donetsk (", 0), 0u) << s[0].display();
}

TEST(Gazetteer, DamagedIndexIsAMissingDataError) {
    const auto path = (std::filesystem::temp_directory_path() / "mapwire-damaged.idx").string();
    std::ofstream(path)
        << "not an index at all, just text that is long enough to hold a header......";
    try {
        Gazetteer::open(path);
        FAIL() << "expected GazetteerError";
    } catch (const GazetteerError& e) {
        EXPECT_EQ(e.code(), ExitCode::missing_data);
        EXPECT_EQ(e.context().file, path);
    }
    std::filesystem::remove(path);
    EXPECT_THROW(Gazetteer::open("/nonexistent/gazetteer.idx"), GazetteerError);
}

}  // namespace
}  // namespace mapwire::gazetteer

namespace mapwire {

TEST(PlaceNaming, StylesAndOverrides) {
    using gazetteer::NameStyle;
    gazetteer::Place kyiv;
    kyiv.id = "geonames:703448";
    kyiv.name = "Kyiv";
    gazetteer::Place odesa;
    odesa.id = "geonames:698740";
    odesa.name = "Odesa";  // no local name known: stays English in every style
    const std::unordered_map<std::string, std::string> local = {{"geonames:703448", "Київ"}};
    const gazetteer::PlaceNaming english;
    EXPECT_TRUE(english.plain());
    EXPECT_EQ(english.name(kyiv), "Kyiv");
    const gazetteer::PlaceNaming local_names({NameStyle::local, {}}, local);
    EXPECT_EQ(local_names.name(kyiv), "Київ");
    EXPECT_EQ(local_names.name(odesa), "Odesa");
    const gazetteer::PlaceNaming both({NameStyle::both, {}}, local);
    EXPECT_EQ(both.name(kyiv), "Kyiv / Київ");
    EXPECT_EQ(both.name(kyiv).data(), both.name(kyiv).data());  // one string, kept
    EXPECT_EQ(both.name(odesa), "Odesa");
    // An override by English name or by id wins over the style; the first of two wins.
    const gazetteer::PlaceNaming house(
        {NameStyle::both, {{"Odesa", "Odessa"}, {"geonames:703448", "Kiev"}, {"Odesa", "X"}}},
        local);
    EXPECT_EQ(house.name(odesa), "Odessa");
    EXPECT_EQ(house.name(kyiv), "Kiev");
    EXPECT_EQ(gazetteer::parse_name_style("both"), NameStyle::both);
    EXPECT_FALSE(gazetteer::parse_name_style("Both"));
    // English sentences (legend, notes, credits) keep the overrides, not the local names.
    const auto sentences = house.for_sentences();
    EXPECT_EQ(sentences.name(odesa), "Odessa");
    EXPECT_EQ(sentences.name(kyiv), "Kiev");
    EXPECT_EQ(both.for_sentences().name(kyiv), "Kyiv");
    EXPECT_TRUE(both.for_sentences().plain());
}

}  // namespace mapwire
