// Haversine on the mean Earth radius; min() keeps asin's argument in range at antipodes.
#include "base/great_circle.hpp"

#include <algorithm>
#include <cmath>

namespace mapwire {

double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = M_PI / 180;
    const double a = std::pow(std::sin((lat2 - lat1) * kRad / 2), 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) *
                         std::pow(std::sin((lon2 - lon1) * kRad / 2), 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace mapwire
