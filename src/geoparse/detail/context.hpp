// Resolution in document context: the features of the ranking model (gazetteer/ranking.hpp)
// that depend on the rest of the text: a container the text names, the countries it names,
// and places already resolved near a candidate.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"

namespace mapwire::geoparse::detail {

// True when `candidate` lies in `container`: the same country, the same admin-1 unit, within
// a region's extent, or (for a town named as a landmark, "near Irkutsk") near it.
bool inside(const gazetteer::Place& candidate, const gazetteer::Place& container);

// Towns resolved without doubt elsewhere in the text, in bands of latitude as wide as the
// nearby radius, each sorted by longitude: the towns near a candidate are found by bisection
// in three bands (a feed in one file has thousands of them).
class Anchors {
public:
    // The places the document names unambiguously: towns, and the units it names.
    explicit Anchors(std::vector<gazetteer::Place> places = {});
    // True when `candidate` is a town near one of the towns or inside one of the units, or
    // a unit holding one of the towns.
    bool near(const gazetteer::Place& candidate) const;
    // True when `candidate` is a town within the nearby radius of one of the towns.
    bool near_town(const gazetteer::Place& candidate) const;
    // True when `candidate` is a town inside one of the units the text names.
    bool in_named_unit(const gazetteer::Place& candidate) const;

private:
    std::map<int, std::vector<gazetteer::Place>> bands_;
    std::vector<std::int32_t> units_;        // sorted admin-1 indices of the towns
    std::vector<std::int32_t> named_units_;  // sorted indices of the units named
};

// The reading of the names listed beside a mention ("Alabama, Arizona, Georgia").
struct ListReading {
    gazetteer::PlaceType type = gazetteer::PlaceType::place;
    std::string country;  // "" for a list of countries
};

struct Context {
    std::optional<gazetteer::Place> container;  // "X, Y", "X in Y", "Y's X"
    std::vector<ListReading> list;              // the neighbours' readings, if in a list
    std::string focus;                          // the document's focus country
    std::int32_t focus_unit = -1;               // ... and first-order unit, when it has one
    std::set<std::string> named_countries;      // alpha-2 codes the text names
    std::string recent_country;                 // named last, in this sentence or the last
    std::int32_t recent_unit = -1;              // the admin-1 unit named so, or -1
    Anchors anchors;
};

// Adds the context features to each candidate's score and sorts best first (stable, so the
// gazetteer's order breaks ties).
void rerank(std::vector<gazetteer::Candidate>& candidates, const Context& context);

// True when a candidate list leaves no doubt: one candidate, or a lead of `margin` or more.
bool unambiguous(const std::vector<gazetteer::Candidate>& candidates, double margin);

}  // namespace mapwire::geoparse::detail
