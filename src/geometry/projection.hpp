// Map projections (PROJ): from WGS84 longitude/latitude to a projected plane in metres.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "geometry/geometry.hpp"

namespace mapwire::geometry {

class Projection {
public:
    // `definition`: a PROJ string ("+proj=lcc ..."), "EPSG:3035", or any CRS PROJ knows.
    // Throws GeometryError naming the definition when PROJ cannot use it.
    explicit Projection(const std::string& definition);
    ~Projection();
    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;

    // Lambert conformal conic fitted to a box: standard parallels at 1/6 and 5/6 of its
    // latitude span, centred on it (the usual choice for mid-latitude regions).
    static Projection conic_for(const Box& box);

    const std::string& definition() const { return definition_; }
    // The CRS as WKT: ESRI's (for a .prj file beside an image) or OGC WKT 1 (for GDAL's
    // .aux.xml, which GDAL and QGIS read for a PNG).
    std::string wkt(bool esri) const;
    // Projects one point; NaN coordinates when it is outside the projection's domain.
    Point forward(Point lonlat) const;
    Point inverse(Point xy) const;
    // Projects every vertex of a geometry (lon/lat in, metres out).
    Geometry forward(const Geometry& g) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string definition_;
};

}  // namespace mapwire::geometry
