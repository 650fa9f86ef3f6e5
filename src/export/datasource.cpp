// Document ids and the datasource output (datasource.hpp): the exporter's layers and schemas
// handed to geometry::upsert_layers.
#include "export/datasource.hpp"

#include <algorithm>
#include <filesystem>

#include "base/error.hpp"
#include "export/detail/schema.hpp"
#include "export/geojson.hpp"
#include "geometry/datasource.hpp"

namespace mapwire::exporter {

DocumentId document_id(const std::string& article, const std::string& given,
                       const std::string& key) {
    const bool from_stdin = article == "-" || article == "/dev/stdin";
    if (given.empty() && from_stdin)
        throw std::move(Error("an article read from standard input has no file name to key its "
                              "rows in the datasource by",
                              ExitCode::usage, "give the document an id, e.g. --doc-id kyiv-0412")
                            .with_key(key));
    const std::string id = given.empty() ? std::filesystem::path(article).stem().string() : given;
    const bool control = std::any_of(id.begin(), id.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
    if (id.empty() || id.size() > kMaxDocumentId || control)
        throw std::move(Error("a document id is 1 to " + std::to_string(kMaxDocumentId) +
                                  " bytes of text without control characters",
                              ExitCode::usage, "e.g. kyiv-2025-04-12")
                            .with_key(key)
                            .with_value(id));
    return {id};
}

void write_datasource(const std::string& dir, const DatasourceTarget& target) {
    std::vector<geometry::UpsertLayer> layers;
    for (const char* name : kLayers)
        layers.push_back({.source = dir + "/" + name + ".geojson",
                          .name = name,
                          .geometry = detail::layer_geometry(name),
                          .fields = detail::layer_schemas().at(name)});
    geometry::upsert_layers(target.datasource, layers, {"doc_id", target.doc.value});
}

}  // namespace mapwire::exporter
