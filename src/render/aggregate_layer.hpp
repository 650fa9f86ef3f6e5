// The aggregate layer of a dense archive: events counted per hexagon (laid in the map's
// projected plane) or per admin-1 unit, drawn as a graduated choropleth under the legend's
// classes.
#pragma once

#include <string>
#include <vector>

#include "archive/aggregate.hpp"
#include "events/event.hpp"
#include "gazetteer/gazetteer.hpp"
#include "render/canvas.hpp"
#include "render/map_view.hpp"

namespace mapwire::render {

// The class colours, light to dark (ColorBrewer's YlOrRd), for `classes` classes: named here
// once, used by the map and its legend.
Color aggregate_colour(std::size_t klass, std::size_t classes);
inline constexpr double kAggregateOpacity = 0.85;  // the base map shows through a little

// Counts the events in cells. Hexagons: in the view's projection (spec.size_km apart, or
// archive::kAutoHexPx across at the map's scale), events known to a town or a unit at their
// point; units: the admin-1 unit an event lies in (its own for a unit), polygons from the
// dataset's `admin1` layer. Events known only to a country (or a region beyond units) are
// counted in not_binned.
archive::Aggregate build_aggregate(const std::vector<events::Event>& events,
                                   const archive::AggregateSpec& spec, const MapView& view,
                                   const gazetteer::Gazetteer& gazetteer,
                                   const std::string& geopackage);

// The cells on the screen, each with its class.
struct AggregatePaths {
    std::vector<Paths> cells;
    std::vector<std::size_t> classes;
};
AggregatePaths aggregate_paths(const archive::Aggregate& aggregate, const MapView& view);
void draw_aggregate(Canvas& c, const style::Style& st, const AggregatePaths& paths,
                    std::size_t classes);

// The legend's words for class k: "1-5", "6-10" ... ("1" for a class of one value).
std::string class_label(const std::vector<std::int64_t>& breaks, std::size_t k);
// The legend's heading: "Events per 25 km hexagon" or "Events per admin-1 unit".
std::string aggregate_heading(const archive::Aggregate& aggregate);

}  // namespace mapwire::render
