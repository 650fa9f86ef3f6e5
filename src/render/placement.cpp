// Greedy label placement: the collision index, the placer, candidate positions.
#include "render/placement.hpp"

namespace mapwire::render {

bool CollisionIndex::free(const Rect& r) const {
    if (!r.inside(frame_)) return false;
    for (const auto& t : boxes_)
        if (r.overlaps(t, margin_)) return false;
    return true;
}

std::optional<Rect> LabelPlacer::place(const std::vector<Rect>& candidates) {
    for (const auto& c : candidates)
        if (free(c)) {
            block(c);
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
    if (best) block(*best);
    return best;
}

std::vector<Rect> CandidateSpec::boxes(ScreenPoint anchor, double w, double h) const {
    std::vector<Rect> out;
    out.reserve(centred.size() + 8 * around.size());
    for (const auto& [dx, dy] : centred)
        out.push_back(Rect::centred({anchor.x + dx, anchor.y + dy}, w, h));
    for (double d : around)
        for (const auto& r : render::around(anchor.x, anchor.y, w, h, d)) out.push_back(r);
    return out;
}

std::vector<Rect> around(double x, double y, double w, double h, double d) {
    // The diagonal positions sit at 0.7 d on each axis: about the same distance as the others.
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
