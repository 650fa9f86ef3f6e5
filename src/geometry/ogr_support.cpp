// The OGR helpers shared inside the geometry module (detail/ogr.hpp).
#include "geometry/detail/ogr.hpp"

#include <cassert>
#include <mutex>

namespace mapwire::geometry::detail {
namespace {

constexpr int kDbaseTextBytes = 254;

}  // namespace

void register_drivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);  // errors reach the user through exceptions
        // Once for the process, before any dataset: no file a layer points to is fetched over
        // the network (belt and braces beside kReadDrivers and remote_or_virtual()).
        CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
        CPLSetConfigOption("GML_DOWNLOAD_SCHEMA", "NO");
    });
}

void check(OGRErr err, const std::string& what, const std::string& path) {
    if (err != OGRERR_NONE)
        throw std::move(
            IoError(what + " failed: " + std::string(CPLGetLastErrorMsg())).in_file(path));
}

OGRSpatialReference wgs84_lonlat() {
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return wgs84;
}

void create_field(OGRLayer& layer, const FieldSpec& f, bool short_name, const std::string& path,
                  bool date_as_text) {
    const OGRFieldType type = f.type == FieldType::integer   ? OFTInteger64
                              : f.type == FieldType::real    ? OFTReal
                              : f.type == FieldType::date    ? (date_as_text ? OFTString : OFTDate)
                              : f.type == FieldType::boolean ? OFTInteger
                                                             : OFTString;
    const std::string& name = short_name && !f.short_name.empty() ? f.short_name : f.name;
    assert((!short_name || name.size() <= 10) && "a Shapefile field name over ten characters");
    OGRFieldDefn defn(name.c_str(), type);
    if (f.type == FieldType::boolean) defn.SetSubType(OFSTBoolean);
    // dBase text holds at most 254 bytes (GDAL's default is 80): a sentence is cut there, and
    // docs/layers.md says so.
    if (short_name && type == OFTString) defn.SetWidth(kDbaseTextBytes);
    check(layer.CreateField(&defn), "create field " + f.name, path);
}

}  // namespace mapwire::geometry::detail
