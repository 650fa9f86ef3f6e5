// Upserting the layers into a datasource a user names (datasource.hpp), through OGR.
#include "geometry/datasource.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>

#include "geometry/detail/ogr.hpp"

namespace mapwire::geometry {
namespace {

using detail::check;
using detail::DatasetPtr;
using detail::FeaturePtr;

// The file types a new datasource is created as (by the name's ending); anything else must
// exist already (a PostgreSQL database is made with createdb, not by mapwire).
struct NewFileDriver {
    const char* extension;
    const char* driver;
};
constexpr NewFileDriver kNewFileDrivers[] = {{".gpkg", "GPKG"}, {".sqlite", "SQLite"}};

constexpr const char* kConnectionHint =
    "a PostgreSQL database is named PG:\"dbname=NAME host=HOST port=PORT user=USER\" (libpq's "
    "keywords); check that the server runs, listens there and accepts the user";

IoError datasource_error(const std::string& message, const std::string& datasource,
                         const std::string& hint = {}) {
    return std::move(IoError(message, hint).in_file(redacted(datasource)));
}

DatasetPtr create_file(const std::string& datasource) {
    const std::string ext = std::filesystem::path(datasource).extension().string();
    const auto* known = std::find_if(std::begin(kNewFileDrivers), std::end(kNewFileDrivers),
                                     [&](const NewFileDriver& d) { return ext == d.extension; });
    if (known == std::end(kNewFileDrivers))
        throw datasource_error("no such datasource", datasource,
                               "mapwire creates a new datasource only as a GeoPackage (.gpkg) "
                               "or SQLite (.sqlite) file; " +
                                   std::string(kConnectionHint));
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(known->driver);
    if (!driver)
        throw datasource_error(std::string("GDAL has no ") + known->driver + " driver", datasource);
    DatasetPtr ds(driver->Create(datasource.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        throw datasource_error("cannot create the datasource: " + std::string(CPLGetLastErrorMsg()),
                               datasource);
    return ds;
}

DatasetPtr open_for_update(const std::string& datasource) {
    CPLErrorReset();
    DatasetPtr ds(GDALDataset::Open(datasource.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (ds) return ds;
    if (!is_connection_string(datasource) && !std::filesystem::exists(datasource))
        return create_file(datasource);
    std::string why = CPLGetLastErrorMsg();
    // libpq's message spans lines and tabs: one line for the error, no trailing blanks.
    std::replace_if(
        why.begin(), why.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
    while (!why.empty() && why.back() == ' ') why.pop_back();
    throw datasource_error(
        "cannot open the datasource for writing" + (why.empty() ? std::string() : ": " + why),
        datasource, kConnectionHint);
}

// Rolls the datasource's transaction back unless committed: a failure half-way through the
// layers leaves every table as it was.
class Transaction {
public:
    Transaction(GDALDataset& ds, const std::string& datasource) : ds_(ds) {
        if (ds.StartTransaction(FALSE) != OGRERR_NONE)
            throw datasource_error(
                std::string("the datasource's driver (") + ds.GetDriverName() +
                    ") has no transactions: mapwire replaces a document's rows only where a "
                    "failure cannot leave half of them",
                datasource, "write to PostgreSQL/PostGIS, a GeoPackage or a SQLite file");
    }
    ~Transaction() {
        if (!done_) ds_.RollbackTransaction();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit(const std::string& datasource) {
        done_ = true;
        check(ds_.CommitTransaction(), "commit", redacted(datasource));
    }

private:
    GDALDataset& ds_;
    bool done_ = false;
};

// The table, created with the key and the declared fields when absent; a declared field an
// older table lacks is added (rows before it hold null there).
OGRLayer& table(GDALDataset& ds, const UpsertLayer& l, const UpsertKey& key,
                const std::string& datasource) {
    OGRLayer* layer = ds.GetLayerByName(l.name.c_str());
    if (!layer) {
        OGRSpatialReference wgs84 = detail::wgs84_lonlat();
        layer = ds.CreateLayer(l.name.c_str(), &wgs84,
                               l.geometry == LayerGeometry::point ? wkbPoint : wkbMultiPolygon,
                               nullptr);
        if (!layer)
            throw std::move(
                datasource_error("cannot create table: " + std::string(CPLGetLastErrorMsg()),
                                 datasource)
                    .with_key(l.name));
    }
    std::vector<FieldSpec> fields = {{key.field, FieldType::text}};
    fields.insert(fields.end(), l.fields.begin(), l.fields.end());
    for (const auto& f : fields)
        if (layer->GetLayerDefn()->GetFieldIndex(f.name.c_str()) < 0)
            detail::create_field(*layer, f, false, redacted(datasource) + " table " + l.name);
    return *layer;
}

// 'it''s': a text literal in OGR SQL, SQLite's and PostgreSQL's SQL alike.
std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

void delete_rows(OGRLayer& layer, const UpsertKey& key, const std::string& where) {
    const std::string filter = "\"" + key.field + "\" = " + quoted(key.value);
    check(layer.SetAttributeFilter(filter.c_str()), "select the document's rows", redacted(where));
    std::vector<GIntBig> fids;
    layer.ResetReading();
    for (FeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature()))
        fids.push_back(f->GetFID());
    layer.SetAttributeFilter(nullptr);
    for (GIntBig fid : fids)
        if (layer.DeleteFeature(fid) != OGRERR_NONE)
            throw std::move(
                datasource_error("cannot delete a row: " + std::string(CPLGetLastErrorMsg()), where)
                    .with_key(layer.GetName())
                    .with_feature("fid " + std::to_string(fid)));
}

// One source feature as a row: declared fields by name (nulls kept null, booleans 0 or 1),
// the key, the geometry as the table's type.
FeaturePtr row(OGRFeature& in, OGRLayer& out, const UpsertLayer& l, const UpsertKey& key) {
    FeaturePtr f(OGRFeature::CreateFeature(out.GetLayerDefn()));
    f->SetField(key.field.c_str(), key.value.c_str());
    for (const auto& spec : l.fields) {
        const int from = in.GetFieldIndex(spec.name.c_str());
        const int to = f->GetFieldIndex(spec.name.c_str());
        if (from < 0 || !in.IsFieldSetAndNotNull(from))
            f->SetFieldNull(to);
        else if (spec.type == FieldType::boolean)
            f->SetField(to, in.GetFieldAsInteger(from) != 0 ? 1 : 0);
        else
            f->SetField(to, in.GetFieldAsString(from));
    }
    if (OGRGeometry* g = in.StealGeometry()) {
        if (l.geometry == LayerGeometry::multipolygon)
            g = OGRGeometryFactory::forceToMultiPolygon(g);
        g->assignSpatialReference(out.GetSpatialRef());
        f->SetGeometryDirectly(g);
    }
    return f;
}

void insert_rows(const UpsertLayer& l, OGRLayer& out, const UpsertKey& key,
                 const std::string& where) {
    auto in = detail::open_vector(l.source, {});
    OGRLayer* src = in->GetLayer(0);
    if (!src) throw std::move(IoError("no layer at all").in_file(l.source));
    for (FeaturePtr f(src->GetNextFeature()); f; f.reset(src->GetNextFeature())) {
        const std::string id = f->GetFieldIndex("id") >= 0 ? f->GetFieldAsString("id")
                                                           : "fid " + std::to_string(f->GetFID());
        FeaturePtr r = row(*f, out, l, key);
        if (out.CreateFeature(r.get()) != OGRERR_NONE)
            throw std::move(
                datasource_error("cannot write a row: " + std::string(CPLGetLastErrorMsg()), where)
                    .with_key(l.name)
                    .with_feature(key.value + "/" + id));
    }
}

}  // namespace

bool is_connection_string(const std::string& datasource) {
    // "PG:dbname=...", "MySQL:...": a driver prefix and a colon before any slash (a Windows
    // drive letter "C:" is one character).
    const auto colon = datasource.find(':');
    return colon != std::string::npos && colon > 1 && datasource.find('/') > colon &&
           !std::filesystem::exists(datasource);
}

std::string redacted(const std::string& datasource) {
    // libpq's keyword=value form: "password = 'a b'" or "password=secret", any case.
    std::string lower = datasource;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = lower.find("password"); at != std::string::npos;
         at = lower.find("password", at + 1)) {
        std::size_t v = at + 8;
        while (v < lower.size() && std::isspace(static_cast<unsigned char>(lower[v]))) ++v;
        if (v >= lower.size() || lower[v] != '=') continue;
        ++v;
        while (v < lower.size() && std::isspace(static_cast<unsigned char>(lower[v]))) ++v;
        std::size_t end = v;
        if (end < lower.size() && lower[end] == '\'') {
            end = lower.find('\'', end + 1);
            end = end == std::string::npos ? lower.size() : end + 1;
        } else {
            while (end < lower.size() && !std::isspace(static_cast<unsigned char>(lower[end])))
                ++end;
        }
        if (end == v) continue;
        out += datasource.substr(from, v - from) + "***";
        from = end;
        at = end - 1;
    }
    return out + datasource.substr(from);
}

void upsert_layers(const std::string& datasource, const std::vector<UpsertLayer>& layers,
                   const UpsertKey& key) {
    detail::register_drivers();
    // Two maps of one article rendered at once would each delete before either inserts, and
    // both insert: one writer at a time in this process.
    static std::mutex one_writer;
    const std::lock_guard lock(one_writer);
    DatasetPtr ds = open_for_update(datasource);
    std::vector<OGRLayer*> tables;  // created before the transaction: DDL in some drivers
    for (const auto& l : layers) tables.push_back(&table(*ds, l, key, datasource));
    Transaction transaction(*ds, datasource);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        delete_rows(*tables[i], key, datasource);
        insert_rows(layers[i], *tables[i], key, datasource);
    }
    transaction.commit(datasource);
}

}  // namespace mapwire::geometry
