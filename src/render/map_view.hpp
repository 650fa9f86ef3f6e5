// The map view: extent, projection and the screen transform every layer is drawn through.
//
// What part of the world the map shows (a lon/lat extent), through which projection, and the
// transform from projected metres to the screen, true in scale at the centre. Every layer is drawn
// through it.
#pragma once

#include <array>

#include "events/extractor.hpp"
#include "geometry/geometry.hpp"
#include "geometry/projection.hpp"
#include "render/canvas.hpp"
#include "render/map.hpp"
#include "render/screen.hpp"

namespace mapwire::render {

// The extent of an extraction: its located events, the places of the text near them and its
// figures' territories, padded; or the options' extent as given. Throws RenderError when the
// article names nothing that could be located.
geometry::Box choose_extent(const events::Extraction& x, const MapOptions& options);

// The options' projection, or a conic fitted to the extent when they name none.
geometry::Projection projection_for(const geometry::Box& extent, const std::string& definition);

class MapView {
public:
    // The extent projected and fitted into `frame`, widened to the frame's aspect; the
    // extent's bottom lies `fit_bottom` px above the frame's (a legend strip over the map),
    // and the map goes on under it.
    MapView(const geometry::Box& extent, geometry::Projection projection, const Rect& frame,
            double fit_bottom);

    const geometry::Box& extent() const { return extent_; }
    // Lon/lat box covering the whole frame with a degree to spare: what layers read and clip.
    const geometry::Box& read_box() const { return read_box_; }
    const Rect& frame() const { return frame_; }
    const geometry::Projection& projection() const { return projection_; }
    // Ground distance of one px at the centre of the map, km.
    double km_per_px() const { return km_per_px_; }

    ScreenPoint to_screen(geometry::Point lonlat) const;
    ScreenPoint projected_to_screen(ProjectedPoint p) const {
        return {frame_.x + (p.x - min_x_) * k_, frame_.y + (max_y_ - p.y) * k_};
    }
    ProjectedPoint screen_to_projected(ScreenPoint s) const {
        return {min_x_ + (s.x - frame_.x) / k_, max_y_ - (s.y - frame_.y) / k_};
    }
    // The world file of an image of this view at `scale` output px per logical px (ESRI's six
    // numbers: px width, two rotations, px height (negative), the top-left px centre), in the
    // projection's metres.
    std::array<double, 6> world_file(double scale) const {
        const ProjectedPoint top_left = screen_to_projected({0.5 / scale, 0.5 / scale});
        return {1 / (k_ * scale), 0, 0, -1 / (k_ * scale), top_left.x, top_left.y};
    }
    // A lon/lat geometry on the screen: clipped to the read box, densified so that straight
    // lines bend with the projection, projected and simplified to `simplify_px`.
    Paths screen(const geometry::Geometry& lonlat, double simplify_px = 0.4) const;
    // Whether any of the screen paths shows in the frame (a vertex inside it, or a ring
    // around it).
    bool shows(const Paths& paths) const;

private:
    geometry::Box extent_, read_box_{};
    geometry::Projection projection_;
    Rect frame_;
    double min_x_ = 0, max_y_ = 0, k_ = 1;  // projected metres -> px
    double km_per_px_ = 0;
};

}  // namespace mapwire::render
