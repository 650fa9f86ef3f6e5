// Greedy label placement: the collision index, the placer, candidate positions.
#include "render/placement.hpp"

#include <algorithm>
#include <cmath>

namespace mapwire::render {

namespace {
constexpr double kCellPx = 32;  // side of a collision cell
}  // namespace

CollisionIndex::CollisionIndex(Rect frame, double margin) : frame_(frame), margin_(margin) {
    if (std::isfinite(frame.w) && std::isfinite(frame.h) && frame.w > 0 && frame.h > 0) {
        columns_ = static_cast<int>(std::ceil(frame.w / kCellPx)) + 1;
        rows_ = static_cast<int>(std::ceil(frame.h / kCellPx)) + 1;
    }
    cells_.resize(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_));
}

std::pair<int, int> CollisionIndex::cell_range(double from, double to, double origin,
                                               int cells) const {
    const auto at = [&](double v) {
        return static_cast<int>(
            std::clamp(std::floor((v - origin) / kCellPx), 0.0, static_cast<double>(cells - 1)));
    };
    return {at(from), at(to)};
}

void CollisionIndex::insert(const Rect& r) {
    const auto index = static_cast<std::uint32_t>(boxes_.size());
    boxes_.push_back(r);
    // A box that nothing can overlap (not a number) takes no cell.
    if (!(std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.w) && std::isfinite(r.h)))
        return;
    const auto [c0, c1] = cell_range(r.x - margin_, r.x + r.w + margin_, frame_.x, columns_);
    const auto [r0, r1] = cell_range(r.y - margin_, r.y + r.h + margin_, frame_.y, rows_);
    for (int row = r0; row <= r1; ++row)
        for (int col = c0; col <= c1; ++col)
            cells_[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns_) +
                   static_cast<std::size_t>(col)]
                .push_back(index);
}

bool CollisionIndex::free(const Rect& r) const {
    if (!r.inside(frame_)) return false;
    // r lies in the frame, so any box overlapping it shares a cell with it.
    const auto [c0, c1] = cell_range(r.x, r.x + r.w, frame_.x, columns_);
    const auto [r0, r1] = cell_range(r.y, r.y + r.h, frame_.y, rows_);
    for (int row = r0; row <= r1; ++row)
        for (int col = c0; col <= c1; ++col)
            for (const std::uint32_t i :
                 cells_[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns_) +
                        static_cast<std::size_t>(col)])
                if (r.overlaps(boxes_[i], margin_)) return false;
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
