// Representative points of areas: the point a gazetteer reports for a country or an admin-1
// unit as a whole, from a curated table (geodata/country_points.tsv), from a full GeoNames
// dump (its PCLI and ADM1 rows), or by rule from the polygon.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "geodata/detail/tables.hpp"
#include "geometry/geometry.hpp"

namespace mapwire::geodata::detail {

struct CuratedPoint {
    std::optional<geometry::Point> point;  // none: the table says to use the rule
    std::string source;
    int line = 0;
};

// The point of a table row's lat and lon columns (decimal degrees), none when both are empty.
// Throws GeodataError naming path:line when only one is given or either is out of range.
std::optional<geometry::Point> read_point(const TableRow& row, const std::string& path);

// Reads country_points.tsv (alpha2, lat, lon, source): keyed by alpha2. Throws GeodataError
// naming file:line for a coordinate out of range, a half-given point, a missing source or a
// repeated code.
std::map<std::string, CuratedPoint> read_country_points(const std::string& path);

// The rule for an area without a gazetteer point: the centroid of its largest part (by
// geodesic area) when the centroid lies inside that part, else a point on that part's
// surface. Norway's point stays on the mainland rather than drifting towards Svalbard, and
// the United States' is not pulled north-west by Alaska.
geometry::Point largest_part_point(const geometry::Geometry& area);

}  // namespace mapwire::geodata::detail
