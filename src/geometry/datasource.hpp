// Writing layers into a GDAL datasource a user names (a PostGIS database, a GeoPackage): the
// rows of one document replaced in one transaction, so that rerunning an article updates it.
#pragma once

#include <string>
#include <vector>

#include "geometry/vector_io.hpp"

namespace mapwire::geometry {

// The one geometry type of a table: polygons are stored as multipolygons, which PostGIS
// needs to hold a country of islands and a unit of one piece in the same column.
enum class LayerGeometry { point, multipolygon };

struct UpsertLayer {
    std::string source;  // a local vector file holding the layer's features (a GeoJSON layer)
    std::string name;    // the table in the datasource
    LayerGeometry geometry;
    std::vector<FieldSpec> fields;  // the declared fields, after the key field
};

// The rows one run owns: those whose `field` holds `value` (doc_id = 'article-kharkiv').
struct UpsertKey {
    std::string field;
    std::string value;
};

// In one transaction of the datasource: creates each absent table with the key field and the
// declared fields (geometry in WGS 84, EPSG:4326) and each declared field a table lacks,
// deletes the rows holding the key, and inserts the source's features with it. The datasource
// is opened for update by any GDAL driver with transactions (PostgreSQL: "PG:dbname=news
// host=... port=..."); a .gpkg or .sqlite file that does not exist is created. Throws IoError
// naming the datasource (its password hidden), the table and the feature; on any failure the
// transaction is rolled back and the datasource is as it was.
void upsert_layers(const std::string& datasource, const std::vector<UpsertLayer>& layers,
                   const UpsertKey& key);

// The datasource as it may be printed: a connection string's password replaced by "***".
std::string redacted(const std::string& datasource);

// A connection string ("PG:...", "MySQL:..."), not a file path.
bool is_connection_string(const std::string& datasource);

}  // namespace mapwire::geometry
