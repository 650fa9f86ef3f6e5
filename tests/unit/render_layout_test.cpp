// Render module, page and furniture layout: the page's variants, the legend's entries and
// sizes, the scale bar's length, the inset's place and region, the figure's text. No dataset;
// text is measured with the system's fonts.
#include <gtest/gtest.h>

#include "render/figure_box.hpp"
#include "render/inset.hpp"
#include "render/legend.hpp"
#include "render/map.hpp"
#include "render/page_layout.hpp"
#include "render/scale_bar.hpp"

namespace mapwire {
namespace {

using render::LegendItem;
using Kind = render::LegendItem::Kind;

// Notes of a fixed height (with the legend, `with_legend` px more), a strip of 30 px.
render::NotesMeasure notes_of(double height, double with_legend) {
    return {[=](double, bool, bool legend) { return height + (legend ? with_legend : 0); },
            [](double) { return 30.0; }};
}

const render::PageText kText{"A title", "", "Boundaries: Natural Earth."};

TEST(PageLayout, ALargeMapHasTheNotesOnIt) {
    const style::Style st;
    const auto p = render::layout_page(2400, 1600, 192, st, kText, notes_of(100, 50));
    EXPECT_EQ(p.scale, 2);
    EXPECT_EQ(p.width, 1200);
    EXPECT_FALSE(p.compact);
    EXPECT_FALSE(p.figure_below);
    EXPECT_FALSE(p.legend_strip());
    EXPECT_GE(p.header, 74);
    EXPECT_GE(p.footer, 26);
    EXPECT_EQ(p.frame.x, 0);
    EXPECT_EQ(p.frame.y, p.header);
    EXPECT_EQ(p.frame.w, 1200);
    EXPECT_DOUBLE_EQ(p.frame.h, 800 - p.header - p.footer);
    EXPECT_EQ(p.notes.h, 0);
    EXPECT_EQ(p.fit_bottom, 0);
}

TEST(PageLayout, APortraitPhoneMapHasItsNotesBelow) {
    const style::Style st;
    const auto p = render::layout_page(400, 700, 96, st, kText, notes_of(100, 50));
    EXPECT_TRUE(p.compact);
    EXPECT_FALSE(p.beside);
    EXPECT_TRUE(p.figure_below);
    EXPECT_TRUE(p.legend_below);
    EXPECT_DOUBLE_EQ(p.notes.h, 150);  // the notes with the legend
    EXPECT_DOUBLE_EQ(p.notes.y, p.frame.y + p.frame.h);
    EXPECT_DOUBLE_EQ(p.notes_x(), 16);
    EXPECT_DOUBLE_EQ(p.notes_w(), 400 - 32);
}

TEST(PageLayout, ALandscapeCompactMapHasItsNotesBeside) {
    const style::Style st;
    const auto p = render::layout_page(1000, 400, 96, st, kText, notes_of(100, 50));
    EXPECT_TRUE(p.compact);
    EXPECT_TRUE(p.beside);
    EXPECT_DOUBLE_EQ(p.notes.w, 300);  // 36 % of the width, at most 300 px
    EXPECT_DOUBLE_EQ(p.notes.x, 700);
    EXPECT_DOUBLE_EQ(p.frame.w, 700);
    EXPECT_DOUBLE_EQ(p.notes_x(), 712);
    EXPECT_DOUBLE_EQ(p.notes_w(), 276);
}

TEST(PageLayout, NotesTooTallPutTheLegendInAStripOverTheMap) {
    const style::Style st;
    const auto p = render::layout_page(400, 700, 96, st, kText, notes_of(100, 1000));
    EXPECT_TRUE(p.compact);
    EXPECT_FALSE(p.legend_below);
    EXPECT_TRUE(p.legend_strip());
    EXPECT_DOUBLE_EQ(p.notes.h, 100);  // without the legend
    EXPECT_DOUBLE_EQ(p.fit_bottom, 30);
}

TEST(LegendItems, OnlyWhatTheMapShowsInAFixedOrder) {
    render::LegendFacts f;
    f.focus = true;
    f.occupied = "Crimea: occupied by Russia since 2014";
    f.event_types = {events::EventType::strategic_developments, events::EventType::battles};
    f.vague = true;
    f.layers = {1};
    const auto items = render::legend_items(f);
    const std::vector<LegendItem> want = {{Kind::focus},
                                          {Kind::occupied, {}, 0, f.occupied},
                                          {Kind::event, events::EventType::battles},
                                          {Kind::event, events::EventType::strategic_developments},
                                          {Kind::vague},
                                          {Kind::layer, {}, 1},
                                          {Kind::city}};
    EXPECT_EQ(items, want);
    EXPECT_EQ(render::legend_items({}), std::vector<LegendItem>{{Kind::city}});
    EXPECT_DOUBLE_EQ(render::Legend::box_height(items), 30 + 20 * 7);
}

TEST(LegendItems, EntriesNameWhatTheyShow) {
    const style::Style st;
    std::vector<render::ExtraLayer> layers(1);
    layers[0].legend = "Sample sites";
    const render::Legend legend(st, "Ukraine", layers);
    EXPECT_EQ(legend.entry(nullptr, {Kind::focus}, 0, 0), "Ukraine");
    EXPECT_EQ(legend.entry(nullptr, {Kind::event, events::EventType::battles}, 0, 0), "Battles");
    EXPECT_EQ(legend.entry(nullptr, {Kind::layer, {}, 0}, 0, 0), "Sample sites");
    EXPECT_EQ(legend.entry(nullptr, {Kind::city}, 0, 0), "City");
    // Entries flow into rows: a narrow width takes more rows than a wide one.
    const std::vector<LegendItem> items = {{Kind::focus}, {Kind::highlight}, {Kind::city}};
    EXPECT_GT(legend.flow(nullptr, items, 0, 0, 100), legend.flow(nullptr, items, 0, 0, 2000));
    EXPECT_DOUBLE_EQ(legend.flow(nullptr, items, 0, 0, 2000), 18);
    EXPECT_GT(legend.box_width(items), 50);
}

TEST(ScaleBar, TheLongestRoundLengthThatFits) {
    EXPECT_EQ(render::choose_scale_bar(1.0).km, 100);   // 150 km fit
    EXPECT_EQ(render::choose_scale_bar(0.2).km, 25);    // 30 km fit
    EXPECT_EQ(render::choose_scale_bar(0.001).km, 1);   // never shorter than 1 km
    EXPECT_EQ(render::choose_scale_bar(100).km, 2000);  // nor longer than 2000 km
    EXPECT_DOUBLE_EQ(render::choose_scale_bar(0.2).length_px, 125);
    const auto box = render::scale_bar_box({0, 74, 1200, 600}, 674);
    EXPECT_DOUBLE_EQ(box.x, 1010);
    EXPECT_DOUBLE_EQ(box.y, 634);
}

TEST(Inset, TopRightAndOnlyWhereItFits) {
    EXPECT_FALSE(render::inset_fits({0, 0, 479, 600}));
    EXPECT_FALSE(render::inset_fits({0, 0, 800, 299}));
    EXPECT_TRUE(render::inset_fits({0, 0, 480, 300}));
    const auto box = render::inset_box({0, 74, 1200, 600});
    EXPECT_DOUBLE_EQ(box.w, 200);  // a fifth of the width, at most 200
    EXPECT_DOUBLE_EQ(box.h, 140);
    EXPECT_DOUBLE_EQ(box.x, 990);
    EXPECT_DOUBLE_EQ(box.y, 84);
    const auto region = render::inset_region({30, 45, 40, 50});
    EXPECT_DOUBLE_EQ(region.min_lon, 35 - 16);  // 1.6 times the larger span either side
    EXPECT_DOUBLE_EQ(region.max_lat, 47.5 + 16 * 0.6);
    const auto world = render::inset_region({-170, -80, 170, 80});
    EXPECT_DOUBLE_EQ(world.min_lon, -35);  // at most 35 degrees either side
    EXPECT_DOUBLE_EQ(world.max_lat, 21);
}

TEST(FigureBox, StatedAndMeasured) {
    events::TerritoryFigure f;
    f.hedge = "approximately";
    f.stated_value = 20;
    f.unit = "percent";
    f.stated_km2 = 119819.4;
    f.holder = "RU";
    auto holder = [](const std::string& code) { return code == "RU" ? "Russia" : code; };
    EXPECT_EQ(render::figure_text({f}, holder),
              "Stated: approximately 20% of the territory held by Russia (119,819 km²)");
    f.measured_km2 = 109320;
    f.measured_share = 18.25;
    EXPECT_EQ(render::figure_text({f}, holder),
              "Stated: approximately 20% of the territory held by Russia (119,819 km²)\n"
              "Measured on the control layer: 18.25% (109,320 km²)");
    // A layer of a known date (given, or from its file name: render::control_date_of).
    EXPECT_EQ(render::figure_text({f}, holder, "2024-07-08"),
              "Stated: approximately 20% of the territory held by Russia (119,819 km²)\n"
              "Measured on the control layer of 2024-07-08: 18.25% (109,320 km²)");
    EXPECT_EQ(render::figure_text({}, holder), "");
    const style::Style st;
    const auto box = render::figure_box({0, 74, 1200, 600}, "Stated: 20%", st);
    EXPECT_DOUBLE_EQ(box.x, 10);
    EXPECT_DOUBLE_EQ(box.y, 84);
    EXPECT_GT(box.w, 20);
}

}  // namespace
}  // namespace mapwire
