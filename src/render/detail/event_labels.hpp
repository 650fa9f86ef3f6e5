// Events in plain words: the first line of an event's label on the map, from the phrase table
// geodata/events/labels.tsv (embedded at build time).
#pragma once

#include <set>
#include <string>

#include "events/event.hpp"

namespace mapwire::render::detail {

struct PlainLabel {
    std::string text;               // "Russian forces take Novoyehorivka"; "" when no row fits
    bool names_place = false;       // the text names the event's location
    std::set<std::string> counted;  // the count meanings the text states ("captured")
};

// The first row of the table for the event's sub-type (and trigger) whose placeholders all
// have a value.
PlainLabel plain_label(const events::Event& e);

// The rows of a table text (header and # comments skipped): for tests of the phrasing.
PlainLabel plain_label(const events::Event& e, std::string_view table);

}  // namespace mapwire::render::detail
