// Builds gazetteer.idx from places and their names; used by the geodata pipeline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gazetteer/place.hpp"

namespace mapwire::gazetteer {

// A place being assembled, owning its strings.
struct PlaceEntry {
    std::string id, name, country, iso_code, feature_code, occupied_by;
    PlaceType type = PlaceType::place;
    std::int32_t admin1 = -1;
    std::int32_t parent_country = -1;
    std::int64_t population = 0;
    double lat = 0, lon = 0, area_km2 = 0;
    std::optional<std::pair<double, double>> label;  // (lat, lon) of an area's label point
    float min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
    std::int16_t occupied_since = 0;
    std::int32_t scalerank = -1;
    std::vector<std::pair<std::string, NameKind>> names;  // the preferred name is added for you
};

class IndexWriter {
public:
    std::uint32_t add(PlaceEntry entry);
    PlaceEntry& at(std::uint32_t index) { return entries_.at(index); }
    const std::vector<PlaceEntry>& entries() const { return entries_; }
    // Writes atomically (temporary file, then rename). metadata_json is stored verbatim.
    void write(const std::string& path, const std::string& metadata_json) const;

private:
    std::vector<PlaceEntry> entries_;
};

}  // namespace mapwire::gazetteer
