// Projection over PROJ's C API, one context per Projection.
#include "geometry/projection.hpp"

#include <ogr_spatialref.h>
#include <proj.h>

#include <cmath>
#include <cstdio>
#include <limits>

namespace mapwire::geometry {

struct Projection::Impl {
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* pj = nullptr;
    ~Impl() {
        if (pj) proj_destroy(pj);
        proj_context_destroy(ctx);
    }
};

Projection::Projection(const std::string& definition)
    : impl_(std::make_unique<Impl>()), definition_(definition) {
    proj_log_level(impl_->ctx, PJ_LOG_NONE);
    proj_context_set_enable_network(impl_->ctx, 0);  // no grids fetched from the CDN
    // "+init=FILE:KEY" makes PROJ read any file it is pointed at: projections are given in
    // full or by EPSG code.
    if (definition.find("init=") != std::string::npos)
        throw std::move(GeometryError("PROJ '+init=' files are not accepted", ExitCode::bad_input,
                                      "give the projection in full (+proj=...) or as an EPSG "
                                      "code such as EPSG:3035")
                            .with_value(definition));
    PJ* raw = proj_create_crs_to_crs(impl_->ctx, "EPSG:4326", definition.c_str(), nullptr);
    if (!raw)
        throw std::move(
            GeometryError("PROJ cannot use this projection", ExitCode::bad_input,
                          "give a PROJ string such as '+proj=lcc +lat_1=45 +lat_2=55 +lon_0=34' "
                          "or an EPSG code such as EPSG:3035")
                .with_value(definition));
    // Longitude first, whatever the CRS's axis order.
    impl_->pj = proj_normalize_for_visualization(impl_->ctx, raw);
    proj_destroy(raw);
    if (!impl_->pj)
        throw std::move(
            GeometryError("PROJ cannot normalise this projection").with_value(definition));
}

Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

Projection Projection::conic_for(const Box& box) {
    const double span = box.max_lat - box.min_lat;
    const double lat1 = box.min_lat + span / 6, lat2 = box.max_lat - span / 6;
    const double lat0 = (box.min_lat + box.max_lat) / 2, lon0 = (box.min_lon + box.max_lon) / 2;
    char def[256];
    std::snprintf(
        def, sizeof def,
        "+proj=lcc +lat_1=%.4f +lat_2=%.4f +lat_0=%.4f +lon_0=%.4f +datum=WGS84 +units=m +no_defs",
        lat1, lat2, lat0, lon0);
    return Projection(def);
}

Point Projection::forward(Point p) const {
    const PJ_COORD out = proj_trans(impl_->pj, PJ_FWD, proj_coord(p.lon, p.lat, 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y) || out.xy.x == HUGE_VAL)
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    return {out.xy.x, out.xy.y};
}

Point Projection::inverse(Point p) const {
    const PJ_COORD out = proj_trans(impl_->pj, PJ_INV, proj_coord(p.lon, p.lat, 0, 0));
    return {out.lp.lam, out.lp.phi};
}

Geometry Projection::forward(const Geometry& g) const {
    // A ring at a time through proj_trans_generic: one call per point costs several times more.
    return g.transformed_runs([this](double* xy, std::size_t n) {
        proj_trans_generic(impl_->pj, PJ_FWD, xy, 2 * sizeof(double), n, xy + 1, 2 * sizeof(double),
                           n, nullptr, 0, 0, nullptr, 0, 0);
    });
}

std::string Projection::wkt(bool esri) const {
    // GDAL's spatial reference reads a bare PROJ string ("+proj=lcc ...") as a CRS, which
    // PROJ's own proj_create does not; the definition was checked when the view was made.
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(definition_.c_str()) != OGRERR_NONE)
        throw std::move(
            GeometryError("cannot describe the projection as WKT").with_value(definition_));
    char* wkt = nullptr;
    const char* options[] = {esri ? "FORMAT=WKT1_ESRI" : "FORMAT=WKT1_GDAL", nullptr};
    if (srs.exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw std::move(
            GeometryError("cannot describe the projection as WKT").with_value(definition_));
    }
    std::string out(wkt);
    CPLFree(wkt);
    return out;
}

}  // namespace mapwire::geometry
