// The map pipeline shared by `map` and `render` (in the GIS plugin): extract (or read an event
// table), draw, write
// GeoJSON, and the same layers in each of `vector_formats` ("gpkg", "kml", "fgb", "shp": see
// exporter::write_layers), and upserted into a datasource (exporter::write_datasource).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive/event_table.hpp"
#include "events/extractor.hpp"
#include "export/datasource.hpp"
#include "export/geojson.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geoparse/geoparser.hpp"
#include "render/map.hpp"
#include "style/style.hpp"

namespace mapwire::cli::detail {

struct ArticleMap {
    // The naming policy's names, which the extraction's places view: kept with it.
    std::shared_ptr<const gazetteer::PlaceNaming> naming;
    events::Extraction extraction;
    render::RenderReport report;
    std::string description;         // the map's alt text, as written into its files
    std::vector<std::string> notes;  // what a map of a table left out, counted, for the summary
};
ArticleMap map_article(const gazetteer::Gazetteer& gaz, const geoparse::Geoparser& parser,
                       const std::string& dataset, const std::string& article,
                       const std::string& date, const style::Style& style,
                       render::MapOptions options, const std::string& out_dir, bool geojson,
                       const std::vector<exporter::VectorFormat>& vector_formats = {},
                       bool per_event = false,
                       const std::optional<exporter::DatasourceTarget>& datasource = {});
// A map of an event table (NDJSON, GeoPackage or FlatGeobuf, see archive/event_table.hpp):
// the events within `range` drawn as the map of an article's are, or counted per cell with
// options.aggregate (then also aggregate.geojson). Throws when no event of the range has a
// location.
ArticleMap map_table(const gazetteer::Gazetteer& gaz, const std::string& dataset,
                     const std::string& table, const archive::DateRange& range,
                     const style::Style& style, render::MapOptions options,
                     const std::string& out_dir, bool geojson,
                     const std::vector<exporter::VectorFormat>& vector_formats = {},
                     const std::optional<exporter::DatasourceTarget>& datasource = {});

// The GeoJSON layers of an extraction (when `geojson`) and the same layers in each of
// `vector_formats`, written into out_dir, and into the datasource when one is given; the files
// are added to `files`.
void write_layer_files(const events::Extraction& x, const gazetteer::Gazetteer& gaz,
                       const std::string& gpkg, const style::Style& style,
                       const std::string& out_dir, bool geojson,
                       const std::vector<exporter::VectorFormat>& vector_formats,
                       std::vector<std::string>& files,
                       const std::optional<exporter::DatasourceTarget>& datasource = {});

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

std::string styles_dir();

}  // namespace mapwire::cli::detail
