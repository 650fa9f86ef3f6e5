// The OGR helpers vector_io.cpp and datasource.cpp share: RAII handles, driver registration,
// WGS 84, declared fields, errors; private to the geometry module (only it includes GDAL).
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

#include "geometry/vector_io.hpp"

namespace mapwire::geometry::detail {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

// Registers GDAL's drivers once for the process, errors going to exceptions, no network.
void register_drivers();

// Throws IoError "`what` failed: <GDAL's message>" naming `path` unless `err` is OGRERR_NONE.
void check(OGRErr err, const std::string& what, const std::string& path);

// WGS 84 longitude/latitude, in that axis order.
OGRSpatialReference wgs84_lonlat();

// A declared field on a new layer: Integer64, Real, Date, boolean (Integer of subtype
// Boolean, as GeoPackage stores it) or String; `short_name` for dBase's ten characters.
void create_field(OGRLayer& layer, const FieldSpec& f, bool short_name, const std::string& path,
                  bool date_as_text = false);

// Opens a local vector file read-only with the drivers of kReadDrivers: IoError naming `path`
// for a network address, a connection string, a /vsi path or a file GDAL cannot open.
DatasetPtr open_vector(const std::string& path, const ReadOptions& options);

}  // namespace mapwire::geometry::detail
