// The geoparser's context features and cue tables, on hand-made places (no dataset).
#include <gtest/gtest.h>

#include "gazetteer/ranking.hpp"
#include "geoparse/detail/context.hpp"
#include "geoparse/detail/cues.hpp"

namespace mapwire::geoparse::detail {
namespace {

using gazetteer::Candidate;
using gazetteer::Place;
using gazetteer::PlaceType;

Place town(std::uint32_t index, std::string_view country, std::int32_t admin1, double lat,
           double lon) {
    Place p;
    p.index = index;
    p.type = PlaceType::place;
    p.country = country;
    p.admin1 = admin1;
    p.lat = lat;
    p.lon = lon;
    return p;
}

Place unit(std::uint32_t index, std::string_view country, PlaceType type = PlaceType::admin1) {
    Place p;
    p.index = index;
    p.type = type;
    p.country = country;
    return p;
}

TEST(GeoparseContext, APointRegionHoldsItsCountryOrWhatIsNearIt) {
    // Islands and seas are points in regions.tsv: no box to test.
    Place sumatra = unit(50, "ID", PlaceType::region);
    sumatra.lat = -0.5;
    sumatra.lon = 101.5;
    EXPECT_TRUE(inside(town(1, "ID", 7, 3.10, 98.50), sumatra)) << "Kabanjahe, North Sumatra";
    EXPECT_FALSE(inside(town(2, "MY", 8, 3.14, 101.69), sumatra)) << "Kuala Lumpur";
    Place black_sea = unit(51, "", PlaceType::region);
    black_sea.lat = 43.2;
    black_sea.lon = 34.0;
    EXPECT_TRUE(inside(town(3, "UA", 9, 45.25, 30.20), black_sea)) << "Snake Island";
    EXPECT_FALSE(inside(town(4, "UA", 10, 50.45, 30.52), black_sea)) << "Kyiv";
}

TEST(GeoparseContext, InsideFollowsTheContainersKind) {
    const Place donetsk_oblast = unit(10, "UA");
    const Place pavlivka_donetsk = town(1, "UA", 10, 47.76, 37.22);
    const Place pavlivka_vinnytsia = town(2, "UA", 11, 49.44, 28.46);
    EXPECT_TRUE(inside(pavlivka_donetsk, donetsk_oblast));
    EXPECT_FALSE(inside(pavlivka_vinnytsia, donetsk_oblast));
    EXPECT_TRUE(inside(pavlivka_vinnytsia, unit(20, "UA", PlaceType::admin0)));
    EXPECT_FALSE(inside(pavlivka_vinnytsia, unit(21, "RU", PlaceType::admin0)));
    EXPECT_FALSE(inside(donetsk_oblast, donetsk_oblast)) << "nothing lies inside itself";
    // A town as a landmark: within the nearby radius.
    const Place irkutsk = town(30, "RU", 40, 52.29, 104.30);
    EXPECT_TRUE(inside(town(31, "RU", 40, 52.9, 103.6), irkutsk));
    EXPECT_FALSE(inside(town(32, "RU", 41, 56.0, 92.9), irkutsk));
    // A region: its extent.
    Place sahel = unit(50, "", PlaceType::region);
    sahel.min_lon = -17, sahel.max_lon = 39, sahel.min_lat = 10, sahel.max_lat = 20;
    sahel.area_km2 = 3.0e6;
    EXPECT_TRUE(inside(town(51, "ML", 60, 14.5, -4.2), sahel));
    EXPECT_FALSE(inside(town(52, "FR", 61, 48.9, 2.3), sahel));
}

TEST(GeoparseContext, ContainerOutweighsPopulation) {
    // A big homonym elsewhere and a village inside the unit the text names.
    std::vector<Candidate> c = {{town(1, "UA", 11, 49.4, 28.5), 1.50},
                                {town(2, "UA", 10, 47.8, 37.2), 1.20}};
    Context ctx;
    ctx.container = unit(10, "UA");
    rerank(c, ctx);
    EXPECT_EQ(c[0].place.index, 2u);
    EXPECT_NEAR(c[0].score, 1.20 + gazetteer::kRanking.container, 1e-9);
}

TEST(GeoparseContext, NamedCountryAndNearbyAnchorBreakTies) {
    std::vector<Candidate> c = {{town(1, "US", 1, 34.0, -117.6), 1.40},
                                {town(2, "CA", 2, 44.3, -79.6), 1.38}};
    Context ctx;
    ctx.named_countries = {"CA"};
    rerank(c, ctx);
    EXPECT_EQ(c[0].place.country, "CA");

    std::vector<Candidate> d = {{town(3, "US", 1, 38.9, -77.0), 1.40},
                                {town(4, "US", 3, 47.6, -122.3), 1.36}};
    Context near_seattle;
    near_seattle.anchors = Anchors({town(9, "US", 3, 47.25, -122.44)});  // Tacoma
    rerank(d, near_seattle);
    EXPECT_EQ(d[0].place.index, 4u);
    // The focus country's own towns get no second bonus as a named country.
    std::vector<Candidate> e = {{town(5, "US", 1, 0, 0), 1.40}, {town(6, "FR", 4, 10, 10), 1.45}};
    Context focus_us;
    focus_us.focus = "US";
    focus_us.named_countries = {"US"};
    rerank(e, focus_us);
    EXPECT_EQ(e[0].place.country, "FR");
}

TEST(GeoparseContext, UnambiguousNeedsALead) {
    EXPECT_TRUE(unambiguous({{town(1, "UA", 1, 0, 0), 1.0}}, 0.5));
    EXPECT_TRUE(unambiguous({{town(1, "UA", 1, 0, 0), 1.9}, {town(2, "UA", 1, 0, 0), 1.3}}, 0.5));
    EXPECT_FALSE(unambiguous({{town(1, "UA", 1, 0, 0), 1.5}, {town(2, "UA", 1, 0, 0), 1.3}}, 0.5));
    EXPECT_FALSE(unambiguous({}, 0.5));
}

TEST(GeoparseCues, ListsComeFromTheDataFiles) {
    EXPECT_TRUE(is_cue("Gov", Cue::title));
    EXPECT_TRUE(is_cue("Sgt", Cue::title));
    EXPECT_FALSE(is_cue("Kelly", Cue::title));
    EXPECT_TRUE(is_cue("said", Cue::speech_verb));
    EXPECT_TRUE(is_cue("north-western", Cue::direction));
    EXPECT_TRUE(is_cue("centre", Cue::generic_name));
    EXPECT_TRUE(is_cue("ebolavirus", Cue::named_after));
    EXPECT_TRUE(is_cue("Society", Cue::organisation_word));
    EXPECT_FALSE(is_cue("# Words that make", Cue::organisation_word));  // comments are not entries
    EXPECT_TRUE(is_cue(",", Cue::container_link));
    EXPECT_TRUE(is_cue("oblast", Cue::admin_word));
}

TEST(GeoparseCues, OneWordInSeveralListsHasEveryBit) {
    // "said" is both a verb of speech and a verb of states ("Moscow said").
    const CueSet said = cues_of("said");
    EXPECT_TRUE(said.has(Cue::speech_verb));
    EXPECT_TRUE(said.has(Cue::state_verb));
    EXPECT_FALSE(said.has(Cue::admin_word));
    // Lists are matched as given: lower-case lists hold no capitals.
    EXPECT_FALSE(cues_of("Oblast").has(Cue::admin_word));
    EXPECT_FALSE(cues_of("").has(Cue::title));
}

TEST(GeoparseCues, AbbreviationsCarryNameCountryAndContext) {
    const Abbreviation* wv = abbreviation("W.Va");
    ASSERT_NE(wv, nullptr);
    EXPECT_EQ(wv->name, "West Virginia");
    EXPECT_EQ(wv->country, "US");
    EXPECT_FALSE(wv->after_comma);
    const Abbreviation* mass = abbreviation("Mass");
    ASSERT_NE(mass, nullptr);
    EXPECT_TRUE(mass->after_comma) << "'Mass' only after 'Boston, '";
    const Abbreviation* nsw = abbreviation("NSW");
    ASSERT_NE(nsw, nullptr);
    EXPECT_EQ(nsw->country, "AU");
    EXPECT_EQ(abbreviation("abbreviation"), nullptr) << "the header row is not an entry";
    EXPECT_EQ(abbreviation("MAC"), nullptr);
}

}  // namespace
}  // namespace mapwire::geoparse::detail
