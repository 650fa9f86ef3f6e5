// The web map's layers at web scale: clipped, simplified, joined and packed for the page.
#pragma once

#include <string>

#include "render/web_map.hpp"

namespace mapwire::render {

// The base layers, control areas and user layers of the scene as a JSON object: "scale" (the
// fixed-point units of a degree), then per layer an array of paths, each an array of integers,
// the first lon/lat pair absolute and each next one the change from the last. User layers are
// {"areas", "lines", "points"} each.
std::string web_layers_json(const WebScene& scene);

}  // namespace mapwire::render
