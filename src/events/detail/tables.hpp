// The event coder's tables: trigger phrases, ACLED sub-types and their ranks, word lists,
// count meanings, number words and ACLED actor names. They are data (geodata/events/*.tsv,
// each with its source) embedded at build time; parse_tables() reads them from text so that
// tests can give their own.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/error.hpp"
#include "events/event.hpp"

namespace mapwire::events::detail {

class TableError : public ErrorKind<TableError> {
public:
    using ErrorKind::ErrorKind;
};

// How a trigger's sub-type is decided.
enum class SubtypeRule {
    fixed,      // as the table gives it
    weapon,     // the clause's weapon words pick it, else the table's (none: no event)
    territory,  // who takes whose land: regains or overtakes
};

// What must be near a trigger for its reading to count.
enum class Object {
    any,
    people,
    civilian_person,
    place,
    envoy,
    troops,
    combatants,
    civilians,
    projectile,
    aircraft,
    displaced
};

struct Trigger {
    std::vector<std::string> phrase;  // lower-case words in a row
    EventType type = EventType::battles;
    std::optional<SubEventType> sub_type;  // fixed; for `weapon` the default, if any
    SubtypeRule rule = SubtypeRule::fixed;
    Object object = Object::any;
};

// The word lists of words.tsv.
enum class List {
    people,
    civilian_person,
    troops,
    combatants,
    civilians,
    envoy,
    group,
    military,
    air,
    shell,
    explosive,
    projectile,
    aircraft,
    unit,
    speech,
    title,
    hedge,
    attempt,
    reference,
    background,
    negation,
    modifier,
    leave,
    place_part,
    count_  // number of lists
};

enum class QuantityKind { exact, vague, article };
struct Quantity {
    std::int64_t value = 0;  // the value, or the least a vague word can mean
    QuantityKind kind = QuantityKind::exact;
};

struct ActorName {
    std::string acled;    // "Military Forces of Russia (2000-)"
    std::string country;  // ISO alpha-2 of the actor
    std::string side;     // the state it fights for
};

// Tables keyed by words answer lookups by a view into the text without building a string.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
};
template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct Tables {
    std::vector<Trigger> triggers;  // in table order: the first fitting reading wins
    // Rows of `triggers` by the first word of their phrase, in table order: a token's
    // candidates without a pass over the whole table (that pass was a sixth of extract's time
    // on long articles).
    WordMap<std::vector<std::size_t>> triggers_by_first_word;
    std::unordered_map<SubEventType, int> ranks;  // sub-type -> rank (subtypes.tsv)
    std::array<WordSet, static_cast<std::size_t>(List::count_)> lists;
    WordMap<std::string> meanings;  // count word -> meaning
    WordMap<Quantity> quantities;
    WordMap<ActorName> actor_by_country, actor_by_word;

    bool in(List list, std::string_view lower_word) const {
        return lists[static_cast<std::size_t>(list)].count(lower_word) > 0;
    }
    // The rank of an ACLED sub-type; 0 for one the table does not know, or none.
    int rank(std::optional<SubEventType> sub_type) const;
};

struct TableTexts {
    std::string_view triggers, subtypes, words, counts, quantities, actors;
};

// Parses the six tables; throws TableError naming the table and line of a malformed row
// (wrong column count, unknown rule, object, list or kind, a sub-type subtypes.tsv lacks).
Tables parse_tables(const TableTexts& texts);

// The tables embedded from geodata/events/ at build time, parsed once.
const Tables& tables();

// The trigger table as the Markdown table docs/events.md shows (consecutive rows of one
// reading grouped); a unit test keeps the document equal to it.
std::string trigger_table_markdown(const Tables& tables);

}  // namespace mapwire::events::detail
