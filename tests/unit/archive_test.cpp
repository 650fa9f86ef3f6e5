// Hexagon binning and class breaks of aggregate maps (src/archive/binning.hpp): no dataset.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "archive/binning.hpp"

namespace mapwire::archive {
namespace {

double distance(PlanePoint a, PlanePoint b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

TEST(HexGrid, EveryPointGoesToTheCellOfTheNearestCentre) {
    const HexGrid grid(25000);  // 25 km between neighbouring centres
    // A deterministic scatter over 500 km: each point's cell has the nearest centre of all
    // the cells around it, so the cell is the hexagon the point lies in.
    for (int i = 0; i < 2000; ++i) {
        const PlanePoint p{std::fmod(i * 7919.0, 500000.0) - 250000,
                           std::fmod(i * 104729.0, 500000.0) - 250000};
        const HexCell c = grid.cell(p);
        const double own = distance(p, grid.centre(c));
        EXPECT_LE(own, 25000 / std::sqrt(3.0) + 1e-6) << i;  // within the circumradius
        for (int dq = -1; dq <= 1; ++dq)
            for (int dr = -1; dr <= 1; ++dr)
                EXPECT_LE(own, distance(p, grid.centre({c.q + dq, c.r + dr})) + 1e-6) << i;
    }
}

TEST(HexGrid, CentresAndCornersHaveTheGridsSize) {
    const HexGrid grid(10000);
    EXPECT_EQ(grid.cell({0, 0}), (HexCell{0, 0}));
    EXPECT_NEAR(distance(grid.centre({0, 0}), grid.centre({1, 0})), 10000, 1e-6);
    EXPECT_NEAR(distance(grid.centre({0, 0}), grid.centre({0, 1})), 10000, 1e-6);
    for (const auto& corner : grid.corners({3, -2}))
        EXPECT_NEAR(distance(corner, grid.centre({3, -2})), 10000 / std::sqrt(3.0), 1e-6);
    // A centre maps back to its own cell, far from the origin too.
    for (const HexCell c : {HexCell{5, 7}, HexCell{-40, 13}, HexCell{1000, -999}})
        EXPECT_EQ(grid.cell(grid.centre(c)), c);
    EXPECT_EQ(HexGrid::id({-3, 12}), "h-3_12");
}

TEST(ClassBreaks, QuantilesRoundedToNiceNumbersEndingAtTheLargestCount) {
    std::vector<std::int64_t> counts;
    for (int i = 1; i <= 100; ++i) counts.push_back(i * i);  // 1 ... 10000, skewed
    const auto breaks = class_breaks(counts, 5);
    ASSERT_EQ(breaks.size(), 5u);
    EXPECT_EQ(breaks, (std::vector<std::int64_t>{400, 2000, 4000, 7500, 10000}));
    for (std::size_t k = 1; k < breaks.size(); ++k) EXPECT_LT(breaks[k - 1], breaks[k]);
    // The same counts in another order give the same breaks.
    std::reverse(counts.begin(), counts.end());
    EXPECT_EQ(class_breaks(counts, 5), breaks);
    EXPECT_EQ(class_of(1, breaks), 0u);
    EXPECT_EQ(class_of(400, breaks), 0u);
    EXPECT_EQ(class_of(401, breaks), 1u);
    EXPECT_EQ(class_of(10000, breaks), 4u);
}

TEST(ClassBreaks, FewDistinctCountsMergeClasses) {
    EXPECT_EQ(class_breaks({3, 3, 3, 3}, 5), (std::vector<std::int64_t>{3}));
    EXPECT_EQ(class_breaks({1, 1, 1, 2, 9}, 4), (std::vector<std::int64_t>{1, 2, 9}));
    EXPECT_TRUE(class_breaks({}, 5).empty());
    // Small counts stay themselves; from ten on they round up to 1, 1.5, 2, 2.5, 3, 4, 5, 6,
    // 7.5, 8 times a power of ten.
    EXPECT_EQ(class_breaks({1, 2, 3, 4, 5, 6, 7, 8, 9, 56}, 2), (std::vector<std::int64_t>{5, 56}));
    EXPECT_EQ(class_breaks({56, 56, 57, 900}, 2), (std::vector<std::int64_t>{60, 900}));
}

}  // namespace
}  // namespace mapwire::archive
