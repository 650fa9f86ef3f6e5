// The stages of event coding on a document (docs/events.md describes the rules).
#include "events/detail/coder.hpp"

#include <algorithm>

#include "events/detail/arguments.hpp"
#include "events/detail/locate.hpp"
#include "events/detail/merge.hpp"
#include "events/detail/triggers.hpp"

namespace mapwire::events::detail {

namespace {

bool is_reference_back(const Document& doc, const Span& s, const TriggerMatch& m) {
    // "the attack", "these strikes", "the shelling": a reference back, not a new event.
    const std::size_t t = m.token;
    if (t <= s.first || doc.token(t).text == "Strikes" || !doc.in(List::reference, t - 1))
        return false;
    const std::string_view w = doc.word(t);
    return w == "attack" || w == "attacks" || w == "strike" || w == "strikes" || w == "shelling" ||
           w == "explosion" || w == "clash" || w == "offensive" || w == "assault" || w == "raid" ||
           w == "battle";
}

// "as a result of shelling", "4 shelling events": the words name an event told before.
bool is_mention_of_told(const Document& doc, const Span& s, const TriggerMatch& m) {
    const std::size_t t = m.token;
    if (t >= s.first + 2 && doc.word(t - 1) == "of" && doc.word(t - 2) == "result") return true;
    return t + 1 < s.last && (doc.word(t + 1) == "events" || doc.word(t + 1) == "event");
}

bool names_place(const Document& doc, const Span& s) {
    for (std::size_t k = s.first; k < s.last; ++k)
        if (const auto* m = doc.mention_at(k); m && m->place && m->role == geoparse::Role::location)
            return true;
    return false;
}

bool air_force_before(const Document& doc, const Span& s, std::size_t t) {
    for (std::size_t k = s.first; k + 1 < t; ++k)
        if (doc.word(k) == "air" && (doc.word(k + 1) == "force" || doc.word(k + 1) == "forces"))
            return true;
    return false;
}

// The sub-type by the trigger's rule; none when the clause gives none (no event).
std::optional<SubEventType> sub_type_of(const Document& doc, const Span& s, const TriggerMatch& m,
                                        const Event& e) {
    const Trigger& trig = *m.trigger;
    switch (trig.rule) {
        case SubtypeRule::fixed:
            return trig.sub_type;
        case SubtypeRule::weapon: {
            const auto weapon = weapon_sub_type(doc, s);
            return weapon ? weapon : trig.sub_type;
        }
        case SubtypeRule::territory: {
            // "attempted to seize X" is fighting, not a change of hands.
            for (std::size_t k = m.token > s.first + 3 ? m.token - 3 : s.first; k < m.token; ++k)
                if (doc.in(List::attempt, k)) return SubEventType::armed_clash;
            // A state taking its own land regains it; anyone else (rebels, a foreign army)
            // overtakes it. An actor fighting for a state takes land for that state.
            const std::string& side = e.actor1.side.empty() ? e.actor1.country : e.actor1.side;
            const bool own = !side.empty() && e.location && side == e.location->country;
            return own ? SubEventType::government_regains_territory
                       : SubEventType::non_state_actor_overtakes_territory;
        }
    }
    return {};
}

// Whether the trigger, where it stands, reports no new event of its own.
bool reports_no_event(const Document& doc, const Span& s, const TriggerMatch& m) {
    const std::size_t t = m.token;
    const std::string_view w = doc.word(t);
    const bool attack = w == "attack" || w == "attacks";
    if (doc.in_headline(t)) return true;  // a headline restates the story
    // "hit", "launched", "attack" are remote violence only with weapons in the clause; an
    // attack without them is fighting ("attacked a police school").
    if (m.trigger->rule == SubtypeRule::weapon && !m.trigger->sub_type && !names_weapon(doc, s) &&
        !attack && !weapon_sub_type(doc, s))
        return true;
    if (is_reference_back(doc, s, m) || is_mention_of_told(doc, s, m)) return true;
    // "an abducted boy", "the captured soldiers": a participle describing someone
    if (t > s.first && m.length == 1 && w.ends_with("ed") &&
        (doc.word(t - 1) == "a" || doc.word(t - 1) == "an" || doc.word(t - 1) == "the"))
        return true;
    // "a rocket launched by aircraft": the participle describes the weapon
    if (m.trigger->rule == SubtypeRule::weapon && t > s.first && t + 1 < s.last &&
        doc.in(List::projectile, t - 1) && doc.word(t + 1) == "by")
        return true;
    // "an arson attack": the word before says what the attack was
    if (attack && t > s.first && match_trigger(doc, s, t - 1)) return true;
    // "attack drones", "strike aircraft": the word names a weapon, not an event
    if (t + m.length < s.last && (w == "attack" || w == "strike") &&
        (doc.in(List::air, t + 1) || doc.in(List::projectile, t + 1)))
        return true;
    // "1 civilian was killed": a casualty of the event told, not an event of its own
    if (w == "killed" && t > s.first &&
        (doc.word(t - 1) == "was" || doc.word(t - 1) == "were" || doc.word(t - 1) == "been"))
        return true;
    // A bare "attacks on shipping" with no place named is too vague to map.
    return attack && !names_weapon(doc, s) && !names_place(doc, s);
}

// The codes the trigger table cannot say alone: an attack without weapons is fighting; a
// manned aircraft downed by aircraft ("two Mig-29 shot down two Su-35 jets", "the air force
// shot down a plane") is an air battle, by air defence it is shelling.
void adjust_code(const Document& doc, const Span& s, const TriggerMatch& m, Event& e) {
    const std::size_t t = m.token;
    const bool attack = doc.word(t) == "attack" || doc.word(t) == "attacks";
    if (attack && !names_weapon(doc, s) && !weapon_sub_type(doc, s))
        e.sub_type = SubEventType::armed_clash;
    if (m.trigger->object == Object::aircraft &&
        (doc.any_in(s.first, t, List::aircraft) || air_force_before(doc, s, t)))
        e.sub_type = SubEventType::armed_clash;
    if (e.sub_type == SubEventType::armed_clash) e.type = event_type_of(*e.sub_type);
}

// An event for the trigger, or nullopt when the clause does not support one.
std::optional<Event> event_at(const Document& doc, const gazetteer::Gazetteer& gaz, const Span& s,
                              const TriggerMatch& m, const std::optional<Day>& reference) {
    if (reports_no_event(doc, s, m)) return std::nullopt;
    const std::size_t t = m.token;
    const std::string_view w = doc.word(t);
    Event e;
    e.type = m.trigger->type;
    e.trigger = std::string(doc.slice(t, t + m.length));
    e.actor1 = actor_before(doc, s, t);
    e.actor2 = actor_after(doc, s, t + m.length - 1);
    if ((w == "captive" || w == "captives") && e.actor2.country.empty())
        std::swap(e.actor1, e.actor2);  // "a Chinese captive": the captive is the object
    e.counts = counts(doc, s);
    e.date = resolve_date(doc.words(s), reference);
    locate(doc, gaz, s, t, e);
    if (m.trigger->object == Object::envoy && e.location && e.location->parent_country >= 0) {
        // The host state summons: its capital is where it happens.
        const auto country = gaz.place(static_cast<std::uint32_t>(e.location->parent_country));
        e.actor1 = {
            "Government of " + std::string(country.name), std::string(e.location->country), {}, {}};
    }
    e.sub_type = sub_type_of(doc, s, m, e);
    adjust_code(doc, s, m, e);
    if (!e.sub_type) return std::nullopt;
    e.trigger_token = t;
    return e;
}

// What a sentence without an event adds to the event before it: its casualties ("1 civilian
// was killed"), the coder's fatality note, "Casualties unknown".
void add_casualties(const Document& doc, const Span& s, Event& e) {
    std::vector<Count> found = counts(doc, s);
    const bool note = fatality_note(doc, s, found);
    for (auto& c : found) {
        if (c.meaning != "killed" && c.meaning != "injured") continue;  // casualties only
        auto it = std::find_if(e.counts.begin(), e.counts.end(),
                               [&](const Count& x) { return x.meaning == c.meaning; });
        if (it == e.counts.end())
            e.counts.push_back(c);
        else if (note && c.meaning == "killed")
            *it = c;  // the note decides
        else if (it->unknown || c.value > it->value)
            *it = c;  // a repeat of the count ("2 civilians were killed") takes the larger
    }
    if (casualties_unknown(doc, s) &&
        std::none_of(e.counts.begin(), e.counts.end(),
                     [](const Count& c) { return c.meaning == "killed"; }))
        e.counts.push_back({0, "killed", false, true, {}});
}

// A clause's event: its trigger of the highest rank ("following clashes, Ukrainian forces
// recaptured X" is the recapture; "shelled, assaulted and were repulsed" the clash), the
// first among equals. "killed" after another trigger adds detail ("killing three people").
std::optional<Event> clause_event(const Document& doc, const gazetteer::Gazetteer& gaz,
                                  const Span& s, const std::optional<Day>& reference) {
    std::optional<Event> best;
    for (std::size_t t = s.first; t < s.last; ++t) {
        if (!doc.token(t).word) continue;
        const auto m = match_trigger(doc, s, t);
        if (!m) continue;
        auto e = event_at(doc, gaz, s, *m, reference);
        if (!e) continue;
        if (!best || (doc.tables().rank(e->sub_type) > doc.tables().rank(best->sub_type) &&
                      m->trigger->phrase.front() != "killed"))
            best = std::move(e);
        t += m->length - 1;
    }
    return best;
}

// An event whose clause gives no place or date takes the sentence's, else those of the
// paragraph's previous event ("Additionally, Russian forces shelled near the settlement"),
// else the article's country.
void fill_from_context(const Document& doc, const gazetteer::Gazetteer& gaz, const Span& whole,
                       const std::vector<Event>& before, const std::optional<Day>& reference,
                       const std::optional<gazetteer::Place>& focus, Event& e) {
    if (!e.location) locate(doc, gaz, whole, e.trigger_token, e);
    if (e.date.date.empty()) e.date = resolve_date(doc.words(whole), reference);
    const bool inherit = !before.empty() && before.back().paragraph == whole.paragraph;
    if (!e.location && inherit && before.back().location) {
        e.location = before.back().location;
        e.location_text = before.back().location_text;
        e.geo_precision = before.back().geo_precision;
    }
    if (e.date.date.empty() && inherit) e.date = before.back().date;
    if (!e.location && focus) {
        e.location = *focus;
        e.geo_precision = GeoPrecision::country;
    }
}

// The casualties a sentence gives: to its own events, or when it has none ("1 civilian was
// killed") to the paragraph's event before it.
void sentence_casualties(const Document& doc, const Span& whole, std::size_t first_new,
                         std::vector<Event>& out) {
    if (out.size() == first_new) {
        if (!out.empty() && out.back().paragraph == whole.paragraph)
            add_casualties(doc, whole, out.back());
        return;
    }
    for (std::size_t i = first_new; i < out.size(); ++i) {
        fatality_note(doc, whole, out[i].counts);
        if (casualties_unknown(doc, whole) &&
            std::none_of(out[i].counts.begin(), out[i].counts.end(),
                         [](const Count& c) { return c.meaning == "killed"; }))
            out[i].counts.push_back({0, "killed", false, true, {}});
    }
}

}  // namespace

std::vector<Event> code_events(const Document& doc, const gazetteer::Gazetteer& gaz,
                               const std::optional<Day>& reference,
                               const std::optional<gazetteer::Place>& focus) {
    std::vector<Event> out;
    const std::string reference_iso = reference ? to_iso(*reference) : std::string();
    const auto& sentences = doc.sentences();
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        const Span& whole = sentences[si];
        const std::size_t first_new = out.size();
        for (const Span& s : split_clauses(doc, whole)) {
            auto e = clause_event(doc, gaz, s, reference);
            if (!e) continue;
            e->sentence = std::string(doc.slice(whole.first, whole.last));
            e->start = whole.cp_begin;
            e->end = whole.cp_end;
            e->attribution = attribution(doc, si);
            e->reporting = reporting(doc, whole);
            e->background = is_background(doc, s, e->date, reference_iso);
            fill_from_context(doc, gaz, whole, out, reference, focus, *e);
            e->paragraph = whole.paragraph;
            out.push_back(std::move(*e));
        }
        sentence_casualties(doc, whole, first_new, out);
    }
    return combine_same_place(merge_reports(std::move(out)), doc.tables());
}

void number_events(std::vector<Event>& events, const std::optional<Day>& reference) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        events[i].id = "e" + std::to_string(i + 1);
        if (events[i].date.date.empty() && reference)
            events[i].date = {to_iso(*reference), DatePrecision::approximate, "(publication date)"};
    }
}

}  // namespace mapwire::events::detail
