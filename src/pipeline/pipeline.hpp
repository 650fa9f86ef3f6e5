// The map pipeline: an article (extracted, drawn) or an event table (read, filtered, drawn or
// counted per cell) into one folder of maps and layers: PNG, SVG, PDF, the web map, GeoJSON and
// the same layers in each vector format asked for, upserted into a datasource when one is
// given. `mapwire map`, `mapwire render` (each map of a configuration) and tests call it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive/event_table.hpp"
#include "base/error.hpp"
#include "events/extractor.hpp"
#include "export/datasource.hpp"
#include "export/geojson.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geoparse/geoparser.hpp"
#include "render/map.hpp"
#include "style/style.hpp"

namespace mapwire::pipeline {

// A map that cannot be made from what it was given (no located event); exit code not_found.
class MapError : public ErrorKind<MapError> {
public:
    using ErrorKind::ErrorKind;
};

// An article to map: its text (valid UTF-8, as the command line's reader leaves it), the name
// its places and errors go by (its file), and its publication date ("" for none).
struct Article {
    std::string text;
    std::string name;
    std::string date;
};

// Where the layers go besides the drawings: GeoJSON files (`geojson`), the same layers in each
// of `vector_formats` (see exporter::write_layers), and rows upserted into `datasource`.
struct LayerOutputs {
    bool geojson = false;
    std::vector<exporter::VectorFormat> vector_formats;
    std::optional<exporter::DatasourceTarget> datasource;
};

struct ArticleMap {
    // The naming policy's names, which the extraction's places view: kept with it.
    std::shared_ptr<const gazetteer::PlaceNaming> naming;
    events::Extraction extraction;
    render::RenderReport report;
    std::string description;         // the map's alt text, as written into its files
    std::vector<std::string> notes;  // what a map of a table left out, counted, for the summary
};

// The map of an article, written into out_dir (all files or none); with `per_event` a series,
// each located event on its own map in event-NN/ (throws when none is located). `dataset` is
// the dataset folder (mapwire.gpkg, web/, local names).
ArticleMap map_article(const gazetteer::Gazetteer& gaz, const geoparse::Geoparser& parser,
                       const std::string& dataset, const Article& article,
                       const style::Style& style, render::MapOptions options,
                       const std::string& out_dir, const LayerOutputs& layers,
                       bool per_event = false);

// A map of an event table (NDJSON, GeoPackage or FlatGeobuf, see archive/event_table.hpp):
// the events within `range` drawn as the map of an article's are, or counted per cell with
// options.aggregate (then also aggregate.geojson). Throws when no event of the range has a
// location.
ArticleMap map_table(const gazetteer::Gazetteer& gaz, const std::string& dataset,
                     const std::string& table, const archive::DateRange& range,
                     const style::Style& style, render::MapOptions options,
                     const std::string& out_dir, const LayerOutputs& layers);

}  // namespace mapwire::pipeline
