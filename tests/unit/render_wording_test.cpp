// Render module, what the map says and marks: numbers, dates, event labels and the key; event
// symbols and crowded markers. No dataset.
#include <gtest/gtest.h>

#include "render/detail/event_labels.hpp"
#include "render/detail/wording.hpp"
#include "render/event_symbols.hpp"

namespace mapwire {
namespace {

using events::DatePrecision;
using namespace render::detail;

gazetteer::Place area(const char* name) {
    gazetteer::Place p;
    p.id = "admin1:UA-14";
    p.name = name;
    p.type = gazetteer::PlaceType::admin1;
    return p;
}

TEST(Wording, ThousandsAndDatesAtTheirPrecision) {
    EXPECT_EQ(thousands(999), "999");
    EXPECT_EQ(thousands(1234567.4), "1,234,567");
    EXPECT_EQ(thousands(119819.6), "119,820");
    EXPECT_EQ(upper("Ukraine"), "UKRAINE");
    EXPECT_EQ(month_text("2025-04-09", DatePrecision::day), "9 Apr 2025");
    EXPECT_EQ(month_text("2025-04-01", DatePrecision::month), "Apr 2025");
    EXPECT_EQ(month_text("2025-01-01", DatePrecision::year), "2025");
    EXPECT_EQ(month_text("2025-04-01", DatePrecision::approximate), "c. Apr 2025");
    EXPECT_EQ(month_text("", DatePrecision::day), "");
    EXPECT_EQ(month_text("2025-13-01", DatePrecision::day), "2025-13-01");
}

TEST(Wording, ACaptureSaysWhoAndTheOtherCounts) {
    events::Event e;
    e.type = events::EventType::battles;
    e.sub_type = events::SubEventType::armed_clash;
    e.actor2.name = "Chinese nationals";
    e.counts = {{2, "captured", false, false, ""}, {6, "engaged", false, false, ""}};
    e.location = area("Donetsk Oblast");
    e.date = {"2025-04-01", DatePrecision::approximate, "recently"};
    e.reporting = events::Reporting::claim;
    EXPECT_EQ(event_label(e),
              "2 Chinese nationals captured (6 engaged)\nDonetsk Oblast · c. Apr 2025 · claim");
}

TEST(Wording, AVagueQuantityKeepsItsWords) {
    events::Event e;
    e.type = events::EventType::strategic_developments;
    e.sub_type = events::SubEventType::other;
    e.trigger = "deployed";
    e.actor1.name = "North Korea";
    e.counts = {{1000, "deployed", true, false, "thousands"}, {40, "killed", true, false, ""}};
    EXPECT_EQ(event_label(e), "North Korea deploys thousands of troops (~40 killed)\n");
}

TEST(Wording, TheKeyNumbersLocatedEventsOnly) {
    events::Event located;
    located.type = events::EventType::battles;
    located.location = area("Kursk Oblast");
    events::Event nowhere;
    nowhere.type = events::EventType::protests;
    const auto lines = key_lines({nowhere, located});
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "1. Battles — Kursk Oblast");
}

TEST(Wording, EventsKnownOnlyToACountryGoToTheNotesNotTheKey) {
    events::Event located, country;
    located.type = events::EventType::battles;
    located.location = area("Kursk Oblast");
    country.type = events::EventType::strategic_developments;
    gazetteer::Place ukraine;
    ukraine.id = "country:UA";
    ukraine.name = "Ukraine";
    ukraine.type = gazetteer::PlaceType::admin0;
    country.location = ukraine;
    country.reporting = events::Reporting::allegation;
    EXPECT_TRUE(country_only(country));
    EXPECT_FALSE(country_only(located));
    const auto key = key_lines({country, located});
    ASSERT_EQ(key.size(), 1u);
    EXPECT_EQ(key[0], "1. Battles — Kursk Oblast");  // numbered as the marks are
    const auto notes = elsewhere_lines({country, located});
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0], "Elsewhere in Ukraine: Strategic developments · allegation");
}

TEST(Wording, OccupationSaysWhatEachRecordSays) {
    // Units held by one state since one year share a line; others follow. Nothing is said of
    // areas the records do not name.
    EXPECT_EQ(occupation_text({}), "");
    EXPECT_EQ(occupation_text({{"Sevastopol", "Russia", 2014},
                               {"Autonomous Republic of Crimea", "Russia", 2014},
                               {"Golan Heights", "Israel", 1967}}),
              "Autonomous Republic of Crimea and Sevastopol: occupied by Russia since 2014; "
              "Golan Heights: occupied by Israel since 1967");
    EXPECT_EQ(occupation_text({{"X", "Y", 0}}), "X: occupied by Y");
    EXPECT_EQ(
        occupation_text({{"Sevastopol", "Russia", 2014}, {"Golan Heights", "Israel", 1967}}, false),
        "occupied by Russia since 2014; occupied by Israel since 1967");
}

TEST(Wording, AMapWithoutHeadlineIsTitledByItsFirstLocatedEvent) {
    events::Event nowhere, first, second;
    nowhere.type = events::EventType::protests;
    first.type = second.type = events::EventType::battles;
    first.sub_type = events::SubEventType::armed_clash;
    first.location = area("Donetsk Oblast");
    second.location = area("Kursk Oblast");
    EXPECT_EQ(title_of({nowhere, first, second}), "Fighting in Donetsk Oblast");
    EXPECT_EQ(title_of({nowhere}), "");
}

// The map says what happened in plain words, from the phrase table: the first row whose
// placeholders all have a value; ACLED's sub-event type where none fits.
TEST(Wording, EventsInPlainWords) {
    events::Event e;
    e.type = events::EventType::battles;
    e.sub_type = events::SubEventType::non_state_actor_overtakes_territory;
    e.trigger = "taken";
    gazetteer::Place village;
    village.name = "Novoyehorivka";
    village.type = gazetteer::PlaceType::place;
    e.location = village;
    e.actor1.name = "Russian forces";
    EXPECT_EQ(plain_label(e).text, "Russian forces take Novoyehorivka");
    EXPECT_TRUE(plain_label(e).names_place);
    EXPECT_EQ(event_label(e), "Russian forces take Novoyehorivka\n");  // the place said once
    e.actor1.name = "Russia";                                          // one actor: the verb agrees
    EXPECT_EQ(plain_label(e).text, "Russia takes Novoyehorivka");
    e.actor1.name = "troops";  // whose troops, the text did not say here
    EXPECT_EQ(plain_label(e).text, "Novoyehorivka taken");
    e.actor1 = {"Israeli", "IL", "", "", true};  // an adjective alone names no one
    EXPECT_EQ(plain_label(e).text, "Novoyehorivka taken");

    const std::string_view table =
        "sub_type\ttrigger\tlabel\n"
        "# a comment\n"
        "Attack\t\t{count:killed} killed near {town}\n"
        "Attack\t\tAttack in {place}\n"
        "Other\tsummoned\t{actor2} summoned\n";
    events::Event attack;
    attack.sub_type = events::SubEventType::attack;
    attack.counts = {{1000, "killed", true, false, "dozens"}};
    attack.location = area("Donetsk Oblast");  // a region: no "near"
    EXPECT_EQ(plain_label(attack, table).text, "Attack in Donetsk Oblast");
    attack.location = village;
    const auto near = plain_label(attack, table);
    EXPECT_EQ(near.text, "Dozens killed near Novoyehorivka");  // the text's words, capitalised
    EXPECT_EQ(near.counted, std::set<std::string>{"killed"});
    events::Event summons;
    summons.sub_type = events::SubEventType::other;
    summons.trigger = "expelled";  // no row for this trigger
    EXPECT_EQ(plain_label(summons, table).text, "");
    summons.sub_type = events::SubEventType::remote_explosive_landmine_ied;
    EXPECT_EQ(event_label(summons), "Remote explosive/landmine/IED\n");  // no value: the code
}

TEST(EventSymbols, AShapePerType) {
    EXPECT_EQ(render::symbol(events::EventType::battles, 0, 0, 7)[0].points.size(), 32u);  // circle
    EXPECT_EQ(
        render::symbol(events::EventType::explosions_remote_violence, 0, 0, 7)[0].points.size(),
        16u);
    EXPECT_EQ(
        render::symbol(events::EventType::violence_against_civilians, 0, 0, 7)[0].points.size(),
        3u);
    EXPECT_EQ(render::symbol(events::EventType::riots, 0, 0, 7)[0].points.size(), 4u);  // diamond
    const style::Style st;
    EXPECT_EQ(render::event_color(st, events::EventType::riots).r, st.text.r);  // not in st
}

TEST(EventSymbols, CrowdedMarkersAreNumberedAndSetApart) {
    events::Event e;
    std::vector<render::EventMark> marks = {
        {&e, {100, 100}, true, 0, 1}, {&e, {104, 100}, true, 0, 2}, {&e, {300, 100}, true, 0, 3}};
    render::spread_crowded_marks(marks);
    EXPECT_EQ(marks[0].number, 1);
    EXPECT_EQ(marks[1].number, 2);
    EXPECT_DOUBLE_EQ(marks[1].at.x, 118);  // moved right by 14 px
    EXPECT_EQ(marks[2].number, 0);         // alone: no number
    const auto box = render::mark_box(marks[0]);
    EXPECT_DOUBLE_EQ(box.x, 91);
    EXPECT_DOUBLE_EQ(box.w, 18);
}

}  // namespace
}  // namespace mapwire
