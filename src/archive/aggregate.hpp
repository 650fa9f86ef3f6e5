// An aggregate of many events: counts per cell (a hexagon or an admin-1 unit), classed for a
// graduated legend; what the map draws and what aggregate.geojson holds (docs/layers.md).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "archive/binning.hpp"
#include "events/event.hpp"
#include "geometry/geometry.hpp"

namespace mapwire::archive {

struct AggregateCell {
    std::string id;    // "h12_-3" (hexagon) or the unit's gazetteer id ("admin1:UA-14")
    std::string name;  // the unit's name; "" for a hexagon
    std::int64_t count = 0;
    std::map<events::EventType, std::int64_t> by_type;
    geometry::Geometry shape;  // WGS 84 lon/lat
    std::size_t klass = 0;     // its class under `breaks`
};

struct Aggregate {
    AggregateSpec spec;
    double size_km = 0;                // hexagons: the spacing used (given or from the scale)
    std::string plane;                 // the projection the hexagons were laid in (PROJ definition)
    std::vector<AggregateCell> cells;  // in id order (hexagons by q, r; units by id)
    std::vector<std::int64_t> breaks;  // class upper bounds (class_breaks)
    std::size_t binned = 0;            // events counted in a cell
    std::size_t not_binned = 0;        // located events no cell takes (see docs/layers.md)
};

// The rules of which events a cell takes, shared by the map and what it says it left out:
// hexagons take events known to a town, a county or an admin-1 unit (at their point); units
// take an event's admin-1 unit (its own when it is one). Events known only to a country or a
// region spanning units go in no cell.
bool hexagon_takes(const events::Event& e);
std::optional<std::uint32_t> unit_of(const events::Event& e);
// The located events no cell takes under `spec`.
std::size_t not_binned(const std::vector<events::Event>& events, const AggregateSpec& spec);

}  // namespace mapwire::archive
