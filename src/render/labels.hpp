// Label placement: candidate positions tried in order, a box taken only when it overlaps
// no placed box and stays inside the frame (greedy, by priority: the caller orders labels).
#pragma once

#include <functional>
#include <optional>
#include <vector>

namespace mapwire::render {

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    bool overlaps(const Rect& o, double margin = 0) const {
        return x < o.x + o.w + margin && o.x < x + w + margin && y < o.y + o.h + margin &&
               o.y < y + h + margin;
    }
    bool inside(const Rect& frame) const {
        return x >= frame.x && y >= frame.y && x + w <= frame.x + frame.w &&
               y + h <= frame.y + frame.h;
    }
};

class LabelPlacer {
public:
    LabelPlacer(Rect frame, double margin) : frame_(frame), margin_(margin) {}
    // Reserves a box that labels must avoid (a marker, the legend).
    void block(const Rect& r) { taken_.push_back(r); }
    bool free(const Rect& r) const;
    // The first candidate that is free; it is then taken.
    std::optional<Rect> place(const std::vector<Rect>& candidates);
    // The free candidate of least cost (earlier ones win ties); it is then taken.
    std::optional<Rect> place_cheapest(const std::vector<Rect>& candidates,
                                       const std::function<double(const Rect&)>& cost);
    const std::vector<Rect>& taken() const { return taken_; }

private:
    Rect frame_;
    double margin_;
    std::vector<Rect> taken_;
};

// Boxes of width w and height h around an anchor at distance d: E, W, NE, SE, NW, SW, N, S.
std::vector<Rect> around(double x, double y, double w, double h, double d);

}  // namespace mapwire::render
