// The arithmetic of aggregate maps, free of any dataset: hexagon cells in a projected plane
// and the class breaks of a graduated legend. Both deterministic for the same input.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace mapwire::archive {

// What an aggregate map counts events in (docs/config.md, `aggregate:`).
struct AggregateSpec {
    enum class By { hexagon, admin1 } by = By::hexagon;
    double size_km = 0;  // hexagon: centre-to-centre distance; 0 chooses it from the map's scale
    int classes = 5;     // classes of the legend (kMinClasses to kMaxClasses)
};

inline constexpr int kMinClasses = 2, kMaxClasses = 7;
inline constexpr double kMinHexKm = 1, kMaxHexKm = 2000;
// A hexagon chosen from the scale is this many pixels across (flat side to flat side): large
// enough to read as a cell, small enough to show where in a region events cluster.
inline constexpr double kAutoHexPx = 28;

// A cell of a grid of pointy-top hexagons, in axial coordinates (q along x, r along the
// 60-degree axis).
struct HexCell {
    std::int64_t q = 0, r = 0;
    auto operator<=>(const HexCell&) const = default;
};

struct PlanePoint {
    double x = 0, y = 0;
};

// Hexagons of `spacing` metres between neighbouring centres (flat side to flat side), with a
// centre at the plane's origin.
class HexGrid {
public:
    explicit HexGrid(double spacing_m);
    double spacing() const { return spacing_; }
    // The cell holding a point; a point on an edge goes to one cell, always the same.
    HexCell cell(PlanePoint p) const;
    PlanePoint centre(HexCell c) const;
    // Its six corners, counter-clockwise from the one at 30 degrees.
    std::array<PlanePoint, 6> corners(HexCell c) const;
    // "h{q}_{r}": stable across runs of the same grid.
    static std::string id(HexCell c);

private:
    double spacing_, radius_;  // radius: centre to corner
};

// Upper bounds of up to `classes` classes over the counts (each count >= 1), ascending, the
// last the largest count: quantile breaks (nearest rank) rounded up to "nice" numbers (1, 1.5,
// 2, 2.5, 3, 4, 5, 6, 7.5, 8 times a power of ten, or the count itself when smaller than 10),
// duplicates merged, so that the legend reads "1-5, 6-10, 11-25 ...". Empty for no counts.
std::vector<std::int64_t> class_breaks(std::vector<std::int64_t> counts, int classes);

// The class (0-based) of a count under these breaks.
std::size_t class_of(std::int64_t count, const std::vector<std::int64_t>& breaks);

}  // namespace mapwire::archive
