// The declared schema of each layer mapwire writes (docs/layers.md says what each field means):
// one type per field whatever an article's values, so that layers of two runs append into one
// table and a graduated style on `killed` survives an article that gives no deaths.
#pragma once

#include <map>
#include <string>

#include "geometry/datasource.hpp"
#include "geometry/vector_io.hpp"

namespace mapwire::exporter::detail {

// events, places, areas and figures; each field longer than ten characters with its
// Shapefile name.
const geometry::LayerSchemas& layer_schemas();

// The one geometry type of each layer's table: points for events and places, multipolygons
// for areas and figures.
geometry::LayerGeometry layer_geometry(const std::string& layer);

// The Shapefile names of the long fields (field name -> short name).
const std::map<std::string, std::string>& shapefile_names();

}  // namespace mapwire::exporter::detail
