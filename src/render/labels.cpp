// Greedy label placement.
#include "render/labels.hpp"

namespace mapwire::render {

bool LabelPlacer::free(const Rect& r) const {
    if (!r.inside(frame_)) return false;
    for (const auto& t : taken_)
        if (r.overlaps(t, margin_)) return false;
    return true;
}

std::optional<Rect> LabelPlacer::place(const std::vector<Rect>& candidates) {
    for (const auto& c : candidates)
        if (free(c)) {
            taken_.push_back(c);
            return c;
        }
    return std::nullopt;
}

std::optional<Rect> LabelPlacer::place_cheapest(const std::vector<Rect>& candidates,
                                                const std::function<double(const Rect&)>& cost) {
    std::optional<Rect> best;
    double best_cost = 0;
    for (const auto& c : candidates) {
        if (!free(c)) continue;
        const double k = cost(c);
        if (!best || k < best_cost) best = c, best_cost = k;
    }
    if (best) taken_.push_back(*best);
    return best;
}

std::vector<Rect> around(double x, double y, double w, double h, double d) {
    return {{x + d, y - h / 2, w, h},
            {x - d - w, y - h / 2, w, h},
            {x + d * 0.7, y - d * 0.7 - h, w, h},
            {x + d * 0.7, y + d * 0.7, w, h},
            {x - d * 0.7 - w, y - d * 0.7 - h, w, h},
            {x - d * 0.7 - w, y + d * 0.7, w, h},
            {x - w / 2, y - d - h, w, h},
            {x - w / 2, y + d, w, h}};
}

}  // namespace mapwire::render
