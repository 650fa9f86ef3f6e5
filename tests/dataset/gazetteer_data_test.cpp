// Figures and facts of the built gazetteer, checked against independently computed references.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "dataset.hpp"
#include "gazetteer/gazetteer.hpp"

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
    std::size_t countries = 0, units = 0, places = 0, regions = 0;
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
        }
    }
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

}  // namespace
}  // namespace mapwire::gazetteer
