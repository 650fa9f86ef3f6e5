// Render module, what a map's files say of it: title, description, keywords, dates, and the
// extent of a page about one place. A small gazetteer written here; no dataset.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index_writer.hpp"
#include "render/detail/map_metadata.hpp"
#include "render/detail/wording.hpp"
#include "render/map.hpp"

namespace mapwire {
namespace {

using gazetteer::PlaceType;

gazetteer::Place town(const char* name) {
    gazetteer::Place p;
    p.id = "geonames:1";
    p.name = name;
    p.type = PlaceType::place;
    return p;
}

events::Event event_at(events::EventType type, std::optional<gazetteer::Place> where) {
    events::Event e;
    e.type = type;
    e.location = where;
    return e;
}

// One country, Ukraine, in an index of its own.
class OneCountry : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        path_ = (std::filesystem::temp_directory_path() /
                 ("mapwire-metadata-" + std::to_string(::getpid()) + ".idx"))
                    .string();
        gazetteer::IndexWriter w;
        gazetteer::PlaceEntry ua{
            .id = "country:UA", .name = "Ukraine", .country = "UA", .iso_code = "UA"};
        ua.type = PlaceType::admin0;
        w.add(ua);
        w.write(path_, "{}");
    }
    static void TearDownTestSuite() { std::filesystem::remove(path_); }
    static std::string path_;
};
std::string OneCountry::path_;

TEST(MapTitle, TheFirstLocatedEventElseReportedEvents) {
    events::Extraction x;
    EXPECT_EQ(render::default_title(x), "Reported events");
    x.events = {event_at(events::EventType::protests, std::nullopt)};
    EXPECT_EQ(render::default_title(x), "Reported events");  // no event located
    x.events.push_back(event_at(events::EventType::battles, town("Pokrovsk")));
    const std::string title = render::default_title(x);
    EXPECT_EQ(title, render::detail::title_of(x.events));
    EXPECT_NE(title.find("Pokrovsk"), std::string::npos) << title;
}

TEST_F(OneCountry, TheDescriptionNamesTheCountryAndTheFirstFiveEvents) {
    const auto g = gazetteer::Gazetteer::open(path_);
    events::Extraction x;
    x.places.focus_country = "UA";
    x.events = {event_at(events::EventType::battles, town("Pokrovsk"))};
    EXPECT_EQ(render::default_description(x, g), "Map of Ukraine showing 1 reported event: " +
                                                     render::detail::event_phrase(x.events[0]) +
                                                     ".");
    for (int i = 0; i < 6; ++i)
        x.events.push_back(event_at(events::EventType::explosions_remote_violence, town("Izium")));
    const std::string seven = render::default_description(x, g);
    EXPECT_EQ(seven.rfind("Map of Ukraine showing 7 reported events: ", 0), 0u) << seven;
    EXPECT_TRUE(seven.ends_with("; and 2 more.")) << seven;
    EXPECT_EQ(std::count(seven.begin(), seven.end(), ';'), 5) << seven;  // five named, then "and"
    x.places.focus_country = "XK";  // not in the gazetteer: its code
    EXPECT_EQ(render::default_description(x, g).rfind("Map of XK showing", 0), 0u);
    x.places.focus_country.clear();
    x.events.clear();
    EXPECT_EQ(render::default_description(x, g), "Map of the area showing 0 reported events.");
}

TEST(MapKeywords, EventTypesAndPlacesEachOnceInTextOrder) {
    events::Extraction x;
    EXPECT_EQ(render::detail::keywords(x), "");
    x.events = {event_at(events::EventType::battles, town("Pokrovsk")),
                event_at(events::EventType::protests, std::nullopt),
                event_at(events::EventType::battles, town("Izium")),
                event_at(events::EventType::protests, town("Pokrovsk"))};
    const std::string battles(to_string(events::EventType::battles)),
        protests(to_string(events::EventType::protests));
    EXPECT_EQ(render::detail::keywords(x), battles + ", Pokrovsk, " + protests + ", Izium");
}

TEST(MapDates, CreationDateFromTheOptionsElseSourceDateEpochNeverTheClock) {
    render::MapOptions o;
    const char* saved = std::getenv("SOURCE_DATE_EPOCH");
    const std::optional<std::string> before =
        saved ? std::optional<std::string>(saved) : std::nullopt;
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(render::detail::creation_date(o), "1970-01-01T00:00:00Z");
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    EXPECT_EQ(render::detail::creation_date(o), "2023-11-14T22:13:20Z");
    o.creation_date = "2025-04-09T12:00:00Z";
    EXPECT_EQ(render::detail::creation_date(o), "2025-04-09T12:00:00Z");
    if (before)
        ::setenv("SOURCE_DATE_EPOCH", before->c_str(), 1);
    else
        ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST(MapDates, TheControlLayersDateComesFromItsFileName) {
    EXPECT_EQ(render::control_layer_date("/x/occupied-2024-07-08.geojson"), "2024-07-08");
    EXPECT_EQ(render::control_layer_date("areas_20260822.gpkg"), "2026-08-22");
    EXPECT_EQ(render::control_layer_date("2025-13-01-areas.geojson"), "");   // no month 13
    EXPECT_EQ(render::control_layer_date("areas-1899-01-01.geojson"), "");   // too early
    EXPECT_EQ(render::control_layer_date("areas-2024-01-32.geojson"), "");   // no day 32
    EXPECT_EQ(render::control_layer_date("layer-123456789.geojson"), "");    // a longer number
    EXPECT_EQ(render::control_layer_date("/2024-07-08/areas.geojson"), "");  // the folder's
    EXPECT_EQ(render::control_layer_date("areas.geojson"), "");
    // A date given (--control-date, control_date:) outranks the file name's.
    render::MapOptions o;
    o.control_layer = "/x/occupied-2024-07-08.geojson";
    EXPECT_EQ(render::control_date_of(o), "2024-07-08");
    o.control_date = "2024-06-30";
    EXPECT_EQ(render::control_date_of(o), "2024-06-30");
}

TEST(MapExtent, ATownWithADegreeAroundAnAreaWithAQuarterOfItsSize) {
    gazetteer::Place p = town("Pokrovsk");
    p.lon = 37.18, p.lat = 48.28;
    const render::LonLatBox t = render::extent_around(p);
    EXPECT_DOUBLE_EQ(t.min_lon, 37.18 - 1.2);
    EXPECT_DOUBLE_EQ(t.max_lon, 37.18 + 1.2);
    EXPECT_DOUBLE_EQ(t.min_lat, 48.28 - 0.8);
    EXPECT_DOUBLE_EQ(t.max_lat, 48.28 + 0.8);
    p.type = PlaceType::admin1;
    p.min_lon = 36, p.max_lon = 40, p.min_lat = 47, p.max_lat = 47.4f;  // 4 x 0.4 degrees
    const render::LonLatBox a = render::extent_around(p);
    EXPECT_DOUBLE_EQ(a.min_lon, 36 - 1.0);  // a quarter of 4
    EXPECT_DOUBLE_EQ(a.max_lon, 40 + 1.0);
    EXPECT_NEAR(a.min_lat, 47 - 0.2, 1e-5);  // at least 0.2 either side
    EXPECT_NEAR(a.max_lat, 47.4 + 0.2, 1e-5);
    EXPECT_TRUE(a.valid());
}

}  // namespace
}  // namespace mapwire
