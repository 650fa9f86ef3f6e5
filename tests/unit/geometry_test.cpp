// Geodesic areas, representative points, overlay and point-in-polygon on known shapes.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "geometry/datasource.hpp"
#include "geometry/geometry.hpp"
#include "geometry/vector_io.hpp"

namespace mapwire::geometry {

TEST(Geometry, GeodesicAreaOfOneDegreeCellAtEquator) {
    // A 1x1 degree cell at the equator on WGS84: 12,308.8 km² (Karney, GeographicLib Planimeter).
    const auto cell = Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))");
    EXPECT_NEAR(cell.geodesic_area_km2(), 12308.78, 0.5);
    // Winding does not change the area.
    const auto reversed = Geometry::from_wkt("POLYGON((0 0,0 1,1 1,1 0,0 0))");
    EXPECT_NEAR(reversed.geodesic_area_km2(), cell.geodesic_area_km2(), 1e-6);
}

TEST(Geometry, AreaSubtractsHolesAndAddsParts) {
    const auto holed = Geometry::from_wkt(
        "POLYGON((0 0,2 0,2 2,0 2,0 0),(0.5 0.5,1.5 0.5,1.5 1.5,0.5 1.5,0.5 0.5))");
    const auto outer = Geometry::from_wkt("POLYGON((0 0,2 0,2 2,0 2,0 0))");
    const auto hole = Geometry::from_wkt("POLYGON((0.5 0.5,1.5 0.5,1.5 1.5,0.5 1.5,0.5 0.5))");
    EXPECT_NEAR(holed.geodesic_area_km2(), outer.geodesic_area_km2() - hole.geodesic_area_km2(),
                1e-6);
    const auto multi =
        Geometry::from_wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((10 0,11 0,11 1,10 1,10 0)))");
    EXPECT_NEAR(multi.geodesic_area_km2(), 2 * 12308.78, 1.0);
    EXPECT_EQ(Geometry::from_wkt("LINESTRING(0 0,1 1)").geodesic_area_km2(), 0.0);
}

TEST(Geometry, RepresentativePointLiesInsideConcaveShapes) {
    // A "C" shape whose centroid falls in the notch.
    const auto c = Geometry::from_wkt("POLYGON((0 0,3 0,3 1,1 1,1 2,3 2,3 3,0 3,0 0))");
    const Point p = c.representative_point();
    EXPECT_TRUE(c.contains(p));
}

TEST(Geometry, UnionDifferenceAndBounds) {
    const auto a = Geometry::from_wkt("POLYGON((0 0,2 0,2 2,0 2,0 0))");
    const auto b = Geometry::from_wkt("POLYGON((1 0,3 0,3 2,1 2,1 0))");
    const auto u = a.united(b);
    EXPECT_NEAR(u.bounds().max_lon, 3.0, 1e-12);
    // Geodesic edges make areas not exactly additive across split edges; 0.1 % is plenty.
    EXPECT_NEAR(u.geodesic_area_km2(), 3 * a.geodesic_area_km2() / 2, 75.0);
    const auto d = a.minus(b);
    EXPECT_NEAR(d.geodesic_area_km2(), a.geodesic_area_km2() / 2, 25.0);
    EXPECT_FALSE(d.contains({1.5, 1.0}));
    const auto all = Geometry::union_all({a, b, Geometry()});
    EXPECT_NEAR(all.geodesic_area_km2(), u.geodesic_area_km2(), 1e-6);
}

TEST(Geometry, MakeValidRepairsBowTie) {
    const auto bow = Geometry::from_wkt("POLYGON((0 0,2 2,2 0,0 2,0 0))");
    const auto fixed = bow.made_valid();
    EXPECT_GT(fixed.geodesic_area_km2(), 0.0);
    EXPECT_TRUE(fixed.type_name() == "MultiPolygon" || fixed.type_name() == "Polygon");
}

TEST(Geometry, BadWktIsAnInputError) {
    EXPECT_THROW(Geometry::from_wkt("POLYGON((0 0, 1"), GeometryError);
}

TEST(PolygonIndex, FindsContainingAndNearestPolygon) {
    PolygonIndex index;
    index.add(Geometry::from_wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"), 10);
    index.add(Geometry::from_wkt("POLYGON((1 0,2 0,2 1,1 1,1 0))"), 20);
    EXPECT_EQ(index.find({0.5, 0.5}), 10);
    EXPECT_EQ(index.find({1.5, 0.5}), 20);
    EXPECT_FALSE(index.find({5, 5}).has_value());
    EXPECT_EQ(index.nearest({2.1, 0.5}, 0.25), 20);
    EXPECT_FALSE(index.nearest({3, 0.5}, 0.25).has_value());
}

TEST(VectorIo, MissingFileNamesThePath) {
    try {
        read_features("/nonexistent/borders.shp");
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(e.context().file, "/nonexistent/borders.shp");
    }
}

TEST(VectorIo, LayersInOtherCoordinateSystemsArriveInLonLat) {
    // A point in Web Mercator (EPSG:3857): 36.25 E, 50 N.
    const std::string path = ::testing::TempDir() + "mercator-point.geojson";
    {
        std::ofstream out(path);
        out << R"({"type": "FeatureCollection",
          "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
          "features": [{"type": "Feature", "properties": {"name": "a"},
            "geometry": {"type": "Point", "coordinates": [4035331.54, 6446275.84]}}]})";
    }
    const auto features = read_features(path);
    ASSERT_EQ(features.size(), 1u);
    const Box b = features[0].geometry().bounds();
    EXPECT_NEAR(b.min_lon, 36.25, 1e-6);
    EXPECT_NEAR(b.min_lat, 50.0, 1e-6);
    // The box filter applies after the transformation.
    ReadOptions outside;
    outside.bbox = Box{0, 0, 10, 10};
    EXPECT_TRUE(read_features(path, outside).empty());
    ReadOptions inside;
    inside.bbox = Box{36, 49, 37, 51};
    EXPECT_EQ(read_features(path, inside).size(), 1u);
    std::remove(path.c_str());
}

TEST(VectorIo, BadAttributeFilterNamesTheClause) {
    const std::string path = ::testing::TempDir() + "filter.geojson";
    {
        std::ofstream out(path);
        out << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
          "properties": {"kind": "zone"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]})";
    }
    EXPECT_NO_THROW(check_layer(
        path, {.layer = {}, .encoding = {}, .where = "kind = 'zone'", .bbox = std::nullopt}));
    try {
        check_layer(path,
                    {.layer = {}, .encoding = {}, .where = "kind = = 'x'", .bbox = std::nullopt});
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_NE(e.message().find("invalid attribute filter"), std::string::npos);
        EXPECT_EQ(e.context().value, "kind = = 'x'");
        EXPECT_EQ(e.message().find('\n'), std::string::npos) << "one line";
    }
    std::remove(path.c_str());
}

}  // namespace mapwire::geometry

TEST(Datasource, ErrorsHideThePasswordOnly) {
    using mapwire::geometry::redacted;
    EXPECT_EQ(redacted("PG:dbname=news user=u password=hunter2 host=db"),
              "PG:dbname=news user=u password=*** host=db");
    EXPECT_EQ(redacted("PG:PASSWORD = 'two words' dbname=news"), "PG:PASSWORD = *** dbname=news");
    EXPECT_EQ(redacted("PG:dbname=password_log"), "PG:dbname=password_log");
    EXPECT_EQ(redacted("out/archive.gpkg"), "out/archive.gpkg");
}
