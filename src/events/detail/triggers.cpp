// Trigger matching against the table of triggers.tsv.
#include "events/detail/triggers.hpp"

#include <algorithm>

namespace mapwire::events::detail {

namespace {

bool place_follows(const Document& doc, const Span& s, std::size_t from) {
    // "one of the shells fell near a truck": a weapon falling takes no land
    if (from >= s.first + 2 &&
        (doc.in(List::shell, from - 2) || doc.in(List::projectile, from - 2)))
        return false;
    for (std::size_t k = from; k < std::min(s.last, from + 6); ++k) {
        if (doc.word(k) == "%" || doc.word(k) == "percent") return false;  // a share of land
        if (const auto* m = doc.mention_at(k); m && m->place &&
                                               m->role == geoparse::Role::location &&
                                               m->place->type != gazetteer::PlaceType::admin0)
            return true;
        if (doc.word(k) == "control") return true;  // "took control of Sudzha"
    }
    return false;
}

bool phrase_at(const Document& doc, const Span& s, std::size_t t, const Trigger& trig) {
    if (t + trig.phrase.size() > s.last) return false;
    for (std::size_t i = 0; i < trig.phrase.size(); ++i)
        if (doc.word(t + i) != trig.phrase[i]) return false;
    return true;
}

}  // namespace

bool object_fits(const Document& doc, const Span& s, std::size_t t, std::size_t length,
                 Object object) {
    const std::size_t after = t + length;
    const std::size_t end = std::min(s.last, after + 6);
    const std::size_t begin = t > s.first + 6 ? t - 6 : s.first;
    switch (object) {
        case Object::any:
            return true;
        case Object::people:
            // "captured two soldiers", "taken two Chinese nationals into custody"
            for (std::size_t k = after; k < end; ++k)
                if (doc.word(k) == "%" || doc.word(k) == "percent") return false;
            return doc.any_in(begin, end, List::people);
        case Object::civilian_person:
            // "captured a 40-year-old woman": a non-combatant taken right after the verb
            return doc.any_in(after, std::min(s.last, after + 4), List::civilian_person);
        case Object::place:
            return place_follows(doc, s, after);
        case Object::envoy:
            return doc.any_in(s.first, s.last, List::envoy);
        case Object::troops:
            return doc.any_in(after, std::min(s.last, after + 5), List::troops);
        case Object::combatants:
            return doc.any_in(after, std::min(s.last, after + 5), List::combatants);
        case Object::civilians:
            return doc.any_in(after, std::min(s.last, after + 5), List::civilians);
        case Object::projectile:
            return doc.any_in(after, std::min(s.last, after + 8), List::projectile) ||
                   doc.any_in(begin, t, List::projectile);  // "a missile was shot down"
        case Object::aircraft:
            return doc.any_in(after, end, List::aircraft) || doc.any_in(begin, t, List::aircraft);
        case Object::displaced:
            // "forced locals to leave Hostomel"
            return doc.any_in(after, std::min(s.last, after + 4), List::leave);
    }
    return false;
}

std::optional<TriggerMatch> match_trigger(const Document& doc, const Span& s, std::size_t t) {
    const Tables& tables = doc.tables();
    const auto rows = tables.triggers_by_first_word.find(doc.word(t));
    if (rows == tables.triggers_by_first_word.end()) return std::nullopt;
    for (const std::size_t row : rows->second) {
        const Trigger& trig = tables.triggers[row];
        if (phrase_at(doc, s, t, trig) && object_fits(doc, s, t, trig.phrase.size(), trig.object))
            return TriggerMatch{&trig, t, trig.phrase.size()};
    }
    return std::nullopt;
}

std::optional<SubEventType> weapon_sub_type(const Document& doc, const Span& s) {
    if (doc.any_in(s.first, s.last, List::air)) return SubEventType::air_drone_strike;
    if (doc.any_in(s.first, s.last, List::shell))
        return SubEventType::shelling_artillery_missile_attack;
    if (doc.any_in(s.first, s.last, List::explosive))
        return SubEventType::remote_explosive_landmine_ied;
    return std::nullopt;
}

bool names_weapon(const Document& doc, const Span& s) {
    return doc.any_in(s.first, s.last, List::air) || doc.any_in(s.first, s.last, List::shell);
}

}  // namespace mapwire::events::detail
