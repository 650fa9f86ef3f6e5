// Reading features from any vector format GDAL opens, and writing GeoPackages atomically.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "geometry/geometry.hpp"

namespace mapwire::geometry {

using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// One feature as read: its attributes by field name (as text) and its geometry.
class FeatureRecord {
public:
    FeatureRecord(std::shared_ptr<const std::vector<std::string>> names, std::int64_t fid)
        : names_(std::move(names)), fid_(fid) {}

    std::int64_t fid() const { return fid_; }
    const Geometry& geometry() const { return geometry_; }
    // The field's value as text; empty when the field is missing or null.
    const std::string& text(std::string_view field) const;
    // The field's value as a number; `fallback` when missing, null or not a number.
    double number(std::string_view field, double fallback = 0) const;
    bool has_field(std::string_view field) const;

    void set_geometry(Geometry g) { geometry_ = std::move(g); }
    void push_value(std::string v) { values_.push_back(std::move(v)); }

private:
    std::shared_ptr<const std::vector<std::string>> names_;
    std::vector<std::string> values_;
    std::int64_t fid_;
    Geometry geometry_;
};

struct ReadOptions {
    std::string layer;        // layer name; empty for the first layer
    std::string encoding;     // e.g. "CP1252" for shapefiles without a .cpg
    std::string where;        // OGR SQL attribute filter
    std::optional<Box> bbox;  // only features whose extent meets this box (lon/lat)
};

// Reads every feature. Throws IoError naming the path when it cannot be opened, and
// GeometryError naming the feature when a geometry cannot be read.
std::vector<FeatureRecord> read_features(const std::string& path, const ReadOptions& options = {});

// Layer names of a vector dataset.
std::vector<std::string> layer_names(const std::string& path);
// Opens the layer and applies the attribute filter without reading features: throws IoError
// naming what is wrong (for validating a configuration before rendering).
// Each of `fields` must be a field of the layer (a label field, say): else IoError keyed by
// the field, listing the fields there are.
void check_layer(const std::string& path, const ReadOptions& options,
                 const std::vector<std::string>& fields = {});
enum class FieldType { integer, real, text, date, boolean };
struct FieldSpec {
    std::string name;
    FieldType type;
    // The name in formats that allow ten characters (Shapefile's dBase): a documented short
    // name, never GDAL's laundering ("sub_event_" and "differen_1"); "" when `name` fits.
    std::string short_name = {};
};
// The declared fields of layers, by layer name.
using LayerSchemas = std::map<std::string, std::vector<FieldSpec>>;

// Copies every layer of a vector file into a new file in another format (a GDAL driver
// name such as "GPKG" or "KML"), through a temporary file renamed into place. A layer named
// in `schemas` (by the source's file stem) gets exactly those fields with those types, in
// that order, whatever its features hold: a field null in every feature stays Integer, so
// that the layers of two runs append into one table.
// Shapefile ("ESRI Shapefile") to a destination ending in .shp.zip writes one zipped file
// of all the layers (UTF-8, with .cpg), its fields under their short names.
// KML ("LIBKML") placemarks take a name, a description, a time stamp and a style from the
// layer's KmlLook (by layer name): Google Earth lists them by name and its time slider works.
struct KmlLook {
    using Field = std::function<std::string(const char* field)>;  // a field's value as text
    std::function<std::string(const Field&)> name, description;
    std::string time_field;                          // a date field: <TimeStamp><when>
    std::function<std::string(const Field&)> style;  // an OGR style string, "" for none
};
using KmlLooks = std::map<std::string, KmlLook>;
void convert_layers(const std::vector<std::string>& sources, const std::string& destination,
                    const std::string& driver, const LayerSchemas& schemas = {},
                    const KmlLooks& looks = {});

// Writes a GeoPackage to a temporary file beside `path`, renamed into place by commit();
// destroyed without commit, it removes the temporary file so no half-written output remains.
class GeoPackageWriter {
public:
    explicit GeoPackageWriter(std::string path);
    ~GeoPackageWriter();
    GeoPackageWriter(const GeoPackageWriter&) = delete;
    GeoPackageWriter& operator=(const GeoPackageWriter&) = delete;

    // geometry_type: "Point", "MultiPolygon", "MultiLineString" or "None" (attribute table).
    void begin_layer(const std::string& name, const std::string& geometry_type,
                     const std::vector<FieldSpec>& fields);
    void add(const std::vector<FieldValue>& values, const Geometry& geometry = {});
    // Copies a whole layer of another dataset under a new name.
    void copy_layer(const std::string& source_path, const std::string& new_name,
                    const ReadOptions& options = {});
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace mapwire::geometry
