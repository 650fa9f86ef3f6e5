// What the map of an article and the map of a table share: the layer files beside the
// drawings, the web map's library and data link, and the places' names by the naming policy.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"

namespace mapwire::pipeline::detail {

// The GeoJSON layers of an extraction (when layers.geojson) and the same layers in each of
// layers.vector_formats, written into out_dir, and into layers.datasource when one is given;
// the files are added to `files`.
void write_layer_files(const events::Extraction& x, const gazetteer::Gazetteer& gaz,
                       const std::string& gpkg, const style::Style& style,
                       const std::string& out_dir, const LayerOutputs& layers,
                       std::vector<std::string>& files);

// The web map's library (the dataset's web/) and its "Download data" link to the events
// layer, which is then written with it: true when options ask for the web map.
bool prepare_web_map(render::MapOptions& options, const std::string& dataset,
                     const std::string& data_link);

// Names every place of `x` by options.names (the dataset's local names when the style needs
// them) and points options.naming at the policy for the renderer's own labels. Nothing to do
// for English names without overrides (null).
std::shared_ptr<const gazetteer::PlaceNaming> apply_naming(events::Extraction& x,
                                                           const std::string& dataset,
                                                           render::MapOptions& options);

}  // namespace mapwire::pipeline::detail
