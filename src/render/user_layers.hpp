// The user's layers: a control-area layer and extra vector layers.
//
// A control-area layer (areas held, tinted and hatched) and extra vector layers in any format GDAL
// reads, drawn over the base map in the order given.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "render/canvas.hpp"
#include "render/map.hpp"
#include "render/map_view.hpp"
#include "style/style.hpp"

namespace mapwire::render {

// Areas of a control layer on the map: a tint with an edge this wide (px), not a hatch.
inline constexpr double kControlEdgeWidth = 1.0;

// One extra layer on the screen.
struct UserLayer {
    Paths areas, lines;
    std::vector<ScreenPoint> points;
    std::vector<std::pair<std::string, ScreenPoint>> labels;  // text, anchor
    std::vector<geometry::Geometry> shapes;                   // lon/lat, for the web map
};

std::vector<UserLayer> load_user_layers(const std::vector<ExtraLayer>& specs, const MapView& view);
// The control layer's areas on the screen; none when `path` is "". Its areas in lon/lat go
// into `shapes` when given (the web map).
Paths load_control_layer(const std::string& path, const MapView& view,
                         std::vector<geometry::Geometry>* shapes = nullptr);

void draw_control_areas(Canvas& c, const style::Style& st, const Paths& areas);
void draw_user_layers(Canvas& c, const style::Style& st, const std::vector<ExtraLayer>& specs,
                      const std::vector<UserLayer>& layers);

}  // namespace mapwire::render
