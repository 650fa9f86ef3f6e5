// ACLED's event types and sub-types as enums: every name as ACLED spells it round-trips, other
// names are refused, each sub-type knows its type, and the data files that name them (the
// coder's tables, the label table) refuse an unknown name, naming it and its line.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "events/detail/tables.hpp"
#include "events/event.hpp"
#include "render/detail/event_labels.hpp"
#include "render/map.hpp"

namespace mapwire::events {
namespace {

// ACLED Codebook 2023: each sub-event type under its event type, spelt as ACLED spells them.
const std::vector<std::pair<std::string, std::vector<std::string>>> kCodebook = {
    {"Battles",
     {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}},
    {"Explosions/Remote violence",
     {"Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
      "Suicide bomb", "Chemical weapon", "Grenade"}},
    {"Violence against civilians", {"Sexual violence", "Attack", "Abduction/forced disappearance"}},
    {"Protests",
     {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}},
    {"Riots", {"Violent demonstration", "Mob violence"}},
    {"Strategic developments",
     {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
      "Headquarters or base established", "Looting/property destruction",
      "Non-violent transfer of territory", "Other"}},
};

TEST(AcledTypes, EveryNameRoundTrips) {
    std::size_t sub_types = 0;
    for (const auto& [type_name, subs] : kCodebook) {
        const auto type = parse_event_type(type_name);
        ASSERT_TRUE(type) << type_name;
        EXPECT_EQ(to_string(*type), type_name);
        for (const auto& sub_name : subs) {
            const auto sub = parse_sub_event_type(sub_name);
            ASSERT_TRUE(sub) << sub_name;
            EXPECT_EQ(to_string(*sub), sub_name);
            ++sub_types;
        }
    }
    EXPECT_EQ(kCodebook.size(), 6u);
    EXPECT_EQ(sub_types, 25u);
    EXPECT_EQ(to_string(std::optional<SubEventType>()), "");
}

TEST(AcledTypes, EachSubTypeKnowsItsType) {
    for (const auto& [type_name, subs] : kCodebook)
        for (const auto& sub_name : subs)
            EXPECT_EQ(event_type_of(*parse_sub_event_type(sub_name)), parse_event_type(type_name))
                << sub_name;
    EXPECT_EQ(event_type_of(SubEventType::air_drone_strike), EventType::explosions_remote_violence);
    EXPECT_EQ(event_type_of(SubEventType::other), EventType::strategic_developments);
}

TEST(AcledTypes, OtherNamesAreRefused) {
    for (const char* name : {"", "battles", "Battle", " Battles", "Explosions/remote violence",
                             "Armed clash", "Remote violence"})
        EXPECT_FALSE(parse_event_type(name)) << name;
    for (const char* name : {"", "armed clash", "Armed Clash", "Air strike", "Battles",
                             "Shelling/artillery/missile attack "})
        EXPECT_FALSE(parse_sub_event_type(name)) << name;
}

// The error of a table text, "" when it parses.
std::string table_error(std::string_view triggers, std::string_view subtypes) {
    try {
        detail::parse_tables({triggers, subtypes, "", "", "", ""});
    } catch (const detail::TableError& e) {
        return e.what();
    }
    return {};
}

TEST(AcledTypes, TablesNameAnUnknownNameAndItsLine) {
    const char* ranks = "Battles\tArmed clash\t7\n";
    EXPECT_EQ(table_error("clashed\tBattles\tArmed clash\tfixed\tany\n", ranks), "");
    const std::string type = table_error("# c\nclashed\tBattle\tArmed clash\tfixed\tany\n", ranks);
    EXPECT_NE(type.find("triggers.tsv:2"), std::string::npos) << type;
    EXPECT_NE(type.find("'Battle'"), std::string::npos) << type;
    const std::string sub = table_error("clashed\tBattles\tArmed clashes\tfixed\tany\n", ranks);
    EXPECT_NE(sub.find("triggers.tsv:1"), std::string::npos) << sub;
    EXPECT_NE(sub.find("'Armed clashes'"), std::string::npos) << sub;
    // A sub-type under another type than its own.
    const std::string parent = table_error("", "Riots\tArmed clash\t7\n");
    EXPECT_NE(parent.find("subtypes.tsv:1"), std::string::npos) << parent;
    EXPECT_NE(parent.find("'Armed clash'"), std::string::npos) << parent;
}

TEST(AcledTypes, TheLabelTableNamesAnUnknownSubType) {
    Event e;
    e.sub_type = SubEventType::armed_clash;
    try {
        render::detail::plain_label(e, "sub_type\ttrigger\tlabel\nArmed clsh\t\tFighting\n");
        ADD_FAILURE() << "an unknown sub-type was read";
    } catch (const render::RenderError& error) {
        const std::string what = error.what();
        EXPECT_NE(what.find("labels.tsv:2"), std::string::npos) << what;
        EXPECT_NE(what.find("'Armed clsh'"), std::string::npos) << what;
    }
}

}  // namespace
}  // namespace mapwire::events
