// The declared schema of each layer mapwire writes (docs/layers.md says what each field means):
// one type per field whatever an article's values, so that layers of two runs append into one
// table and a graduated style on `killed` survives an article that gives no deaths.
#pragma once

#include "geometry/vector_io.hpp"

namespace mapwire::exporter::detail {

// events, places and figures.
const geometry::LayerSchemas& layer_schemas();

}  // namespace mapwire::exporter::detail
