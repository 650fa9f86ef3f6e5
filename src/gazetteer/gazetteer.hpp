// The gazetteer: every country, admin-1 unit, curated region and populated place, found by
// name in any common spelling, with candidates ranked and ambiguity kept.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "gazetteer/place.hpp"

namespace mapwire::gazetteer {

// The dataset is missing, of another version, or damaged.
// A known name close to an unknown one: the place's name, country and kind, which
// `display()` writes as "Donetsk (UA, place)".
struct Suggestion {
    std::string name;
    std::string country;  // alpha-2, empty for a region without one
    PlaceType type = PlaceType::place;
    std::string display() const;
    bool operator==(const Suggestion&) const = default;
};

class GazetteerError : public ErrorKind<GazetteerError> {
public:
    using ErrorKind::ErrorKind;
};

struct LookupOptions {
    std::string country;            // ISO alpha-2: only places in this country
    std::optional<PlaceType> type;  // only places of this type
    std::string prefer_country;     // rank places in this country higher (document focus)
    std::size_t limit = 10;
    // Also try spelling variants (loose keys) when no name matches as written.
    bool spelling_variants = true;
};

// How a candidate matched, for callers that weigh evidence (the geoparser does).
enum class MatchQuality : std::uint8_t { exact = 0, loose = 1 };

struct Candidate {
    Place place;
    double score = 0;  // higher is better; comparable within one lookup
    NameKind kind = NameKind::alternate;
    MatchQuality quality = MatchQuality::exact;
    bool admin_word = false;  // the query carried an administrative word ("Oblast", "region")
    // Found by the name without the administrative word while another place has the full
    // name as its own ("New York" the state for "New York City"): it matched less of the text.
    bool partial = false;
};

// How prominent a place is, whatever the query: its kind, population, capital status and
// (between units) area; the context-free part of a candidate's score (ranking.hpp).
double prominence(const Place& place);

class Gazetteer {
public:
    // Opens gazetteer.idx (memory-mapped; nothing is parsed up front).
    static Gazetteer open(const std::string& index_path);
    ~Gazetteer();
    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;

    std::size_t size() const;
    Place place(std::uint32_t index) const;
    std::optional<Place> find_id(std::string_view id) const;
    // Metadata of the build, as JSON text (worldview, sources, versions).
    std::string_view metadata() const;

    // Ranked candidates for a name, best first; empty when nothing matches.
    std::vector<Candidate> lookup(std::string_view name, const LookupOptions& options = {}) const;
    // lookup()'s last step, the only one that depends on options.prefer_country and
    // options.limit: the focus country's weight, the order and the cut. Given every candidate
    // of a name under no focus (a lookup() with no prefer_country that returned fewer than its
    // limit) and the same other options, this returns what lookup() returns under a focus,
    // without reading the index again.
    static std::vector<Candidate> ranked(std::vector<Candidate> found,
                                         const LookupOptions& options);

    // True when some name key (or loose key) starts with `folded_prefix` (already folded, and
    // ending with the space after a word: "kursk "): lets the geoparser stop extending a span
    // that no name continues ("president ...").
    bool has_prefix(std::string_view folded_prefix) const;

    // The countries a demonym refers to ("Chinese" -> China, "North Korean" -> North Korea).
    std::vector<Place> demonym(std::string_view word) const;

    // Known names close to an unknown one ("Zaporozhia" -> "Zaporizhzhia"), best first.
    std::vector<Suggestion> suggestions(std::string_view name, std::size_t limit = 5) const;

private:
    struct Impl;
    explicit Gazetteer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace mapwire::gazetteer
