// Geometry on GEOS's reentrant C API, with geodesic areas from PROJ's geodesic routines.
#include "geometry/geometry.hpp"

#include "base/great_circle.hpp"

#include <geodesic.h>
#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <limits>

namespace mapwire::geometry {
namespace {

void geos_message(const char* fmt, ...) {
    // GEOS reports through return values as well; its messages are kept for the last error.
    (void)fmt;
}

// One GEOS context per thread, as the reentrant API requires.
GEOSContextHandle_t ctx() {
    struct Context {
        GEOSContextHandle_t handle = GEOS_init_r();
        Context() {
            GEOSContext_setErrorHandler_r(handle, geos_message);
            GEOSContext_setNoticeHandler_r(handle, geos_message);
        }
        ~Context() { GEOS_finish_r(handle); }
    };
    thread_local Context context;
    return context.handle;
}

}  // namespace

struct Geometry::Impl {
    GEOSGeometry* g;
    explicit Impl(GEOSGeometry* geom) : g(geom) {}
    ~Impl() {
        if (g) GEOSGeom_destroy_r(ctx(), g);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
};

namespace {

Geometry wrap(GEOSGeometry* g, const char* operation) {
    if (!g) throw GeometryError(std::string("geometry operation failed: ") + operation);
    return Geometry(std::make_shared<const Geometry::Impl>(g));
}

const GEOSGeometry* raw(const Geometry& g) {
    return g.impl() ? g.impl()->g : nullptr;
}

double ring_area_m2(const geod_geodesic& geod, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &n) || n < 4) return 0;
    std::vector<double> lats(n), lons(n);
    for (unsigned int i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx(), seq, i, &lons[i], &lats[i]);
    double area = 0;
    // The closing point repeats the first; geod_polygonarea wants each vertex once.
    geod_polygonarea(&geod, lats.data(), lons.data(), static_cast<int>(n - 1), &area, nullptr);
    return std::fabs(area);
}

double polygon_area_m2(const geod_geodesic& geod, const GEOSGeometry* poly) {
    double area = ring_area_m2(geod, GEOSGetExteriorRing_r(ctx(), poly));
    const int holes = GEOSGetNumInteriorRings_r(ctx(), poly);
    for (int i = 0; i < holes; ++i)
        area -= ring_area_m2(geod, GEOSGetInteriorRingN_r(ctx(), poly, i));
    return area;
}

double area_m2(const geod_geodesic& geod, const GEOSGeometry* g) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (type == GEOS_POLYGON) return polygon_area_m2(geod, g);
    if (type != GEOS_MULTIPOLYGON && type != GEOS_GEOMETRYCOLLECTION) return 0;
    double m2 = 0;
    const int n = GEOSGetNumGeometries_r(ctx(), g);
    for (int i = 0; i < n; ++i) m2 += area_m2(geod, GEOSGetGeometryN_r(ctx(), g, i));
    return m2;
}

}  // namespace

Geometry::Geometry() = default;
Geometry::Geometry(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Geometry Geometry::from_wkb(std::string_view wkb) {
    GEOSWKBReader* reader = GEOSWKBReader_create_r(ctx());
    GEOSGeometry* g = GEOSWKBReader_read_r(
        ctx(), reader, reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size());
    GEOSWKBReader_destroy_r(ctx(), reader);
    return wrap(g, "read WKB");
}

Geometry Geometry::from_wkt(std::string_view wkt) {
    GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx());
    const std::string text(wkt);
    GEOSGeometry* g = GEOSWKTReader_read_r(ctx(), reader, text.c_str());
    GEOSWKTReader_destroy_r(ctx(), reader);
    if (!g)
        throw GeometryError("not a valid WKT geometry", ExitCode::bad_input)
            .with_value(text.substr(0, 60));
    return wrap(g, "read WKT");
}

Geometry Geometry::point(Point p) {
    return wrap(GEOSGeom_createPointFromXY_r(ctx(), p.lon, p.lat), "point");
}

Geometry Geometry::union_all(const std::vector<Geometry>& parts) {
    std::vector<GEOSGeometry*> clones;
    for (const auto& p : parts)
        if (!p.empty()) clones.push_back(GEOSGeom_clone_r(ctx(), raw(p)));
    if (clones.empty()) return {};
    GEOSGeometry* collection = GEOSGeom_createCollection_r(
        ctx(), GEOS_GEOMETRYCOLLECTION, clones.data(), static_cast<unsigned int>(clones.size()));
    GEOSGeometry* u = GEOSUnaryUnion_r(ctx(), collection);
    GEOSGeom_destroy_r(ctx(), collection);
    return wrap(u, "union");
}

bool Geometry::empty() const {
    return !impl_ || GEOSisEmpty_r(ctx(), impl_->g) == 1;
}

std::string Geometry::type_name() const {
    if (!impl_) return "Empty";
    char* t = GEOSGeomType_r(ctx(), impl_->g);
    std::string out = t ? t : "";
    GEOSFree_r(ctx(), t);
    return out;
}

std::string Geometry::wkb() const {
    if (!impl_) return {};
    GEOSWKBWriter* writer = GEOSWKBWriter_create_r(ctx());
    GEOSWKBWriter_setByteOrder_r(ctx(), writer, GEOS_WKB_NDR);
    std::size_t size = 0;
    unsigned char* buf = GEOSWKBWriter_write_r(ctx(), writer, impl_->g, &size);
    GEOSWKBWriter_destroy_r(ctx(), writer);
    std::string out(reinterpret_cast<const char*>(buf), size);
    GEOSFree_r(ctx(), buf);
    return out;
}

Box Geometry::bounds() const {
    Box b;
    if (empty()) return b;
    GEOSGeom_getXMin_r(ctx(), impl_->g, &b.min_lon);
    GEOSGeom_getYMin_r(ctx(), impl_->g, &b.min_lat);
    GEOSGeom_getXMax_r(ctx(), impl_->g, &b.max_lon);
    GEOSGeom_getYMax_r(ctx(), impl_->g, &b.max_lat);
    return b;
}

Point Geometry::representative_point() const {
    if (empty()) throw GeometryError("empty geometry has no representative point");
    GEOSGeometry* c = GEOSGetCentroid_r(ctx(), impl_->g);
    if (c && GEOSContains_r(ctx(), impl_->g, c) != 1 &&
        GEOSGetNumCoordinates_r(ctx(), impl_->g) > 1) {
        GEOSGeom_destroy_r(ctx(), c);
        c = GEOSPointOnSurface_r(ctx(), impl_->g);
    }
    Point p;
    if (!c) throw GeometryError("cannot compute a representative point");
    GEOSGeomGetX_r(ctx(), c, &p.lon);
    GEOSGeomGetY_r(ctx(), c, &p.lat);
    GEOSGeom_destroy_r(ctx(), c);
    return p;
}

double great_circle_km(Point p, Point q) {
    return mapwire::great_circle_km(p.lat, p.lon, q.lat, q.lon);
}

double Geometry::geodesic_area_km2() const {
    if (empty()) return 0;
    geod_geodesic geod;
    geod_init(&geod, 6378137.0, 1 / 298.257223563);  // WGS84
    return area_m2(geod, impl_->g) / 1e6;
}

Geometry Geometry::united(const Geometry& other) const {
    if (empty()) return other;
    if (other.empty()) return *this;
    return wrap(GEOSUnion_r(ctx(), impl_->g, raw(other)), "union");
}

Geometry Geometry::minus(const Geometry& other) const {
    if (empty() || other.empty()) return *this;
    return wrap(GEOSDifference_r(ctx(), impl_->g, raw(other)), "difference");
}

Geometry Geometry::intersection(const Geometry& other) const {
    if (empty() || other.empty()) return {};
    return wrap(GEOSIntersection_r(ctx(), impl_->g, raw(other)), "intersection");
}

bool Geometry::contains(Point p) const {
    if (empty()) return false;
    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(ctx(), p.lon, p.lat);
    const bool in = GEOSContains_r(ctx(), impl_->g, pt) == 1;
    GEOSGeom_destroy_r(ctx(), pt);
    return in;
}

Geometry Geometry::made_valid() const {
    if (empty() || GEOSisValid_r(ctx(), impl_->g) == 1) return *this;
    // The "structure" method keeps polygons as areas (the default "linework" method can turn
    // a slightly invalid country from quantized TopoJSON into a collection of lines).
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx());
    GEOSMakeValidParams_setMethod_r(ctx(), params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx(), params, 0);
    GEOSGeometry* fixed = GEOSMakeValidWithParams_r(ctx(), impl_->g, params);
    GEOSMakeValidParams_destroy_r(ctx(), params);
    return wrap(fixed, "make valid");
}

namespace {

using Runs = std::function<void(double*, std::size_t)>;

GEOSCoordSequence* transformed_sequence(const GEOSGeometry* g, const Runs& f) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), g);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &n)) return nullptr;
    std::vector<double> buf(2 * static_cast<std::size_t>(n));
    if (n) GEOSCoordSeq_copyToBuffer_r(ctx(), seq, buf.data(), 0, 0);
    if (n) f(buf.data(), n);
    return GEOSCoordSeq_copyFromBuffer_r(ctx(), buf.data(), n, 0, 0);
}

GEOSGeometry* transformed_geometry(const GEOSGeometry* g, const Runs& f) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (GEOSisEmpty_r(ctx(), g) == 1) return GEOSGeom_clone_r(ctx(), g);
    switch (type) {
        case GEOS_POINT: {
            double xy[2];
            GEOSGeomGetX_r(ctx(), g, &xy[0]);
            GEOSGeomGetY_r(ctx(), g, &xy[1]);
            f(xy, 1);
            return GEOSGeom_createPointFromXY_r(ctx(), xy[0], xy[1]);
        }
        case GEOS_LINESTRING:
            return GEOSGeom_createLineString_r(ctx(), transformed_sequence(g, f));
        case GEOS_LINEARRING:
            return GEOSGeom_createLinearRing_r(ctx(), transformed_sequence(g, f));
        case GEOS_POLYGON: {
            GEOSGeometry* shell = GEOSGeom_createLinearRing_r(
                ctx(), transformed_sequence(GEOSGetExteriorRing_r(ctx(), g), f));
            const int nh = GEOSGetNumInteriorRings_r(ctx(), g);
            std::vector<GEOSGeometry*> holes;
            for (int i = 0; i < nh; ++i)
                holes.push_back(GEOSGeom_createLinearRing_r(
                    ctx(), transformed_sequence(GEOSGetInteriorRingN_r(ctx(), g, i), f)));
            return GEOSGeom_createPolygon_r(ctx(), shell, holes.data(),
                                            static_cast<unsigned int>(holes.size()));
        }
        default: {
            const int n = GEOSGetNumGeometries_r(ctx(), g);
            std::vector<GEOSGeometry*> parts;
            for (int i = 0; i < n; ++i)
                parts.push_back(transformed_geometry(GEOSGetGeometryN_r(ctx(), g, i), f));
            return GEOSGeom_createCollection_r(ctx(), type, parts.data(),
                                               static_cast<unsigned int>(parts.size()));
        }
    }
}

}  // namespace

Geometry Geometry::transformed_runs(const std::function<void(double* xy, std::size_t n)>& f) const {
    if (empty()) return *this;
    return wrap(transformed_geometry(impl_->g, f), "transform");
}

Geometry Geometry::densified(double max_length) const {
    if (empty()) return *this;
    return wrap(GEOSDensify_r(ctx(), impl_->g, max_length), "densify");
}

Geometry Geometry::clipped(const Box& b) const {
    if (empty()) return *this;
    // Wholly inside: nothing to cut (and GEOS's rectangle clip tests ring containment, which
    // is slow for large polygons).
    const Box own = bounds();
    if (own.min_lon >= b.min_lon && own.max_lon <= b.max_lon && own.min_lat >= b.min_lat &&
        own.max_lat <= b.max_lat)
        return *this;
    return wrap(GEOSClipByRect_r(ctx(), impl_->g, b.min_lon, b.min_lat, b.max_lon, b.max_lat),
                "clip");
}

std::vector<Geometry> Geometry::polygons() const {
    std::vector<Geometry> out;
    if (empty()) return out;
    std::vector<const GEOSGeometry*> stack = {impl_->g};
    while (!stack.empty()) {
        const GEOSGeometry* g = stack.back();
        stack.pop_back();
        const int type = GEOSGeomTypeId_r(ctx(), g);
        if (type == GEOS_POLYGON) {
            out.push_back(wrap(GEOSGeom_clone_r(ctx(), g), "clone"));
        } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
            const int n = GEOSGetNumGeometries_r(ctx(), g);
            for (int i = n; i-- > 0;) stack.push_back(GEOSGetGeometryN_r(ctx(), g, i));
        }
    }
    return out;
}

Geometry Geometry::simplified_fast(double tolerance) const {
    if (empty()) return *this;
    return wrap(GEOSSimplify_r(ctx(), impl_->g, tolerance), "simplify");
}

Geometry Geometry::simplified(double tolerance) const {
    if (empty()) return *this;
    return wrap(GEOSTopologyPreserveSimplify_r(ctx(), impl_->g, tolerance), "simplify");
}

namespace {

void append_number(std::string& out, double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s(buf);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    out += s;
}

std::vector<Point> ring_points(const GEOSGeometry* ring) {
    std::vector<Point> pts;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &n)) return pts;
    pts.resize(n);
    for (unsigned int i = 0; i < n; ++i)
        GEOSCoordSeq_getXY_r(ctx(), seq, i, &pts[i].lon, &pts[i].lat);
    return pts;
}

void append_positions(std::string& out, const std::vector<Point>& pts, int decimals) {
    out += '[';
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (i) out += ',';
        out += '[';
        append_number(out, pts[i].lon, decimals);
        out += ',';
        append_number(out, pts[i].lat, decimals);
        out += ']';
    }
    out += ']';
}

// RFC 7946 section 3.1.6: exterior rings counter-clockwise, holes clockwise.
void append_ring(std::string& out, const GEOSGeometry* ring, bool exterior, int decimals) {
    auto pts = ring_points(ring);
    double twice_area = 0;
    for (std::size_t i = 0; i + 1 < pts.size(); ++i)
        twice_area += pts[i].lon * pts[i + 1].lat - pts[i + 1].lon * pts[i].lat;
    if ((twice_area > 0) != exterior) std::reverse(pts.begin(), pts.end());
    append_positions(out, pts, decimals);
}

void append_polygon_rings(std::string& out, const GEOSGeometry* poly, int decimals) {
    out += '[';
    append_ring(out, GEOSGetExteriorRing_r(ctx(), poly), true, decimals);
    const int holes = GEOSGetNumInteriorRings_r(ctx(), poly);
    for (int i = 0; i < holes; ++i) {
        out += ',';
        append_ring(out, GEOSGetInteriorRingN_r(ctx(), poly, i), false, decimals);
    }
    out += ']';
}

void append_geometry(std::string& out, const GEOSGeometry* g, int decimals) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    const int n = GEOSGetNumGeometries_r(ctx(), g);
    switch (type) {
        case GEOS_POINT: {
            double x = 0, y = 0;
            GEOSGeomGetX_r(ctx(), g, &x);
            GEOSGeomGetY_r(ctx(), g, &y);
            out += "{\"type\":\"Point\",\"coordinates\":[";
            append_number(out, x, decimals);
            out += ',';
            append_number(out, y, decimals);
            out += "]}";
            return;
        }
        case GEOS_LINESTRING:
        case GEOS_LINEARRING:
            out += "{\"type\":\"LineString\",\"coordinates\":";
            append_positions(out, ring_points(g), decimals);
            out += '}';
            return;
        case GEOS_POLYGON:
            out += "{\"type\":\"Polygon\",\"coordinates\":";
            append_polygon_rings(out, g, decimals);
            out += '}';
            return;
        case GEOS_MULTIPOLYGON:
            out += "{\"type\":\"MultiPolygon\",\"coordinates\":[";
            for (int i = 0; i < n; ++i) {
                if (i) out += ',';
                append_polygon_rings(out, GEOSGetGeometryN_r(ctx(), g, i), decimals);
            }
            out += "]}";
            return;
        case GEOS_MULTILINESTRING:
            out += "{\"type\":\"MultiLineString\",\"coordinates\":[";
            for (int i = 0; i < n; ++i) {
                if (i) out += ',';
                append_positions(out, ring_points(GEOSGetGeometryN_r(ctx(), g, i)), decimals);
            }
            out += "]}";
            return;
        default: {
            // A collection (what overlay can return): its polygons as one MultiPolygon.
            std::vector<const GEOSGeometry*> polys;
            for (int i = 0; i < n; ++i) {
                const GEOSGeometry* part = GEOSGetGeometryN_r(ctx(), g, i);
                const int t = GEOSGeomTypeId_r(ctx(), part);
                if (t == GEOS_POLYGON)
                    polys.push_back(part);
                else if (t == GEOS_MULTIPOLYGON)
                    for (int k = 0; k < GEOSGetNumGeometries_r(ctx(), part); ++k)
                        polys.push_back(GEOSGetGeometryN_r(ctx(), part, k));
            }
            out += "{\"type\":\"MultiPolygon\",\"coordinates\":[";
            for (std::size_t i = 0; i < polys.size(); ++i) {
                if (i) out += ',';
                append_polygon_rings(out, polys[i], decimals);
            }
            out += "]}";
        }
    }
}

}  // namespace

std::string Geometry::geojson(int decimals) const {
    if (empty()) return "null";
    std::string out;
    append_geometry(out, impl_->g, decimals);
    return out;
}

std::vector<Geometry::Path> Geometry::paths() const {
    std::vector<Path> out;
    if (empty()) return out;
    std::vector<const GEOSGeometry*> stack = {impl_->g};
    while (!stack.empty()) {
        const GEOSGeometry* g = stack.back();
        stack.pop_back();
        switch (GEOSGeomTypeId_r(ctx(), g)) {
            case GEOS_POINT: {
                Point p;
                GEOSGeomGetX_r(ctx(), g, &p.lon);
                GEOSGeomGetY_r(ctx(), g, &p.lat);
                out.push_back({{p}, false});
                break;
            }
            case GEOS_LINESTRING:
            case GEOS_LINEARRING:
                out.push_back({ring_points(g), false});
                break;
            case GEOS_POLYGON: {
                out.push_back({ring_points(GEOSGetExteriorRing_r(ctx(), g)), true});
                const int holes = GEOSGetNumInteriorRings_r(ctx(), g);
                for (int i = 0; i < holes; ++i)
                    out.push_back({ring_points(GEOSGetInteriorRingN_r(ctx(), g, i)), true});
                break;
            }
            default: {
                const int n = GEOSGetNumGeometries_r(ctx(), g);
                for (int i = n; i-- > 0;) stack.push_back(GEOSGetGeometryN_r(ctx(), g, i));
            }
        }
    }
    return out;
}

// --- PolygonIndex ---------------------------------------------------------------------------

struct PolygonIndex::Impl {
    struct Entry {
        Geometry geometry;
        const GEOSPreparedGeometry* prepared;
        std::int64_t id;
    };
    GEOSSTRtree* tree = GEOSSTRtree_create_r(ctx(), 10);
    std::vector<std::unique_ptr<Entry>> entries;

    ~Impl() {
        GEOSSTRtree_destroy_r(ctx(), tree);
        for (auto& e : entries) GEOSPreparedGeom_destroy_r(ctx(), e->prepared);
    }

    std::vector<const Entry*> query(const GEOSGeometry* g) const {
        std::vector<const Entry*> hits;
        GEOSSTRtree_query_r(
            ctx(), tree, g,
            [](void* item, void* data) {
                static_cast<std::vector<const Entry*>*>(data)->push_back(
                    static_cast<const Entry*>(item));
            },
            &hits);
        std::sort(hits.begin(), hits.end(),
                  [](const Entry* a, const Entry* b) { return a->id < b->id; });
        return hits;
    }
};

PolygonIndex::PolygonIndex() : impl_(std::make_unique<Impl>()) {}
PolygonIndex::~PolygonIndex() = default;

void PolygonIndex::add(const Geometry& polygon, std::int64_t id) {
    if (polygon.empty()) return;
    auto e =
        std::make_unique<Impl::Entry>(Impl::Entry{polygon, GEOSPrepare_r(ctx(), raw(polygon)), id});
    GEOSSTRtree_insert_r(ctx(), impl_->tree, raw(e->geometry), e.get());
    impl_->entries.push_back(std::move(e));
}

std::optional<std::int64_t> PolygonIndex::find(Point p) const {
    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(ctx(), p.lon, p.lat);
    std::optional<std::int64_t> found;
    for (const auto* e : impl_->query(pt)) {
        if (GEOSPreparedIntersects_r(ctx(), e->prepared, pt) == 1) {
            found = e->id;
            break;
        }
    }
    GEOSGeom_destroy_r(ctx(), pt);
    return found;
}

std::optional<std::int64_t> PolygonIndex::nearest(Point p, double max_degrees) const {
    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(ctx(), p.lon, p.lat);
    GEOSGeometry* box = GEOSGeom_createRectangle_r(ctx(), p.lon - max_degrees, p.lat - max_degrees,
                                                   p.lon + max_degrees, p.lat + max_degrees);
    std::optional<std::int64_t> best;
    double best_d = std::numeric_limits<double>::infinity();
    for (const auto* e : impl_->query(box)) {
        double d = 0;
        if (GEOSDistance_r(ctx(), raw(e->geometry), pt, &d) == 1 && d < best_d &&
            d <= max_degrees) {
            best_d = d;
            best = e->id;
        }
    }
    GEOSGeom_destroy_r(ctx(), box);
    GEOSGeom_destroy_r(ctx(), pt);
    return best;
}

}  // namespace mapwire::geometry
