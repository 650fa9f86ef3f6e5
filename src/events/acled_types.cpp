// ACLED's event types and sub-event types: their names as ACLED spells them, and which type
// each sub-type belongs to (ACLED Codebook 2023).
#include <array>

#include "events/event.hpp"

namespace mapwire::events {

namespace {

struct TypeName {
    EventType type;
    std::string_view name;
};

constexpr std::array<TypeName, 6> kTypes = {{
    {EventType::battles, "Battles"},
    {EventType::explosions_remote_violence, "Explosions/Remote violence"},
    {EventType::protests, "Protests"},
    {EventType::riots, "Riots"},
    {EventType::strategic_developments, "Strategic developments"},
    {EventType::violence_against_civilians, "Violence against civilians"},
}};

struct SubTypeName {
    SubEventType sub_type;
    std::string_view name;
    EventType type;
};

// In the enum's order, so that a sub-type's row is kSubTypes[its value].
constexpr std::array<SubTypeName, 25> kSubTypes = {{
    {SubEventType::abduction_forced_disappearance, "Abduction/forced disappearance",
     EventType::violence_against_civilians},
    {SubEventType::agreement, "Agreement", EventType::strategic_developments},
    {SubEventType::air_drone_strike, "Air/drone strike", EventType::explosions_remote_violence},
    {SubEventType::armed_clash, "Armed clash", EventType::battles},
    {SubEventType::arrests, "Arrests", EventType::strategic_developments},
    {SubEventType::attack, "Attack", EventType::violence_against_civilians},
    {SubEventType::change_to_group_activity, "Change to group/activity",
     EventType::strategic_developments},
    {SubEventType::chemical_weapon, "Chemical weapon", EventType::explosions_remote_violence},
    {SubEventType::disrupted_weapons_use, "Disrupted weapons use",
     EventType::strategic_developments},
    {SubEventType::excessive_force_against_protesters, "Excessive force against protesters",
     EventType::protests},
    {SubEventType::government_regains_territory, "Government regains territory",
     EventType::battles},
    {SubEventType::grenade, "Grenade", EventType::explosions_remote_violence},
    {SubEventType::headquarters_or_base_established, "Headquarters or base established",
     EventType::strategic_developments},
    {SubEventType::looting_property_destruction, "Looting/property destruction",
     EventType::strategic_developments},
    {SubEventType::mob_violence, "Mob violence", EventType::riots},
    {SubEventType::non_state_actor_overtakes_territory, "Non-state actor overtakes territory",
     EventType::battles},
    {SubEventType::non_violent_transfer_of_territory, "Non-violent transfer of territory",
     EventType::strategic_developments},
    {SubEventType::other, "Other", EventType::strategic_developments},
    {SubEventType::peaceful_protest, "Peaceful protest", EventType::protests},
    {SubEventType::protest_with_intervention, "Protest with intervention", EventType::protests},
    {SubEventType::remote_explosive_landmine_ied, "Remote explosive/landmine/IED",
     EventType::explosions_remote_violence},
    {SubEventType::sexual_violence, "Sexual violence", EventType::violence_against_civilians},
    {SubEventType::shelling_artillery_missile_attack, "Shelling/artillery/missile attack",
     EventType::explosions_remote_violence},
    {SubEventType::suicide_bomb, "Suicide bomb", EventType::explosions_remote_violence},
    {SubEventType::violent_demonstration, "Violent demonstration", EventType::riots},
}};

constexpr bool rows_in_enum_order() {
    for (std::size_t i = 0; i < kTypes.size(); ++i)
        if (static_cast<std::size_t>(kTypes[i].type) != i) return false;
    for (std::size_t i = 0; i < kSubTypes.size(); ++i)
        if (static_cast<std::size_t>(kSubTypes[i].sub_type) != i) return false;
    return true;
}
static_assert(rows_in_enum_order(), "the name tables follow the enums' order");

}  // namespace

std::string_view to_string(EventType t) {
    return kTypes[static_cast<std::size_t>(t)].name;
}

std::optional<EventType> parse_event_type(std::string_view name) {
    for (const auto& row : kTypes)
        if (row.name == name) return row.type;
    return std::nullopt;
}

std::string_view to_string(SubEventType s) {
    return kSubTypes[static_cast<std::size_t>(s)].name;
}

std::string_view to_string(const std::optional<SubEventType>& s) {
    return s ? to_string(*s) : std::string_view();
}

std::optional<SubEventType> parse_sub_event_type(std::string_view name) {
    for (const auto& row : kSubTypes)
        if (row.name == name) return row.sub_type;
    return std::nullopt;
}

EventType event_type_of(SubEventType s) {
    return kSubTypes[static_cast<std::size_t>(s)].type;
}

}  // namespace mapwire::events
