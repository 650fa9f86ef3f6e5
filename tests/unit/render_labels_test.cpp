// Render module, label passes and callouts on a made-up map: what each pass places, what it
// reserves, what it reports dropped. No dataset; text is measured with the system's fonts.
#include <gtest/gtest.h>

#include <memory>

#include "render/callouts.hpp"
#include "render/coverage_mask.hpp"
#include "render/place_labels.hpp"

namespace mapwire {
namespace {

using render::CandidateSpec;
using render::Rect;

// A map of eastern Ukraine in a 1000 x 600 frame, and one placer over it.
struct Fixture {
    style::Style st;
    render::MapView view{geometry::Box{30, 45, 40, 50},
                         render::projection_for({30, 45, 40, 50}, ""), Rect{0, 0, 1000, 600}, 0};
    render::CollisionIndex index{view.frame(), 2};
    render::LabelPlacer placer{index};
    render::RenderReport report;
    render::Labeler labeler{placer, report};
    gazetteer::PlaceNaming names;
    render::LabelContext ctx{st, view, names};
};

gazetteer::Place town(const char* id, const char* name, double lon, double lat) {
    gazetteer::Place p;
    p.id = id;
    p.name = name;
    p.lon = p.label_lon = lon;
    p.lat = p.label_lat = lat;
    return p;
}

TEST(Labeler, PlacedLabelsAreReportedTheOthersDropped) {
    Fixture f;
    EXPECT_TRUE(f.labeler.take_at("Kharkiv", render::Font{}, f.st.text, {500, 300},
                                  CandidateSpec::at_anchor()));
    // The same spot again: taken.
    EXPECT_FALSE(f.labeler.take_at("Kharkiv", render::Font{}, f.st.text, {500, 300},
                                   CandidateSpec::at_anchor()));
    ASSERT_EQ(f.labeler.labels.size(), 1u);
    ASSERT_EQ(f.report.labels.size(), 1u);
    EXPECT_EQ(f.report.labels[0].text, "Kharkiv");
    EXPECT_EQ(f.report.dropped, std::vector<std::string>{"Kharkiv"});
}

TEST(PlaceLabels, EachEventTownOnceAndOnlyExactOnes) {
    Fixture f;
    events::Event a, b, vague;
    a.location = b.location = town("geonames:1", "Pokrovsk", 37.18, 48.28);
    vague.location = town("admin1:UA-14", "Donetsk Oblast", 37.8, 48.0);
    const std::vector<render::EventMark> marks = {
        {&a, f.view.to_screen({37.18, 48.28}), true, 0, 1},
        {&b, f.view.to_screen({37.18, 48.28}), true, 0, 2},
        {&vague, f.view.to_screen({37.8, 48.0}), false, 0, 3}};
    std::set<std::string> labelled;
    render::label_event_places(f.labeler, f.ctx, marks, labelled);
    ASSERT_EQ(f.labeler.labels.size(), 1u);
    EXPECT_EQ(f.labeler.labels[0].text, "Pokrovsk");
    EXPECT_EQ(labelled, std::set<std::string>{"geonames:1"});
}

TEST(PlaceLabels, MentionedTownsGetADotOutsideTheFrameNothing) {
    Fixture f;
    geoparse::Mention in, out, metonym;
    in.place = town("geonames:2", "Izium", 37.26, 49.21);
    in.place->feature_code = "PPL";
    out.place = town("geonames:3", "Lviv", 24.03, 49.84);  // west of the map
    metonym.place = town("geonames:4", "Kyiv", 35.0, 47.0);
    metonym.role = geoparse::Role::metonym;
    std::set<std::string> labelled;
    render::label_mentioned_places(f.labeler, f.ctx, {in, out, metonym}, labelled);
    ASSERT_EQ(f.labeler.dots.size(), 1u);
    EXPECT_FALSE(f.labeler.dots[0].capital);
    ASSERT_EQ(f.labeler.labels.size(), 1u);
    EXPECT_EQ(f.labeler.labels[0].text, "Izium");
    // The dot is reserved: no label may cover it.
    EXPECT_FALSE(f.placer.free(Rect::about(f.labeler.dots[0].at, 1, 1)));
}

TEST(PlaceLabels, LayerPointsAreReservedAndLabelled) {
    Fixture f;
    std::vector<render::ExtraLayer> specs(1);
    specs[0].radius = 5;
    std::vector<render::UserLayer> layers(1);
    layers[0].points = {{200, 200}};
    layers[0].labels = {{"Shelter", {200, 200}}, {"Off the map", {-50, 200}}};
    render::label_layer_features(f.labeler, f.ctx, specs, layers);
    EXPECT_FALSE(f.placer.free({198, 198, 4, 4}));
    ASSERT_EQ(f.labeler.labels.size(), 1u);
    EXPECT_GE(f.labeler.labels[0].box.x, 200 + 5 + 4);  // east of the point, clear of it
}

TEST(PlaceLabels, CitiesCapitalsFirstAwayFromMarkedPlaces) {
    Fixture f;
    const auto names = std::make_shared<const std::vector<std::string>>(
        std::vector<std::string>{"name", "longitude", "latitude", "adm0cap", "pop_max"});
    auto city = [&](const char* name, double lon, double lat, int capital, int pop) {
        geometry::FeatureRecord r(names, 0);
        for (std::string v : {std::string(name), std::to_string(lon), std::to_string(lat),
                              std::to_string(capital), std::to_string(pop)})
            r.push_value(std::move(v));
        return r;
    };
    events::Event e;
    const std::vector<render::EventMark> marks = {
        {&e, f.view.to_screen({36.25, 50.0}), true, 0, 1}};
    const render::GeonamesName no_names = [](const render::CityRef&) { return std::nullopt; };
    render::label_cities(
        f.labeler, f.ctx, no_names,
        {city("Dnipro", 35.04, 48.46, 0, 1000000), city("Capital", 33.0, 47.0, 1, 100),
         city("On the marker", 36.25, 50.0, 0, 2000000)},
        marks);
    ASSERT_EQ(f.labeler.labels.size(), 2u);
    EXPECT_EQ(f.labeler.labels[0].text, "Capital");
    EXPECT_TRUE(f.labeler.dots[0].capital);
    EXPECT_EQ(f.labeler.labels[1].text, "Dnipro");
    EXPECT_TRUE(f.report.dropped.empty());  // cities that do not fit are left out silently
}

TEST(PlaceLabels, CitiesTakeTheGazetteersNameByTheirGeonamesId) {
    // Natural Earth calls Dnipro by its name of before 2016; the gazetteer's name wins, and
    // Natural Earth's stays where the gazetteer lacks the id.
    Fixture f;
    const auto names = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{
        "name", "longitude", "latitude", "adm0cap", "pop_max", "geonameid"});
    auto city = [&](const char* name, double lon, double lat, int pop, const char* id) {
        geometry::FeatureRecord r(names, 0);
        for (std::string v : {std::string(name), std::to_string(lon), std::to_string(lat),
                              std::string("0"), std::to_string(pop), std::string(id)})
            r.push_value(std::move(v));
        return r;
    };
    // The gazetteer knows Dnipro by its id, and Kremenchuk by name only (Natural Earth has no
    // id for it here): the name and point reach the lookup.
    std::vector<render::CityRef> asked;
    const render::GeonamesName gazetteer =
        [&](const render::CityRef& c) -> std::optional<std::string> {
        asked.push_back(c);
        if (c.geonameid == 709930) return "Dnipro";
        if (c.geonameid < 0 && c.name == "Kremenchug") return "Kremenchuk";
        return std::nullopt;
    };
    render::label_cities(f.labeler, f.ctx, gazetteer,
                         {city("Dnipropetrovsk", 35.04, 48.46, 1000000, "709930.0"),
                          city("Poltava", 34.55, 49.59, 300000, "696643.0"),
                          city("Kremenchug", 33.42, 49.07, 200000, "-1.0")},
                         {});
    ASSERT_EQ(f.labeler.labels.size(), 3u);
    EXPECT_EQ(f.labeler.labels[0].text, "Dnipro");
    EXPECT_EQ(f.labeler.labels[1].text, "Poltava");  // not in the gazetteer: Natural Earth's
    EXPECT_EQ(f.labeler.labels[2].text, "Kremenchuk");
    ASSERT_EQ(asked.size(), 3u);
    EXPECT_EQ(asked[2].geonameid, -1);
    EXPECT_DOUBLE_EQ(asked[2].lat, 49.07);
}

TEST(Callouts, TheCheapestPlaceLeavesTheAreasVisible) {
    Fixture f;
    // The areas cover the right half of the frame: a callout goes left of its point.
    render::CoverageMask areas({0, 0, 1000, 600});
    areas.add(render::rect_path({500, 0, 500, 600}));
    render::CalloutPlacer callouts(f.labeler, areas, render::Font{}, 200);
    callouts.place("Note", {500, 300}, f.st.text, CandidateSpec::ring({40}));
    ASSERT_EQ(callouts.callouts.size(), 1u);
    const Rect& box = callouts.callouts[0].box;
    EXPECT_LE(box.x + box.w, 500);
    EXPECT_EQ(f.report.labels.size(), 1u);
    EXPECT_LT(callouts.cost({100, 100, 10, 10}, {0, 0}), callouts.cost({600, 100, 10, 10}, {0, 0}));
}

TEST(Callouts, AnAnnotationOffTheMapIsDropped) {
    Fixture f;
    render::CoverageMask areas({0, 0, 1000, 600});
    render::CalloutPlacer callouts(f.labeler, areas, render::Font{}, 200);
    render::Annotation far{"Far away", 0, 0, true}, text{"Plain text", 35, 47.5, false};
    render::place_annotations(callouts, f.labeler, f.st, f.view, {far, text});
    EXPECT_EQ(f.report.dropped, std::vector<std::string>{"Far away"});
    EXPECT_TRUE(callouts.callouts.empty());
    ASSERT_EQ(f.labeler.labels.size(), 1u);  // text set at its point, not boxed
    EXPECT_EQ(f.labeler.labels[0].text, "Plain text");
}

}  // namespace
}  // namespace mapwire
