// Render module, the map view: extent from an extraction, fit to the frame, the screen
// transform and its scale. No dataset: places are made up here, the projection is PROJ's.
#include <gtest/gtest.h>

#include <cmath>

#include "render/map_view.hpp"

namespace mapwire {
namespace {

using geometry::Box;
using render::MapView;
using render::Rect;

gazetteer::Place town(double lon, double lat) {
    gazetteer::Place p;
    p.id = "geonames:1";
    p.name = "Town";
    p.type = gazetteer::PlaceType::place;
    p.lon = p.label_lon = lon;
    p.lat = p.label_lat = lat;
    return p;
}

events::Extraction with_events_at(const std::vector<gazetteer::Place>& places) {
    events::Extraction x;
    for (const auto& p : places) {
        events::Event e;
        e.type = events::EventType::battles;
        e.location = p;
        x.events.push_back(e);
    }
    return x;
}

MapView view_of(const Box& extent, const Rect& frame, double fit_bottom = 0) {
    return MapView(extent, render::projection_for(extent, ""), frame, fit_bottom);
}

TEST(MapExtent, EventsPaddedASingleTownGetsSurroundings) {
    const Box b = render::choose_extent(with_events_at({town(37.5, 48.0)}), {});
    EXPECT_DOUBLE_EQ(b.min_lon, 37.5 - 0.6);
    EXPECT_DOUBLE_EQ(b.max_lon, 37.5 + 0.6);
    EXPECT_DOUBLE_EQ(b.min_lat, 48.0 - 0.4);
    EXPECT_DOUBLE_EQ(b.max_lat, 48.0 + 0.4);
    // Two towns ten degrees apart: padded by 8 % of the span.
    const Box wide = render::choose_extent(with_events_at({town(30, 45), town(40, 50)}), {});
    EXPECT_NEAR(wide.min_lon, 30 - 0.8, 1e-9);
    EXPECT_NEAR(wide.max_lat, 50 + 0.4, 1e-9);
}

TEST(MapExtent, TheOptionsExtentAsGivenClampedShortOfThePoles) {
    render::MapOptions o;
    o.extent = render::LonLatBox{10, -89, 20, 89};
    const Box b = render::choose_extent(with_events_at({town(37.5, 48.0)}), o);
    EXPECT_EQ(b.min_lon, 10);
    EXPECT_EQ(b.max_lon, 20);
    EXPECT_EQ(b.min_lat, -85);
    EXPECT_EQ(b.max_lat, 85);
}

TEST(MapExtent, NothingLocatedIsAnError) {
    EXPECT_THROW(render::choose_extent(events::Extraction{}, {}), render::RenderError);
}

TEST(MapView, TheExtentFillsTheFrameCentred) {
    const Box extent{30, 45, 40, 50};
    const Rect frame{0, 74, 1200, 600};
    const MapView view = view_of(extent, frame);
    // Every corner of the extent on the map, and its centre near the frame's centre.
    for (const geometry::Point p : {geometry::Point{30, 45}, {40, 45}, {30, 50}, {40, 50}}) {
        const auto s = view.to_screen(p);
        EXPECT_GE(s.x, frame.x - 1e-6);
        EXPECT_LE(s.x, frame.x + frame.w + 1e-6);
        EXPECT_GE(s.y, frame.y - 1e-6);
        EXPECT_LE(s.y, frame.y + frame.h + 1e-6);
    }
    const auto c = view.to_screen({35, 47.5});
    EXPECT_NEAR(c.x, frame.x + frame.w / 2, 5);
    EXPECT_NEAR(c.y, frame.y + frame.h / 2, 15);
    // North is up, east is right.
    EXPECT_LT(view.to_screen({35, 49}).y, view.to_screen({35, 46}).y);
    EXPECT_LT(view.to_screen({32, 47.5}).x, view.to_screen({38, 47.5}).x);
    // The read box covers the frame with a margin.
    EXPECT_LT(view.read_box().min_lon, extent.min_lon);
    EXPECT_GT(view.read_box().max_lat, extent.max_lat);
}

TEST(MapView, ScaleIsTrueAtTheCentre) {
    const MapView view = view_of({30, 45, 40, 50}, {0, 0, 1000, 600});
    const auto a = view.to_screen({35, 47.5}), b = view.to_screen({36, 47.5});
    const double km = geometry::great_circle_km({35, 47.5}, {36, 47.5});
    EXPECT_NEAR(km / std::hypot(b.x - a.x, b.y - a.y), view.km_per_px(), view.km_per_px() * 0.02);
    // A degree of latitude is about 111 km.
    EXPECT_NEAR(geometry::great_circle_km({35, 47}, {35, 48}), 111.2, 0.1);
}

TEST(MapView, ALegendStripKeepsTheExtentAboveIt) {
    const Box extent{30, 45, 40, 50};
    const Rect frame{0, 0, 1000, 600};
    const MapView strip = view_of(extent, frame, 100);
    // The extent's southern edge lies above the strip, and the map goes on under it.
    EXPECT_LE(strip.to_screen({35, 45}).y, 500 + 1e-6);
    EXPECT_LT(strip.read_box().min_lat, 45);
}

TEST(MapView, ScreenPathsAndWhatShowsInTheFrame) {
    const MapView view = view_of({30, 45, 40, 50}, {0, 0, 1000, 600});
    const auto square =
        geometry::Geometry::from_wkt("POLYGON((33 46, 37 46, 37 49, 33 49, 33 46))");
    const render::Paths paths = view.screen(square);
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_TRUE(paths[0].closed);
    EXPECT_GE(paths[0].points.size(), 4u);
    EXPECT_TRUE(view.shows(paths));
    const render::Paths off_map = {{{{-50, -50}, {-10, -10}}, false}};
    EXPECT_FALSE(view.shows(off_map));
    // A ring around the whole frame shows, though no vertex lies in it.
    const render::Paths around = {{{{-10, -10}, {2000, -10}, {2000, 2000}, {-10, 2000}}, true}};
    EXPECT_TRUE(view.shows(around));
}

}  // namespace
}  // namespace mapwire
