// Hexagon cells and class breaks (see binning.hpp).
#include "archive/binning.hpp"

#include <algorithm>
#include <cmath>

namespace mapwire::archive {

namespace {

const double kSqrt3 = std::sqrt(3.0);

// The smallest nice number at or above v: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 or 8 times a power
// of ten (close enough steps that a break moves a class's bound by a fifth at most); counts
// below ten stay as they are.
std::int64_t nice_at_least(std::int64_t v) {
    if (v < 10) return v;
    std::int64_t power = 1;
    while (power * 10 <= v) power *= 10;
    for (const double step : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5, 8.0, 10.0}) {
        const auto candidate = static_cast<std::int64_t>(std::llround(step * double(power)));
        if (candidate >= v) return candidate;
    }
    return v;
}

}  // namespace

HexGrid::HexGrid(double spacing_m) : spacing_(spacing_m), radius_(spacing_m / kSqrt3) {}

HexCell HexGrid::cell(PlanePoint p) const {
    // Fractional axial coordinates, then cube rounding (the nearest centre).
    const double q = (kSqrt3 / 3 * p.x - p.y / 3) / radius_;
    const double r = (2.0 / 3 * p.y) / radius_;
    const double s = -q - r;
    double rq = std::round(q), rr = std::round(r), rs = std::round(s);
    const double dq = std::abs(rq - q), dr = std::abs(rr - r), ds = std::abs(rs - s);
    if (dq > dr && dq > ds)
        rq = -rr - rs;
    else if (dr > ds)
        rr = -rq - rs;
    return {static_cast<std::int64_t>(rq), static_cast<std::int64_t>(rr)};
}

PlanePoint HexGrid::centre(HexCell c) const {
    return {radius_ * kSqrt3 * (double(c.q) + double(c.r) / 2), radius_ * 1.5 * double(c.r)};
}

std::array<PlanePoint, 6> HexGrid::corners(HexCell c) const {
    const PlanePoint o = centre(c);
    std::array<PlanePoint, 6> out;
    for (int i = 0; i < 6; ++i) {
        const double a = M_PI / 180 * (30 + 60 * i);
        out[static_cast<std::size_t>(i)] = {o.x + radius_ * std::cos(a),
                                            o.y + radius_ * std::sin(a)};
    }
    return out;
}

std::string HexGrid::id(HexCell c) {
    return "h" + std::to_string(c.q) + "_" + std::to_string(c.r);
}

std::vector<std::int64_t> class_breaks(std::vector<std::int64_t> counts, int classes) {
    std::vector<std::int64_t> breaks;
    if (counts.empty() || classes < 1) return breaks;
    std::sort(counts.begin(), counts.end());
    const std::int64_t top = counts.back();
    for (int k = 1; k < classes; ++k) {
        // The count below which k/classes of the cells lie (nearest rank).
        const auto rank = static_cast<std::size_t>(
                              std::ceil(double(k) * double(counts.size()) / double(classes))) -
                          1;
        const std::int64_t b = nice_at_least(counts[std::min(rank, counts.size() - 1)]);
        if (b >= top) break;
        if (breaks.empty() || b > breaks.back()) breaks.push_back(b);
    }
    breaks.push_back(top);
    return breaks;
}

std::size_t class_of(std::int64_t count, const std::vector<std::int64_t>& breaks) {
    const auto it = std::lower_bound(breaks.begin(), breaks.end(), count);
    return it == breaks.end() ? breaks.size() - 1 : std::size_t(it - breaks.begin());
}

}  // namespace mapwire::archive
