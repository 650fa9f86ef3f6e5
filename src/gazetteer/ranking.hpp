// The weights of the toponym resolution model, in one place: how much each piece of evidence
// counts when candidates for a name are ranked. docs/geoparse.md explains each feature.
//
// A candidate's score is a sum of features. The gazetteer adds the context-free ones (how the
// name matched, what kind of place it is, how large it is); the geoparser adds the document's
// (a container the text names, the focus country, nearby resolved places). The values are
// tuned so that the following hold, and tests/cases/geoparse.json checks each:
//   - a country or first-order unit named by its own name beats a homonymous town of up to a
//     few million people ("California", "Indiana", "Victoria");
//   - a town named by one of its alternate names beats another place named by its own name
//     only when it is about ten times larger (Genève as "Geneva" over Geneva, Illinois), and
//     never a unit ("Nebraska" is not Appomattox, Virginia);
//   - a unit named after its capital, written without "Oblast"/"region", is the city
//     ("Kharkiv"), and with the word the unit ("Kharkiv region");
//   - the document's focus country settles ties between units and towns of one name
//     ("Georgia" in a US story), a container the text names outweighs it.
#pragma once

#include <cstddef>

namespace mapwire::gazetteer {

struct RankingWeights {
    // Name match: how the written name belongs to the candidate.
    double preferred_name = 1.0;
    double official_name = 0.97;
    double alternate_name = 0.88;  // a variant, exonym or former name: weaker evidence
    double code_name = 0.60;
    double alternate_below_area = 0.01;  // a town by an alternate name, under an area's own
    double alternate_town_population_ratio = 10.0;  // ... and under a town's unless this larger
    double loose_match = -0.30;                     // matched only after folding spelling variants
    double partial_name = -0.30;  // "New York" for "New York City", another place's own name
    // "Kharkiv" names both the oblast and the city inside it: without "Oblast" or "region",
    // the city comes first.
    double unit_named_after_town = -0.50;
    double seat_below_unit = 0.01;  // ... and the town takes the unit's score, just below it

    // Kind of place.
    double country = 1.0;
    // A first-order unit weighs by its size: a state or province of a large country beats a
    // town of a few hundred thousand ("Victoria" is the Australian state, "California" the US
    // state), a parish of a small one does not ("Manchester" is the English city, not
    // Jamaica's parish of 830 km²): admin1 + admin1_area_per_decade times log10(km² + 1)
    // (0.62 for a unit of 25,000 km², an oblast).
    double admin1 = 0.35;
    double admin1_area_per_decade = 0.06;
    double admin2 = 0.45;  // counties, named with their word ("Scott County") only
    double county_population_per_decade = 0.05;  // of the towns in it: between counties
    double region = 0.65;                        // continents, named regions, conflict areas
    double population_per_decade = 0.10;         // times log10(population + 1), for towns
    double capital = 0.20;                       // PPLC
    double admin1_seat = 0.10;                   // PPLA
    double admin2_seat = 0.05;                   // PPLA2
    double area_per_decade = 0.005;  // times log10(km² + 1): ties between units of one name

    // The query's own words.
    double admin_word_unit = 0.50;  // "Kursk Oblast", "Kharkiv region" names the unit ...
    double admin_word_region = 0.30;
    double admin_word_town = -0.50;      // ... not the town
    double settlement_word_town = 0.50;  // "Zaporizhia City", "City of Houston": the town

    // Document context (added by the geoparser).
    // The country the document is mostly about: strong for its units ("Georgia" in a US
    // story), weak for its towns, where population says more (a US story's "Geneva" is still
    // in Switzerland, not the Illinois town of 21,000).
    double focus_country = 0.25;
    double focus_country_town = 0.20;
    double focus_town_population_share = 0.3;  // of the largest homonym's, for the town bonus
    // More for a first-order unit of the focus country named like a foreign country ("Georgia"
    // in a US story): enough to pass the country, not the country named otherwise too.
    double focus_unit_over_foreign_country = 0.25;
    // A story whose settled locations mostly lie in one first-order unit is a local one:
    // its towns are that unit's before a larger namesake elsewhere in the country (an
    // Illinois story's "Rochester"). At least this many such mentions, this share of them.
    double focus_unit_town = 0.25;
    std::size_t focus_unit_min_mentions = 3;
    double focus_unit_share = 0.6;
    double named_country = 0.15;  // another country the document names (or names units of)
    // The country named last before the mention, in its sentence or the one before ("cases in
    // Chile ... The Institute of Public Health in Santiago": Chile's capital, not the town in
    // Brazil whose state the story named earlier): what the passage is about.
    double recent_country = 0.20;
    // ... and a town in the first-order unit named last so ("Floods in Pakistan's Sindh
    // province ... the city of Hyderabad": Sindh's, not India's larger one), whatever its size.
    double recent_unit = 0.25;
    double container = 0.80;  // inside the unit or country the text puts it in
    double nearby = 0.25;     // within `nearby_km` of another resolved place
    double nearby_km = 150.0;
    // A town in a unit the text names is near for that alone; near one of its towns as well
    // counts this much more.
    double nearby_in_unit = 0.15;
    // A region known only as a point with no country (a sea, an ocean) holds what lies this
    // close to its point ("Snake Island in the Black Sea"); one with a country, its country.
    double point_region_km = 600.0;
    // Votes for the focus country, per mention: towns and units weigh most, countries named
    // literally less, demonyms least. A town matched only by an alternate or loosely folded
    // name votes only for a country another name of the text may lie in ("Jin" is a Japanese
    // town's alternate name, four times in an Auckland story about an otter; "Slovyansk,
    // Donetsk" votes for Ukraine, where one reading of Donetsk is).
    double focus_vote_place = 2.0;
    double focus_vote_country = 1.0;
    double focus_vote_demonym = 0.5;
    // A list's members are alike: "Texas and Georgia", "Alabama, Arizona, Georgia": a reading
    // of the kind (and, below countries, the country) of the names listed beside it.
    double list_member = 0.40;
    std::size_t list_reach = 8;  // members read each way: the majority reading of the list
    // ... and members each after "in", a few lower-case words apart ("eight in Alberta, one in
    // New Brunswick, and one in Quebec"): at most this many tokens between two of them.
    std::size_t parallel_list_gap = 5;
    double anchor_margin = 0.25;  // a lead this large makes a resolved place an anchor

    // "X, Y" with no candidate of X inside Y: below this population X's candidates are
    // homonyms and X is somewhere in Y; a larger city means the comma joins a list.
    long strong_town_population = 100000;
    // An English word that is also a town ("Paisley") is the town after a locative
    // ("in Paisley") from this population.
    long placed_common_word_town_population = 20000;
    // A town abroad below this, in a country no other name of the text lies in, is not placed
    // without a container ("Piccadilly" in a London story).
    long lone_village_population = 10000;
    // "Queens, New York", "Brooklyn, New York": a container named like its unit and like a
    // large city of that unit is the city when the town lies within the city's radius, read
    // from its population at this density (people per km², a dense city's; New York City's
    // boroughs lie within 21 km of its point, Yonkers 26 km, Donetsk's villages 13 km from
    // Donetsk, whose radius is 7 km).
    double city_density_per_km2 = 6000.0;
    // A container's unit reading must score within this of the name's best reading
    // ("Luhansk": the oblast, close behind the city; not an island group of the same name).
    double container_reading_gap = 0.6;
    // A name found only by a spelling variant counts from this length (bytes as written) on:
    // a short word meets some short name by accident.
    std::size_t loose_match_min_bytes = 6;

    // Confidence (reported, not ranked on). A town below `strong_town_population` that nothing
    // else in the text supports (no container, no resolved place within `nearby_km`, not in a
    // unit the text names) may well be a homonym the gazetteer lacks: cities500 holds only
    // places of 500 people or more, and a village name recurs across a country
    // ("Novoyehorivka" alone is the Mykolaiv village, whatever the story meant). It claims at
    // most this, however few its homonyms.
    double unsupported_town_confidence = 0.7;
    // A name the gazetteer lacks, placed somewhere in the unit the text puts it in.
    double container_fallback_confidence = 0.5;
};

inline constexpr RankingWeights kRanking{};

}  // namespace mapwire::gazetteer
