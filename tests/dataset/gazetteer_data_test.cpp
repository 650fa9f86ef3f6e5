// Figures and facts of the built gazetteer, checked against independently computed references.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "cli/cli.hpp"
#include "dataset.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/naming.hpp"
#include "geometry/vector_io.hpp"

namespace mapwire::gazetteer {
namespace {

class BuiltGazetteer : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gaz_ = new Gazetteer(Gazetteer::open(testing::dataset_dir() + "/gazetteer.idx"));
    }
    static void TearDownTestSuite() { delete gaz_; }
    static const Gazetteer& gaz() { return *gaz_; }
    static std::vector<Place> of_type(PlaceType t, std::string_view country) {
        std::vector<Place> out;
        for (std::uint32_t i = 0; i < gaz_->size(); ++i) {
            const auto p = gaz_->place(i);
            if (p.type == t && p.country == country) out.push_back(p);
        }
        return out;
    }
    static Gazetteer* gaz_;
};
Gazetteer* BuiltGazetteer::gaz_ = nullptr;

const std::string kTerritoryReadme = testing::shared_dir() + "/fixtures/territory/README.md";

TEST_F(BuiltGazetteer, HoldsTheWholeWorld) {
    std::size_t countries = 0, units = 0, places = 0, regions = 0, counties = 0;
    for (std::uint32_t i = 0; i < gaz().size(); ++i) {
        switch (gaz().place(i).type) {
            case PlaceType::admin0:
                ++countries;
                break;
            case PlaceType::admin1:
                ++units;
                break;
            case PlaceType::place:
                ++places;
                break;
            case PlaceType::region:
                ++regions;
                break;
            case PlaceType::admin2:
                ++counties;
                break;
        }
    }
    EXPECT_GE(counties, 3000u);  // US counties and county equivalents (us-atlas, Census 2017)
    EXPECT_GE(countries, 240u);
    EXPECT_GE(units, 4500u);
    EXPECT_GE(places, 199000u);  // cities500 has 199,568 records, a few non-P or historical
    EXPECT_GE(regions, 10u);
}

TEST_F(BuiltGazetteer, UkraineUnitsAddUpToTheReferenceArea) {
    const double reference = testing::reference_figure(kTerritoryReadme, "Ukraine incl. Crimea");
    ASSERT_GT(reference, 0) << "reference figure not found in " << kTerritoryReadme;
    const auto units = of_type(PlaceType::admin1, "UA");
    ASSERT_EQ(units.size(), 27u);
    double total = 0;
    std::set<std::string_view> codes;
    for (const auto& u : units) {
        total += u.area_km2;
        codes.insert(u.iso_code);
        EXPECT_TRUE(u.iso_code.starts_with("UA-")) << u.name;
    }
    EXPECT_EQ(codes.size(), 27u);
    EXPECT_NEAR(total, reference, reference * 0.005);
    // The country polygon is dissolved from the same units.
    const auto ua = gaz().find_id("country:UA");
    ASSERT_TRUE(ua);
    EXPECT_NEAR(ua->area_km2, total, total * 0.001);
}

TEST_F(BuiltGazetteer, DonetskOblastMatchesTheReferenceArea) {
    const double reference = testing::reference_figure(kTerritoryReadme, "Donetsk oblast");
    ASSERT_GT(reference, 0);
    const auto d = gaz().find_id("admin1:UA-14");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->name, "Donetsk Oblast");
    EXPECT_NEAR(d->area_km2, reference, reference * 0.005);
}

TEST_F(BuiltGazetteer, CrimeaIsUkrainianAndOccupiedInTheDefaultWorldview) {
    for (const char* id : {"admin1:UA-43", "admin1:UA-40"}) {
        const auto c = gaz().find_id(id);
        ASSERT_TRUE(c) << id;
        EXPECT_EQ(c->country, "UA");
        EXPECT_EQ(c->occupied_by, "RU");
        EXPECT_EQ(c->occupied_since, 2014);
    }
    const auto simferopol = gaz().lookup(
        "Simferopol", {.country = {}, .type = PlaceType::place, .prefer_country = {}, .limit = 1});
    ASSERT_FALSE(simferopol.empty());
    EXPECT_EQ(simferopol[0].place.country, "UA");
    EXPECT_EQ(gaz().place(static_cast<std::uint32_t>(simferopol[0].place.admin1)).id,
              "admin1:UA-43");
    EXPECT_EQ(simferopol[0].place.occupied_by, "RU");
    for (const auto& u : of_type(PlaceType::admin1, "RU"))
        EXPECT_FALSE(u.name.find("Crimea") != std::string_view::npos) << u.name;
}

TEST_F(BuiltGazetteer, RussiaAcrossTheAntimeridian) {
    const auto ru = gaz().find_id("country:RU");
    ASSERT_TRUE(ru);
    EXPECT_NEAR(ru->area_km2, 16.95e6, 0.2e6);  // without Crimea; Natural Earth 10m
    EXPECT_LT(ru->min_lon, -169.0f);            // Chukotka east of the antimeridian
    EXPECT_GT(ru->max_lon, 179.0f);
    EXPECT_GT(ru->lat, 50.0);  // label point inside Russia, not at lon 0
    EXPECT_GT(ru->lon, 30.0);
}

TEST_F(BuiltGazetteer, GeoNamesAdminCodesMapToNaturalEarthUnits) {
    // GeoNames UA admin-1 "05" is Donetsk (ISO UA-14); every place carries its unit.
    const auto k = gaz().lookup(
        "Kurakhove", {.country = "UA", .type = PlaceType::place, .prefer_country = {}, .limit = 3});
    ASSERT_FALSE(k.empty());
    ASSERT_GE(k[0].place.admin1, 0);
    EXPECT_EQ(gaz().place(static_cast<std::uint32_t>(k[0].place.admin1)).iso_code, "UA-14");
    const auto kursk = gaz().lookup(
        "Kursk", {.country = "RU", .type = PlaceType::place, .prefer_country = {}, .limit = 1});
    ASSERT_FALSE(kursk.empty());
    EXPECT_EQ(gaz().place(static_cast<std::uint32_t>(kursk[0].place.admin1)).iso_code, "RU-KRS");
}

TEST_F(BuiltGazetteer, CoarseGeoNamesCodesLeavePlacesInTheUnitTheyLieIn) {
    // GeoNames' GB admin-1 codes are England, Scotland ...; its FR codes the regions. Natural
    // Earth's units are counties and departments: a place takes the one it lies in, not the
    // one that most places of its code fall in (once Norfolk for every English town).
    const std::tuple<const char*, const char*, const char*> cases[] = {
        {"Oxford", "GB", "GB-OXF"}, {"Cardiff", "GB", "GB-CRF"}, {"Lyon", "FR", "FR-69"}};
    for (const auto& [name, country, unit] : cases) {
        const auto r = gaz().lookup(
            name, {.country = country, .type = PlaceType::place, .prefer_country = {}, .limit = 1});
        ASSERT_FALSE(r.empty()) << name;
        ASSERT_GE(r[0].place.admin1, 0) << name;
        EXPECT_EQ(gaz().place(static_cast<std::uint32_t>(r[0].place.admin1)).iso_code, unit)
            << name;
    }
}

TEST_F(BuiltGazetteer, RegionsHaveExtentAndArea) {
    const auto donbas = gaz().find_id("region:donbas");
    ASSERT_TRUE(donbas);
    const auto d = gaz().find_id("admin1:UA-14");
    const auto l = gaz().find_id("admin1:UA-09");
    EXPECT_NEAR(donbas->area_km2, d->area_km2 + l->area_km2, 50.0);
    EXPECT_EQ(donbas->country, "UA");
    const auto europe = gaz().find_id("region:europe");
    ASSERT_TRUE(europe);
    EXPECT_GT(europe->area_km2, 9e6);
    EXPECT_LT(europe->min_lon, 0.0f);
}

double km_between(double lat1, double lon1, double lat2, double lon2) {
    const double r = M_PI / 180;
    const double a =
        std::pow(std::sin((lat2 - lat1) * r / 2), 2) +
        std::cos(lat1 * r) * std::cos(lat2 * r) * std::pow(std::sin((lon2 - lon1) * r / 2), 2);
    return 2 * 6371.0 * std::asin(std::sqrt(std::min(1.0, a)));
}

TEST_F(BuiltGazetteer, ContinentsAreRegionsAtGeoNamesPoints) {
    for (const char* id : {"region:africa", "region:asia", "region:europe", "region:north-america",
                           "region:south-america", "region:oceania", "region:antarctica"}) {
        const auto r = gaz().find_id(id);
        ASSERT_TRUE(r) << id;
        EXPECT_EQ(r->type, PlaceType::region);
        EXPECT_GT(r->area_km2, 7e6) << id;
    }
    const auto africa = gaz().find_id("region:africa");
    EXPECT_NEAR(africa->lat, 7.1881, 1e-3);  // GeoNames continent AF
    EXPECT_NEAR(africa->lon, 21.09375, 1e-3);
    const auto found = gaz().lookup(
        "Africa", {.country = {}, .type = PlaceType::region, .prefer_country = {}, .limit = 1});
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0].place.id, "region:africa");
}

TEST_F(BuiltGazetteer, ConstituentCountriesOfTheUnitedKingdom) {
    // Reference areas as the Wikipedia articles give them (from the national statistics
    // offices): England 130,279 km², Scotland 77,910, Wales 20,779, Northern Ireland 14,130.
    const std::pair<const char*, double> expected[] = {
        {"England", 130279}, {"Scotland", 77910}, {"Wales", 20779}, {"Northern Ireland", 14130}};
    double total = 0;
    for (const auto& [name, km2] : expected) {
        const auto r = gaz().lookup(
            name, {.country = "GB", .type = PlaceType::region, .prefer_country = {}, .limit = 1});
        ASSERT_FALSE(r.empty()) << name;
        EXPECT_EQ(r[0].place.name, name);
        EXPECT_EQ(r[0].place.country, "GB");
        EXPECT_NEAR(r[0].place.area_km2, km2, km2 * 0.02) << name;
        total += r[0].place.area_km2;
    }
    // Every Natural Earth unit of the United Kingdom in exactly one of the four.
    const auto gb = gaz().find_id("country:GB");
    ASSERT_TRUE(gb);
    EXPECT_NEAR(total, gb->area_km2, gb->area_km2 * 0.001);
}

TEST_F(BuiltGazetteer, NewsRegionsAndConflictAreas) {
    const std::pair<const char*, const char*> names[] = {
        {"the Gaza Strip", "region:gaza"},
        {"the West Bank", "region:west-bank"},
        {"Donbass", "region:donbas"},
        {"the Sahel", "region:sahel"},
        {"the Levant", "region:levant"},
        {"the Balkans", "region:balkans"},
        {"Southeast Asia", "region:southeast-asia"},
        {"the Caribbean", "region:caribbean"},
        {"Nagorno-Karabakh", "region:nagorno-karabakh"},
        {"Sinai", "region:sinai"},
        {"Kashmir", "region:kashmir"},
        {"eastern Ghouta", "region:eastern-ghouta"},
        {"the Golan Heights", "region:golan-heights"},
        {"Darfur", "region:darfur"},
        {"South Ossetia", "region:south-ossetia"},
        {"Tibet", "region:tibet"},
    };
    for (const auto& [name, id] : names) {
        const auto r = gaz().lookup(
            name, {.country = {}, .type = PlaceType::region, .prefer_country = {}, .limit = 3});
        bool hit = false;
        for (const auto& c : r) hit = hit || c.place.id == id;
        EXPECT_TRUE(hit) << name << " does not find " << id;
    }
    const auto ghouta = gaz().find_id("region:eastern-ghouta");  // a point: no polygon
    ASSERT_TRUE(ghouta);
    EXPECT_EQ(ghouta->country, "SY");
    EXPECT_EQ(ghouta->area_km2, 0.0);
    EXPECT_LT(km_between(ghouta->lat, ghouta->lon, 33.51, 36.31), 20.0);  // by Damascus
    const auto kp = gaz().lookup(
        "KPK", {.country = "PK", .type = PlaceType::admin1, .prefer_country = {}, .limit = 1});
    ASSERT_FALSE(kp.empty());
    EXPECT_EQ(kp[0].place.iso_code, "PK-KP");  // Khyber Pakhtunkhwa, "K.P." in Natural Earth
    const auto sinai = gaz().find_id("region:sinai");
    EXPECT_NEAR(sinai->area_km2, 60000, 6000);  // the peninsula: about 60,000 km²
}

// The dataset built with gazetteer points (settings.tsv flipped in a copy of geodata/) and
// a hand-written dump with country, unit, area and terrain rows.
class GazetteerPoints : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        namespace fs = std::filesystem;
        const auto args_from_setup = testing::geodata_args();
        if (args_from_setup.empty()) return;
        dir_ = fs::temp_directory_path() / ("mapwire-points-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        const fs::path curated = dir_ / "curated";
        fs::create_directories(curated);
        const fs::path repo_geodata = fs::path(MAPWIRE_TEST_DATA) / "../../geodata";
        for (const auto& f : fs::directory_iterator(repo_geodata))
            if (f.path().extension() == ".tsv")
                fs::copy_file(f.path(), curated / f.path().filename());
        // The variant reports gazetteer points whatever the repository's default says.
        std::string settings = testing::read_text((curated / "settings.tsv").string());
        const std::string label_row = "reported_area_point\tlabel";
        if (const auto at = settings.find(label_row); at != std::string::npos)
            settings.replace(at, label_row.size(), "reported_area_point\tgazetteer");
        std::ofstream((curated / "settings.tsv").string(), std::ios::trunc) << settings;
        std::vector<std::string> args = {"mapwire", "geodata"};
        args.insert(args.end(), args_from_setup.begin(), args_from_setup.end());
        args.insert(args.end(),
                    {"--geonames", std::string(MAPWIRE_TEST_DATA) + "/geonames/areas-sample.txt",
                     "--curated", curated.string(), "--out", (dir_ / "out").string()});
        std::ostringstream o, e;
        rc_ = cli::run(args, o, e);
        report_ = o.str() + e.str();
        if (rc_ == 0)
            gaz_ = new Gazetteer(Gazetteer::open((dir_ / "out" / "gazetteer.idx").string()));
    }
    static void TearDownTestSuite() {
        delete gaz_;
        gaz_ = nullptr;
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    void SetUp() override {
        ASSERT_FALSE(dir_.empty()) << "run scripts/setup.sh first (no geodata-args.txt)";
        ASSERT_EQ(rc_, 0) << report_;
    }
    static Gazetteer* gaz_;
    static std::filesystem::path dir_;
    static int rc_;
    static std::string report_;
};
Gazetteer* GazetteerPoints::gaz_ = nullptr;
std::filesystem::path GazetteerPoints::dir_;
int GazetteerPoints::rc_ = -1;
std::string GazetteerPoints::report_;

TEST_F(GazetteerPoints, CountriesAtTheirConventionalPoints) {
    const auto us = gaz_->find_id("country:US");
    ASSERT_TRUE(us);
    EXPECT_LT(km_between(us->lat, us->lon, 39.76, -98.5), 161.0);  // not Montana
    const auto no = gaz_->find_id("country:NO");
    ASSERT_TRUE(no);
    EXPECT_LT(no->lat, 71.5);  // the mainland, not Svalbard
    EXPECT_GT(no->lon, 4.0);
    EXPECT_LT(no->lon, 31.5);
    // Every curated point lies by its country (a sign or a digit gone wrong would not).
    EXPECT_EQ(report_.find("lies outside the country"), std::string::npos) << report_;
    EXPECT_EQ(report_.find("lies away from its polygon"), std::string::npos) << report_;
    EXPECT_EQ(report_.find("is not in"), std::string::npos) << report_;
    // The polygon, and so the area, is unchanged, and the GeoPackage and the index keep its
    // label point for the renderer.
    const auto ua = gaz_->find_id("country:UA");
    EXPECT_NEAR(ua->area_km2, 599095, 600);
    const auto label = [](const std::string& gpkg, const std::string& id) {
        const auto f = geometry::read_features(
            gpkg, {.layer = "countries", .encoding = {}, .where = "id = '" + id + "'"});
        return f.empty() ? geometry::Point{0, 0}
                         : geometry::Point{f[0].number("label_lon"), f[0].number("label_lat")};
    };
    const auto here = label((dir_ / "out" / "mapwire.gpkg").string(), "country:US");
    const auto bundled = label(testing::dataset_dir() + "/mapwire.gpkg", "country:US");
    const auto bundled_gaz = Gazetteer::open(testing::dataset_dir() + "/gazetteer.idx");
    const auto bundled_us = bundled_gaz.find_id("country:US");
    ASSERT_TRUE(bundled_us);
    EXPECT_NEAR(here.lat, bundled.lat, 1e-9);
    EXPECT_NEAR(here.lon, bundled.lon, 1e-9);
    EXPECT_NEAR(bundled.lat, bundled_us->label_lat, 1e-9);  // the index keeps it too
    EXPECT_NEAR(bundled.lon, bundled_us->label_lon, 1e-9);
    EXPECT_NEAR(us->label_lat, bundled_us->label_lat, 1e-9);
    EXPECT_GT(km_between(here.lat, here.lon, us->lat, us->lon), 500.0);
}

TEST_F(GazetteerPoints, FullDumpRowsGivePointsAndAreas) {
    // The PCLI row of the dump wins over country_points.tsv.
    const auto ua = gaz_->find_id("country:UA");
    EXPECT_NEAR(ua->lat, 48.5, 1e-9);
    EXPECT_NEAR(ua->lon, 31.5, 1e-9);
    // The ADM1 row inside the unit its code maps to gives the unit's point; the one placed
    // in Kyiv is reported and not used.
    const auto donetsk = gaz_->find_id("admin1:UA-14");
    EXPECT_NEAR(donetsk->lat, 48.1, 1e-9);
    EXPECT_NEAR(donetsk->lon, 37.7, 1e-9);
    EXPECT_NE(report_.find("99900102"), std::string::npos) << report_;
    // L and T rows become region-type places in their unit, with population 0.
    for (const char* name : {"Testova Step", "Savur-Mohyla", "Savur-Mogila"}) {
        const auto r = gaz_->lookup(
            name, {.country = "UA", .type = PlaceType::region, .prefer_country = {}, .limit = 1});
        ASSERT_FALSE(r.empty()) << name;
        EXPECT_EQ(r[0].place.population, 0);
        ASSERT_GE(r[0].place.admin1, 0);
        EXPECT_EQ(gaz_->place(static_cast<std::uint32_t>(r[0].place.admin1)).iso_code, "UA-14");
    }
    // Seas (H), second-order units and historical entities are not kept.
    for (std::uint32_t i = 0; i < gaz_->size(); ++i) {
        const auto id = gaz_->place(i).id;
        EXPECT_NE(id, "geonames:99900106");
        EXPECT_NE(id, "geonames:99900107");
        EXPECT_NE(id, "geonames:99900108");
    }
}

TEST(GazetteerPointsSetting, AnUnknownValueStopsTheBuildAtItsLine) {
    namespace fs = std::filesystem;
    const auto args_from_setup = testing::geodata_args();
    if (args_from_setup.empty()) GTEST_SKIP() << "run scripts/setup.sh first";
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-settings-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream((dir / "settings.tsv").string())
        << "# comment\nkey\tvalue\tnote\nreported_area_point\tcentroid\t\n";
    std::vector<std::string> args = {"mapwire", "geodata"};
    args.insert(args.end(), args_from_setup.begin(), args_from_setup.end());
    args.insert(args.end(), {"--curated", dir.string(), "--out", (dir / "out").string()});
    std::ostringstream o, e;
    EXPECT_NE(cli::run(args, o, e), 0);
    EXPECT_NE(e.str().find("settings.tsv:3"), std::string::npos) << e.str();
    EXPECT_NE(e.str().find("centroid"), std::string::npos) << e.str();
    EXPECT_FALSE(fs::exists(dir / "out" / "gazetteer.idx"));
    fs::remove_all(dir);
}

// The dataset's local names: iso-codes' translations in each country's language.
TEST(LocalNames, CountriesAndUnitsFromIsoCodes) {
    const auto naming =
        gazetteer::PlaceNaming::load(testing::dataset_dir(), {gazetteer::NameStyle::local, {}});
    const auto gaz = gazetteer::Gazetteer::open(testing::dataset_dir() + "/gazetteer.idx");
    const auto name = [&](const char* id) { return std::string(naming.name(*gaz.find_id(id))); };
    EXPECT_EQ(name("country:UA"), "Україна");
    EXPECT_EQ(name("admin1:UA-63"), "Харківська область");
    EXPECT_EQ(name("country:PL"), "Polska");
}

// Towns: the alternate name that romanises to the town's name (geodata/romanisation.tsv).
TEST(LocalNames, TownsByTheirLanguagesRomanisation) {
    const auto naming =
        gazetteer::PlaceNaming::load(testing::dataset_dir(), {gazetteer::NameStyle::local, {}});
    const auto gaz = gazetteer::Gazetteer::open(testing::dataset_dir() + "/gazetteer.idx");
    const auto name = [&](const char* id) { return std::string(naming.name(*gaz.find_id(id))); };
    EXPECT_EQ(name("geonames:703448"), "Київ");  // not the Russian Киев
    EXPECT_EQ(name("geonames:706483"), "Харків");
    EXPECT_EQ(name("geonames:698740"), "Одеса");         // not Одесса
    EXPECT_EQ(name("geonames:706369"), "Хмельницький");  // not Хмельницкий
    EXPECT_EQ(name("geonames:538560"), "Курск");         // Russian, not the Ukrainian Курськ
    EXPECT_EQ(name("geonames:515012"), "Орёл");
    EXPECT_EQ(name("geonames:625144"), "Мінск");  // Belarusian, not Минск
    EXPECT_EQ(name("geonames:727011"), "София");
    EXPECT_EQ(name("geonames:787657"), "Ниш");
    EXPECT_EQ(name("geonames:524901"), "Moscow");  // an English name: Москва is Moskva
    const auto both =
        gazetteer::PlaceNaming::load(testing::dataset_dir(), {gazetteer::NameStyle::both, {}});
    EXPECT_EQ(both.name(*gaz.find_id("geonames:703448")), "Kyiv / Київ");
}

}  // namespace
}  // namespace mapwire::gazetteer
