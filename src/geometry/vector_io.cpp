// GDAL/OGR behind FeatureRecord and GeoPackageWriter; the only place mapwire touches OGR.
#include "geometry/vector_io.hpp"

#include "geometry/datasource.hpp"
#include "geometry/detail/ogr.hpp"

#include <unistd.h>
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>

namespace mapwire::geometry {
using detail::check;
using detail::create_field;
using detail::DatasetPtr;
using detail::FeaturePtr;
using detail::open_vector;
using detail::register_drivers;
using detail::wgs84_lonlat;

namespace {

// A `where:` filter, compiled and evaluated by OGR's own SQL engine whatever the driver. A
// layer's SetAttributeFilter would hand the text to the driver, and SQLite-based ones
// (GeoPackage) would run any SQL there, a recursive query that never ends included; OGR SQL
// has no subqueries, so a filter costs one test per feature.
class AttributeFilter {
public:
    AttributeFilter(OGRLayer& layer, const std::string& where, const std::string& path) {
        if (where.empty()) return;
        query_ = std::make_unique<OGRFeatureQuery>();
        if (query_->Compile(&layer, where.c_str()) != OGRERR_NONE) {
            // GDAL's parser message spans lines (with a caret); the first one says what is wrong.
            std::string why = CPLGetLastErrorMsg();
            why = why.substr(0, why.find('\n'));
            why = why.substr(0, why.find(" Occurred around"));  // the caret line is gone
            throw std::move(IoError("invalid attribute filter" + (why.empty() ? "" : ": " + why),
                                    "an OGR SQL WHERE clause, e.g. \"kind = 'zone'\"")
                                .in_file(path)
                                .with_value(where));
        }
    }
    bool accepts(OGRFeature& f) const { return !query_ || query_->Evaluate(&f); }

private:
    std::unique_ptr<OGRFeatureQuery> query_;
};

// Drivers of local files that hold their own features: no network, no indirection to other
// files (VRT), no schemas fetched from the web (GML), no services (WFS, PostgreSQL). A layer
// or control file a configuration names cannot make GDAL reach out behind its back.
constexpr const char* kReadDrivers[] = {"GeoJSON", "GeoJSONSeq", "ESRIJSON",     "TopoJSON",
                                        "GPKG",    "SQLite",     "FlatGeobuf",   "ESRI Shapefile",
                                        "KML",     "CSV",        "MapInfo File", "OpenFileGDB",
                                        nullptr};

// Coordinates a map can hold: finite, latitudes within the poles, longitudes within a turn
// either way (a layer may cross the antimeridian). NaN or 500 degrees is a broken layer.
// Natural Earth's ocean reaches 90.0000000001: rounding in the source, not a broken layer.
constexpr double kCoordinateSlackDegrees = 1e-6;

void check_coordinates(const OGRGeometry& g, const std::string& path, GIntBig fid) {
    if (g.IsEmpty()) return;
    OGREnvelope e;
    g.getEnvelope(&e);
    const bool finite = std::isfinite(e.MinX) && std::isfinite(e.MaxX) && std::isfinite(e.MinY) &&
                        std::isfinite(e.MaxY);
    constexpr double pole = 90 + kCoordinateSlackDegrees;
    constexpr double turn = 360 + kCoordinateSlackDegrees;
    if (!finite || e.MinY < -pole || e.MaxY > pole || e.MinX < -turn || e.MaxX > turn)
        throw std::move(GeometryError("coordinates out of range for longitude and latitude in "
                                      "degrees (" +
                                          std::to_string(e.MinX) + ", " + std::to_string(e.MinY) +
                                          " to " + std::to_string(e.MaxX) + ", " +
                                          std::to_string(e.MaxY) + ")",
                                      ExitCode::bad_input,
                                      "fix the feature, or give the layer's coordinate system "
                                      "(a .prj; GeoJSON is WGS 84)")
                            .in_file(path)
                            .with_feature("fid " + std::to_string(fid)));
}

// A network address, a GDAL virtual file system path or a connection string: refused before
// GDAL sees it.
bool remote_or_virtual(const std::string& path) {
    if (path.find("://") != std::string::npos || path.rfind("/vsi", 0) == 0) return true;
    return is_connection_string(path);  // "PG:dbname=...", "WFS:http..."
}

}  // namespace

namespace detail {

DatasetPtr open_vector(const std::string& path, const ReadOptions& options) {
    register_drivers();
    if (remote_or_virtual(path))
        throw std::move(IoError("mapwire reads only local files; this is a network address, a "
                                "connection or a GDAL virtual path",
                                "download or convert the data to a local file first")
                            .in_file(path));
    std::vector<std::string> open_options;
    if (!options.encoding.empty()) open_options.push_back("ENCODING=" + options.encoding);
    std::vector<const char*> raw;
    for (const auto& o : open_options) raw.push_back(o.c_str());
    raw.push_back(nullptr);
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kReadDrivers,
                                    raw.data(), nullptr));
    if (!ds) {
        const std::string why = CPLGetLastErrorMsg();
        throw std::move(IoError("cannot open as a vector dataset" + (why.empty() ? "" : ": " + why),
                                "check that the file exists and is in a format GDAL reads "
                                "(`ogrinfo` lists them)")
                            .in_file(path));
    }
    return ds;
}

}  // namespace detail

namespace {

OGRLayer* pick_layer(GDALDataset& ds, const std::string& path, const std::string& name) {
    OGRLayer* layer = name.empty() ? ds.GetLayer(0) : ds.GetLayerByName(name.c_str());
    if (!layer)
        throw std::move(
            IoError("no layer " + (name.empty() ? std::string("at all") : "'" + name + "'"))
                .in_file(path));
    return layer;
}

// Output files are written under a temporary name beside the destination and renamed into
// place when complete, so that a failure never leaves a half-written file.
std::string temp_path(const std::string& destination) {
    // Drivers tell a format by the name's ending (LIBKML writes a folder for a name without
    // .kml, Shapefile zips for .shp.zip): the temporary file keeps it.
    constexpr std::string_view kZipped = ".shp.zip";
    const std::string pid = ".tmp-" + std::to_string(::getpid());
    if (destination.ends_with(kZipped))
        return destination.substr(0, destination.size() - kZipped.size()) + pid +
               std::string(kZipped);
    const std::filesystem::path p(destination);
    if (!p.has_extension()) return destination + pid;
    return (p.parent_path() / (p.stem().string() + pid + p.extension().string())).string();
}

bool is_kml(const GDALDataset& out) {
    return std::string_view(const_cast<GDALDataset&>(out).GetDriverName()) == "LIBKML";
}

bool short_names(const GDALDataset& out) {
    return std::string_view(const_cast<GDALDataset&>(out).GetDriverName()) == "ESRI Shapefile";
}

DatasetPtr create_dataset(const std::string& driver_name, const std::string& temp,
                          const std::string& destination) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) throw IoError("GDAL has no " + driver_name + " driver");
    std::filesystem::remove(temp);
    DatasetPtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        throw std::move(
            IoError("cannot create " + driver_name + " file: " + std::string(CPLGetLastErrorMsg()))
                .in_file(destination));
    return ds;
}

void move_into_place(const std::string& temp, const std::string& destination) {
    std::error_code ec;
    std::filesystem::rename(temp, destination, ec);
    if (ec)
        throw std::move(IoError("cannot move the finished file into place: " + ec.message())
                            .in_file(destination));
}

Geometry to_geometry(const OGRGeometry& g) {
    std::string wkb(static_cast<std::size_t>(g.WkbSize()), '\0');
    g.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
    return Geometry::from_wkb(wkb);
}

}  // namespace

const std::string& FeatureRecord::text(std::string_view field) const {
    static const std::string none;
    for (std::size_t i = 0; i < names_->size() && i < values_.size(); ++i)
        if ((*names_)[i] == field) return values_[i];
    return none;
}

bool FeatureRecord::has_field(std::string_view field) const {
    for (const auto& n : *names_)
        if (n == field) return true;
    return false;
}

double FeatureRecord::number(std::string_view field, double fallback) const {
    const std::string& v = text(field);
    if (v.empty()) return fallback;
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    return (end && *end == '\0' && std::isfinite(d)) ? d : fallback;
}

std::vector<FeatureRecord> read_features(const std::string& path, const ReadOptions& options) {
    auto ds = open_vector(path, options);
    OGRLayer* layer = pick_layer(*ds, path, options.layer);
    // Layers in another CRS (a national grid, Web Mercator) are brought to WGS 84 lon/lat;
    // a layer without a CRS is taken to be lon/lat already, as GeoJSON is.
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        const OGRSpatialReference wgs84 = wgs84_lonlat();
        const char* same_options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
        if (!srs->IsSame(&wgs84, same_options)) {
            to_wgs84.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
            if (!to_wgs84)
                throw std::move(IoError("cannot transform the layer's coordinate system to "
                                        "WGS 84: " +
                                        std::string(CPLGetLastErrorMsg()))
                                    .in_file(path));
        }
    }
    if (options.bbox && !to_wgs84)
        layer->SetSpatialFilterRect(options.bbox->min_lon, options.bbox->min_lat,
                                    options.bbox->max_lon, options.bbox->max_lat);
    const AttributeFilter filter(*layer, options.where, path);
    auto names = std::make_shared<std::vector<std::string>>();
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        names->push_back(defn->GetFieldDefn(i)->GetNameRef());

    std::vector<FeatureRecord> out;
    layer->ResetReading();
    for (FeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        if (!filter.accepts(*f)) continue;
        FeatureRecord rec(names, f->GetFID());
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            rec.push_value(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        if (OGRGeometry* g = f->GetGeometryRef()) {
            if (to_wgs84 && g->transform(to_wgs84.get()) != OGRERR_NONE)
                throw std::move(IoError("cannot transform a geometry to WGS 84")
                                    .in_file(path)
                                    .with_feature("fid " + std::to_string(f->GetFID())));
            check_coordinates(*g, path, f->GetFID());
            if (to_wgs84 && options.bbox) {
                OGREnvelope e;
                g->getEnvelope(&e);
                if (e.MaxX < options.bbox->min_lon || e.MinX > options.bbox->max_lon ||
                    e.MaxY < options.bbox->min_lat || e.MinY > options.bbox->max_lat)
                    continue;
            }
            try {
                rec.set_geometry(to_geometry(*g));
            } catch (Error& e) {
                e.in_file(path).with_feature("fid " + std::to_string(f->GetFID()));
                throw;
            }
        }
        out.push_back(std::move(rec));
    }
    return out;
}

void check_layer(const std::string& path, const ReadOptions& options,
                 const std::vector<std::string>& fields) {
    read_features(path, options);  // every feature's coordinates, in WGS 84 (layers are small)
    auto ds = open_vector(path, options);
    OGRLayer* layer = pick_layer(*ds, path, options.layer);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (const auto& f : fields) {
        if (defn->GetFieldIndex(f.c_str()) >= 0) continue;
        std::string names;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            names += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
        throw std::move(IoError("no field '" + f + "' in the layer",
                                names.empty() ? "the layer has no fields" : "fields: " + names)
                            .in_file(path)
                            .with_key(f));
    }
}

namespace {

// GeoPackage records when each table changed: a fixed date, for the writing thread while the
// file is written, keeps reruns byte-identical.
struct FixedDate {
    FixedDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z"); }
    ~FixedDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr); }
    FixedDate(const FixedDate&) = delete;
    FixedDate& operator=(const FixedDate&) = delete;
};

}  // namespace

namespace {

// A copy of `layer` with the declared fields: values converted by GDAL from the source's,
// nulls kept null; a source field the schema lacks is our bug.
void copy_declared(OGRLayer& layer, GDALDataset& out, const std::string& name,
                   const std::vector<FieldSpec>& fields, const std::string& destination,
                   const KmlLook* look) {
    OGRFeatureDefn* in_defn = layer.GetLayerDefn();
    for (int i = 0; i < in_defn->GetFieldCount(); ++i) {
        const std::string field = in_defn->GetFieldDefn(i)->GetNameRef();
        assert(std::any_of(fields.begin(), fields.end(),
                           [&](const FieldSpec& f) { return f.name == field; }) &&
               "a layer field missing from its schema");
        (void)field;
    }
    OGRSpatialReference wgs84 = wgs84_lonlat();
    const bool shapefile = short_names(out);
    // Shapefile text in UTF-8, said in a .cpg beside the .dbf (QGIS reads it).
    const char* utf8[] = {"ENCODING=UTF-8", nullptr};
    OGRLayer* target = out.CreateLayer(name.c_str(), &wgs84, layer.GetGeomType(),
                                       shapefile ? const_cast<char**>(utf8) : nullptr);
    if (!target) throw std::move(IoError("cannot create layer " + name).in_file(destination));
    // KML's ExtendedData would write a Date as 2025/03/03: ISO 8601 text instead.
    const bool kml = is_kml(out);
    for (const auto& f : fields) create_field(*target, f, shapefile, destination, kml);
    // The placemark's own fields, which LIBKML writes as <name>, <description> and
    // <TimeStamp> (a declared field of the same name is reused).
    const bool has_name = target->GetLayerDefn()->GetFieldIndex("name") >= 0;
    if (look) {
        if (!has_name) create_field(*target, {"name", FieldType::text}, false, destination);
        create_field(*target, {"description", FieldType::text}, false, destination);
        if (!look->time_field.empty())
            create_field(*target, {"timestamp", FieldType::date}, false, destination);
    }
    std::vector<int> source_index;
    for (const auto& f : fields) source_index.push_back(in_defn->GetFieldIndex(f.name.c_str()));
    check(target->StartTransaction(), "start transaction", destination);
    layer.ResetReading();
    for (FeaturePtr in(layer.GetNextFeature()); in; in.reset(layer.GetNextFeature())) {
        FeaturePtr f(OGRFeature::CreateFeature(target->GetLayerDefn()));
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const int from = source_index[i], to = static_cast<int>(i);
            if (from < 0 || !in->IsFieldSetAndNotNull(from)) {
                f->SetFieldNull(to);
            } else if (fields[i].type == FieldType::boolean) {
                f->SetField(to, in->GetFieldAsInteger(from) != 0 ? 1 : 0);
            } else if (fields[i].type == FieldType::date && kml) {
                int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
                float ss = 0;
                in->GetFieldAsDateTime(from, &y, &m, &d, &hh, &mm, &ss, &tz);
                char iso[16];
                std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
                f->SetField(to, iso);
            } else {
                f->SetField(to, in->GetFieldAsString(from));
            }
        }
        if (look) {
            const KmlLook::Field value = [&](const char* field) -> std::string {
                const int i = in_defn->GetFieldIndex(field);
                return i >= 0 && in->IsFieldSetAndNotNull(i) ? in->GetFieldAsString(i) : "";
            };
            if (look->name) f->SetField("name", look->name(value).c_str());
            if (look->description) f->SetField("description", look->description(value).c_str());
            if (!look->time_field.empty() && !value(look->time_field.c_str()).empty())
                f->SetField("timestamp", value(look->time_field.c_str()).c_str());
            if (look->style) f->SetStyleString(look->style(value).c_str());
        }
        if (OGRGeometry* g = in->GetGeometryRef()) f->SetGeometry(g);
        check(target->CreateFeature(f.get()), "write feature", destination);
    }
    check(target->CommitTransaction(), "commit", destination);
}

}  // namespace

void convert_layers(const std::vector<std::string>& sources, const std::string& destination,
                    const std::string& driver_name, const LayerSchemas& schemas,
                    const KmlLooks& looks) {
    register_drivers();
    const std::string temp = temp_path(destination);
    const FixedDate fixed_date;
    {
        DatasetPtr out = create_dataset(driver_name, temp, destination);
        for (const auto& source : sources) {
            auto in = open_vector(source, {});
            for (int i = 0; i < in->GetLayerCount(); ++i) {
                OGRLayer* layer = in->GetLayer(i);
                const std::string name = std::filesystem::path(source).stem().string();
                if (const auto schema = schemas.find(name); schema != schemas.end()) {
                    try {
                        const auto look = looks.find(name);
                        copy_declared(*layer, *out, name, schema->second, destination,
                                      look == looks.end() ? nullptr : &look->second);
                    } catch (...) {
                        out.reset();
                        std::filesystem::remove(temp);
                        throw;
                    }
                    continue;
                }
                if (!out->CopyLayer(layer, name.c_str(), nullptr)) {
                    std::filesystem::remove(temp);
                    throw std::move(IoError("cannot copy layer " + name + ": " +
                                            std::string(CPLGetLastErrorMsg()))
                                        .in_file(destination));
                }
            }
        }
    }
    move_into_place(temp, destination);
}

std::vector<std::string> layer_names(const std::string& path) {
    auto ds = open_vector(path, {});
    std::vector<std::string> out;
    for (int i = 0; i < ds->GetLayerCount(); ++i) out.push_back(ds->GetLayer(i)->GetName());
    return out;
}

// --- GeoPackageWriter ---------------------------------------------------------------------

struct GeoPackageWriter::Impl {
    FixedDate fixed_date;  // first: set before the file is created
    std::string path;
    std::string temp;
    DatasetPtr ds;
    OGRLayer* layer = nullptr;
    OGRwkbGeometryType layer_type = wkbUnknown;
    bool in_transaction = false;

    void end_transaction() {
        if (in_transaction && layer) check(layer->CommitTransaction(), "commit", path);
        in_transaction = false;
    }
};

GeoPackageWriter::GeoPackageWriter(std::string path) : impl_(std::make_unique<Impl>()) {
    register_drivers();
    impl_->path = std::move(path);
    impl_->temp = temp_path(impl_->path);
    impl_->ds = create_dataset("GPKG", impl_->temp, impl_->path);
}

GeoPackageWriter::~GeoPackageWriter() {
    if (impl_->ds) {
        impl_->ds.reset();
        std::error_code ec;
        std::filesystem::remove(impl_->temp, ec);
    }
}

void GeoPackageWriter::begin_layer(const std::string& name, const std::string& geometry_type,
                                   const std::vector<FieldSpec>& fields) {
    impl_->end_transaction();
    OGRwkbGeometryType type = wkbUnknown;
    if (geometry_type == "Point")
        type = wkbPoint;
    else if (geometry_type == "MultiPolygon")
        type = wkbMultiPolygon;
    else if (geometry_type == "MultiLineString")
        type = wkbMultiLineString;
    else if (geometry_type == "None")
        type = wkbNone;
    OGRSpatialReference wgs84 = wgs84_lonlat();
    const char* opts[] = {"SPATIAL_INDEX=YES", nullptr};
    impl_->layer = impl_->ds->CreateLayer(name.c_str(), type == wkbNone ? nullptr : &wgs84, type,
                                          const_cast<char**>(opts));
    if (!impl_->layer)
        throw std::move(IoError("cannot create layer '" + name + "'").in_file(impl_->path));
    impl_->layer_type = type;
    for (const auto& f : fields) create_field(*impl_->layer, f, false, impl_->path);
    check(impl_->layer->StartTransaction(), "start transaction", impl_->path);
    impl_->in_transaction = true;
}

void GeoPackageWriter::add(const std::vector<FieldValue>& values, const Geometry& geometry) {
    FeaturePtr f(OGRFeature::CreateFeature(impl_->layer->GetLayerDefn()));
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int idx = static_cast<int>(i);
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::int64_t>)
                    f->SetField(idx, static_cast<GIntBig>(v));
                else if constexpr (std::is_same_v<T, double>)
                    f->SetField(idx, v);
                else if constexpr (std::is_same_v<T, std::string>)
                    f->SetField(idx, v.c_str());
                else
                    f->SetFieldNull(idx);
            },
            values[i]);
    }
    if (!geometry.empty() && impl_->layer_type != wkbNone) {
        const std::string wkb = geometry.wkb();
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size());
        if (g && impl_->layer_type == wkbMultiPolygon)
            g = OGRGeometryFactory::forceToMultiPolygon(g);
        if (g && impl_->layer_type == wkbMultiLineString)
            g = OGRGeometryFactory::forceToMultiLineString(g);
        if (g) f->SetGeometryDirectly(g);
    }
    if (impl_->layer->CreateFeature(f.get()) != OGRERR_NONE)
        throw std::move(IoError("cannot write feature: " + std::string(CPLGetLastErrorMsg()))
                            .in_file(impl_->path));
}

void GeoPackageWriter::copy_layer(const std::string& source_path, const std::string& new_name,
                                  const ReadOptions& options) {
    impl_->end_transaction();
    auto src = open_vector(source_path, options);
    OGRLayer* layer = pick_layer(*src, source_path, options.layer);
    // Sources without a .prj are WGS84 longitude/latitude (Natural Earth); say so explicitly.
    OGRSpatialReference wgs84 = wgs84_lonlat();
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    OGRLayer* dst = impl_->ds->CreateLayer(new_name.c_str(), &wgs84, defn->GetGeomType(), nullptr);
    if (!dst)
        throw std::move(IoError("cannot create layer '" + new_name + "'").in_file(impl_->path));
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        OGRFieldDefn field(defn->GetFieldDefn(i));
        check(dst->CreateField(&field), "create field", impl_->path);
    }
    check(dst->StartTransaction(), "start transaction", impl_->path);
    layer->ResetReading();
    for (FeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        FeaturePtr out(OGRFeature::CreateFeature(dst->GetLayerDefn()));
        out->SetFrom(f.get());
        out->SetFID(OGRNullFID);
        check(dst->CreateFeature(out.get()), "write feature", impl_->path);
    }
    check(dst->CommitTransaction(), "commit", impl_->path);
    impl_->layer = nullptr;
}

void GeoPackageWriter::commit() {
    impl_->end_transaction();
    impl_->ds.reset();  // closes and flushes
    move_into_place(impl_->temp, impl_->path);
}

}  // namespace mapwire::geometry
