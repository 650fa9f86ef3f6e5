// Map configurations for `mapwire render`: a YAML (or JSON) file describing one or many maps,
// validated completely before anything is rendered. The format is documented in docs/config.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "archive/event_table.hpp"
#include "base/error.hpp"
#include "export/datasource.hpp"
#include "export/geojson.hpp"
#include "gazetteer/gazetteer.hpp"
#include "render/map.hpp"

namespace mapwire::config {

// One problem found in a configuration, located as file:line:column.
struct Problem {
    std::string file;
    int line = 0, column = 0;
    std::string message;
    std::string hint;
    std::string describe() const;  // "maps.yaml:12:5: unknown key 'titel' (did you mean 'title'?)"
};

// Every problem of a configuration at once; thrown by load().
class ConfigError : public ErrorKind<ConfigError> {
public:
    ConfigError(std::vector<Problem> problems);
    const std::vector<Problem>& problems() const { return problems_; }

private:
    std::vector<Problem> problems_;
};

struct MapJob {
    std::string name;     // also the output subfolder
    std::string article;  // absolute path; "" for a map of an event table
    // A map of an event table instead of an article (`events:`): its absolute path, and the
    // days of the events drawn (`from:`, `to:`, inclusive).
    std::string events_table;
    archive::DateRange range;
    std::string date;
    std::string style;                         // name or absolute path
    std::vector<std::string> style_overrides;  // YAML mappings applied on the style, in order
    std::string output_dir;                    // absolute: <config output_dir>/<name>
    bool geojson = true;
    // "gpkg", "kml", "fgb", "shp": the layers as map.gpkg, map.kml, events.fgb ..., map.shp.zip
    std::vector<exporter::VectorFormat> vector_formats;
    // The layers also upserted into this GDAL datasource (key `datasource`), as the document
    // `doc_id` (default: the article's file name): see docs/layers.md.
    std::optional<exporter::DatasourceTarget> datasource;
    // series: each event located in the article gets its own map, in output_dir/event-NN
    // (series over units and control layers are expanded into separate jobs when loading).
    bool per_event = false;
    std::string series;          // the configured name of the series this map belongs to, if any
    render::MapOptions options;  // size, dpi, formats, extent, projection, texts, highlight ...
};

struct Config {
    std::string path;
    std::string output_dir;
    std::vector<MapJob> maps;
};

// Where a configuration may read and write: only below its own folder (links resolved
// first), its outputs only below output_dir, itself below that folder; unless the command
// line says otherwise.
struct Confinement {
    std::string output_dir;      // given on the command line: replaces output_dir, anywhere
    bool allow_outside = false;  // a trusted configuration: inputs and outputs anywhere
};

// Reads and validates `path`. Paths resolve relative to the configuration's folder and stay
// inside it (see Confinement); URLs and GDAL virtual file systems are refused; place names
// must be in the gazetteer. Throws ConfigError listing every problem.
Config load(const std::string& path, const gazetteer::Gazetteer& gazetteer,
            const std::string& styles_dir, const Confinement& confinement = {});

}  // namespace mapwire::config
