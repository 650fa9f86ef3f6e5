// Geometry values and the operations mapwire needs on them (GEOS for topology, PROJ's
// geodesic routines for areas), behind a small value type so that no GEOS type leaks out.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace mapwire::geometry {

class GeometryError : public ErrorKind<GeometryError> {
public:
    using ErrorKind::ErrorKind;
};

struct Point {
    double lon = 0;
    double lat = 0;
};

struct Box {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
    bool contains(Point p) const {
        return p.lon >= min_lon && p.lon <= max_lon && p.lat >= min_lat && p.lat <= max_lat;
    }
};

// Great-circle distance between two lon/lat points, km (base/great_circle.hpp).
double great_circle_km(Point a, Point b);

// An immutable geometry in WGS84 longitude/latitude. Copying is cheap (shared).
class Geometry {
public:
    Geometry();  // empty
    static Geometry from_wkb(std::string_view wkb);
    static Geometry from_wkt(std::string_view wkt);
    static Geometry point(Point p);
    // Union of many geometries at once (GEOS cascaded union), empty for an empty list.
    static Geometry union_all(const std::vector<Geometry>& parts);

    bool empty() const;
    std::string type_name() const;  // "Polygon", "MultiPolygon", ...
    std::string wkb() const;        // ISO WKB, little-endian
    Box bounds() const;
    // The centroid when it lies inside the area, else a point on its surface: a label point
    // that is always inside (Croatia's centroid is not).
    Point representative_point() const;
    // Area on the WGS84 ellipsoid (Karney's algorithm as in PROJ), in km²; 0 for non-areas.
    double geodesic_area_km2() const;

    Geometry united(const Geometry& other) const;
    Geometry minus(const Geometry& other) const;
    Geometry intersection(const Geometry& other) const;
    bool contains(Point p) const;
    // Repairs invalid polygons (self-intersections in source data) so that overlay works.
    Geometry made_valid() const;
    // Every vertex passed through `f`, one coordinate run at a time: `f` gets interleaved x,y
    // pairs (n of them), so that a projection converts a whole ring in one call.
    Geometry transformed_runs(const std::function<void(double* xy, std::size_t n)>& f) const;
    // Adds vertices so that no segment is longer than `max_length` (so that projected
    // straight edges curve as they should).
    Geometry densified(double max_length) const;
    // The part inside an axis-aligned rectangle (fast, may leave invalid polygons' edges).
    Geometry clipped(const Box& box) const;

    // The geometry as drawable paths: each ring or line as a point list; `closed` for
    // polygon rings (fill them even-odd), open for lines; points as one-point paths.
    struct Path {
        std::vector<Point> points;
        bool closed = false;
    };
    std::vector<Path> paths() const;

    // The polygons of a (multi)polygon or collection, each on its own.
    std::vector<Geometry> polygons() const;
    // Douglas-Peucker simplification that keeps polygons valid (tolerance in degrees).
    Geometry simplified(double tolerance) const;
    // Plain Douglas-Peucker, much faster, may leave invalid polygons: for drawing only.
    Geometry simplified_fast(double tolerance) const;

    // The geometry as an RFC 7946 GeoJSON geometry object: longitude/latitude, exterior rings
    // counter-clockwise and holes clockwise, `decimals` places, no trailing zeros. Output
    // is byte-identical for the same geometry. Empty geometries give "null".
    std::string geojson(int decimals = 6) const;

    struct Impl;
    explicit Geometry(std::shared_ptr<const Impl> impl);
    const Impl* impl() const { return impl_.get(); }

private:
    std::shared_ptr<const Impl> impl_;
};

// Finds which of many polygons contains a point (STR-tree over prepared geometries).
class PolygonIndex {
public:
    PolygonIndex();
    ~PolygonIndex();
    PolygonIndex(const PolygonIndex&) = delete;
    PolygonIndex& operator=(const PolygonIndex&) = delete;

    void add(const Geometry& polygon, std::int64_t id);
    // The id of a containing polygon, or nullopt; the lowest id wins where polygons overlap.
    std::optional<std::int64_t> find(Point p) const;
    // The id of the polygon nearest to p within max_degrees, for points just off a coast.
    std::optional<std::int64_t> nearest(Point p, double max_degrees) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace mapwire::geometry
