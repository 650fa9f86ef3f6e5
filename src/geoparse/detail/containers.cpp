// "X, Y", "X in Y", "Y's X" and lists: where the text puts a place, and what follows from it.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "base/great_circle.hpp"
#include "gazetteer/ranking.hpp"
#include "geoparse/detail/parse.hpp"
#include "text/normalize.hpp"

namespace mapwire::geoparse::detail {

std::optional<std::size_t> Parse::container_match_after(std::size_t k) const {
    // "Kurakhove, Donetsk region", "near Pokrovsk in the Donetsk region", "Sudzha (Kursk)",
    // "Pisky district of Donetsk", "a village in northern Idlib".
    int skipped = 0;
    while (k < tokens_.size() && skipped < 3) {
        // Two names side by side ("Esperance Lakes") are one name, not a place and its unit.
        if (token_match_[k] >= 0)
            return skipped > 0 ? std::optional<std::size_t>(token_match_[k]) : std::nullopt;
        if (!cue(k, detail::Cue::container_link) && !cue(k, detail::Cue::admin_word)) break;
        ++k;
        ++skipped;
    }
    return std::nullopt;
}

// Towns lie in units, units in countries: "Kramatorsk, Donetsk", "Kursk Oblast, Russia". Two
// names of one level side by side are a list ("Montana, Nebraska"; "Mexico, China, Japan").
using gazetteer::level;

std::optional<Container> Parse::container_of(std::size_t mi) const {
    auto c = container_after_or_owner(mi);
    // "... Utah, Virginia, Washington, West Virginia and Wyoming": a name that itself
    // continues a list, with a reading of the container's kind, is one more member; so is
    // the first of a list that the container continues ("in Washington, Pennsylvania and
    // California").
    const auto continues_alike = [&](std::size_t k) {  // matches_[k] is followed by one alike
        if (!list_continues(k)) return false;
        const Match& next = matches_[k + 1];
        return !next.demonym && !next.candidates.empty() &&
               next.candidates[0].place.type == c->place.type &&
               next.candidates[0].place.country == c->place.country;
    };
    if (c && c->place.type != PlaceType::admin0 &&
        ((mi > 0 && list_continues(mi - 1)) || (c->match > mi && continues_alike(c->match)))) {
        const Match& m = matches_[mi];
        const double floor = m.candidates.empty() ? 0.0
                                                  : m.candidates[0].score -
                                                        gazetteer::kRanking.container_reading_gap;
        const bool member =
            std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Candidate& x) {
                return x.place.type == c->place.type && x.place.country == c->place.country &&
                       x.score >= floor;
            });
        if (member) return std::nullopt;
    }
    return c;
}

const Candidate* Parse::city_around(const Match& m, const Match& c, double floor) const {
    // "Queens, New York": the container names a unit and a large city of that unit, and one
    // of the town's readings lies in the unit within the city's radius: a part of the city.
    // Only a name the text writes as both ("New York"): "Makiivka, Donetsk" is in the oblast,
    // Makiivka lying beyond Donetsk's radius.
    const auto& w = gazetteer::kRanking;
    for (const Candidate& city : c.candidates) {
        if (city.place.type != PlaceType::place || city.quality != gazetteer::MatchQuality::exact ||
            city.score < floor || city.place.population < w.strong_town_population)
            continue;
        const bool unit_too =
            std::any_of(c.candidates.begin(), c.candidates.end(), [&](const Candidate& u) {
                return u.place.type == PlaceType::admin1 && u.score >= floor &&
                       static_cast<std::int32_t>(u.place.index) == city.place.admin1;
            });
        if (!unit_too) continue;
        const double radius_km =
            std::sqrt(static_cast<double>(city.place.population) / (M_PI * w.city_density_per_km2));
        for (const Candidate& x : m.candidates)
            if (x.place.type == PlaceType::place && x.place.index != city.place.index &&
                x.place.admin1 == city.place.admin1 &&
                great_circle_km(x.place.lat, x.place.lon, city.place.lat, city.place.lon) <=
                    radius_km)
                return &city;
    }
    return nullptr;
}

std::optional<Container> Parse::container_after_or_owner(std::size_t mi) const {
    const Match& m = matches_[mi];
    if (m.last < tokens_.size() && tokens_[m.last - 1].possessive) return std::nullopt;
    const int own_level = m.candidates.empty() ? 0 : level(m.candidates[0].place.type);
    if (const auto ci = container_match_after(m.last)) {
        const Match& c = matches_[*ci];
        if (c.demonym || c.candidates.empty()) return std::nullopt;
        // The container's reading: the first unit or country of its name that holds one of
        // this name's candidates, else its best unit ("Pervomaisk, Luhansk": the oblast).
        // Only readings the name plausibly has: matched as written and close to its best.
        const Candidate* unit = nullptr;
        const double floor = c.candidates[0].score - gazetteer::kRanking.container_reading_gap;
        if (own_level == 0)
            if (const Candidate* city = city_around(m, c, floor))
                return Container{*ci, city->place};
        for (const Candidate& cc : c.candidates) {
            if (cc.place.type == PlaceType::place || cc.quality != gazetteer::MatchQuality::exact ||
                cc.score < floor)
                continue;
            // "Mexico, Mo.", "Lebanon, Pa.", "Moscow, Idaho": a unit below country level that
            // holds a town of the name contains it, though the name reads first as a country.
            const bool lower_level = level(cc.place.type) > own_level;
            if (!lower_level && cc.place.type == PlaceType::admin0) continue;
            const bool holds =
                std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Candidate& x) {
                    return level(x.place.type) < level(cc.place.type) &&
                           detail::inside(x.place, cc.place);
                });
            if (holds) return Container{*ci, cc.place};
            if (!unit && lower_level) unit = &cc;
        }
        if (unit) return Container{*ci, unit->place};
        // "Belaya near Irkutsk": a town as a landmark, only after "near".
        const std::size_t before = tokens_[c.first].byte_begin;
        const std::string_view between =
            text_.substr(tokens_[m.last - 1].byte_end, before - tokens_[m.last - 1].byte_end);
        if (own_level == 0 && (between.find("near") != std::string_view::npos ||
                               between.find("outside") != std::string_view::npos))
            return Container{*ci, c.candidates[0].place};
        return std::nullopt;
    }
    // "Russia's Kursk Oblast".
    if (m.first >= 1 && tokens_[m.first - 1].possessive && token_match_[m.first - 1] >= 0) {
        const auto ci = static_cast<std::size_t>(token_match_[m.first - 1]);
        const Match& c = matches_[ci];
        if (!c.demonym && !c.candidates.empty()) return Container{ci, c.candidates[0].place};
    }
    return std::nullopt;
}

void Parse::prefer_container_reading(Match& c, std::uint32_t place) {
    // The text puts a place inside this reading of the name: evidence of the container
    // weight, added once, so that later re-ranking keeps it first.
    if (c.container_reading) return;
    for (Candidate& x : c.candidates)
        if (x.place.index == place) x.score += gazetteer::kRanking.container;
    std::stable_sort(c.candidates.begin(), c.candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    c.container_reading = true;
}

bool Parse::list_continues(std::size_t mi) const {
    // "Kyiv, Lviv and Odesa": another name follows after "and", "or" or a comma.
    const std::size_t k = matches_[mi].last;
    if (k >= tokens_.size() || mi + 1 >= matches_.size()) return false;
    const std::string_view w = lower_[k];
    if (w != "," && w != "and" && w != "or") return false;
    const std::size_t next = matches_[mi + 1].first;
    return next == k + 1 || (next == k + 2 && (lower_[k + 1] == "and" || lower_[k + 1] == "or"));
}

void Parse::place_in_containers() {
    // A place the text puts inside a unit lies there: candidates outside it are homonyms.
    // When none lies inside and the name has only small towns elsewhere, the place is the
    // unit itself ("somewhere in"); a large city elsewhere means the comma joins a list.
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& m = matches_[mi];
        if (m.demonym || m.candidates.empty()) continue;
        const auto container = container_of(mi);
        if (!container) continue;
        Match& c = matches_[container->match];
        const bool any_inside = std::any_of(
            m.candidates.begin(), m.candidates.end(),
            [&](const Candidate& x) { return detail::inside(x.place, container->place); });
        const Place& best = m.candidates[0].place;
        const double floor = m.candidates[0].score - gazetteer::kRanking.container_reading_gap;
        // "Montana, Nebraska": a list of units; of one country below a country ("Bradford,
        // Ontario" is no list of an English district and a Canadian province).
        const bool unit_reading =
            std::any_of(m.candidates.begin(), m.candidates.end(), [&](const Candidate& x) {
                return x.place.type != PlaceType::place && x.score >= floor &&
                       (container->place.type == PlaceType::admin0 ||
                        x.place.country == container->place.country);
            });
        // A list joins names of one country ("Kharkiv, Lviv"); a town the text puts in a unit
        // of another country than its only large homonym is in that unit ("Zelenodolsk,
        // Dnipropetrovsk": not the Tatarstan town).
        const bool abroad = best.country != container->place.country;
        const bool weak = best.type == PlaceType::place && best.feature_code != "PPLC" &&
                          (best.population < gazetteer::kRanking.strong_town_population ||
                           (abroad && !list_continues(container->match))) &&
                          !unit_reading;
        if (!any_inside && !weak) continue;
        prefer_container_reading(c, container->place.index);  // "Luhansk": the oblast
        if (!any_inside && container->place.type != PlaceType::admin0)
            m.fallback = container->place;
    }
}

void Parse::add_fallbacks_for_unknown_names() {
    // "shelled near Zolota Nyva, Donetsk": a capitalised name the gazetteer lacks, followed by
    // the unit it lies in, is somewhere in that unit. So is a longer name of which only a part
    // matched a town elsewhere ("Shakhta imeni Gagarina, Donetsk" is not Shakhta in Perm).
    const std::size_t count = matches_.size();
    std::vector<bool> drops(count, false);
    for (std::size_t ci = 0; ci < count; ++ci) {
        const Match& c = matches_[ci];
        if (c.demonym || c.candidates.empty() || c.first < 2) continue;
        const std::string_view link = lower_[c.first - 1];
        if (link != "," && link != "(") continue;
        const auto unit =
            std::find_if(c.candidates.begin(), c.candidates.end(), [](const Candidate& x) {
                return x.place.type == PlaceType::admin1 || x.place.type == PlaceType::admin2 ||
                       x.place.type == PlaceType::region;
            });
        if (unit == c.candidates.end()) continue;
        // "Dirk Bockel (Luxembourg, Celtic team)": the text names the country; its namesake
        // unit abroad (Belgium's Luxembourg province) is not what it puts the name in.
        const Place& reading = c.candidates[0].place;
        if (reading.type == PlaceType::admin0 && unit->place.country != reading.country) continue;
        // "its Americas, Eastern Mediterranean, and European regions": a list of regions.
        if (unit->place.type == PlaceType::region && link == "," && list_continues(ci)) continue;
        const Place unit_place = unit->place;
        // A token that may belong to the unknown name: an unmatched name word, a particle
        // between name words, or part of a town match lying outside the unit.
        auto part_of_name = [&](std::size_t k) {
            if (tokens_[k].possessive) return false;
            if (token_match_[k] >= 0) {
                const Match& x = matches_[static_cast<std::size_t>(token_match_[k])];
                return !x.demonym && !x.fallback && !x.candidates.empty() &&
                       x.candidates[0].place.type == PlaceType::place &&
                       std::none_of(
                           x.candidates.begin(), x.candidates.end(),
                           [&](const Candidate& y) { return detail::inside(y.place, unit_place); });
            }
            return name_word(k) || (k > 0 && cue(k, detail::Cue::connector) && name_word(k - 1));
        };
        const std::size_t last = c.first - 1;
        std::size_t first = last;
        while (first > 0 && part_of_name(first - 1) &&
               (first == last || adjacent(first - 1, first)))
            --first;
        while (first < last && !name_word(first)) ++first;  // never start with a particle
        if (first == last || last - first > 5) continue;
        bool partial = false;  // a town match inside the span: the span must be longer
        bool unmatched = false;
        for (std::size_t k = first; k < last; ++k) {
            if (token_match_[k] >= 0)
                partial = true;
            else
                unmatched = unmatched || name_word(k);
        }
        if (partial && !unmatched) continue;  // the town alone: place_in_containers decides
        const Token& t = tokens_[first];
        if (headline_line_[t.line] || written_cue(first, detail::Cue::title) ||
            cue(first, detail::Cue::function_word) || (last - first == 1 && common(first)) ||
            title_before(first))
            continue;
        // A first name before another unknown name word is a person ("Dirk Bockel
        // (Luxembourg)"); a town or a particle in the span keeps the place ("Janet Evans of
        // Marion, Ohio").
        bool names_only = !partial;
        for (std::size_t k = first; k < last; ++k) names_only = names_only && name_word(k);
        if (names_only && last - first >= 2 && first_name(first)) continue;
        // "According to Xinhua News Agency, Beijing ...": an organisation, not in Beijing.
        if (holds_organisation_word(first, last)) continue;
        for (std::size_t k = first; k < last; ++k)
            if (token_match_[k] >= 0) drops[static_cast<std::size_t>(token_match_[k])] = true;
        Match f{first, last, false, false, {}, {}};
        f.fallback = unit_place;
        matches_.push_back(std::move(f));
        drops.push_back(false);
        prefer_container_reading(matches_[ci], unit_place.index);
    }
    erase_matches(drops);
    std::sort(matches_.begin(), matches_.end(),
              [](const Match& a, const Match& b) { return a.first < b.first; });
    index_tokens();
}

std::vector<detail::ListReading> Parse::list_neighbours(std::size_t mi) const {
    // The names joined to this one by "," / "and" / "or" in its sentence, as first read.
    std::vector<detail::ListReading> out;
    auto separator = [&](std::size_t k) {
        return lower_[k] == "," || lower_[k] == "and" || lower_[k] == "or";
    };
    // "eight in Alberta, one in New Brunswick, and one in Quebec": members each after "in",
    // joined by a separator and a few lower-case words or figures.
    auto parallel = [&](std::size_t first_a, std::size_t a, std::size_t b) {
        if (b - a > gazetteer::kRanking.parallel_list_gap || !separator(a) ||
            lower_[b - 1] != "in" || first_a == 0 || lower_[first_a - 1] != "in")
            return false;
        for (std::size_t k = a; k + 1 < b; ++k)
            if (!separator(k) && (tokens_[k].capitalized || !tokens_[k].word) &&
                !std::isdigit(static_cast<unsigned char>(tokens_[k].text[0])))
                return false;
        return true;
    };
    // Match ranges [first_a, a) and [b, ..).
    auto joined = [&](std::size_t first_a, std::size_t a, std::size_t b) {
        if (b <= a || tokens_[a].sentence != tokens_[b].sentence) return false;
        if (b - a <= 2 &&
            std::all_of(lower_.begin() + static_cast<std::ptrdiff_t>(a),
                        lower_.begin() + static_cast<std::ptrdiff_t>(b),
                        [](std::string_view w) { return w == "," || w == "and" || w == "or"; }))
            return true;
        return parallel(first_a, a, b);
    };
    auto add = [&](const Match& n) {
        if (n.demonym || n.fallback || n.candidates.empty()) return;
        const Place& p = n.candidates[0].place;
        out.push_back({p.type, p.type == PlaceType::admin0 ? "" : std::string(p.country)});
    };
    // "Pervomaisk, Luhansk" is a town and its unit, not a list.
    auto contains = [&](std::size_t place, std::size_t unit) {
        const auto c = container_of(place);
        return c && c->match == unit;
    };
    // The whole list, both ways: "British Columbia, Alberta, Manitoba, Ontario and New
    // Brunswick" reads as provinces even where one neighbour has a town reading.
    // At most list_reach members each way: work stays linear in the text.
    const std::size_t reach = gazetteer::kRanking.list_reach;
    for (std::size_t k = mi;
         k > 0 && mi - k < reach &&
         joined(matches_[k - 1].first, matches_[k - 1].last, matches_[k].first) &&
         !contains(k - 1, k);
         --k)
        add(matches_[k - 1]);
    for (std::size_t k = mi;
         k + 1 < matches_.size() && k - mi < reach &&
         joined(matches_[k].first, matches_[k].last, matches_[k + 1].first) && !contains(k, k + 1);
         ++k)
        add(matches_[k + 1]);
    return out;
}

void Parse::settle_counties_without_units() {
    // "Crawford County located in Pennsylvania" is not Crawford, Nebraska: counties are
    // mostly named after people, not after a town in them. Without the county in the
    // gazetteer, the name is somewhere in the unit the text puts it in; the town of the name
    // stands for it only where it is plausibly the seat: a large city ("Dallas County"), or
    // a town in a unit the story names ("Frederick County" in a story about Maryland).
    // Else the name is not placed.
    std::vector<std::int32_t> named_units;
    for (const Match& m : matches_)
        if (!m.demonym && !m.candidates.empty() && m.candidates[0].place.type == PlaceType::admin1)
            named_units.push_back(static_cast<std::int32_t>(m.candidates[0].place.index));
    std::sort(named_units.begin(), named_units.end());
    std::vector<bool> drops(matches_.size(), false);
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& m = matches_[mi];
        const bool county_inside = m.admin_word && cue(m.last - 1, detail::Cue::county_word);
        const bool county_after = m.last < tokens_.size() && adjacent(m.last - 1, m.last) &&
                                  cue(m.last, detail::Cue::county_word);  // "Jefferson Parish"
        if (m.demonym || m.fallback || m.candidates.empty() || !(county_inside || county_after) ||
            m.candidates[0].place.type != PlaceType::place)
            continue;
        const Place& town = m.candidates[0].place;
        if (town.population >= gazetteer::kRanking.strong_town_population) continue;
        const auto container = container_of(mi);
        if (container && container->place.type != PlaceType::admin0)
            m.fallback = container->place;  // what the text says, not a guess at the seat
        else if (!std::binary_search(named_units.begin(), named_units.end(), town.admin1))
            drops[mi] = true;
    }
    // "Scott County, Indiana ... in Scott County": once put in a unit, everywhere.
    std::map<std::string, Place> placed;
    for (std::size_t mi = 0; mi < matches_.size(); ++mi)
        if (!drops[mi] && matches_[mi].fallback)
            placed.emplace(text::fold(span_text(matches_[mi].first, matches_[mi].last)),
                           *matches_[mi].fallback);
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        if (!drops[mi]) continue;
        const auto it = placed.find(text::fold(span_text(matches_[mi].first, matches_[mi].last)));
        if (it == placed.end()) continue;
        matches_[mi].fallback = it->second;
        drops[mi] = false;
    }
    erase_matches(drops);
}

void Parse::join_city_districts() {
    // ACLED writes a city's district after a spaced dash: "Donetsk - Kyivskyi", "Donetsk -
    // Petrovskyi". The district lies in the city: one mention with the city's reading, not a
    // namesake village in Russia nor the oblast around the city. A large place after the dash,
    // or one near the city, is another place ("Kyiv - Lviv", "Kharkiv - Belgorod").
    const auto& w = gazetteer::kRanking;
    std::vector<bool> drops(matches_.size(), false);
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        Match& a = matches_[mi];
        if (a.demonym || a.fallback || a.candidates.empty()) continue;
        const Place& city = a.candidates[0].place;
        const std::size_t dash = a.last, d = a.last + 1;
        if (city.type != PlaceType::place || city.population < w.strong_town_population ||
            d >= tokens_.size() || tokens_[dash].text != "-" ||
            tokens_[dash].sentence != tokens_[d].sentence || !name_word(d) ||
            glued(dash - 1, dash) || glued(dash, d) ||
            (d + 1 < tokens_.size() && name_word(d + 1) && adjacent(d, d + 1)))
            continue;
        if (const int bi = token_match_[d]; bi >= 0) {
            const Match& b = matches_[static_cast<std::size_t>(bi)];
            if (b.last != d + 1 || b.demonym) continue;
            if (!b.fallback && !b.candidates.empty()) {
                const Candidate& c = b.candidates[0];
                const bool small = c.quality == gazetteer::MatchQuality::loose ||
                                   c.place.population < w.strong_town_population;
                if (c.place.type != PlaceType::place || !small ||
                    great_circle_km(c.place.lat, c.place.lon, city.lat, city.lon) <= w.nearby_km)
                    continue;
            }
            drops[static_cast<std::size_t>(bi)] = true;
        }
        a.last = d + 1;
    }
    erase_matches(drops);
    index_tokens();
}

}  // namespace mapwire::geoparse::detail
