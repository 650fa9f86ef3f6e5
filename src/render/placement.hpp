// Label placement: a LabelPlacer tries candidate boxes against a shared CollisionIndex.
//
// Label placement, after mapnik's placement_finder: a CandidateSpec lists where a box may go about
// its anchor, in order of preference; a LabelPlacer tries those candidates against the
// CollisionIndex it is given (the boxes taken on the map so far) and takes the first free one, or
// the cheapest. Greedy, by priority: the caller places the most important labels first.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "render/screen.hpp"

namespace mapwire::render {

// The boxes taken on a map: a box is free when it lies inside the frame and keeps `margin` px
// from every taken box. Shared by every kind of label, so that none overlaps another.
class CollisionIndex {
public:
    CollisionIndex(Rect frame, double margin);
    bool free(const Rect& r) const;
    void insert(const Rect& r);
    const std::vector<Rect>& boxes() const { return boxes_; }
    const Rect& frame() const { return frame_; }

private:
    // The frame in square cells, each listing the boxes (with their margin) that reach into
    // it: a test looks at the boxes near it, not at every box on the map (a map of thousands
    // of events blocks thousands of boxes).
    std::pair<int, int> cell_range(double from, double to, double origin, int cells) const;
    Rect frame_;
    double margin_;
    int columns_ = 1, rows_ = 1;
    std::vector<Rect> boxes_;
    std::vector<std::vector<std::uint32_t>> cells_;  // row-major, box indices in order
};

class LabelPlacer {
public:
    explicit LabelPlacer(CollisionIndex& index) : index_(index) {}
    // Reserves a box that labels must avoid (a marker, the legend).
    void block(const Rect& r) { index_.insert(r); }
    bool free(const Rect& r) const { return index_.free(r); }
    // The first candidate that is free; it is then taken.
    std::optional<Rect> place(const std::vector<Rect>& candidates);
    // The free candidate of least cost (earlier ones win ties); it is then taken.
    std::optional<Rect> place_cheapest(const std::vector<Rect>& candidates,
                                       const std::function<double(const Rect&)>& cost);

private:
    CollisionIndex& index_;
};

// A shift from an anchor, px.
struct Offset {
    double dx = 0, dy = 0;
};

// Where a box may go about its anchor, in order of preference (mapnik's "placements"): first
// centred on the anchor shifted by each offset, then around it at each distance.
struct CandidateSpec {
    std::vector<Offset> centred;
    std::vector<double> around;

    // A box centred on the anchor, nowhere else.
    static CandidateSpec at_anchor() { return {{Offset{}}, {}}; }
    // Around the anchor at these distances, nearer first.
    static CandidateSpec ring(std::vector<double> distances) { return {{}, std::move(distances)}; }
    // The candidate boxes of width w and height h about `anchor`.
    std::vector<Rect> boxes(ScreenPoint anchor, double w, double h) const;
};

// Boxes of width w and height h around an anchor at distance d: E, W, NE, SE, NW, SW, N, S.
std::vector<Rect> around(double x, double y, double w, double h, double d);

}  // namespace mapwire::render
