// The one great-circle distance of mapwire (libosmium's geom/haversine.hpp is the model): on
// a sphere of the mean Earth radius, named once, for every module from geoparsing to maps.
#pragma once

namespace mapwire {

// The mean Earth radius (IUGG), km.
inline constexpr double kEarthRadiusKm = 6371.0088;

// Great-circle distance between two points given in degrees, km (haversine).
double great_circle_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace mapwire
