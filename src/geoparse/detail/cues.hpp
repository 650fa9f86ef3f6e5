// Word lists that signal a mention's role: locative prepositions, speech and action verbs
// of states, government nouns, personal titles, administrative words. The lists are data in
// geodata/cues/, each with its source.
#pragma once

#include <cstdint>
#include <string_view>

namespace mapwire::geoparse::detail {

// Each list is a bit: one lookup tells every list a word is in, and the parser keeps the
// answer per token instead of asking again in every pass.
enum class Cue : std::uint32_t {
    locative = 1u << 0,            // in, near, outside ...
    state_verb = 1u << 1,          // said, denies, pledged, deployed ...
    auxiliary = 1u << 2,           // has, did, not, also, long ...
    government_noun = 1u << 3,     // envoy, government, forces, stance ...
    response_noun = 1u << 4,       // response, reaction, support ...
    speech_verb = 1u << 5,         // said, told, added ...
    title = 1u << 6,               // President, Minister, Gen, Mr ... (as written)
    admin_word = 1u << 7,          // region, oblast, province ...
    county_word = 1u << 8,         // county, parish, borough
    container_link = 1u << 9,      // , ( in the of near northern ...
    connector = 1u << 10,          // of, the, de, al ... inside names
    function_word = 1u << 11,      // the, in, he, according ...
    not_place = 1u << 12,          // Christmas, Monday, May ... (as written)
    natural_feature = 1u << 13,    // river, sea, lake ...
    facility = 1u << 14,           // dam, airport, bridge ...
    named_after = 1u << 15,        // virus, flu, fever ...
    organisation_word = 1u << 16,  // Army, Council, News ... (as written)
    direction = 1u << 17,          // northern, central, north-western ...
    generic_name = 1u << 18,       // centre, lakes, coast, free ...
    settlement_noun = 1u << 19,    // village, town, city ...
    place_suffix = 1u << 20,       // based, wide, born ... after a hyphen
    actor_suffix = 1u << 21,       // led, backed, occupied ... after a hyphen
    place_prefix = 1u << 22,       // Nova, Santa, Lake ... (as written): begin places
    sports_verb = 1u << 23,        // beat, defeated, drew ... around a team's name
    feature_plural = 1u << 24,     // rivers, lakes, mountains ... after a list of names
    appositive_start = 1u << 25,   // the, a, which, who ... after "China, "
    name_abbreviation = 1u << 26,  // St, Ste, Ft ... before a dot inside a name (as written)
    team_noun = 1u << 27,          // coach, striker ... after a team's name
    armed_group_noun = 1u << 28,   // militia, rebels, fighters ... after a group's name
    unit_head = 1u << 29,          // governor, premier ... of a first-order unit
};

// The lists that hold `word` exactly as given (lists of lower-case words hold no capitals).
class CueSet {
public:
    CueSet() = default;
    explicit CueSet(std::uint32_t bits) : bits_(bits) {}
    bool has(Cue c) const { return (bits_ & static_cast<std::uint32_t>(c)) != 0; }

private:
    std::uint32_t bits_ = 0;
};
CueSet cues_of(std::string_view word);

inline bool is_cue(std::string_view word, Cue c) {
    return cues_of(word).has(c);
}

// A place abbreviation ("W.Va", "NSW", "Calif"): the name it stands for, the country to look
// it up in ("" any), and whether it counts only after "Town, ".
struct Abbreviation {
    std::string_view name;
    std::string_view country;
    bool after_comma = false;
};
const Abbreviation* abbreviation(std::string_view token);  // nullptr when not one

}  // namespace mapwire::geoparse::detail
