// Reported events and territory figures: what the extractor finds in an article.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/place.hpp"

namespace mapwire::events {

struct Actor {
    std::string name;     // as the text puts it: "Ukrainian forces", "Chinese nationals"
    std::string country;  // ISO alpha-2 of the actor's nationality, or ""
    std::string side;     // ISO alpha-2 of the state it fights for, when different ("RU")
    std::string acled;    // ACLED's name for it ("Military Forces of Russia (2000-)"), or ""
    // The name is a nationality's adjective alone ("Israeli" of "Israeli strikes"): it says
    // whose, not who, and a label does not write it as a subject.
    bool adjective = false;
};

struct Count {
    std::int64_t value = 0;    // the number; for a vague quantity the least it can mean
    std::string meaning;       // captured, engaged, killed, injured, deployed, launched ...
    bool approximate = false;  // "thousands", "about 40", "at least 50"
    bool unknown = false;      // "Casualties unknown": 0 stands for a number nobody gave
    std::string words;         // a vague quantity as written ("thousands", "dozens"), else ""
};

// How much of an event's date is known. `none` goes with no date at all; the words
// ("day", "week" ...) are what extract JSON and tables write, read back by parse.
enum class DatePrecision { none, day, week, month, year, approximate };
std::string_view to_string(DatePrecision p);  // "" for none
// The precision a word names ("" is none); nullopt for any other word, which callers report.
std::optional<DatePrecision> parse_date_precision(std::string_view word);

// A date as the text gives it: `date` is always a full ISO 8601 day (the first day of the
// period for coarser dates), `precision` says how much of it is known.
struct EventDate {
    std::string date;  // YYYY-MM-DD, or "" when unknown
    DatePrecision precision = DatePrecision::none;
    std::string text;  // the words it came from ("on Monday", "early this year")
    // ACLED's time_precision: 1 the day is known, 2 the week, 3 the month or coarser.
    int time_precision() const;
};

// Where an event is, as precisely as the text says; the values are ACLED's geo_precision
// codes, which outputs write as numbers.
enum class GeoPrecision { town = 1, region = 2, country = 3 };
int acled_code(GeoPrecision p);
// The precision of an ACLED code; nullopt for anything but 1, 2 or 3.
std::optional<GeoPrecision> geo_precision_from_acled(std::int64_t code);

// ACLED's six event types. Declared in the alphabetical order of ACLED's names, so that maps
// and sets keyed by them (the legend, the aggregate cells) keep the order the names had.
enum class EventType {
    battles,                     // "Battles"
    explosions_remote_violence,  // "Explosions/Remote violence"
    protests,                    // "Protests"
    riots,                       // "Riots"
    strategic_developments,      // "Strategic developments"
    violence_against_civilians,  // "Violence against civilians"
};
std::string_view to_string(EventType t);  // ACLED's spelling
// The type ACLED's name names; nullopt for any other name, which callers report.
std::optional<EventType> parse_event_type(std::string_view name);

// ACLED's sub-event types, alphabetical by ACLED's name as EventType is; each belongs to one
// event type (event_type_of).
enum class SubEventType {
    abduction_forced_disappearance,       // Violence against civilians
    agreement,                            // Strategic developments
    air_drone_strike,                     // Explosions/Remote violence
    armed_clash,                          // Battles
    arrests,                              // Strategic developments
    attack,                               // Violence against civilians
    change_to_group_activity,             // Strategic developments
    chemical_weapon,                      // Explosions/Remote violence
    disrupted_weapons_use,                // Strategic developments
    excessive_force_against_protesters,   // Protests
    government_regains_territory,         // Battles
    grenade,                              // Explosions/Remote violence
    headquarters_or_base_established,     // Strategic developments
    looting_property_destruction,         // Strategic developments
    mob_violence,                         // Riots
    non_state_actor_overtakes_territory,  // Battles
    non_violent_transfer_of_territory,    // Strategic developments
    other,                                // Strategic developments
    peaceful_protest,                     // Protests
    protest_with_intervention,            // Protests
    remote_explosive_landmine_ied,        // Explosions/Remote violence
    sexual_violence,                      // Violence against civilians
    shelling_artillery_missile_attack,    // Explosions/Remote violence
    suicide_bomb,                         // Explosions/Remote violence
    violent_demonstration,                // Riots
};
std::string_view to_string(SubEventType s);                        // ACLED's spelling
std::string_view to_string(const std::optional<SubEventType>& s);  // "" for none
// The sub-type ACLED's name names; nullopt for any other name, which callers report.
std::optional<SubEventType> parse_sub_event_type(std::string_view name);
// The event type a sub-type belongs to ("Air/drone strike" is Explosions/Remote violence).
EventType event_type_of(SubEventType s);

enum class Reporting { fact, claim, allegation };
std::string_view to_string(Reporting r);

struct Event {
    std::string id;  // e1, e2 ... in text order
    EventType type = EventType::battles;
    std::optional<SubEventType> sub_type;  // none only in a table that left it out
    std::string trigger;                   // the word that signalled the event
    Actor actor1, actor2;
    std::vector<Count> counts;
    EventDate date;
    std::optional<gazetteer::Place> location;
    std::string location_text;
    GeoPrecision geo_precision = GeoPrecision::country;
    std::string sentence;
    std::size_t start = 0, end = 0;  // code points of the sentence
    std::string attribution;         // "Zelensky", "Le Monde"
    Reporting reporting = Reporting::fact;
    // A past event the text recalls ("the protests that ignited the conflict seven years
    // ago", "in 2016", "previously"): kept, and off the map by default.
    bool background = false;
    std::size_t trigger_token = 0;  // internal: the trigger's token, for one event per clause
    std::size_t paragraph = 0;      // internal: the paragraph, for combining reports
};

struct TerritoryFigure {
    std::string id;                             // f1, f2 ...
    std::string text;                           // "approximately 20% of Ukraine's territory"
    std::string holder;                         // ISO alpha-2 of the state said to hold it
    std::optional<gazetteer::Place> territory;  // the whole it is a share of (Ukraine)
    double stated_value = 0;                    // as written
    std::string unit;                           // percent, km2
    std::string hedge;                          // approximately, about, more than ... or ""
    double stated_share = 0;  // percent of the territory (converted when given as area)
    double stated_km2 = 0;    // km² (converted when given as a share)
    std::string since;        // "2022"
    std::string where;        // "primarily in the eastern regions"
    std::string sentence;
    std::size_t start = 0, end = 0;
    // With a control-area layer:
    std::optional<double> measured_km2, measured_share;       // geodesic
    std::optional<double> difference_km2, difference_points;  // stated minus measured
    std::string control_layer;
};

}  // namespace mapwire::events
