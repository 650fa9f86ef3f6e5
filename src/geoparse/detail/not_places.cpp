// Names that are not places, or not these places: people, organisations, features, and
// small towns abroad that nothing locates.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "gazetteer/ranking.hpp"
#include "geoparse/detail/parse.hpp"
#include "text/normalize.hpp"

namespace mapwire::geoparse::detail {

void Parse::mark_features_and_organisations(std::size_t first, std::size_t last,
                                            std::size_t match_begin) {
    bool organisation = holds_organisation_word(first, last);
    // A run that ends in a capitalised facility word and holds other words than a place is
    // the facility's own name ("Adam Malik Hospital", "Royal Alexandria Hospital", "Taiwan
    // Taoyuan International Airport"): the places in it are no locations. "Kharkiv Airport"
    // is in Kharkiv.
    if (last - first >= 2 && tokens_[last - 1].capitalized &&
        cue(last - 1, detail::Cue::facility)) {
        // One place must cover the words before it: "Adam Malik Hospital" holds two names.
        std::size_t covered = 0;
        for (std::size_t m = match_begin; m < matches_.size(); ++m)
            covered = std::max(covered, matches_[m].last - matches_[m].first);
        organisation = organisation || covered + 1 < last - first;
    }
    for (std::size_t m = match_begin; m < matches_.size();) {
        Match& x = matches_[m];
        // The word after the name, unless a possessive ends the name.
        const bool next_word = x.last < tokens_.size() && !tokens_[x.last - 1].possessive;
        auto next = [&](detail::Cue c) { return next_word && cue(x.last, c); };
        // "the Red Sea" is the sea, not Sudan's Red Sea state: its region reading first, or
        // none.
        const bool the_feature = x.first > 0 && lower_[x.first - 1] == "the" &&
                                 cue(x.last - 1, detail::Cue::natural_feature);
        if (the_feature)
            std::stable_partition(x.candidates.begin(), x.candidates.end(), [](const Candidate& c) {
                return c.place.type == PlaceType::region;
            });
        const bool country_like =
            !x.candidates.empty() && (x.candidates[0].place.type == PlaceType::admin0 ||
                                      x.candidates[0].place.type == PlaceType::region);
        // "near Lake Victoria", "Mount Kenya": the feature, whose name the gazetteer lacks.
        // ... "Mt. Kenya": the word before the abbreviation's dot.
        const std::size_t word_before =
            x.first >= first + 2 && abbreviation_dot(x.first - 1) ? x.first - 2 : x.first - 1;
        const bool feature_before = x.first > first && tokens_[word_before].capitalized &&
                                    (cue(word_before, detail::Cue::natural_feature) ||
                                     lower_[word_before] == "mount" || lower_[word_before] == "mt");
        if (!x.demonym && feature_before) {
            matches_.erase(matches_.begin() + static_cast<std::ptrdiff_t>(m));
            continue;
        }
        // "St. Peter's Square", "St. Mary's Hospital": a place named after a person or
        // saint, not the town of that name.
        const bool possessive_facility = !x.demonym && tokens_[x.last - 1].possessive &&
                                         x.last < tokens_.size() && tokens_[x.last].capitalized &&
                                         cue(x.last, detail::Cue::facility);
        if (possessive_facility && !country_like) {
            matches_.erase(matches_.begin() + static_cast<std::ptrdiff_t>(m));
            continue;
        }
        if (!x.demonym && !country_like &&
            (next(detail::Cue::natural_feature) || next(detail::Cue::feature_plural) ||
             the_feature || (next_word && features_listed_after(x.last)))) {
            matches_.erase(matches_.begin() + static_cast<std::ptrdiff_t>(m));  // "Dnipro River"
            continue;
        }
        // "Reston ebolavirus", "Kenya Red Cross Society", and "Voice of America": an
        // organisation's head word before "of" and the place. A facility stays where its
        // place is: "died in a Buenos Aires hospital" happened in Buenos Aires.
        const bool head_of = x.first >= first + 2 && lower_[x.first - 1] == "of" &&
                             written_cue(x.first - 2, detail::Cue::organisation_word);
        // ... and so is a place inside one, after another word of it ("Stoke Mandeville
        // Hospital").
        const bool in_facility_name =
            x.first > first && next(detail::Cue::facility) && tokens_[x.last].capitalized;
        // ... and one after an organisation's head word: "Television New Zealand", "Racing
        // Victoria", "Radio Free Europe".
        // An "of" between them is head_of's to judge.
        bool head_before = false;
        for (std::size_t k = first; k < x.first; ++k) {
            if (lower_[k] == "of")
                head_before = false;
            else if (written_cue(k, detail::Cue::organisation_word))
                head_before = true;
        }
        // "Madrid coach Carlo Ancelotti": the team; "Fano militia": the armed group.
        if (!x.demonym && !country_like &&
            (next(detail::Cue::team_noun) || next(detail::Cue::armed_group_noun)))
            x.other = true;
        if (!x.demonym && (next(detail::Cue::named_after) || in_facility_name ||
                           (organisation && x.last < last) || head_of || head_before))
            x.other = true;
        ++m;
    }
}

bool Parse::features_listed_after(std::size_t k) const {
    // "the Juba and Shabelle rivers", "the Tigris, Euphrates and Jordan rivers": the list's
    // other members (a few capitalised words each) and then a plural feature word.
    for (std::size_t members = 0; members < 4 && k < tokens_.size(); ++members) {
        if (lower_[k] != "and" && lower_[k] != "," && lower_[k] != "or") return false;
        std::size_t words = 0;
        for (++k; k < tokens_.size() && words < 3 && tokens_[k].word && tokens_[k].capitalized; ++k)
            ++words;
        if (words == 0) return false;
        if (k < tokens_.size() && !tokens_[k].capitalized && cue(k, detail::Cue::feature_plural))
            return true;
    }
    return false;
}

bool Parse::own_name_at(std::size_t k, std::size_t match_begin) const {
    const std::size_t m = token_match_of(k, match_begin);
    if (m == matches_.size()) return false;
    const Match& x = matches_[m];
    return x.demonym ||
           (!x.candidates.empty() && x.candidates[0].kind != gazetteer::NameKind::alternate);
}

bool Parse::from_full_name(std::size_t first, std::size_t end) const {
    // Two or more name words up to `end`: a first name and a surname (a title may lead).
    std::size_t words = 0;
    for (std::size_t k = first; k < end; ++k) {
        if (written_cue(k, detail::Cue::title)) continue;
        if (!name_word(k)) return false;
        ++words;
    }
    return words >= 2;
}

void Parse::drop_personal_names(std::size_t first, std::size_t last, std::size_t match_begin) {
    // A town name inside a personal name: "President Volodymyr Zelensky", "Mary Kelly met
    // Scott Clark". The run then has a title, starts with a first name, or has a word next to
    // the match that is neither matched, nor an English word, nor an administrative word.
    // A title names the words after it: "Mexico City Mayor Marcelo Ebrard" keeps the city.
    std::size_t title_at = last;  // the first title word of the run, or `last`
    for (std::size_t k = first; k < last && title_at == last; ++k)
        if (written_cue(k, detail::Cue::title)) title_at = k;
    if (title_before(first)) title_at = first;
    const bool titled = title_at < last;
    std::vector<bool> covered(last - first, false);
    for (std::size_t m = match_begin; m < matches_.size(); ++m)
        for (std::size_t k = std::max(matches_[m].first, first);
             k < std::min(matches_[m].last, last); ++k)
            covered[k - first] = true;
    // "Mary Kelly": a first name before another capitalised word, unless the two together
    // are one place name ("Victoria Falls" is matched whole and covers both).
    bool named_thing = false;  // "Dallas County", "Denver District Court", "Jordan River"
    for (std::size_t k = first; k < last; ++k) {
        named_thing = named_thing || cue(k, detail::Cue::admin_word) ||
                      cue(k, detail::Cue::natural_feature) || cue(k, detail::Cue::facility) ||
                      written_cue(k, detail::Cue::organisation_word);
    }
    const bool first_named =
        // A title is no first name ("Mayor" is both), nor is a name before "of" ("Mayor of
        // Boston").
        last - first >= 2 && !named_thing && first_name(first) &&
        !written_cue(first, detail::Cue::title) &&
        (name_word(first + 1) || written_cue(first + 1, detail::Cue::connector)) &&
        !(covered[0] && covered[1] &&
          token_match_of(first, match_begin) == token_match_of(first + 1, match_begin));
    // "Moscow October 7": a month is no surname, nor "North-Western" in "North-Western Sydney".
    auto unknown = [&](std::size_t k) {
        return k >= first && k < last && !covered[k - first] && name_word(k) && !common(k) &&
               !written_cue(k, detail::Cue::title) && !written_cue(k, detail::Cue::not_place) &&
               !cue(k, detail::Cue::direction);
    };
    bool person = titled || first_named;
    for (std::size_t m = match_begin; m < matches_.size();) {
        const Match& x = matches_[m];
        const PlaceType type = x.candidates.empty() ? PlaceType::place : x.candidates[0].place.type;
        const bool town = !x.demonym && !x.candidates.empty() && type == PlaceType::place;
        const bool state_like = x.demonym || type != PlaceType::place;
        const bool beside_unknown = (x.first > first && unknown(x.first - 1)) || unknown(x.last);
        // "the Mayor of Boston": a title before "of" names the office's place, not a person.
        const bool office_of = x.first == title_at + 2 && lower_[title_at + 1] == "of";
        const bool after_title = titled && x.first >= title_at && !office_of;
        // "for South Sudan David Shearer said": a first name inside the run, before a word
        // nothing matched, starts a person's name there.
        const bool named_inside = !named_thing && x.first > first && x.last - x.first == 1 &&
                                  x.last < last && first_name(x.first) && name_word(x.last) &&
                                  !covered[x.last - first];
        // "Chen Zhu, the Chinese health minister, said": not after a locative ("in Kharkiv,
        // the regional governor said").
        const bool appositive_person = title_in_apposition(x.last) &&
                                       !(x.first > 0 && (cue(x.first - 1, detail::Cue::locative) ||
                                                         lower_[x.first - 1] == "from"));
        // "Jordan Peterson", "Victoria Beckham": a country or unit that is a first name,
        // before a surname nothing else explains, and after no locative ("in Georgia Monday").
        const bool state_first_name =
            first_named && state_like && !x.demonym && x.first == first && x.last == first + 1 &&
            unknown(first + 1) &&
            !(first > 0 && (cue(first - 1, detail::Cue::locative) || lower_[first - 1] == "from"));
        // "Mike Jordan", "Dan Israel": a country or unit as the surname after a first name
        // that is no place by its own name ("Paris Texas" is written for Paris, Texas;
        // "Michael" is only an alternate name of Sankt Michael im Burgenland).
        const bool state_surname = first_named && state_like && !x.demonym &&
                                   x.first == first + 1 && x.last == first + 2 &&
                                   !(covered[0] && own_name_at(first, match_begin));
        // "Mike Smith of Decatur", "Mayor John Smith of Decatur": after "of", a full name's
        // place is where the person is from (not "Joan of Arc": one name word before "of").
        const bool home_of_person = x.first >= first + 3 && lower_[x.first - 1] == "of" &&
                                    (first_named || after_title) && !beside_unknown &&
                                    from_full_name(first, x.first - 1);
        const bool drop = !x.admin_word && !home_of_person &&
                          ((town && (after_title || first_named || beside_unknown || named_inside ||
                                     appositive_person)) ||
                           (first_named && !state_like) || state_first_name || state_surname);
        if (drop) {
            person = person || !beside_unknown || titled || first_named;
            matches_.erase(matches_.begin() + static_cast<std::ptrdiff_t>(m));
        } else {
            matches_[m].in_personal_name =
                !x.admin_word && !x.demonym &&
                (type == PlaceType::admin1 || type == PlaceType::admin2) &&
                (first_named || after_title);
            ++m;
        }
    }
    // Remember the name's words: "Kelly said" later in the text is the same person. Words of
    // places kept in the run ("Denver District Judge Robert Hyatt") are not the person's.
    if (!person) return;
    for (std::size_t k = first; k < last; ++k)
        if (name_word(k) && !written_cue(k, detail::Cue::title) &&
            token_match_of(k, match_begin) == matches_.size())
            person_words_.insert(std::string(tokens_[k].text));
}

void Parse::drop_people_named_again() {
    // Document-level consistency: once a word is part of a person's name, a lone town of that
    // name elsewhere in the text is the person too ("Dr Ivins ... Ivins said"), and so is a
    // lone town before a verb of speech ("Kelly said"), unless the text puts it in a unit.
    std::vector<bool> drops(matches_.size(), false);
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        const Match& m = matches_[mi];
        const bool town = !m.demonym && !m.candidates.empty() && m.last - m.first == 1 &&
                          m.candidates[0].place.type == PlaceType::place && !m.admin_word;
        bool drop = false;
        if (town && !container_of(mi)) {
            // "of Tyler said", "in Austin told": the place of someone who speaks.
            const bool placed =
                m.first > 0 && (cue(m.first - 1, detail::Cue::locative) ||
                                lower_[m.first - 1] == "of" || lower_[m.first - 1] == "from");
            drop = !placed && (person_words_.count(std::string(tokens_[m.first].text)) ||
                               (m.last < tokens_.size() && cue(m.last, detail::Cue::speech_verb)));
        }
        drops[mi] = drop;
    }
    erase_matches(drops);
}

void Parse::drop_unlikely_foreign_towns() {
    // A lone small town abroad ("Wagner" in the US, in an article about Mali) is more often a
    // name than a place; keep it only with a locative before it or a container after it.
    std::vector<bool> drops(matches_.size(), false);
    // The distinct names of each country, by their first reading.
    std::map<std::string_view, std::set<std::string>> names_per_country;
    for (const Match& m : matches_) {
        const std::string name = text::fold(span_text(m.first, m.last));
        if (m.demonym && m.demonym_country)
            names_per_country[m.demonym_country->country].insert(name);
        if (!m.demonym && !m.candidates.empty())
            names_per_country[m.candidates[0].place.country].insert(name);
    }
    for (std::size_t mi = 0; mi < matches_.size(); ++mi) {
        const Match& m = matches_[mi];
        bool drop = false;
        if (!m.demonym && !m.candidates.empty()) {
            const Place& p = m.candidates[0].place;
            const bool locative = m.first > 0 && (cue(m.first - 1, detail::Cue::locative) ||
                                                  lower_[m.first - 1] == "from");
            // Judged on every reading: the focus re-ranks a name with one in the focus country
            // ("Esperance" read first as the Washington town, in a story about Australia).
            const bool reading_in_focus =
                std::any_of(m.candidates.begin(), m.candidates.end(),
                            [&](const Candidate& c) { return c.place.country == focus_; });
            drop = !focus_.empty() && p.type == PlaceType::place && p.population < 50000 &&
                   !reading_in_focus && !locative && !container_of(mi);
            // A town abroad found only by one of its foreign-language names, in a country the
            // article never names, is a coincidence of spelling, whatever its size.
            const bool alternate = m.candidates[0].kind == gazetteer::NameKind::alternate ||
                                   m.candidates[0].quality == gazetteer::MatchQuality::loose;
            // Not a name some unit has too ("Dnipropetrovsk": Dnipro's former name and its
            // oblast's), nor one the text puts a place in ("Zelenodolsk, Dnipropetrovsk").
            const bool unit_name =
                std::any_of(m.candidates.begin(), m.candidates.end(),
                            [](const Candidate& c) { return c.place.type != PlaceType::place; });
            const bool after_comma = m.first > 0 && lower_[m.first - 1] == ",";
            drop = drop || (p.type == PlaceType::place && alternate && !locative && !unit_name &&
                            !after_comma && p.country != focus_ &&
                            !countries_named_.count(std::string(p.country)));
            // ... and one found only by folding its spelling ("Kuriga" as Khouribga, Morocco,
            // in a story about Nigeria), even after "in".
            drop = drop || (!focus_.empty() && p.type == PlaceType::place &&
                            m.candidates[0].quality == gazetteer::MatchQuality::loose &&
                            !unit_name && p.country != focus_ &&
                            !countries_named_.count(std::string(p.country)) && !container_of(mi));
            // A village abroad in a country nothing else in the text lies in, even after
            // "in", is a street or quarter of a place the story is about ("a sushi bar in
            // Piccadilly" in a London story is not the Western Australian hamlet).
            auto alone = [&](const Place& x) {
                const auto in_country = names_per_country.find(x.country);
                return x.country != focus_ &&
                       (in_country == names_per_country.end() || in_country->second.size() <= 1);
            };
            // ... unless another reading of the name lies where the story is ("Esperance" in
            // a story about Australia: the focus re-ranks it there).
            const bool reading_here =
                std::any_of(m.candidates.begin(), m.candidates.end(),
                            [&](const Candidate& c) { return !alone(c.place); });
            drop = drop || (!focus_.empty() && p.type == PlaceType::place && !reading_here &&
                            p.population < gazetteer::kRanking.lone_village_population &&
                            !container_of(mi));
            // "Paul Kemp" is no municipality of Cape Verde where the text is elsewhere.
            drop = drop || (m.in_personal_name && alone(p) && !container_of(mi));
        }
        if (!m.demonym && !m.candidates.empty() && m.first > 0 &&
            tokens_[m.first - 1].capitalized && cue(m.first - 1, detail::Cue::direction) &&
            adjacent(m.first - 1, m.first)) {
            // A capitalised direction before the name may be part of a longer name the
            // gazetteer lacks ("West Midlands" is not Zimbabwe's Midlands, "Central Luzon" not
            // a village called Luzon): keep the shorter name only where the document is and
            // only for a unit or a city ("Eastern Ukraine", "North-Western Sydney"): where
            // another name of the document lies in the same country.
            const Place& p = m.candidates[0].place;
            const auto in_country = names_per_country.find(p.country);
            const bool here =
                in_country != names_per_country.end() && in_country->second.size() > 1;
            const bool small = p.type == PlaceType::place && p.feature_code != "PPLC" &&
                               p.population < gazetteer::kRanking.strong_town_population;
            // A country is always itself: "Eastern Ukraine" is a part of Ukraine.
            drop = drop || (p.type != PlaceType::admin0 && (!here || small));
        }
        drops[mi] = drop;
    }
    erase_matches(drops);
}

}  // namespace mapwire::geoparse::detail
