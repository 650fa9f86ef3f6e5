// Trigger matching: which row of the trigger table a word of a clause is, given what stands
// near it, and the sub-type the clause's weapons give.
#pragma once

#include <optional>
#include <string>

#include "events/detail/document.hpp"

namespace mapwire::events::detail {

struct TriggerMatch {
    const Trigger* trigger = nullptr;
    std::size_t token = 0;   // first token of the phrase
    std::size_t length = 1;  // tokens in the phrase
};

// The first table row whose phrase starts at token t and whose object fits, or nullopt.
std::optional<TriggerMatch> match_trigger(const Document& doc, const Span& clause, std::size_t t);

// Whether `object` stands near the phrase [t, t + length) of the clause.
bool object_fits(const Document& doc, const Span& clause, std::size_t t, std::size_t length,
                 Object object);

// The weapon a clause names, as an ACLED sub-type: air/drone strike (aircraft, drones),
// shelling/artillery/missile attack (ground-fired weapons), remote explosive (mines, IEDs);
// none when it names none. Aircraft take precedence (ACLED codes "air strikes and shelling" as
// an air strike).
std::optional<SubEventType> weapon_sub_type(const Document& doc, const Span& clause);

// Whether the clause names a weapon of the air or shell lists.
bool names_weapon(const Document& doc, const Span& clause);

}  // namespace mapwire::events::detail
