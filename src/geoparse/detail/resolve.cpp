// Resolution in document context (focus country, re-ranking, one sense per name) and roles.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "gazetteer/ranking.hpp"
#include "geoparse/detail/parse.hpp"
#include "text/normalize.hpp"

namespace mapwire::geoparse::detail {

namespace {

// The best reading leads every reading in another country by the anchor margin.
bool abroad_settled(const std::vector<Candidate>& candidates) {
    const Candidate& best = candidates[0];
    return std::none_of(candidates.begin() + 1, candidates.end(), [&](const Candidate& c) {
        return c.place.country != best.place.country &&
               best.score - c.score < gazetteer::kRanking.anchor_margin;
    });
}

}  // namespace

void Parse::compute_focus() {
    // The document's focus country: where its places lie (votes weighted as kRanking says);
    // states named as actors do not vote.
    const auto& votes = gazetteer::kRanking;
    std::map<std::string, double> tally;
    std::map<std::string, double> weak_votes;  // towns matched by an alternate name ...
    std::set<std::string> supported;           // ... count for a country another name may lie in
    bool place_voted = false;
    for (const auto& m : matches_) {
        if (m.demonym) {
            if (m.demonym_country)
                tally[std::string(m.demonym_country->country)] += votes.focus_vote_demonym;
            continue;
        }
        // A unit inside a personal name ("Paul Kemp") is doubtful: it does not vote.
        if (m.candidates.empty() || m.in_personal_name) continue;
        const Place& p = m.candidates[0].place;
        if (p.country.empty() || role_of(m, p) != Role::location) continue;
        // A feature known only as a point (a mountain, a lake, an island) is named from
        // abroad as often as from home: "He climbed Mt. Kenya" is no story about Kenya.
        if (p.type == PlaceType::region && p.area_km2 <= 0) continue;
        const Candidate& reading = m.candidates[0];
        const bool weak_name = reading.kind == gazetteer::NameKind::alternate ||
                               reading.quality == gazetteer::MatchQuality::loose;
        if (!weak_name)
            for (const Candidate& c : m.candidates) supported.insert(std::string(c.place.country));
        // A town whose homonyms abroad score about as well does not vote: six mentions of
        // "Esperance" in a story about Western Australia are no evidence for the US.
        if (p.type == PlaceType::place && !abroad_settled(m.candidates)) continue;
        if (p.type == PlaceType::place && weak_name)
            weak_votes[std::string(p.country)] += votes.focus_vote_place;
        else {
            tally[std::string(p.country)] +=
                p.type == PlaceType::admin0 ? votes.focus_vote_country : votes.focus_vote_place;
            place_voted = true;
        }
    }
    // ... or for any country where no other place votes (a text in Cyrillic names its towns
    // by their alternate names only; "A Russian drone strike on Huliaipole": a demonym is no
    // place).
    for (const auto& [country, weight] : weak_votes)
        if (!place_voted || supported.count(country)) tally[country] += weight;
    double best = 0;
    for (const auto& [c, w] : tally)
        if (w > best) {
            best = w;
            focus_ = c;
        }
    if (!focus_.empty()) unfocused_ = std::exchange(lookups_, {});  // readings under no focus
    for (const auto& m : matches_) {
        if (m.demonym && m.demonym_country)
            countries_named_.insert(std::string(m.demonym_country->country));
        // Countries, units, and towns named by their own (preferred or official) names; a
        // unit or town only where its homonyms abroad trail ("Warwick" names Bermuda's
        // parish no more than the Queensland town).
        if (!m.demonym && !m.candidates.empty() &&
            (m.candidates[0].place.type == PlaceType::admin0 || abroad_settled(m.candidates)) &&
            (m.candidates[0].place.type != PlaceType::place ||
             m.candidates[0].kind == gazetteer::NameKind::preferred ||
             m.candidates[0].kind == gazetteer::NameKind::official))
            countries_named_.insert(std::string(m.candidates[0].place.country));
    }
}

void Parse::compute_focus_unit() {
    // A local story names the towns of one state or province ("Springfield, Ill.", Chatham,
    // Macon County): there its "Rochester" is the Illinois town, not the larger one in New
    // York that a national story means. The unit most of the focus country's settled
    // locations lie in (units count for themselves), when it holds most of them.
    const auto& w = gazetteer::kRanking;
    std::map<std::int32_t, std::size_t> votes;
    std::size_t all = 0;
    for (const auto& m : matches_) {
        if (m.demonym || m.candidates.empty() || m.in_personal_name) continue;
        const Place& p = m.candidates[0].place;
        if (p.country != focus_ || p.type == PlaceType::admin0 || p.type == PlaceType::region ||
            role_of(m, p) != Role::location || !abroad_settled(m.candidates))
            continue;
        const std::int32_t unit =
            p.type == PlaceType::admin1 ? static_cast<std::int32_t>(p.index) : p.admin1;
        if (unit < 0) continue;
        ++votes[unit];
        ++all;
    }
    for (const auto& [unit, n] : votes)
        if (n >= w.focus_unit_min_mentions &&
            static_cast<double>(n) >= w.focus_unit_share * static_cast<double>(all))
            focus_unit_ = unit;
}

void Parse::rerank_in_context() {
    detail::Context context;
    context.named_countries = countries_named_;
    context.focus = focus_;
    context.focus_unit = focus_unit_;
    std::vector<Place> anchors;
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        const Match& m = matches_[mi];
        if (m.demonym || m.fallback || m.other || m.candidates.empty()) continue;
        if (detail::unambiguous(m.candidates, gazetteer::kRanking.anchor_margin)) {
            anchors.push_back(m.candidates[0].place);
            continue;
        }
        // A town the text puts in a unit is as settled ("SPRINGFIELD, Ill."): its one
        // reading there, or one that leads the others there by the margin.
        const auto container = container_of(mi);
        if (!container) continue;
        std::vector<Candidate> inside;
        for (const Candidate& c : m.candidates)
            if (detail::inside(c.place, container->place)) inside.push_back(c);
        if (!inside.empty() && detail::unambiguous(inside, gazetteer::kRanking.anchor_margin))
            anchors.push_back(inside[0].place);
    }
    context.anchors = detail::Anchors(std::move(anchors));
    // The country named last as a place (not a demonym, not an actor: "US officials", not
    // inside a name), read only as far back as the sentence before the mention's.
    // The same for a first-order unit ("Floods in Pakistan's Sindh province ... the city of
    // Hyderabad").
    std::optional<std::size_t> last_country, last_unit;
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& m = matches_[mi];
        if (mi > 0) {
            const Match& p = matches_[mi - 1];
            if (!p.demonym && !p.other && !p.fallback && !p.candidates.empty() &&
                role_of(p, p.candidates[0].place) == Role::location) {
                if (p.candidates[0].place.type == PlaceType::admin0) last_country = mi - 1;
                if (p.candidates[0].place.type == PlaceType::admin1) last_unit = mi - 1;
            }
        }
        const auto recent = [&](const std::optional<std::size_t>& last) {
            return last && tokens_[matches_[*last].first].sentence + 1 >= tokens_[m.first].sentence;
        };
        context.recent_country.clear();
        if (recent(last_country))
            context.recent_country = matches_[*last_country].candidates[0].place.country;
        context.recent_unit =
            recent(last_unit)
                ? static_cast<std::int32_t>(matches_[*last_unit].candidates[0].place.index)
                : -1;
        if (m.demonym || m.candidates.size() < 2 || m.fallback) continue;
        // "Hong Kong", "Panama", "Mexico" name the country again, not its city.
        if (std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Candidate& c) {
                return c.place.type == PlaceType::admin0 &&
                       c.place.country == context.recent_country;
            }))
            context.recent_country.clear();
        // "Dnipropetrovsk oblast ... Dnipro, Dnipropetrovsk" names the unit again.
        if (std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Candidate& c) {
                return static_cast<std::int32_t>(c.place.index) == context.recent_unit &&
                       c.place.type == PlaceType::admin1;
            }))
            context.recent_unit = -1;
        const auto container = container_of(mi);
        context.container =
            container ? std::optional<Place>(container->place) : std::optional<Place>();
        context.list = list_neighbours(mi);
        detail::rerank(m.candidates, context);
    }
}

bool Parse::headed_as_unit(const Match& m) const {
    // "Kharkiv Governor", "Texas Gov. Abbott", "the governor of Guanajuato": a governor or
    // premier heads a unit, never a town. ("Kharkiv region governor" needs no help: the span
    // takes in the administrative word and reads the unit.)
    if (m.last < tokens_.size() && cue(m.last, detail::Cue::unit_head)) return true;
    return m.first >= 2 && lower_[m.first - 1] == "of" && cue(m.first - 2, detail::Cue::unit_head);
}

void Parse::read_units_of_heads() {
    // Only a town reading gives way, and only to a unit in the town's country among the
    // name's candidates: "Georgia Governor" keeps whatever reading the context chose between
    // the country and the state.
    for (Match& m : matches_) {
        if (m.demonym || m.fallback || m.candidates.size() < 2 ||
            m.candidates[0].place.type != PlaceType::place || !headed_as_unit(m))
            continue;
        const auto unit =
            std::find_if(m.candidates.begin(), m.candidates.end(), [&](const Candidate& c) {
                return c.place.type == PlaceType::admin1 &&
                       c.place.country == m.candidates[0].place.country;
            });
        if (unit == m.candidates.end()) continue;
        std::rotate(m.candidates.begin(), unit, unit + 1);
    }
}

void Parse::keep_one_sense_per_name() {
    // One sense per discourse: a name placed by a container ("Novotroitske, Donetsk") keeps
    // that reading where the document repeats it bare.
    std::vector<bool> contained(matches_.size());
    std::map<std::string, std::size_t> placed;  // folded name -> first contained match
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        const Match& m = matches_[mi];
        contained[mi] = !m.demonym && (m.fallback || (!m.candidates.empty() && container_of(mi)));
        if (contained[mi]) placed.emplace(text::fold(span_text(m.first, m.last)), mi);
    }
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& m = matches_[mi];
        if (m.demonym || contained[mi]) continue;
        const auto it = placed.find(text::fold(span_text(m.first, m.last)));
        if (it == placed.end()) continue;
        const Match& ref = matches_[it->second];
        if (ref.fallback) {
            if (m.candidates.empty() || m.candidates[0].place.type == PlaceType::place)
                m.fallback = ref.fallback;
        } else if (!m.candidates.empty()) {
            const auto idx = ref.candidates[0].place.index;
            std::stable_partition(m.candidates.begin(), m.candidates.end(),
                                  [&](const Candidate& x) { return x.place.index == idx; });
        }
    }
}

void Parse::resolve() {
    index_tokens();
    drop_people_named_again();
    compute_focus();
    drop_unlikely_foreign_towns();
    // The focus country changes the gazetteer's ranking: look names up again with it.
    if (!focus_.empty())
        for (Match& m : matches_)
            if (!m.demonym && !m.abbreviation && !m.candidates.empty())
                m.candidates = !m.unit_word.empty()
                                   ? unit_word_reading(m.first, m.last, m.unit_word)
                               : unit_after_of(m.first) ? unit_reading(m.first, m.last)
                                                        : lookup(span_text(m.first, m.last));
    place_in_containers();
    add_fallbacks_for_unknown_names();
    compute_focus_unit();
    rerank_in_context();
    read_units_of_heads();
    place_in_containers();  // the readings may have changed
    settle_counties_without_units();
    keep_one_sense_per_name();
    join_city_districts();
}

bool Parse::team_in_match_report(const Match& m) const {
    const bool verb_next = m.last < tokens_.size() && cue(m.last, detail::Cue::sports_verb);
    const bool verb_before = m.first > 0 && cue(m.first - 1, detail::Cue::sports_verb);
    if (!verb_next && !verb_before) return false;
    const std::size_t sentence = tokens_[m.first].sentence;
    std::size_t k = m.first;
    while (k > 0 && tokens_[k - 1].sentence == sentence) --k;
    // One or two digits each side of the dash: "2-1" is one token (a hyphen joins a word),
    // "1–0" three (an en dash does not).
    auto goals = [](std::string_view t) {
        return !t.empty() && t.size() < 3 &&
               std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto one_token_score = [&](std::string_view t) {
        const auto dash = t.find('-');
        return dash != std::string_view::npos && goals(t.substr(0, dash)) &&
               goals(t.substr(dash + 1));
    };
    // Not a range of days: "on 2-3 March" (a month or weekday beside it).
    auto dated = [&](std::size_t first, std::size_t last) {
        return (first > 0 && written_cue(first - 1, detail::Cue::not_place)) ||
               (last < tokens_.size() && written_cue(last, detail::Cue::not_place));
    };
    for (; k < tokens_.size() && tokens_[k].sentence == sentence; ++k) {
        if (one_token_score(tokens_[k].text) && !dated(k, k + 1)) return true;
        if (k + 2 < tokens_.size() && goals(tokens_[k].text) && tokens_[k + 1].text == "\u2013" &&
            goals(tokens_[k + 2].text) && glued(k, k + 1) && glued(k + 1, k + 2) &&
            !dated(k, k + 3))
            return true;
    }
    return false;
}

std::size_t Parse::after_appositive(std::size_t k) const {
    // "China, Myanmar's largest neighbour, called for restraint": from the comma after the
    // subject to the one that closes the appositive, a few words on, in the same sentence;
    // it opens with a determiner, a relative pronoun or a possessive name, so that a list
    // ("China, Japan, Korea") is none.
    constexpr std::size_t kMaxWords = 10;
    if (k + 2 >= tokens_.size() || tokens_[k].text != ",") return k;
    const std::size_t open = k + 1;
    const bool starts = cue(open, detail::Cue::appositive_start) ||
                        (token_match_[open] >= 0 && tokens_[open].possessive);
    if (!starts) return k;
    for (std::size_t j = open; j < tokens_.size() && j <= open + kMaxWords; ++j) {
        if (tokens_[j].sentence != tokens_[k].sentence) return k;
        const std::string_view w = lower_[j];
        if (w == "and" || w == "or" || w == ";" || w == "(" || w == "\"") return k;
        if (w == ",") return j + 1;
    }
    return k;
}

Role Parse::role_of(const Match& m, const Place& p) const {
    if (m.demonym) return Role::demonym;
    if (m.other || team_in_match_report(m)) return Role::other;
    // "Kyiv-based" says where something is, "Moscow-backed" who acts (compounds.cpp).
    const std::size_t h = m.last;
    if (h + 1 < tokens_.size() && tokens_[h].text == "-" && glued(h - 1, h) && glued(h, h + 1)) {
        if (cue(h + 1, detail::Cue::place_suffix)) return Role::location;
        if (cue(h + 1, detail::Cue::actor_suffix)) return Role::metonym;
    }
    // An abbreviation in brackets after its own name ("the European Union (EU)") restates it.
    if (m.abbreviation && m.first >= 2 && tokens_[m.first - 1].text == "(" &&
        token_match_[m.first - 2] >= 0) {
        const Match& named = matches_[static_cast<std::size_t>(token_match_[m.first - 2])];
        if (!named.demonym && !named.candidates.empty() &&
            named.candidates[0].place.index == p.index)
            return role_of(named, p);
    }
    // Only states, capitals and large regions stand for governments.
    const bool can_be_metonym =
        p.type == PlaceType::admin0 || p.type == PlaceType::region || p.feature_code == "PPLC";
    if (!can_be_metonym) return Role::location;

    // Walk back over a coordinated list ("from either Moscow or Beijing", "the United States,
    // Europe, and ...") to the word that governs it.
    std::size_t k = m.first;
    std::string_view governing;
    bool governing_locative = false;
    while (k > 0) {
        --k;
        if (token_match_[k] >= 0 && tokens_[k].sentence == tokens_[m.first].sentence) continue;
        const std::string_view w = lower_[k];
        if (w == "," || w == "and" || w == "or" || w == "either" || w == "both" || w == "the" ||
            w == "neither" || w == "nor")
            continue;
        if (tokens_[k].sentence == tokens_[m.first].sentence) {
            governing = w;
            governing_locative = cue(k, detail::Cue::locative);
        }
        break;
    }
    if (governing_locative) return Role::location;
    // "Krasnodar, Russia officials said": a country after "Town," is the town's container.
    if (m.first >= 2 && lower_[m.first - 1] == "," && token_match_[m.first - 2] >= 0) {
        const Match& town = matches_[static_cast<std::size_t>(token_match_[m.first - 2])];
        if (!town.demonym && !town.candidates.empty() && p.type == PlaceType::admin0 &&
            town.candidates[0].place.type != PlaceType::admin0 &&
            town.candidates[0].place.country == p.country)
            return Role::location;
    }
    // "the health secretary of Mexico said": the place of an office; "the government of
    // China" is the state.
    if (governing == "of") {
        const std::size_t of = k;
        const bool state = of > 0 && cue(of - 1, detail::Cue::government_noun);
        return state ? Role::metonym : Role::location;
    }
    // "US officials", "UK government": a country as the modifier of a government noun is
    // the state.
    if (m.last < tokens_.size() && !tokens_[m.last - 1].possessive &&
        adjacent(m.last - 1, m.last) && !tokens_[m.last].capitalized &&
        cue(m.last, detail::Cue::government_noun))
        return Role::metonym;
    if (governing == "from" || governing == "by" || governing == "with") {
        for (std::size_t s = m.first; s > 0 && tokens_[s - 1].sentence == tokens_[m.first].sentence;
             --s)
            if (cue(s - 1, detail::Cue::response_noun))
                return Role::metonym;  // "responses have come from Moscow", "response from the
                                       // United States"
        if (governing == "by") return Role::metonym;  // "a claim by Moscow"
        return Role::location;
    }
    // Possessive: "China's envoy" is the state; "Russia's Kursk Oblast" is the place.
    if (tokens_[m.last - 1].possessive && m.last < tokens_.size()) {
        if (token_match_[m.last] >= 0) return Role::location;
        std::size_t n = m.last;
        while (n < tokens_.size() && n < m.last + 3) {
            if (cue(n, detail::Cue::government_noun)) return Role::metonym;
            if (!tokens_[n].word) break;
            ++n;
        }
        return Role::location;
    }
    // Subject of a verb of speech or decision: "Moscow did not respond", "Beijing and Moscow
    // maintain", "China has long positioned itself"; not of a passive one ("pilgrimage to
    // Saudi Arabia was banned by Iran": Iran acts).
    std::size_t n = after_appositive(m.last);
    bool passive = false;
    while (n < tokens_.size() && tokens_[n].sentence == tokens_[m.first].sentence) {
        const std::string_view w = lower_[n];
        const bool abbreviation_dot =  // "The U.S. said"
            w == "." && n == m.last && tokens_[m.last - 1].text.find('.') != std::string::npos;
        if (token_match_[n] >= 0 || w == "," || w == "and" || w == "or" || w == "the" ||
            abbreviation_dot || cue(n, detail::Cue::auxiliary)) {
            passive = passive || w == "was" || w == "were" || w == "been" || w == "being";
            ++n;
            continue;
        }
        if (passive) break;
        if (cue(n, detail::Cue::state_verb) ||
            (w.size() > 2 &&
             detail::is_cue(std::string_view(w).substr(0, w.size() - 1), detail::Cue::state_verb)))
            return Role::metonym;
        break;
    }
    return Role::location;
}

}  // namespace mapwire::geoparse::detail
