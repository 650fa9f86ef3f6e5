// The layers written into a GDAL datasource a user names (PostGIS, a GeoPackage), keyed by the
// document they came from, so that rerunning an article replaces its rows (docs/layers.md).
#pragma once

#include <string>

namespace mapwire::exporter {

// The document a run's rows belong to: `doc_id` in every table of a datasource. With the
// layers' own ids (`e1`, `f1`, a place's id) it is the key of a row across articles.
struct DocumentId {
    std::string value;
};

// The given id, else the article's file name without its folder and last extension
// ("examples/article-kharkiv.txt" -> "article-kharkiv"). Throws Error (usage) for an article on
// standard input without an id, and for an id that is empty, longer than kMaxDocumentId
// bytes, or holds control characters, naming `key` (the option or configuration key).
inline constexpr std::size_t kMaxDocumentId = 200;
DocumentId document_id(const std::string& article, const std::string& given,
                       const std::string& key);

// Where the layers go, and as which document.
struct DatasourceTarget {
    std::string datasource;  // "PG:dbname=news host=127.0.0.1 port=54329", "all.gpkg"
    DocumentId doc;
};

// Replaces the document's rows in the events, places, areas and figures tables of the
// datasource by the layers of DIR (kLayers, as write_geojson_layers wrote them), in one
// transaction; creates the tables with their declared schemas and `doc_id` first when absent.
// Throws IoError naming the datasource (password hidden), table and feature.
void write_datasource(const std::string& dir, const DatasourceTarget& target);

}  // namespace mapwire::exporter
