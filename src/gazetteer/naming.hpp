// The naming policy: which name of a place a map, its legend and its layers print (English as
// news agencies write it, the local endonym, or both), with a house style's overrides.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gazetteer/place.hpp"

namespace mapwire::gazetteer {

enum class NameStyle : std::uint8_t {
    english,  // the gazetteer's name: Kyiv, Kharkiv Oblast, Ukraine
    local,    // the endonym in its own script where the dataset has one: Київ
    both,     // "Kyiv / Київ" where the two differ
};
std::optional<NameStyle> parse_name_style(std::string_view text);
std::string_view to_string(NameStyle style);

struct NamingPolicy {
    NameStyle style = NameStyle::english;
    // A house style's names, keyed by a place's English name or its id ("Kyiv": "Kiev",
    // "geonames:703448": "Kiev"), in the order given; an override wins over the style.
    std::vector<std::pair<std::string, std::string>> overrides;
};

// The file of local names the dataset build writes beside gazetteer.idx.
inline constexpr std::string_view kLocalNamesFile = "local_names.tsv";

class PlaceNaming {
public:
    PlaceNaming() = default;  // English names, no overrides
    // Reads the dataset's local names when the style needs them. Throws GazetteerError naming
    // the file (and line) when it is missing or malformed.
    static PlaceNaming load(const std::string& dataset_dir, NamingPolicy policy);
    // From rows already read (tests, and load()).
    PlaceNaming(NamingPolicy policy, std::unordered_map<std::string, std::string> local_names);

    // The name to print for `place`. The view stays valid while this object lives.
    std::string_view name(const Place& place) const;
    // The names for English sentences (legend, key, figure box, credits, titles): the house
    // style's overrides over the English names, whatever the style. "Elsewhere in Україна"
    // mixes two languages in one line; the map's labels carry the local names.
    PlaceNaming for_sentences() const;
    // English names and no overrides: every name is the gazetteer's own.
    bool plain() const { return style_ == NameStyle::english && overrides_.empty(); }

private:
    NameStyle style_ = NameStyle::english;
    std::unordered_map<std::string, std::string> overrides_;
    std::unordered_map<std::string, std::string> local_;  // place id -> local name
    mutable std::deque<std::string> made_;                // "both" names, kept for their views
    mutable std::unordered_map<std::string, std::string_view> both_;
};

}  // namespace mapwire::gazetteer
