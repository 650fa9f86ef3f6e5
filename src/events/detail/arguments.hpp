// Argument filling: who acts on whom, how many, who says so, how sure, and whether the
// event is a past one the text recalls.
#pragma once

#include <string>
#include <vector>

#include "events/detail/document.hpp"
#include "events/event.hpp"

namespace mapwire::events::detail {

// The nearest group noun phrase or state before the trigger ("Ukrainian forces", "RSF
// fighters", "Russia"); a counted phrase ("two Chinese nationals") is an object, not an actor.
// A subject that only speaks ("the army said ... attacks") does not act.
Actor actor_before(const Document& doc, const Span& clause, std::size_t t);

// The object of the trigger with the side it fights for ("two Chinese nationals ... fighting
// alongside the Russian army": country CN, side RU).
Actor actor_after(const Document& doc, const Span& clause, std::size_t t);

// ACLED's name for an actor of a state's armed forces or a named armed group, from
// actors.tsv: "Russian forces" is "Military Forces of Russia (2000-)", "DPR forces" NAF.
void name_as_acled(const Document& doc, std::size_t first, std::size_t last, Actor& actor);

// The counts a span gives: numbers with what they count (killed, injured, captured ...).
std::vector<Count> counts(const Document& doc, const Span& span);

// A note of the coder's own on the fatalities: "Unspecified fatalities coded as 10",
// "fatalities split between 3 events" (the share of one), "(fatalities coded to X event)"
// (none here). Sets `killed` and returns true when the span has one.
bool fatality_note(const Document& doc, const Span& span, std::vector<Count>& counts);

// "Casualties unknown", "Injuries or fatalities unknown": a killed count of 0, unknown.
bool casualties_unknown(const Document& doc, const Span& span);

// Who says so: "according to X", "X said ...", or "X announced this" in the next sentence.
std::string attribution(const Document& doc, std::size_t sentence_index);

Reporting reporting(const Document& doc, const Span& sentence);

// A past event the clause recalls: "seven years ago", "previously", or a year before the
// publication year ("in 2016").
bool is_background(const Document& doc, const Span& clause, const EventDate& date,
                   const std::string& reference_iso);

}  // namespace mapwire::events::detail
