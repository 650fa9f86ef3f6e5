// Render module, placement: the collision index, the placer, candidate specs, the legend's
// corner. No dataset, no fonts.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "render/legend.hpp"
#include "render/placement.hpp"

namespace mapwire {
namespace {

using render::CandidateSpec;
using render::CollisionIndex;
using render::LabelPlacer;
using render::Rect;

TEST(CollisionIndex, BoxesMustStayInTheFrameAndKeepTheMargin) {
    CollisionIndex index({0, 0, 100, 100}, 2);
    EXPECT_TRUE(index.free({10, 10, 10, 10}));
    EXPECT_FALSE(index.free({95, 10, 10, 10}));  // leaves the frame
    index.insert({10, 10, 10, 10});
    EXPECT_FALSE(index.free({21, 10, 10, 10}));  // 1 px away: inside the margin
    EXPECT_TRUE(index.free({23, 10, 10, 10}));   // 3 px away
    EXPECT_EQ(index.boxes().size(), 1u);
}

// The index keeps boxes in cells; it must answer as a test against every box would, also for
// boxes that reach out of the frame, span many cells, or are not numbers.
TEST(CollisionIndex, CellsAnswerAsATestOfEveryBox) {
    const Rect frame{5, 7, 300, 200};
    CollisionIndex index(frame, 2);
    std::vector<Rect> boxes;
    std::uint32_t seed = 12345;  // a fixed linear congruential sequence: the same every run
    auto next = [&](double range) {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24) * range;
    };
    auto add = [&](Rect r) {
        index.insert(r);
        boxes.push_back(r);
    };
    add({-50, -50, 20, 20});          // outside the frame
    add({290, 190, 100, 100});        // reaching out of it
    add({0, 100, 400, 3});            // across every column
    add({std::nan(""), 10, 10, 10});  // overlaps nothing
    for (int i = 0; i < 150; ++i) add({next(320), next(220), next(40), next(12)});
    int agree = 0, free_boxes = 0;
    for (int i = 0; i < 3000; ++i) {
        const Rect r{next(330) - 10, next(230) - 10, 1 + next(60), 1 + next(14)};
        bool expected = r.inside(frame);
        for (const auto& t : boxes)
            if (r.overlaps(t, 2)) expected = false;
        agree += index.free(r) == expected;
        free_boxes += expected;
    }
    EXPECT_EQ(agree, 3000);
    EXPECT_GT(free_boxes, 10);  // the test saw both answers
}

TEST(LabelPlacer, PlacersSharingAnIndexAvoidEachOthersBoxes) {
    // Markers, callouts and labels are placed by different code through one index.
    CollisionIndex index({0, 0, 100, 100}, 0);
    LabelPlacer markers(index), labels(index);
    markers.block({0, 0, 50, 50});
    const auto r = labels.place({{10, 10, 10, 10}, {60, 10, 10, 10}, {60, 60, 10, 10}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->x, 60);  // the first free one
    EXPECT_EQ(r->y, 10);
    EXPECT_FALSE(markers.free({60, 10, 10, 10}));  // taken for everyone
    EXPECT_EQ(index.boxes().size(), 2u);
}

TEST(LabelPlacer, NothingFreeTakesNothing) {
    CollisionIndex index({0, 0, 100, 100}, 0);
    LabelPlacer placer(index);
    placer.block({0, 0, 100, 100});
    EXPECT_FALSE(placer.place({{10, 10, 10, 10}}));
    EXPECT_FALSE(placer.place_cheapest({{10, 10, 10, 10}}, [](const Rect&) { return 0.0; }));
    EXPECT_EQ(index.boxes().size(), 1u);
}

TEST(CandidateSpec, RingsAroundTheAnchorNearestFirst) {
    const auto boxes = CandidateSpec::ring({10, 20}).boxes({100, 100}, 30, 8);
    ASSERT_EQ(boxes.size(), 16u);       // E, W, NE, SE, NW, SW, N, S at each distance
    EXPECT_DOUBLE_EQ(boxes[0].x, 110);  // east, centred vertically
    EXPECT_DOUBLE_EQ(boxes[0].y, 96);
    EXPECT_DOUBLE_EQ(boxes[1].x, 60);   // west: its right edge 10 px left of the anchor
    EXPECT_DOUBLE_EQ(boxes[6].y, 82);   // north: its bottom edge 10 px above
    EXPECT_DOUBLE_EQ(boxes[7].y, 110);  // south
    EXPECT_DOUBLE_EQ(boxes[8].x, 120);  // east again, 20 px out
    for (const auto& b : boxes) {
        EXPECT_EQ(b.w, 30);
        EXPECT_EQ(b.h, 8);
    }
}

TEST(CandidateSpec, CentredOffsetsComeFirstInOrder) {
    const CandidateSpec spec{{{0, 0}, {0, -24}}, {5}};
    const auto boxes = spec.boxes({50, 50}, 20, 10);
    ASSERT_EQ(boxes.size(), 10u);
    EXPECT_DOUBLE_EQ(boxes[0].x, 40);
    EXPECT_DOUBLE_EQ(boxes[0].y, 45);
    EXPECT_DOUBLE_EQ(boxes[1].y, 21);  // moved up
    EXPECT_DOUBLE_EQ(boxes[2].x, 55);  // then the ring, east first
    const auto one = CandidateSpec::at_anchor().boxes({50, 50}, 20, 10);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_DOUBLE_EQ(one[0].x, 40);
}

TEST(LegendCorner, BottomLeftUnlessSomethingLiesThere) {
    const Rect frame{0, 100, 800, 500};
    const Rect bottom_left = render::choose_legend_corner(frame, 150, 100, {});
    EXPECT_DOUBLE_EQ(bottom_left.x, 10);
    EXPECT_DOUBLE_EQ(bottom_left.y, 100 + 500 - 100 - 10);
    // A marker there: bottom right, raised above the scale bar.
    const Rect marker{50, 550, 18, 18};
    const Rect bottom_right = render::choose_legend_corner(frame, 150, 100, {marker});
    EXPECT_DOUBLE_EQ(bottom_right.x, 800 - 150 - 10);
    EXPECT_DOUBLE_EQ(bottom_right.y, 490 - 40);
    // Every corner blocked: bottom left after all.
    const Rect everything{0, 100, 800, 500};
    const Rect fallback = render::choose_legend_corner(frame, 150, 100, {everything});
    EXPECT_DOUBLE_EQ(fallback.x, bottom_left.x);
    EXPECT_DOUBLE_EQ(fallback.y, bottom_left.y);
}

}  // namespace
}  // namespace mapwire
