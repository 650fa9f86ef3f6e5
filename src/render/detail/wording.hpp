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
// ASCII upper case (country names on the map); other bytes unchanged.
std::string upper(std::string s);
// An ISO day at its precision: "9 Apr 2025" (day), "Apr 2025" (month), "2025" (year), else
// "c. Apr 2025"; "" for a date that is not YYYY-MM-DD.
std::string month_text(const std::string& iso, const std::string& precision);
// What happened, then where and when: "Capture of 2 Chinese nationals (6 engaged)\nDonetsk
// Oblast · c. Apr 2025 · claim". Counts as the text gave them, never a number it did not.
std::string event_label(const events::Event& e);
// The numbered key of the located events, one line each ("1. What — where · when").
std::vector<std::string> key_lines(const std::vector<events::Event>& events);

}  // namespace mapwire::render::detail
