// Rule-based event extraction: trigger words classified into the ACLED taxonomy, with actors,
// counts, dates, locations, attribution and reporting status read from the same sentence;
// repeated reports of one event are merged. See docs/events.md for the mapping.
#include "events/extractor.hpp"
#include "text/normalize.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "events/detail/dates.hpp"
#include "events/detail/numbers.hpp"
#include "text/tokenize.hpp"

namespace mapwire::events {

std::string_view to_string(Reporting r) {
    switch (r) {
        case Reporting::fact:
            return "fact";
        case Reporting::claim:
            return "claim";
        case Reporting::allegation:
            return "allegation";
    }
    return "fact";
}

namespace {

using gazetteer::Place;
using gazetteer::PlaceType;
using geoparse::Mention;
using geoparse::Role;
using text::Token;

using text::ascii_lower;
constexpr auto lower = [](std::string_view s) { return ascii_lower(s); };

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// What a trigger word means. `object` says what must follow for the trigger to count:
// people (captures), a place (territory), or anything.
enum class Object { any, people, place, envoy, troops, combatants, civilians };
struct Trigger {
    std::string_view word;
    std::string_view type;
    std::string_view sub_type;
    Object object;
};

constexpr std::string_view kBattles = "Battles";
constexpr std::string_view kRemote = "Explosions/Remote violence";
constexpr std::string_view kCivilians = "Violence against civilians";
constexpr std::string_view kStrategic = "Strategic developments";
constexpr std::string_view kProtests = "Protests";
constexpr std::string_view kRiots = "Riots";

constexpr auto kTriggers = std::to_array<Trigger>({
    // A capture of a place is a change of territory; of combatants, part of the fighting.
    {"captured", kBattles, "territory", Object::place},
    {"capture", kBattles, "territory", Object::place},
    {"captured", kBattles, "Armed clash", Object::people},
    {"capture", kBattles, "Armed clash", Object::people},
    {"capturing", kBattles, "Armed clash", Object::people},
    {"custody", kBattles, "Armed clash", Object::people},
    {"captive", kBattles, "Armed clash", Object::any},
    {"captives", kBattles, "Armed clash", Object::any},
    {"apprehended", kBattles, "Armed clash", Object::any},
    {"clashes", kBattles, "Armed clash", Object::any},
    {"clashed", kBattles, "Armed clash", Object::any},
    {"fighting", kBattles, "Armed clash", Object::any},
    {"battle", kBattles, "Armed clash", Object::any},
    {"assaults", kBattles, "Armed clash", Object::any},
    {"assault", kBattles, "Armed clash", Object::any},
    {"repelled", kBattles, "Armed clash", Object::any},
    {"ambushed", kBattles, "Armed clash", Object::any},
    {"engaged", kBattles, "Armed clash", Object::people},
    {"attacked", kBattles, "Armed clash", Object::any},
    {"raid", kBattles, "Armed clash", Object::any},
    {"raids", kBattles, "Armed clash", Object::any},
    // Killings: of combatants in fighting, of civilians as violence against them.
    {"killed", kBattles, "Armed clash", Object::combatants},
    {"killed", kCivilians, "Attack", Object::civilians},
    // Territory: resolved to overtakes/regains below, by who takes whose land.
    {"seized", kBattles, "territory", Object::place},
    {"took", kBattles, "territory", Object::place},
    {"taken", kBattles, "territory", Object::place},
    {"retook", kBattles, "territory", Object::place},
    {"recaptured", kBattles, "territory", Object::place},
    {"overran", kBattles, "territory", Object::place},
    {"entered", kBattles, "territory", Object::place},
    {"liberated", kBattles, "territory", Object::place},
    {"fell", kBattles, "territory", Object::any},
    {"withdrew", kBattles, "territory lost", Object::place},
    {"withdrawal", kBattles, "territory lost", Object::place},
    {"swept", kBattles, "territory", Object::place},
    // Remote violence: the weapon words of the sentence pick the sub-type.
    {"struck", kRemote, "", Object::any},
    {"strike", kRemote, "", Object::any},
    {"strikes", kRemote, "", Object::any},
    {"airstrike", kRemote, "Air/drone strike", Object::any},
    {"airstrikes", kRemote, "Air/drone strike", Object::any},
    {"shelled", kRemote, "Shelling/artillery/missile attack", Object::any},
    {"shelling", kRemote, "Shelling/artillery/missile attack", Object::any},
    {"bombed", kRemote, "Air/drone strike", Object::any},
    {"hit", kRemote, "", Object::any},
    {"launched", kRemote, "", Object::any},
    {"fired", kRemote, "", Object::any},
    {"attack", kRemote, "", Object::any},
    {"attacks", kRemote, "", Object::any},
    // Violence against civilians.
    {"massacre", kCivilians, "Attack", Object::any},
    {"executed", kCivilians, "Attack", Object::any},
    {"abducted", kCivilians, "Abduction/forced disappearance", Object::any},
    {"kidnapped", kCivilians, "Abduction/forced disappearance", Object::any},
    // Strategic developments.
    {"summoned", kStrategic, "Other", Object::envoy},
    {"deployed", kStrategic, "Other", Object::troops},
    {"arrested", kStrategic, "Arrests", Object::any},
    {"ceasefire", kStrategic, "Agreement", Object::any},
    {"headquarters", kStrategic, "Headquarters or base established", Object::any},
    // Demonstrations.
    {"protest", kProtests, "Peaceful protest", Object::any},
    {"protests", kProtests, "Peaceful protest", Object::any},
    {"protesters", kProtests, "Peaceful protest", Object::any},
    {"rally", kProtests, "Peaceful protest", Object::any},
    {"riots", kRiots, "Violent demonstration", Object::any},
    {"rioters", kRiots, "Violent demonstration", Object::any},
});

constexpr auto kPeople = std::to_array<std::string_view>(
    {"nationals",  "soldiers",  "troops",    "fighters",    "servicemen", "people",
     "civilians",  "men",       "prisoners", "mercenaries", "citizens",   "individuals",
     "them",       "militants", "officers",  "personnel",   "marines",    "paratroopers",
     "volunteers", "captives",  "soldier",   "fighter"});
constexpr auto kTroops =
    std::to_array<std::string_view>({"troops", "soldiers", "forces", "units", "personnel",
                                     "fighters", "mercenaries", "battalions"});
constexpr auto kCombatants =
    std::to_array<std::string_view>({"fighters", "soldiers", "troops", "militants", "mercenaries",
                                     "rebels", "servicemen", "jihadists"});
constexpr auto kCivilianNouns = std::to_array<std::string_view>(
    {"civilians", "villagers", "people", "residents", "children", "women", "worshippers", "farmers",
     "displaced", "refugees", "students", "palestinians"});
constexpr auto kEnvoy = std::to_array<std::string_view>(
    {"envoy", "ambassador", "representative", "chargé", "charge", "diplomat", "attaché"});
constexpr auto kGroupNouns = std::to_array<std::string_view>(
    {"forces",    "troops",     "army",        "soldiers", "military",   "units",     "rebels",
     "militants", "jihadists",  "gunmen",      "fighters", "insurgents", "militia",   "militias",
     "police",    "protesters", "mercenaries", "drones",   "jets",       "warplanes", "aircraft",
     "navy",      "guards",     "nationals",   "officials"});
constexpr auto kAirWeapons = std::to_array<std::string_view>(
    {"drone", "drones", "airstrike", "airstrikes", "aircraft", "jets", "warplanes", "bomb", "bombs",
     "bombs", "air", "glide", "helicopter", "helicopters", "uav", "uavs"});
constexpr auto kShellWeapons = std::to_array<std::string_view>(
    {"shelled", "missile", "missiles", "shell", "shells", "shelling", "artillery", "rocket",
     "rockets", "mortar", "mortars", "ballistic", "howitzer", "grad"});
constexpr auto kExplosives =
    std::to_array<std::string_view>({"mine", "landmine", "ied", "explosive", "explosives"});
constexpr auto kUnits = std::to_array<std::string_view>(
    {"kilometres", "kilometers", "km",    "miles",     "metres",  "meters",  "percent",
     "%",          "years",      "year",  "days",      "hours",   "minutes", "weeks",
     "months",     "accounts",   "cards", "documents", "billion", "million"});
constexpr auto kSpeechVerbs = std::to_array<std::string_view>(
    {"said", "says", "announced", "stated", "reported", "told", "claimed", "confirmed", "added",
     "warned", "wrote", "posted", "remarked", "commented", "disclosed", "revealed"});
constexpr auto kTitles = std::to_array<std::string_view>(
    {"President", "Minister", "Foreign", "Defence", "Defense", "Prime", "General", "Gen", "Mr",
     "Ms", "Governor", "Mayor", "Commander", "Secretary", "Spokesman", "Spokeswoman", "Chief"});

struct Sentence {
    std::size_t first = 0, last = 0;  // tokens
    std::size_t byte_begin = 0, byte_end = 0, cp_begin = 0, cp_end = 0;
};

// Meaning of a count from the words near the number.
std::string count_meaning(std::string_view w) {
    static const std::map<std::string_view, std::string_view> kMeanings = {
        {"killed", "killed"},       {"killing", "killed"},          {"dead", "killed"},
        {"died", "killed"},         {"deaths", "killed"},           {"injured", "injured"},
        {"injuring", "injured"},    {"wounded", "injured"},         {"wounding", "injured"},
        {"captured", "captured"},   {"capture", "captured"},        {"capturing", "captured"},
        {"custody", "captured"},    {"captive", "captured"},        {"apprehended", "captured"},
        {"engaged", "engaged"},     {"deployed", "deployed"},       {"launched", "launched"},
        {"fired", "launched"},      {"intercepted", "intercepted"}, {"destroyed", "intercepted"},
        {"displaced", "displaced"}, {"fled", "displaced"},          {"evacuated", "displaced"},
        {"arrested", "arrested"},   {"detained", "arrested"},       {"assaults", "assaults"}};
    auto it = kMeanings.find(w);
    return it == kMeanings.end() ? std::string() : std::string(it->second);
}

class Extraction_ {
public:
    Extraction_(const gazetteer::Gazetteer& g, std::string_view text,
                const geoparse::GeoparseResult& places, std::optional<detail::Day> reference)
        : gaz_(g),
          text_(text),
          places_(places),
          tokens_(text::tokenize(text)),
          reference_(reference) {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (sentences_.empty() ||
                tokens_[i].sentence != tokens_[sentences_.back().first].sentence)
                sentences_.push_back({i, i, tokens_[i].byte_begin, 0, tokens_[i].cp_begin, 0});
            auto& s = sentences_.back();
            s.last = i + 1;
            s.byte_end = tokens_[i].byte_end;
            s.cp_end = tokens_[i].cp_end;
        }
        const std::size_t lines = tokens_.empty() ? 0 : tokens_.back().line + 1;
        std::vector<int> words(lines), caps(lines);
        std::vector<bool> closed(lines, false);
        for (const auto& tk : tokens_) {
            if (tk.word && tk.text.size() >= 4) {
                ++words[tk.line];
                if (tk.capitalized) ++caps[tk.line];
            }
            closed[tk.line] =
                !tk.word && (tk.text == "." || tk.text == "!" || tk.text == "?" || tk.text == ":");
            if (tk.word) closed[tk.line] = false;
        }
        headline_.assign(lines, false);
        for (std::size_t l = 0; l < lines; ++l)
            headline_[l] = !closed[l] && words[l] >= 3 && caps[l] * 10 >= words[l] * 7;
        token_mention_.assign(tokens_.size(), -1);
        for (std::size_t m = 0; m < places_.mentions.size(); ++m) {
            const auto& x = places_.mentions[m];
            for (std::size_t t = 0; t < tokens_.size(); ++t)
                if (tokens_[t].byte_begin >= x.byte_start && tokens_[t].byte_end <= x.byte_end)
                    token_mention_[t] = static_cast<int>(m);
        }
    }

    std::vector<Event> events();

private:
    std::string word(std::size_t t) const { return lower(tokens_[t].text); }
    const Mention* mention_at(std::size_t t) const {
        return token_mention_[t] >= 0
                   ? &places_.mentions[static_cast<std::size_t>(token_mention_[t])]
                   : nullptr;
    }
    bool object_ok(const Sentence& s, std::size_t t, Object object) const;
    Actor actor_before(const Sentence& s, std::size_t t) const;
    Actor actor_after(const Sentence& s, std::size_t t) const;
    std::vector<Count> counts(const Sentence& s) const;
    void locate(const Sentence& s, std::size_t t, Event& e) const;
    std::string attribution(std::size_t sentence_index) const;
    Reporting reporting(const Sentence& s) const;
    std::string sub_type(const Sentence& s, const Trigger& trig, const Event& e) const;

    const gazetteer::Gazetteer& gaz_;
    std::string_view text_;
    const geoparse::GeoparseResult& places_;
    std::vector<Token> tokens_;
    std::vector<Sentence> sentences_;
    std::vector<int> token_mention_;
    std::optional<detail::Day> reference_;
    std::vector<bool> headline_;  // per line: a title-case line without closing punctuation
};

bool Extraction_::object_ok(const Sentence& s, std::size_t t, Object object) const {
    const std::size_t end = std::min(s.last, t + 7);
    const std::size_t begin = t > s.first + 6 ? t - 6 : s.first;
    auto any_in = [&](std::size_t from, std::size_t to, const auto& list) {
        for (std::size_t k = from; k < to; ++k)
            if (one_of(list, word(k))) return true;
        return false;
    };
    switch (object) {
        case Object::any:
            return true;
        case Object::people:
            // "captured two soldiers", "taken two Chinese nationals into custody", "capture two of
            // them"
            for (std::size_t k = t + 1; k < end; ++k)
                if (word(k) == "%" || word(k) == "percent") return false;  // a share of territory
            return any_in(begin, end, kPeople);
        case Object::place:
            for (std::size_t k = t + 1; k < std::min(s.last, t + 7); ++k) {
                if (word(k) == "%" || word(k) == "percent") return false;
                if (const Mention* m = mention_at(k); m && m->place && m->role == Role::location &&
                                                      m->place->type != PlaceType::admin0)
                    return true;
                if (word(k) == "control") return true;  // "took control of Sudzha"
            }
            return false;
        case Object::envoy:
            return any_in(s.first, s.last, kEnvoy);
        case Object::troops:
            return any_in(t + 1, std::min(s.last, t + 6), kTroops);
        case Object::combatants:
            return any_in(t + 1, std::min(s.last, t + 6), kCombatants);
        case Object::civilians:
            return any_in(t + 1, std::min(s.last, t + 6), kCivilianNouns);
    }
    return false;
}

Actor Extraction_::actor_before(const Sentence& s, std::size_t t) const {
    // The nearest group noun phrase or state before the trigger: "Ukrainian forces",
    // "RSF fighters", "Russia", "Moscow".
    auto in_object = [&](std::size_t k) {
        // "two Chinese nationals", "two injured North Korean soldiers": a counted phrase is
        // the object, not the actor.
        for (std::size_t b = k; b > s.first && b + 3 > k; --b)
            if (detail::parse_number_word(tokens_[b - 1].text)) return true;
        return false;
    };
    for (std::size_t k = t; k-- > s.first;) {
        if (const Mention* m = mention_at(k);
            m && m->place && (m->role == Role::demonym || m->role == Role::metonym)) {
            if (k > s.first && mention_at(k - 1) == m)
                continue;  // the mention's first token decides
            if (in_object(k)) continue;
            if (tokens_[k].possessive) {
                bool envoy = false;
                for (std::size_t n = k + 1; n < std::min(s.last, k + 4); ++n)
                    envoy = envoy || one_of(kEnvoy, word(n));
                if (envoy) continue;
            }
            std::string name = m->text;
            const std::size_t after = k + 1;
            if (after < s.last && one_of(kGroupNouns, word(after)))
                name += " " + std::string(tokens_[after].text);
            return {name, std::string(m->place->country), {}};
        }
        if (one_of(kGroupNouns, word(k))) {
            std::size_t from = k;
            while (from > s.first && from + 3 > k && tokens_[from - 1].word &&
                   !mention_at(from - 1) &&
                   (tokens_[from - 1].capitalized || tokens_[from - 1].all_caps) &&
                   !tokens_[from - 1].sentence_start)
                --from;
            const Mention* lead = from > s.first ? mention_at(from - 1) : nullptr;
            if (in_object(lead ? from - 1 : from))
                continue;  // "two Chinese nationals" is the object
            // "Russian forces"; "Sudan's army" (a state's possessive names its forces)
            if (lead && (lead->role == Role::demonym || (tokens_[from - 1].possessive &&
                                                         lead->place->type == PlaceType::admin0))) {
                const Mention* m = lead;
                return {
                    m->text + " " +
                        std::string(text_.substr(tokens_[from].byte_begin,
                                                 tokens_[k].byte_end - tokens_[from].byte_begin)),
                    std::string(m->place->country),
                    {}};
            }
            return {std::string(text_.substr(tokens_[from].byte_begin,
                                             tokens_[k].byte_end - tokens_[from].byte_begin)),
                    {},
                    {}};
        }
    }
    return {};
}

Actor Extraction_::actor_after(const Sentence& s, std::size_t t) const {
    // The first demonym-led noun phrase after the trigger, with the side it fights for:
    // "two Chinese nationals ... fighting alongside the Russian army".
    Actor a;
    // A counted demonym phrase anywhere in the sentence is the object, before or after the
    // trigger ("taken two Chinese nationals into custody"); else the first demonym after it.
    std::size_t object = s.last;
    for (std::size_t k = s.first; k < s.last && object == s.last; ++k) {
        const Mention* m = mention_at(k);
        if (!m || !m->place || m->role != Role::demonym || (k > s.first && mention_at(k - 1) == m))
            continue;
        for (std::size_t b = k; b > s.first && b + 3 > k; --b)
            if (detail::parse_number_word(tokens_[b - 1].text)) object = k;
    }
    for (std::size_t k = object < s.last ? object : t + 1; k < s.last; ++k) {
        const Mention* m = mention_at(k);
        if (!m || !m->place || m->role != Role::demonym) continue;
        a.country = std::string(m->place->country);
        a.name = m->text;
        std::size_t end = k + 1;
        while (end < s.last && mention_at(end) == m) ++end;
        if (end < s.last && tokens_[end].word && !mention_at(end))
            a.name += " " + std::string(tokens_[end].text);
        break;
    }
    if (a.country.empty()) {
        // Possessive state: "China's diplomatic representative"
        for (std::size_t k = s.first; k < s.last; ++k)
            if (const Mention* m = mention_at(k); m && m->place && tokens_[k].possessive &&
                                                  m->place->type == PlaceType::admin0 && k != t) {
                for (std::size_t n = k + 1; n < std::min(s.last, k + 4); ++n)
                    if (one_of(kEnvoy, word(n))) {
                        a.country = std::string(m->place->country);
                        a.name = std::string(text_.substr(
                            tokens_[k].byte_begin, tokens_[n].byte_end - tokens_[k].byte_begin));
                        return a;
                    }
            }
        return a;
    }
    for (std::size_t k = std::min(t, object) + 1; k + 1 < s.last; ++k) {
        const std::string w = word(k);
        if (w != "for" && w != "alongside" && w != "with") continue;
        for (std::size_t n = k + 1; n < std::min(s.last, k + 4); ++n)
            if (const Mention* m = mention_at(n);
                m && m->place && m->place->country != a.country &&
                (m->role == Role::demonym || m->place->type == PlaceType::admin0)) {
                a.side = std::string(m->place->country);
                a.name += " fighting for " + std::string(m->place->name);
                return a;
            }
    }
    return a;
}

std::vector<Count> Extraction_::counts(const Sentence& s) const {
    std::vector<Count> out;
    for (std::size_t k = s.first; k < s.last; ++k) {
        if (!tokens_[k].word) continue;
        auto n = detail::parse_number_word(tokens_[k].text);
        if (!n) continue;
        const std::string next = k + 1 < s.last ? word(k + 1) : "";
        if (one_of(kUnits, next)) continue;                                     // 50 kilometres
        if (n->value >= 1900 && n->value <= 2100 && !n->approximate) continue;  // a year
        if (k > s.first && (word(k - 1) == "source" || (word(k - 1) == "of" && n->value == 1)))
            continue;
        bool approximate = n->approximate;
        for (std::size_t h = k > s.first + 2 ? k - 2 : s.first; h < k; ++h)
            approximate = approximate || detail::is_hedge(word(h));
        // The meaning: the nearest count word within four tokens, after first.
        // What the number counts: a verb right before it governs it ("capturing two injured
        // soldiers", "killing at least 50"); else a word right after ("34 people killed");
        // else a verb a little further before ("engaged in conflict with six").
        std::string meaning;
        std::size_t back = k;
        while (back > s.first && back + 3 > k && detail::is_hedge(word(back - 1))) --back;
        for (std::size_t d = 1; d <= 2 && meaning.empty() && back >= s.first + d; ++d)
            meaning = count_meaning(word(back - d));
        for (std::size_t d = 1; d <= 4 && meaning.empty() && k + d < s.last; ++d)
            meaning = count_meaning(word(k + d));
        for (std::size_t d = 3; d <= 5 && meaning.empty() && back >= s.first + d; ++d)
            meaning = count_meaning(word(back - d));
        if (meaning.empty()) continue;
        auto same = std::find_if(out.begin(), out.end(),
                                 [&](const Count& c) { return c.meaning == meaning; });
        if (same == out.end())
            out.push_back({n->value, meaning, approximate});
        else
            same->value = std::max(same->value, n->value);
    }
    return out;
}

void Extraction_::locate(const Sentence& s, std::size_t t, Event& e) const {
    // The most precise literal place of the sentence, nearest to the trigger.
    const Mention* best = nullptr;
    auto rank = [](const Place& p) {
        switch (p.type) {
            case PlaceType::place:
                return 3;
            case PlaceType::admin1:
                return 2;
            case PlaceType::region:
                return 2;
            case PlaceType::admin0:
                return 1;
        }
        return 0;
    };
    std::size_t best_distance = 0;
    for (std::size_t k = s.first; k < s.last; ++k) {
        const Mention* m = mention_at(k);
        if (!m || !m->place || m->role != Role::location || (k > s.first && mention_at(k - 1) == m))
            continue;
        const std::size_t distance = k > t ? k - t : t - k;
        if (!best || rank(*m->place) > rank(*best->place) ||
            (rank(*m->place) == rank(*best->place) && distance < best_distance)) {
            best = m;
            best_distance = distance;
        }
    }
    if (!best) return;
    e.location = best->place;
    e.location_text = best->text;
    e.geo_precision = best->place->type == PlaceType::place    ? 1
                      : best->place->type == PlaceType::admin0 ? 3
                                                               : 2;
}

std::string Extraction_::attribution(std::size_t si) const {
    auto name_before = [&](std::size_t k, const Sentence& s) {
        // A capitalised run ending right before k, without titles: "President Zelensky" -> Zelensky
        std::size_t from = k;
        while (from > s.first && tokens_[from - 1].word &&
               (tokens_[from - 1].capitalized || tokens_[from - 1].all_caps))
            --from;
        while (from < k && one_of(kTitles, tokens_[from].text)) ++from;
        if (from == k) return std::string();
        return std::string(text_.substr(tokens_[from].byte_begin,
                                        tokens_[k - 1].byte_end - tokens_[from].byte_begin));
    };
    for (std::size_t pass = 0; pass < 2 && si + pass < sentences_.size(); ++pass) {
        const Sentence& s = sentences_[si + pass];
        for (std::size_t k = s.first; k + 1 < s.last; ++k) {
            if (word(k) == "according" && word(k + 1) == "to") {
                std::size_t end = k + 2;
                while (end < s.last && tokens_[end].word &&
                       (tokens_[end].capitalized || tokens_[end].all_caps ||
                        lower(tokens_[end].text) == "the"))
                    ++end;
                while (end > k + 2 && lower(tokens_[end - 1].text) == "the") --end;
                if (end > k + 2) {
                    std::size_t from = k + 2;
                    while (from < end && (lower(tokens_[from].text) == "the" ||
                                          one_of(kTitles, tokens_[from].text)))
                        ++from;
                    if (from < end)
                        return std::string(
                            text_.substr(tokens_[from].byte_begin,
                                         tokens_[end - 1].byte_end - tokens_[from].byte_begin));
                }
            }
        }
        for (std::size_t k = s.first + 1; k < s.last; ++k) {
            if (!one_of(kSpeechVerbs, word(k))) continue;
            if (std::string n = name_before(k, s); !n.empty()) {
                if (pass == 1 &&
                    !(k + 1 < s.last && (word(k + 1) == "this" || word(k + 1) == "the")))
                    continue;
                return n;
            }
            // "officials said", "the army said"
            if (pass == 0 && one_of(kGroupNouns, word(k - 1))) {
                std::size_t from = k - 1;
                while (from > s.first && tokens_[from - 1].word &&
                       !one_of(kSpeechVerbs, word(from - 1)) && word(from - 1) != "," &&
                       from + 3 > k)
                    --from;
                return std::string(text_.substr(
                    tokens_[from].byte_begin, tokens_[k - 1].byte_end - tokens_[from].byte_begin));
            }
        }
    }
    return {};
}

Reporting Extraction_::reporting(const Sentence& s) const {
    bool claim = false;
    for (std::size_t k = s.first; k < s.last; ++k) {
        const std::string w = word(k);
        if (w == "allegations" || w == "allegation" || w == "alleged" || w == "allegedly" ||
            w == "accused" || w == "accusation")
            return Reporting::allegation;
        if (w == "claimed" || w == "claims" || w == "claim" || w == "reportedly" ||
            w == "purportedly" || w == "unverified" ||
            (w == "verified" && k > s.first &&
             (word(k - 1) == "independently" || word(k - 1) == "be")))
            claim = true;
    }
    return claim ? Reporting::claim : Reporting::fact;
}

std::string Extraction_::sub_type(const Sentence& s, const Trigger& trig, const Event& e) const {
    if (trig.sub_type == "territory lost") {
        // "Ukraine withdrew its forces from Avdiivka": the other side takes the place.
        const bool own =
            !e.actor1.country.empty() && e.location && e.actor1.country == e.location->country;
        return own ? "Non-state actor overtakes territory" : "Government regains territory";
    }
    if (trig.sub_type == "territory") {
        // Who takes whose land: a state retaking its own territory regains it; anyone else
        // (rebels, a foreign army) overtakes it.
        const bool own =
            !e.actor1.country.empty() && e.location && e.actor1.country == e.location->country;
        return own ? "Government regains territory" : "Non-state actor overtakes territory";
    }
    if (!trig.sub_type.empty()) return std::string(trig.sub_type);
    bool air = false, shell = false, mine = false;
    for (std::size_t k = s.first; k < s.last; ++k) {
        const std::string w = word(k);
        air = air || one_of(kAirWeapons, w);
        shell = shell || one_of(kShellWeapons, w);
        mine = mine || one_of(kExplosives, w);
    }
    if (shell) return "Shelling/artillery/missile attack";
    if (air) return "Air/drone strike";
    if (mine) return "Remote explosive/landmine/IED";
    return "";
}

std::vector<Event> Extraction_::events() {
    std::vector<Event> out;
    const Place* focus = nullptr;
    std::optional<Place> focus_place;
    if (!places_.focus_country.empty())
        focus_place = gaz_.find_id("country:" + places_.focus_country);
    if (focus_place) focus = &*focus_place;

    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        const Sentence& whole = sentences_[si];
        // Clauses joined by "; " or ", and" / ", while" / ", but" can each report an event
        // ("... around Pokrovsk, and a strike on a market in Kherson killed two civilians").
        std::vector<Sentence> clauses;
        Sentence clause = whole;
        for (std::size_t k = whole.first; k + 1 < whole.last; ++k) {
            const std::string next = word(k + 1);
            const bool boundary = tokens_[k].text == ";" ||
                                  (tokens_[k].text == "," && (next == "and" || next == "while" ||
                                                              next == "but" || next == "whereas"));
            if (!boundary) continue;
            clause.last = k;
            clauses.push_back(clause);
            clause.first = k + 1;
        }
        clause.last = whole.last;
        clauses.push_back(clause);
        for (const Sentence& s : clauses)
            for (std::size_t t = s.first; t < s.last; ++t) {
                if (!tokens_[t].word) continue;
                const std::string w = word(t);
                // The first reading of the word whose object fits ("captured Lashio" is territory,
                // "captured two soldiers" is fighting).
                auto trig = std::find_if(kTriggers.begin(), kTriggers.end(), [&](const Trigger& x) {
                    return x.word == w && object_ok(s, t, x.object);
                });
                if (trig == kTriggers.end()) continue;
                if (headline_[tokens_[t].line]) continue;  // a headline restates the story
                if (t > s.first && word(t - 1) == "the" && w == "captured")
                    continue;  // "the captured soldiers"
                bool weapon = false;
                for (std::size_t k = s.first; k < s.last; ++k)
                    weapon =
                        weapon || one_of(kAirWeapons, word(k)) || one_of(kShellWeapons, word(k));
                // "hit", "launched", "attack" are remote violence only with weapons in the
                // sentence; an attack without them is fighting ("attacked a police school").
                const bool attack = w == "attack" || w == "attacks";
                if (trig->type == kRemote && trig->sub_type.empty() && !weapon && !attack) continue;
                // "the attack", "the strikes", "these attacks": a reference back, not a new event.
                if (t > s.first && tokens_[t].text != "Strikes" &&
                    (word(t - 1) == "the" || word(t - 1) == "this" || word(t - 1) == "these" ||
                     word(t - 1) == "that") &&
                    (attack || w == "strike" || w == "strikes" || w == "shelling"))
                    continue;
                if (attack && !weapon) {
                    // A bare "attacks on shipping" with no place named is too vague to map.
                    bool place = false;
                    for (std::size_t k = s.first; k < s.last; ++k)
                        if (const Mention* m = mention_at(k);
                            m && m->place && m->role == Role::location)
                            place = true;
                    if (!place) continue;
                }
                Event e;
                e.type = std::string(trig->type);
                e.trigger = std::string(tokens_[t].text);
                e.actor1 = actor_before(s, t);
                e.actor2 = actor_after(s, t);
                if ((w == "captive" || w == "captives") && e.actor2.country.empty()) {
                    std::swap(e.actor1,
                              e.actor2);  // "a Chinese captive": the captive is the object
                }
                e.counts = counts(s);
                e.date = detail::resolve_date(
                    [&] {
                        std::vector<std::string_view> words;
                        for (std::size_t k = s.first; k < s.last; ++k)
                            if (tokens_[k].word) words.push_back(tokens_[k].text);
                        return words;
                    }(),
                    reference_);
                locate(s, t, e);
                if (trig->object == Object::envoy && e.location &&
                    e.location->parent_country >= 0) {
                    // The host state summons: its capital is where it happens.
                    e.actor1 = {
                        "Government of " + std::string(gaz_.place(static_cast<std::uint32_t>(
                                                                      e.location->parent_country))
                                                           .name),
                        std::string(e.location->country),
                        {}};
                }
                e.sub_type = sub_type(s, *trig, e);
                if (attack && !weapon) {
                    e.type = std::string(kBattles);
                    e.sub_type = "Armed clash";
                }
                if (e.sub_type.empty()) continue;
                e.sentence =
                    std::string(text_.substr(whole.byte_begin, whole.byte_end - whole.byte_begin));
                e.start = whole.cp_begin;
                e.end = whole.cp_end;
                e.attribution = attribution(si);
                e.reporting = reporting(whole);
                if (!e.location && focus) {  // nothing in the sentence: the article's country
                    e.location = *focus;
                    e.geo_precision = 3;
                }
                // One sentence, one event: its first trigger says what happened, later words
                // ("killing three people") add detail, not events.
                if (!out.empty() && out.back().start == e.start &&
                    out.back().trigger_token >= s.first)
                    continue;
                e.trigger_token = t;
                out.push_back(std::move(e));
            }
    }

    // Merge repeated reports of one event: same type and the same opposing nationality
    // (the captured Chinese nationals are mentioned four times in the seed article).
    std::vector<Event> merged;
    for (auto& e : out) {
        const bool bare = e.actor1.country.empty() && e.actor2.country.empty() && e.counts.empty();
        auto same = std::find_if(merged.begin(), merged.end(), [&](const Event& m) {
            if (m.type != e.type || m.sub_type != e.sub_type) return false;
            const bool actor1_fits = m.actor1.country.empty() || e.actor1.country.empty() ||
                                     m.actor1.country == e.actor1.country;
            return actor1_fits && !m.actor2.country.empty() && m.actor2.country == e.actor2.country;
        });
        // A report with no actors and no counts ("the soldiers were apprehended") adds detail
        // to the latest event of its kind, not a new event.
        if (same == merged.end() && bare)
            for (auto it = merged.rbegin(); it != merged.rend(); ++it)
                if (it->type == e.type && it->sub_type == e.sub_type) {
                    same = std::prev(it.base());
                    break;
                }
        if (same == merged.end()) {
            merged.push_back(std::move(e));
            continue;
        }
        for (const auto& c : e.counts) {
            auto it = std::find_if(same->counts.begin(), same->counts.end(),
                                   [&](const Count& x) { return x.meaning == c.meaning; });
            if (it == same->counts.end())
                same->counts.push_back(c);
            else
                it->value = std::max(it->value, c.value);
        }
        if (e.geo_precision < same->geo_precision && e.location) {
            same->location = e.location;
            same->location_text = e.location_text;
            same->geo_precision = e.geo_precision;
        }
        if (same->date.date.empty()) same->date = e.date;
        if (same->attribution.empty()) same->attribution = e.attribution;
        if (same->actor2.side.empty() && !e.actor2.side.empty()) same->actor2 = e.actor2;
        if (same->actor1.country.empty() && !e.actor1.country.empty()) same->actor1 = e.actor1;
        if (same->date.precision == "approximate" && e.date.precision != "approximate" &&
            !e.date.date.empty())
            same->date = e.date;
    }
    for (std::size_t i = 0; i < merged.size(); ++i) {
        merged[i].id = "e" + std::to_string(i + 1);
        if (merged[i].date.date.empty() && reference_)
            merged[i].date = {detail::to_iso(*reference_), "approximate", "(publication date)"};
    }
    return merged;
}

}  // namespace

Extractor::Extractor(const gazetteer::Gazetteer& gazetteer, const geoparse::Geoparser& parser,
                     std::string geopackage)
    : gazetteer_(gazetteer), parser_(parser), geopackage_(std::move(geopackage)) {}

std::vector<TerritoryFigure> find_figures(const gazetteer::Gazetteer& gaz, std::string_view text,
                                          const geoparse::GeoparseResult& places);

Extraction Extractor::extract(std::string_view text, const std::string& source,
                              const ExtractOptions& options) const {
    Extraction x;
    x.places = parser_.parse(text, source);
    std::optional<detail::Day> reference;
    if (!options.date.empty()) {
        reference = detail::parse_iso_day(options.date);
        if (!reference)
            throw std::move(ExtractError("not a date in YYYY-MM-DD form", ExitCode::usage,
                                         "for example --date 2025-04-09")
                                .with_key("--date")
                                .with_value(options.date));
    } else {
        // A dateline or an ISO date in the text ("2025-04-09").
        for (std::size_t i = 0; i + 10 <= text.size() && !reference; ++i)
            if (text[i] >= '1' && text[i] <= '2')
                reference = detail::parse_iso_day(text.substr(i, 10));
        if (!reference)
            x.warnings.push_back(
                "no publication date: relative dates (\"on Monday\") are left unresolved; pass "
                "--date");
    }
    if (reference) x.date = detail::to_iso(*reference);
    Extraction_ run(gazetteer_, text, x.places, reference);
    x.events = run.events();
    x.figures = find_figures(gazetteer_, text, x.places);
    if (!options.control_layer.empty())
        measure_figures(x.figures, options.control_layer, geopackage_);
    for (const auto& m : x.places.mentions)
        if (!m.place)
            x.warnings.push_back("unresolved place '" + m.text + "' at " + std::to_string(m.start));
    return x;
}

}  // namespace mapwire::events
