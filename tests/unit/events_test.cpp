// The event coder's stages without the dataset: tables, number words, dates, clauses,
// trigger match, argument filling (actors, counts, fatality notes, background) and merging.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <tuple>

#include "events/detail/arguments.hpp"
#include "events/detail/dates.hpp"
#include "events/detail/document.hpp"
#include "events/detail/merge.hpp"
#include "events/detail/numbers.hpp"
#include "events/detail/tables.hpp"
#include "events/detail/triggers.hpp"
#include "text/tokenize.hpp"

namespace mapwire::events::detail {

TEST(Numbers, DigitsWordsAndVagueQuantities) {
    EXPECT_EQ(parse_number_word("two")->value, 2);
    EXPECT_EQ(parse_number_word("Six")->value, 6);
    EXPECT_EQ(parse_number_word("1,200")->value, 1200);
    EXPECT_EQ(parse_number_word("thirty-eight")->value, 38);
    EXPECT_FALSE(parse_number_word("1,200")->approximate);
    EXPECT_TRUE(parse_number_word("thousands")->approximate);
    EXPECT_EQ(parse_number_word("dozens")->value, 24);  // the least "dozens" can mean
    EXPECT_TRUE(parse_number_word("several")->approximate);
    EXPECT_TRUE(parse_number_word("a")->article);
    EXPECT_FALSE(parse_number_word("soldiers").has_value());
    EXPECT_FALSE(parse_number_word("12a").has_value());
    EXPECT_FALSE(parse_number_word("kamikaze-drones").has_value());
    EXPECT_TRUE(is_hedge("approximately"));
    EXPECT_FALSE(is_hedge("captured"));
}

EventDate resolve(std::vector<std::string_view> words, const char* ref) {
    return resolve_date(words, parse_iso_day(ref));
}

TEST(Dates, WeekdaysResolveToTheLastSuchDayBeforePublication) {
    // 2025-04-09 is a Wednesday.
    EXPECT_EQ(resolve({"struck", "on", "Monday"}, "2025-04-09").date, "2025-04-07");
    EXPECT_EQ(resolve({"on", "Wednesday"}, "2025-04-09").date, "2025-04-09");
    EXPECT_EQ(resolve({"on", "Thursday"}, "2025-04-09").date, "2025-04-03");
    EXPECT_EQ(resolve({"on", "Monday"}, "2025-04-09").precision, DatePrecision::day);
}

TEST(Dates, MonthsYearsAndVagueTimes) {
    EXPECT_EQ(resolve({"on", "March", "3"}, "2025-04-09").date, "2025-03-03");
    EXPECT_EQ(resolve({"in", "March"}, "2025-04-09").precision, DatePrecision::month);
    const auto early = resolve({"captured", "early", "this", "year"}, "2025-04-09");
    EXPECT_EQ(early.date, "2025-01-01");
    EXPECT_EQ(early.precision, DatePrecision::approximate);
    EXPECT_EQ(early.text, "early this year");
    EXPECT_EQ(resolve({"invasion", "in", "2022"}, "2025-04-09").date, "2022-01-01");
    EXPECT_EQ(resolve({"yesterday"}, "2025-03-01").date, "2025-02-28");
    // "recently" only when nothing more precise is said
    EXPECT_EQ(resolve({"a", "recent", "conference", "early", "this", "year"}, "2025-04-09").text,
              "early this year");
    EXPECT_EQ(resolve({"recently"}, "2025-04-09").precision, DatePrecision::approximate);
    EXPECT_TRUE(resolve({"no", "date", "here"}, "2025-04-09").date.empty());
    EXPECT_TRUE(resolve({"on", "Monday"}, "not-a-date").date.empty());
}

TEST(Dates, AStatedDayIsTheEventsWhateverTheReportDate) {
    const auto d = resolve({"On", "13", "October", "2022", "Russian", "forces"}, "2023-01-05");
    EXPECT_EQ(d.date, "2022-10-13");
    EXPECT_EQ(d.time_precision(), 1);
    const auto week = resolve({"Around", "15", "September", "2022", "week", "of"}, "2022-09-15");
    EXPECT_EQ(week.precision, DatePrecision::week);
    EXPECT_EQ(week.time_precision(), 2);
    EXPECT_EQ(resolve({"last", "week"}, "2025-04-09").precision, DatePrecision::week);
    const auto month = resolve({"last", "month"}, "2025-03-31");
    EXPECT_EQ(month.date, "2025-02-01");
    EXPECT_EQ(month.time_precision(), 3);
    EXPECT_EQ(resolve({"overnight"}, "2025-04-09").date, "2025-04-09");
}

TEST(Dates, PrecisionWordsRoundTripAndOthersAreRefused) {
    for (auto p : {DatePrecision::none, DatePrecision::day, DatePrecision::week,
                   DatePrecision::month, DatePrecision::year, DatePrecision::approximate})
        EXPECT_EQ(parse_date_precision(to_string(p)), p);
    EXPECT_EQ(to_string(DatePrecision::none), "");
    EXPECT_EQ(to_string(DatePrecision::week), "week");
    EXPECT_EQ(parse_date_precision("approximate"), DatePrecision::approximate);
    EXPECT_FALSE(parse_date_precision("Day"));
    EXPECT_FALSE(parse_date_precision("decade"));
    EXPECT_FALSE(parse_date_precision(" day"));
}

TEST(Events, GeoPrecisionKeepsAcledCodes) {
    EXPECT_EQ(acled_code(GeoPrecision::town), 1);
    EXPECT_EQ(acled_code(GeoPrecision::region), 2);
    EXPECT_EQ(acled_code(GeoPrecision::country), 3);
    for (std::int64_t code : {1, 2, 3})
        EXPECT_EQ(acled_code(*geo_precision_from_acled(code)), code);
    EXPECT_FALSE(geo_precision_from_acled(0));
    EXPECT_FALSE(geo_precision_from_acled(4));
    EXPECT_FALSE(geo_precision_from_acled(-1));
}

TEST(Dates, IsoDays) {
    EXPECT_TRUE(parse_iso_day("2024-02-29").has_value());
    EXPECT_FALSE(parse_iso_day("2023-02-29").has_value());
    EXPECT_FALSE(parse_iso_day("2025-4-9").has_value());
    EXPECT_EQ(to_iso({2025, 4, 9}), "2025-04-09");
}

// --- Tables ------------------------------------------------------------------------------

const char* kSubtypes =
    "# ranks\nBattles\tArmed clash\t7\nBattles\tGovernment regains territory\t9\n";

TEST(Tables, ParsesRowsAndNamesTheBadOnes) {
    const auto t =
        parse_tables({"# c\nclashed\tBattles\tArmed clash\tfixed\tany\n"
                      "shot down\tBattles\tArmed clash\tfixed\tprojectile\n",
                      kSubtypes, "air\tdrone\n", "killed\tkilled\n", "two\t2\texact\n",
                      "word:dpr\tNAF: Novorossiya Armed Forces\tUA\tRU\n"});
    ASSERT_EQ(t.triggers.size(), 2u);
    EXPECT_EQ(t.triggers[1].phrase, (std::vector<std::string>{"shot", "down"}));
    EXPECT_EQ(t.triggers[1].object, Object::projectile);
    EXPECT_EQ(t.rank(SubEventType::government_regains_territory), 9);
    EXPECT_EQ(t.rank(std::nullopt), 0);
    EXPECT_TRUE(t.in(List::air, "drone"));
    EXPECT_EQ(t.actor_by_word.at("dpr").side, "RU");
    auto bad = [&](std::string_view triggers) {
        try {
            parse_tables({triggers, kSubtypes, "", "", "", ""});
        } catch (const TableError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_NE(bad("x\tBattles\tArmed clash\tsometimes\tany\n").find("triggers.tsv:1"),
              std::string::npos);
    EXPECT_NE(bad("# c\nx\tBattles\tArmd clash\tfixed\tany\n").find(":2"), std::string::npos);
    EXPECT_NE(bad("x\tBattles\n").find("columns"), std::string::npos);
    EXPECT_NE(bad("x\tBattles\tArmed clash\tfixed\tsomeone\n").find("object"), std::string::npos);
}

TEST(Tables, EmbeddedTablesAreComplete) {
    const Tables& t = tables();
    EXPECT_GT(t.triggers.size(), 50u);
    for (const auto& trig : t.triggers) {
        if (trig.sub_type) {
            EXPECT_GT(t.rank(trig.sub_type), 0) << to_string(trig.sub_type);
        }
    }
    EXPECT_EQ(t.actor_by_country.at("RU").acled, "Military Forces of Russia (2000-)");
    EXPECT_EQ(t.actor_by_country.at("UA").acled, "Military Forces of Ukraine (2019-)");
    EXPECT_GT(t.rank(SubEventType::armed_clash),
              t.rank(SubEventType::shelling_artillery_missile_attack));
    EXPECT_GT(t.rank(SubEventType::government_regains_territory),
              t.rank(SubEventType::armed_clash));
}

TEST(Tables, DocsShowTheTriggerTable) {
    // docs/events.md carries the table between its markers as trigger_table_markdown() gives
    // it: edit geodata/events/triggers.tsv, then paste the expected text printed here.
    std::ifstream in(std::string(MAPWIRE_DOCS_DIR) + "/events.md");
    std::stringstream doc;
    doc << in.rdbuf();
    const std::string text = doc.str(), begin = "<!-- begin triggers.tsv -->\n",
                      end = "<!-- end triggers.tsv -->";
    const auto from = text.find(begin), to = text.find(end);
    ASSERT_NE(from, std::string::npos);
    ASSERT_NE(to, std::string::npos);
    const std::string expected = trigger_table_markdown(tables());
    EXPECT_EQ(text.substr(from + begin.size(), to - from - begin.size()), expected) << "expected:\n"
                                                                                    << expected;
}

// --- Stages on a document with hand-made mentions ---------------------------------------

gazetteer::Place country(const char* id, const char* name, const char* iso) {
    gazetteer::Place p;
    p.id = id;
    p.name = name;
    p.type = gazetteer::PlaceType::admin0;
    p.country = iso;
    return p;
}

// A document whose listed words are geoparser mentions with the given role and place.
struct Doc {
    std::string text;
    std::vector<text::Token> tokens;  // the geoparser's, which the document keeps by reference
    geoparse::GeoparseResult places;
    std::unique_ptr<Document> doc;
    Doc(std::string t, std::vector<std::tuple<std::string, geoparse::Role, gazetteer::Place>> ms)
        : text(std::move(t)) {
        std::size_t from = 0;
        for (auto& [word, role, place] : ms) {
            geoparse::Mention m;
            m.text = word;
            m.byte_start = text.find(word, from);
            m.byte_end = m.byte_start + word.size();
            m.role = role;
            m.place = place;
            from = m.byte_end;
            places.mentions.push_back(m);
        }
        tokens = text::tokenize(text);
        doc = std::make_unique<Document>(text, tokens, places, tables());
    }
    const Document& operator*() const { return *doc; }
    Span all() const { return doc->sentences().front(); }
    std::size_t token(std::string_view word) const {
        for (std::size_t t = 0; t < doc->tokens().size(); ++t)
            if (doc->token(t).text == word) return t;
        return 0;
    }
};

using geoparse::Role;

std::optional<TriggerMatch> first_trigger(const Doc& d) {
    const Span s = d.all();
    for (std::size_t t = s.first; t < s.last; ++t)
        if (auto m = match_trigger(*d, s, t)) return m;
    return std::nullopt;
}

TEST(Triggers, TheObjectPicksTheReading) {
    const auto ru = country("country:RU", "Russia", "RU");
    const auto ua = country("country:UA", "Ukraine", "UA");
    Doc drones("Ukrainian forces shot down 11 Russian drones over the region.",
               {{"Ukrainian", Role::demonym, ua}, {"Russian", Role::demonym, ru}});
    ASSERT_TRUE(first_trigger(drones));
    EXPECT_EQ(first_trigger(drones)->trigger->sub_type, SubEventType::disrupted_weapons_use);
    Doc heli("Ukrainian forces shot down a Russian helicopter.",
             {{"Ukrainian", Role::demonym, ua}, {"Russian", Role::demonym, ru}});
    EXPECT_EQ(first_trigger(heli)->trigger->sub_type,
              SubEventType::shelling_artillery_missile_attack);
    Doc woman("Russian forces captured a 40-year-old woman and took her away.",
              {{"Russian", Role::demonym, ru}});
    EXPECT_EQ(first_trigger(woman)->trigger->sub_type,
              SubEventType::abduction_forced_disappearance);
    Doc soldiers("Ukrainian forces captured two soldiers.", {{"Ukrainian", Role::demonym, ua}});
    EXPECT_EQ(first_trigger(soldiers)->trigger->sub_type, SubEventType::armed_clash);
    Doc shells("One of the shells fell near a truck.", {});
    EXPECT_FALSE(first_trigger(shells));
}

TEST(Triggers, WeaponsPickTheRemoteViolenceSubType) {
    Doc air("Russian forces carried out air strikes and artillery fire.", {});
    EXPECT_EQ(weapon_sub_type(*air, air.all()), SubEventType::air_drone_strike);  // aircraft first
    Doc shell("They fired 120mm mortars at the positions.", {});
    EXPECT_EQ(weapon_sub_type(*shell, shell.all()),
              SubEventType::shelling_artillery_missile_attack);
    Doc mine("A car exploded on a landmine.", {});
    EXPECT_EQ(weapon_sub_type(*mine, mine.all()), SubEventType::remote_explosive_landmine_ied);
    Doc none("They met at noon.", {});
    EXPECT_EQ(weapon_sub_type(*none, none.all()), std::nullopt);
}

TEST(Clauses, SplitAtSemicolonsAndCommaConjunctions) {
    Doc d("Russian forces shelled the town, and a strike hit the market; fighting went on.", {});
    const auto clauses = split_clauses(*d, d.all());
    ASSERT_EQ(clauses.size(), 3u);
    EXPECT_EQ((*d).word(clauses[1].first), "and");
    EXPECT_EQ((*d).word(clauses[2].first), "fighting");
}

TEST(Actors, AcledNamesSidesAndNoActorFromASpeaker) {
    const auto ru = country("country:RU", "Russia", "RU");
    const auto sy = country("country:SY", "Syria", "SY");
    Doc russian("Russian military forces shelled the village.", {{"Russian", Role::demonym, ru}});
    const Actor a = actor_before(*russian, russian.all(), russian.token("shelled"));
    EXPECT_EQ(a.name, "Russian military forces");
    EXPECT_EQ(a.country, "RU");
    EXPECT_EQ(a.acled, "Military Forces of Russia (2000-)");
    Doc dpr("The DPR forces fired mortars.", {});
    const Actor naf = actor_before(*dpr, dpr.all(), dpr.token("fired"));
    EXPECT_EQ(naf.acled, "NAF: Novorossiya Armed Forces");
    EXPECT_EQ(naf.side, "RU");
    Doc said("The Syrian army said there were rocket attacks on the capital.",
             {{"Syrian", Role::demonym, sy}});
    EXPECT_TRUE(actor_before(*said, said.all(), said.token("attacks")).name.empty());
}

std::int64_t count_of(const std::vector<Count>& counts, std::string_view meaning) {
    for (const auto& c : counts)
        if (c.meaning == meaning) return c.value;
    return -1;
}

TEST(Counts, WhatEachNumberCounts) {
    Doc woman("Russian forces fired on the cars, killing a woman and wounding a man.", {});
    const auto w = counts(*woman, woman.all());
    EXPECT_EQ(count_of(w, "killed"), 1);
    EXPECT_EQ(count_of(w, "injured"), 1);
    Doc two("Russian forces shelled Bezruky, killing a mother and a child.", {});
    EXPECT_EQ(count_of(counts(*two, two.all()), "killed"), 2);
    Doc rebels("One DPR rebel was killed and three were wounded.", {});
    const auto r = counts(*rebels, rebels.all());
    EXPECT_EQ(count_of(r, "killed"), 1);
    EXPECT_EQ(count_of(r, "injured"), 3);
    Doc vague("The strike wounded thousands of people.", {});
    const auto v = counts(*vague, vague.all());
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].words, "thousands");  // shown in words, the value only a lower bound
    EXPECT_TRUE(v[0].approximate);
    Doc tens("The offensive wounded thousands and displaced tens of thousands of people.", {});
    const auto t = counts(*tens, tens.all());
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t[0].words, "thousands");  // not added to the next quantity
    EXPECT_EQ(t[0].value, 2000);
    EXPECT_EQ(t[1].meaning, "displaced");
    EXPECT_EQ(t[1].words, "tens of thousands");
    EXPECT_EQ(t[1].value, 20000);
    Doc km("They advanced 5 kilometres in 2024.", {});
    EXPECT_TRUE(counts(*km, km.all()).empty());
}

TEST(Counts, FatalityNotesAndUnknownCasualties) {
    Doc coded("Unspecified fatalities coded as 10.", {});
    std::vector<Count> c;
    EXPECT_TRUE(fatality_note(*coded, coded.all(), c));
    EXPECT_EQ(count_of(c, "killed"), 10);
    Doc split(
        "More than 30 soldiers were killed near three villages (fatalities split between 3 "
        "events).",
        {});
    c = counts(*split, split.all());
    EXPECT_TRUE(fatality_note(*split, split.all(), c));
    EXPECT_EQ(count_of(c, "killed"), 10);
    Doc elsewhere("Two soldiers were killed (fatalities coded to Novotroitske event).", {});
    c = counts(*elsewhere, elsewhere.all());
    EXPECT_TRUE(fatality_note(*elsewhere, elsewhere.all(), c));
    EXPECT_EQ(count_of(c, "killed"), 0);
    Doc unknown("Casualties unknown.", {});
    EXPECT_TRUE(casualties_unknown(*unknown, unknown.all()));
    Doc plain("Two soldiers were killed.", {});
    c = counts(*plain, plain.all());
    EXPECT_FALSE(fatality_note(*plain, plain.all(), c));
}

TEST(Background, PastEventsTheTextRecalls) {
    Doc ago("The protests that ignited the conflict seven years ago.", {});
    EXPECT_TRUE(is_background(*ago, ago.all(), {}, "2025-04-09"));
    Doc days("The town was shelled two days ago.", {});
    EXPECT_FALSE(is_background(*days, days.all(), {}, "2025-04-09"));
    Doc before("Fighting broke out in 2016.", {});
    EXPECT_TRUE(is_background(*before, before.all(), {"2016-01-01", DatePrecision::year, "in 2016"},
                              "2025-04-09"));
    Doc previously("Previously, the sides agreed a ceasefire.", {});
    EXPECT_TRUE(is_background(*previously, previously.all(), {}, "2025-04-09"));
    Doc this_year("Forces previously captured two soldiers early this year.", {});
    EXPECT_FALSE(is_background(*this_year, this_year.all(),
                               {"2025-01-01", DatePrecision::approximate, "early this year"},
                               "2025-04-09"));
}

// --- Merging -----------------------------------------------------------------------------

Event event(EventType type, SubEventType sub_type, const gazetteer::Place& at, int killed) {
    Event e;
    e.type = type;
    e.sub_type = sub_type;
    e.location = at;
    e.date = {"2022-09-12", DatePrecision::day, "12 September"};
    if (killed >= 0) e.counts.push_back({killed, "killed", false, false, {}});
    return e;
}

TEST(Merge, OnePlaceAndDayIsTheEventOfHighestRank) {
    gazetteer::Place a, b;
    a.id = "geonames:1";
    b.id = "geonames:2";
    std::vector<Event> in = {
        event(EventType::explosions_remote_violence,
              SubEventType::shelling_artillery_missile_attack, a, 1),
        event(EventType::battles, SubEventType::armed_clash, a, -1),
        event(EventType::explosions_remote_violence, SubEventType::air_drone_strike, b, 0)};
    const auto out = combine_same_place(in, tables());
    ASSERT_EQ(out.size(), 2u);  // distinct places stay distinct
    EXPECT_EQ(out[0].sub_type, SubEventType::armed_clash);
    EXPECT_EQ(count_of(out[0].counts, "killed"), 1);  // the casualties go with it
    EXPECT_EQ(out[1].sub_type, SubEventType::air_drone_strike);
    in[1].background = true;  // a past clash there is another event
    EXPECT_EQ(combine_same_place(in, tables()).size(), 3u);
}

TEST(Merge, RepeatedReportsMerge) {
    gazetteer::Place a;
    a.id = "geonames:1";
    auto first = event(EventType::battles, SubEventType::armed_clash, a, -1);
    first.actor2 = {"Chinese nationals", "CN", "RU", {}};
    first.counts = {{2, "captured", false, false, {}}};
    auto again = event(EventType::battles, SubEventType::armed_clash, a, -1);
    again.actor2 = {"Chinese soldiers", "CN", {}, {}};
    again.counts = {{6, "engaged", false, false, {}}, {2, "captured", false, false, {}}};
    const auto out = merge_reports({first, again});
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(count_of(out[0].counts, "captured"), 2);
    EXPECT_EQ(count_of(out[0].counts, "engaged"), 6);
}

TEST(Merge, AMorePreciseReportElsewhereDoesNotMoveTheEvent) {
    gazetteer::Place donetsk, kherson_village, donetsk_village;
    donetsk.id = "admin1:UA-14";
    donetsk.index = 14;
    donetsk.type = gazetteer::PlaceType::admin1;
    kherson_village.id = "geonames:1";
    kherson_village.admin1 = 65;  // a homonym in another unit
    donetsk_village.id = "geonames:2";
    donetsk_village.admin1 = 14;
    auto in_unit = event(EventType::explosions_remote_violence,
                         SubEventType::shelling_artillery_missile_attack, donetsk, -1);
    in_unit.geo_precision = GeoPrecision::region;
    auto homonym = in_unit;
    homonym.location = kherson_village;
    homonym.geo_precision = GeoPrecision::town;
    EXPECT_EQ(merge_reports({in_unit, homonym})[0].location->id, "admin1:UA-14");
    auto inside = homonym;
    inside.location = donetsk_village;
    EXPECT_EQ(merge_reports({in_unit, inside})[0].location->id, "geonames:2");
}

}  // namespace mapwire::events::detail
