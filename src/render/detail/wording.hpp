// What a map says in words: numbers, dates, event labels, the key.
//
// Numbers with thousands separators, dates at their precision, an event's two-line label and its
// line in the key.
#pragma once

#include <string>
#include <vector>

#include "events/event.hpp"

namespace mapwire::render::detail {

// 119819.4 -> "119,819": rounded, with a comma every three digits.
std::string thousands(double v);
// A count's quantity as the text gave it: its words for a vague one ("thousands"), else the
// number, "~" before a hedged one ("~40"); never a number the text did not give.
std::string count_value(const events::Count& c);
// ASCII upper case (country names on the map); other bytes unchanged.
std::string upper(std::string s);
// An ISO day at its precision: "9 Apr 2025" (day), "Apr 2025" (month), "2025" (year), else
// "c. Apr 2025"; "" for a date that is not YYYY-MM-DD.
std::string month_text(const std::string& iso, events::DatePrecision precision);
// What happened, then where and when: "Capture of 2 Chinese nationals (6 engaged)\nDonetsk
// Oblast · c. Apr 2025 · claim". Counts as the text gave them, never a number it did not.
std::string event_label(const events::Event& e);
// An event in full, a line per question a reader asks (the web map's popup): what, who, how
// many (as the text gave them), when and where at their precision, how it was reported, on
// whose word, and the sentence it came from. Lines with nothing to say are left out.
struct DetailLine {
    std::string label, text;
};
std::vector<DetailLine> event_details(const events::Event& e);
// The numbered key of the located events, one line each ("1. What — where · when").
std::vector<std::string> key_lines(const std::vector<events::Event>& events);
// A unit held by another state, as the dataset records it (occupied_by, occupied_since).
struct OccupiedUnit {
    std::string name, holder;  // holder: the occupying state's name
    int since = 0;
};
// What the map says of occupied units, from their own records: "Autonomous Republic of Crimea
// and Sevastopol: occupied by Russia since 2014" (names in alphabetical order); groups of other
// holders or years follow after "; ". Without `names` (the legend and credits, where the hatch
// shows which areas): "occupied by Russia since 2014". "" for none.
std::string occupation_text(const std::vector<OccupiedUnit>& units, bool names = true);

// A title for a map whose article has no headline: its first located event (the lead, in news
// order) and where ("Armed clash in Pokrovsk"); "" when no event is located.
std::string title_of(const std::vector<events::Event>& events);
// An event in a phrase: what, where and how reported ("Armed clash in Pokrovsk", "North Korea
// deployed thousands of troops in Ukraine, alleged").
std::string event_phrase(const events::Event& e);

// Whether the event is known only to a country: the map names it in the notes ("Elsewhere in
// Ukraine: ...") rather than set a dot in the middle of the country.
bool country_only(const events::Event& e);
// The notes' lines for the events known only to a country, in text order.
std::vector<std::string> elsewhere_lines(const std::vector<events::Event>& events);

}  // namespace mapwire::render::detail
