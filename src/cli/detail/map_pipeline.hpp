// The map pipeline shared by `map` and `render` (in the GIS plugin): extract, draw, write
// GeoJSON, and the same layers in each of `vector_formats` ("gpkg", "kml", "fgb", "shp": see
// exporter::write_layers), and upserted into a datasource (exporter::write_datasource).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "events/extractor.hpp"
#include "export/datasource.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geoparse/geoparser.hpp"
#include "render/map.hpp"
#include "style/style.hpp"

namespace mapwire::cli::detail {

struct ArticleMap {
    events::Extraction extraction;
    render::RenderReport report;
    std::string description;  // the map's alt text, as written into its files
};
ArticleMap map_article(const gazetteer::Gazetteer& gaz, const geoparse::Geoparser& parser,
                       const std::string& dataset, const std::string& article,
                       const std::string& date, const style::Style& style,
                       render::MapOptions options, const std::string& out_dir, bool geojson,
                       const std::vector<std::string>& vector_formats = {}, bool per_event = false,
                       const std::optional<exporter::DatasourceTarget>& datasource = {});
std::string styles_dir();

}  // namespace mapwire::cli::detail
