// `mapwire render CONFIG`: every configuration error at once with file:line:column and nothing
// written; the example configuration renders every map; --check, --only, parallel jobs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

#include "base/error.hpp"
#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;

struct Result {
    int code;
    std::string out, err;
};

Result render(std::vector<std::string> args) {
    args.insert(args.begin(), {"mapwire", "--data", testing::dataset_dir(), "render"});
    std::ostringstream o, e;
    const int code = cli::run(args, o, e);
    return {code, o.str(), e.str()};
}

TEST(RenderConfig, EveryErrorAtOnceAndNothingWritten) {
    const std::string config = std::string(MAPWIRE_TEST_DATA) + "/configs/errors.yaml";
    const fs::path out = fs::path(MAPWIRE_TEST_DATA) / "configs" / "out";
    fs::remove_all(out);
    // The test's configuration reads the examples beside the tests: trusted, so that the
    // errors behind the confinement are reached too (the confinement has hostile.json cases).
    const auto r = render({config, "--allow-outside"});
    EXPECT_EQ(r.code, static_cast<int>(ExitCode::bad_input));
    for (const char* want :
         {"errors.yaml:4:3: unknown key 'sise' in defaults (did you mean 'size'?)",
          "errors.yaml:9:5: unknown key 'titel'", "did you mean 'title'?",
          "errors.yaml:7:14: file not found: missing-article.txt",
          "errors.yaml:8:11: 'date' must be YYYY-MM-DD",
          "errors.yaml:13:10: 'dpi' must be a number",
          "unknown admin-1 unit 'Zaporozia Oblast' (did you mean Zaporizhzhia Oblast?)",
          "errors.yaml:14:11: 'name' must be a plain name",
          "'control' must be a local file (a configuration cannot read from the network)",
          "errors.yaml:20:15: 'fill' is not a colour",
          "errors.yaml:19:16: invalid attribute filter",
          "errors.yaml:23:13: unknown place 'Zaporozia'",
          "errors.yaml:25:13: 'at' must be a place name or [lon, lat] in degrees",
          "errors.yaml:27:7: style_overrides: unknown key 'river.colour' (did you mean "
          "'river.color'?)",
          "errors.yaml:32:32: 'Kupiansk' is a town, not a unit",
          "errors.yaml:32:42: unknown place 'Narnia Oblast'",
          "errors.yaml:35:20: 'each' must be unit, control or event"})
        EXPECT_NE(r.err.find(want), std::string::npos) << want << "\n" << r.err;
    EXPECT_FALSE(fs::exists(out)) << "nothing may be written for an invalid configuration";
    // --check reports the same.
    EXPECT_EQ(render({config, "--check", "--allow-outside"}).code,
              static_cast<int>(ExitCode::bad_input));
    // Without trust, the files outside are refused by name, at their line.
    const auto confined = render({config, "--check"});
    EXPECT_NE(confined.err.find("errors.yaml:11:14: 'article' is outside the configuration's "
                                "folder: ../../../examples/article-kharkiv.txt"),
              std::string::npos)
        << confined.err;
}

TEST(RenderConfig, BrokenYamlNamesTheLine) {
    const fs::path bad =
        fs::temp_directory_path() / ("mapwire-bad-" + std::to_string(::getpid()) + ".yaml");
    { std::ofstream(bad) << "maps:\n  - name: a\n    article: [unclosed\n"; }
    const auto r = render({bad.string()});
    EXPECT_EQ(r.code, static_cast<int>(ExitCode::bad_input));
    EXPECT_NE(r.err.find(bad.string() + ":"), std::string::npos) << r.err;
    fs::remove(bad);
}

// A naming policy the program does not know, and an override that is no text, are named at
// their lines, with what to write instead.
TEST(RenderConfig, BadNamingPolicyIsNamedAtItsLine) {
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-names-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "a.txt") << "Shelling hit Kharkiv on Monday.\n";
    const fs::path config = dir / "maps.yaml";
    std::ofstream(config) << "maps:\n  - name: a\n    article: a.txt\n    names: klingon\n"
                             "    name_overrides: {Kyiv: [Kiev]}\n";
    const auto r = render({config.string(), "--check"});
    EXPECT_EQ(r.code, static_cast<int>(ExitCode::bad_input));
    EXPECT_NE(r.err.find("maps.yaml:4:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("'names' must be english, local or both"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("maps.yaml:5:"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(RenderConfig, ExampleRendersEveryMapInParallel) {
    const std::string config = std::string(MAPWIRE_TEST_DATA) + "/../../examples/maps.yaml";
    const auto check = render({config, "--check"});
    ASSERT_EQ(check.code, 0) << check.err;
    EXPECT_NE(check.out.find("ok, 6 maps"), std::string::npos) << check.out;

    // Render a copy whose output folder is temporary.
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-config-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::create_directories(dir / "layers");
    for (const char* f : {"article-kharkiv.txt", "article-sudan.txt", "article-gaza.txt",
                          "layers/kharkiv-sample-sites.geojson"})
        fs::copy_file(fs::path(MAPWIRE_TEST_DATA) / "../../examples" / f, dir / f,
                      fs::copy_options::overwrite_existing);
    std::string yaml = testing::read_text(config);
    yaml.replace(yaml.find("output_dir: out"), 15, "output_dir: maps");
    { std::ofstream(dir / "maps.yaml") << yaml; }
    const auto r = render({(dir / "maps.yaml").string(), "--jobs", "2"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("rendered 6 of 6 maps"), std::string::npos) << r.out;
    for (const char* f :
         {"kharkiv/map.png", "kharkiv/map.svg", "kharkiv/map.pdf", "kharkiv/events.geojson",
          "kharkiv/map.html", "sudan/map.png", "sudan/map.html", "gaza/map.png", "gaza/map.svg"})
        EXPECT_TRUE(fs::exists(dir / "maps" / f)) << f;
    EXPECT_FALSE(fs::exists(dir / "maps" / "gaza" / "map.pdf"));  // formats: [png, svg]
    EXPECT_FALSE(fs::exists(dir / "maps" / "gaza" / "map.html"));
    // A series' pages: a web map each; an event's page links the events of the whole series.
    EXPECT_TRUE(fs::exists(dir / "maps" / "kharkiv-units-donetsk-oblast" / "map.html"));
    EXPECT_NE(
        testing::read_text((dir / "maps" / "kharkiv-events" / "event-01" / "map.html").string())
            .find("href=\"../events.geojson\""),
        std::string::npos);
    EXPECT_TRUE(fs::exists(dir / "maps" / "kharkiv-events" / "events.geojson"));
    // Extra layers in order with their filters, annotations, GeoPackage and KML outputs.
    const std::string svg = testing::read_text((dir / "maps" / "kharkiv" / "map.svg").string());
    for (const char* want : {"Sample site A", "Sample site B", "Kupiansk rail junction",
                             "Sample note at a coordinate", "Sample zone (illustrative)"})
        EXPECT_NE(svg.find(want), std::string::npos) << want;
    EXPECT_EQ(svg.find("Excluded site"), std::string::npos) << "the attribute filter applies";
    // Series: one map per unit (fitted to it, named in the subtitle), one per located event.
    for (const char* f :
         {"kharkiv-units-kharkiv-oblast/map.png", "kharkiv-units-donetsk-oblast/map.png",
          "kharkiv-events/event-01/map.png", "kharkiv-events/event-07/map.png"})
        EXPECT_TRUE(fs::exists(dir / "maps" / f)) << f;
    EXPECT_FALSE(fs::exists(dir / "maps" / "kharkiv-events" / "event-08"));
    // The legend lists only what the frame shows: battles near Donetsk, not the strike on Kyiv.
    const std::string unit_page =
        testing::read_text((dir / "maps" / "kharkiv-units-donetsk-oblast" / "map.svg").string());
    EXPECT_NE(unit_page.find(">Battles<"), std::string::npos);
    EXPECT_EQ(unit_page.find(">Strategic developments<"), std::string::npos);
    EXPECT_NE(unit_page.find(">Donetsk Oblast<"), std::string::npos);  // the subtitle
    // Outputs are deterministic: a rerun gives the same bytes, GeoPackage included.
    {
        std::map<std::string, std::string> first;
        for (const char* f : {"map.svg", "map.gpkg", "map.kml", "events.geojson"})
            first[f] = testing::read_text((dir / "maps" / "kharkiv" / f).string());
        ASSERT_EQ(render({(dir / "maps.yaml").string(), "--only", "kharkiv"}).code, 0);
        for (const auto& [f, bytes] : first)
            EXPECT_EQ(testing::read_text((dir / "maps" / "kharkiv" / f).string()), bytes) << f;
    }
    // Style overrides reach the drawing: sudan's highlight colour is replaced.
    const std::string sudan = testing::read_text((dir / "maps" / "sudan" / "map.svg").string());
    EXPECT_NE(sudan.find("fill=\"#fdae6b\""), std::string::npos);
    EXPECT_NE(sudan.find("Graphic: mapwire examples"), std::string::npos);  // credits
    EXPECT_LT(svg.find("fill=\"#6a3d9a\" fill-opacity"), svg.find("fill=\"#1f78b4\""))
        << "layers drawn in the order given";
    for (const char* f : {"map.gpkg", "map.kml"}) {
        const std::string info =
            testing::run_tool("ogrinfo -q '" + (dir / "maps" / "kharkiv" / f).string() + "'");
        for (const char* layer : {"events", "places", "areas", "figures"})
            EXPECT_NE(info.find(layer), std::string::npos) << f << ": " << info;
        EXPECT_EQ(info.find("(exit"), std::string::npos) << info;
    }
    // KML placemarks say what they are and when, in the map's colours: Google Earth lists
    // them by name and its time slider works.
    const std::string kml = testing::read_text((dir / "maps" / "kharkiv" / "map.kml").string());
    EXPECT_NE(kml.find("<name>Air/drone strike in Kharkiv</name>"), std::string::npos);
    EXPECT_NE(kml.find("<TimeStamp>"), std::string::npos);
    EXPECT_NE(kml.find("<IconStyle>"), std::string::npos);
    EXPECT_NE(kml.find("<PolyStyle>"), std::string::npos);
    EXPECT_EQ(kml.find("2025/03/"), std::string::npos) << "dates as ISO 8601";
    // --only renders one map and leaves the others alone.
    fs::remove_all(dir / "maps");
    const auto one = render({(dir / "maps.yaml").string(), "--only", "gaza"});
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_TRUE(fs::exists(dir / "maps" / "gaza" / "map.png"));
    EXPECT_FALSE(fs::exists(dir / "maps" / "kharkiv"));
    // A series' name renders all of its maps.
    const auto series = render({(dir / "maps.yaml").string(), "--only", "kharkiv-units"});
    ASSERT_EQ(series.code, 0) << series.err;
    EXPECT_NE(series.out.find("rendered 2 of 2 maps"), std::string::npos) << series.out;
    EXPECT_EQ(render({(dir / "maps.yaml").string(), "--only", "nowhere"}).code,
              static_cast<int>(ExitCode::not_found));
    fs::remove_all(dir);
}

// Layers have one declared schema: two articles with disjoint count kinds (deaths in one,
// captures in the other), appended by GDAL's own ogr2ogr into one GeoPackage, keep their
// Integer, Date and Boolean fields; once a field null in every feature became String.
TEST(RenderConfig, LayersOfTwoRunsAppendIntoOneTypedTable) {
    const fs::path dir =
        fs::path(MAPWIRE_TEST_OUTPUT) / ("schema-append-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "a.txt")
        << "Russian shelling killed 3 civilians in Kupiansk, Kharkiv Oblast, on 2025-03-03.\n";
    std::ofstream(dir / "b.txt")
        << "Ukrainian troops captured 2 soldiers near Pokrovsk, Donetsk Oblast, on 2025-03-04.\n";
    std::ofstream(dir / "c.yaml") << "output_dir: out\nmaps:\n  - name: a\n    article: a.txt\n"
                                     "    formats: [png, gpkg]\n  - name: b\n    article: b.txt\n"
                                     "    formats: [png, gpkg]\n";
    const auto r = render({(dir / "c.yaml").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string all = (dir / "all.gpkg").string();
    const std::string a = (dir / "out" / "a" / "map.gpkg").string();
    const std::string b = (dir / "out" / "b" / "map.gpkg").string();
    ASSERT_EQ(testing::run_tool("ogr2ogr -f GPKG '" + all + "' '" + a + "'"), "");
    ASSERT_EQ(testing::run_tool("ogr2ogr -append '" + all + "' '" + b + "'"), "");
    const std::string info = testing::run_tool("ogrinfo -so '" + all + "' events");
    for (const char* want :
         {"Feature Count: 2", "killed: Integer64", "captured: Integer64", "event_date: Date",
          "time_precision: Integer64", "latitude: Real", "fatalities: Integer64",
          "geo_precision: Integer64", "background: Integer(Boolean)"})
        EXPECT_NE(info.find(want), std::string::npos) << want << " in\n" << info;
    const std::string rows =
        testing::run_tool("ogrinfo -q '" + all + "' -sql \"SELECT killed, captured FROM events\"");
    EXPECT_NE(rows.find("killed (Integer64) = 3"), std::string::npos) << rows;
    EXPECT_NE(rows.find("captured (Integer64) = 2"), std::string::npos) << rows;
    const std::string places = testing::run_tool("ogrinfo -so '" + all + "' places");
    EXPECT_NE(places.find("confidence: Real"), std::string::npos) << places;
    // One geometry type per layer: the places as points, the units among them as polygons.
    EXPECT_NE(places.find("Geometry: Point"), std::string::npos) << places;
    const std::string areas = testing::run_tool("ogrinfo -so '" + all + "' areas");
    EXPECT_NE(areas.find("Polygon"), std::string::npos) << areas;
    EXPECT_NE(areas.find("confidence: Real"), std::string::npos) << areas;
}

TEST(RenderConfig, SeriesOverControlLayers) {
    // A dated series: the same article over two control-area layers, one map each.
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-series-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string control =
        testing::shared_dir() + "/fixtures/territory/occupied-2024-07-08.geojson";
    fs::copy_file(control, dir / "areas-2024-07-08.geojson");
    fs::copy_file(control, dir / "areas-2024-07-09.geojson");
    fs::copy_file(testing::shared_dir() + "/seed/article.txt", dir / "article.txt");
    {
        std::ofstream(dir / "series.yaml")
            << "output_dir: out\n"
               "maps:\n"
               "  - name: held\n"
               "    article: article.txt\n"
               "    date: 2025-04-09\n"
               "    size: 900x600\n"
               "    dpi: 96\n"
               "    formats: [svg, html]\n"
               "    control_date: 2020-01-01\n"  // a series' layers keep their own dates
               "    series:\n"
               "      each: control\n"
               "      values: [areas-2024-07-08.geojson, areas-2024-07-09.geojson, gone.geojson]\n";
    }
    const auto bad = render({(dir / "series.yaml").string()});
    EXPECT_NE(bad.err.find("series.yaml:12:68: file not found: gone.geojson"), std::string::npos)
        << bad.err;
    EXPECT_FALSE(fs::exists(dir / "out"));

    std::string yaml = testing::read_text((dir / "series.yaml").string());
    yaml.erase(yaml.find(", gone.geojson"), 14);
    { std::ofstream(dir / "series.yaml") << yaml; }
    const auto r = render({(dir / "series.yaml").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    constexpr std::size_t page_prefix = std::string_view("held-areas-").size();
    for (const char* page : {"held-areas-2024-07-08", "held-areas-2024-07-09"}) {
        const std::string svg = testing::read_text((dir / "out" / page / "map.svg").string());
        // The layer's own date, from its file name, in subtitle, legend and credits; the
        // article's date stays the report's.
        const std::string date = std::string(page).substr(page_prefix);
        EXPECT_NE(svg.find("Control areas as of " + date), std::string::npos) << page;
        EXPECT_NE(svg.find("Area held (control layer, as of " + date + ")"), std::string::npos)
            << page;
        EXPECT_NE(svg.find("Report of 2025-04-09."), std::string::npos) << page;
        EXPECT_NE(svg.find("Measured on the control layer of " + date + ": 18.25%"),
                  std::string::npos)
            << page;
        // The web map of each page: its subtitle, legend entry and the layer's areas.
        const std::string html = testing::read_text((dir / "out" / page / "map.html").string());
        EXPECT_NE(html.find("Control areas as of " + date), std::string::npos) << page;
        EXPECT_NE(html.find("Area held (control layer, as of " + date + ")"), std::string::npos)
            << page;
        EXPECT_NE(html.find("\"control\":[["), std::string::npos) << page << ": areas drawn";
        EXPECT_TRUE(fs::exists(dir / "out" / page / "events.geojson")) << page;
    }
    fs::remove_all(dir);
}

// A control layer whose file name carries no date is dated and credited by the
// configuration: subtitle-free maps still say when and whose in legend, figure box and credits.
TEST(RenderConfig, ControlLayerDateAndSourceFromKeys) {
    if (!fs::exists(testing::shared_dir())) GTEST_SKIP() << "no ../shared beside the project";
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-control-keys-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::copy_file(testing::shared_dir() + "/fixtures/territory/occupied-2024-07-08.geojson",
                  dir / "areas.geojson");
    fs::copy_file(testing::shared_dir() + "/seed/article.txt", dir / "article.txt");
    auto write = [&](const std::string& date) {
        std::ofstream(dir / "map.yaml") << "output_dir: out\n"
                                           "maps:\n"
                                           "  - name: held\n"
                                           "    article: article.txt\n"
                                           "    control: areas.geojson\n"
                                           "    control_date: "
                                        << date
                                        << "\n"
                                           "    control_source: ISW\n"
                                           "    size: 900x600\n"
                                           "    dpi: 96\n"
                                           "    formats: [svg]\n";
    };
    write("30 June 2024");
    const auto bad = render({(dir / "map.yaml").string()});
    EXPECT_NE(bad.code, 0);
    EXPECT_NE(bad.err.find("map.yaml:6:19: 'control_date' must be YYYY-MM-DD"), std::string::npos)
        << bad.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
    write("2024-06-30");
    const auto r = render({(dir / "map.yaml").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string svg = testing::read_text((dir / "out" / "held" / "map.svg").string());
    EXPECT_NE(svg.find("Area held (control layer, as of 2024-06-30)"), std::string::npos);
    EXPECT_NE(svg.find("Measured on the control layer of 2024-06-30"), std::string::npos);
    EXPECT_NE(svg.find("Control areas: ISW, as of 2024-06-30."), std::string::npos);
    fs::remove_all(dir);
}

// Shapefile and FlatGeobuf through GDAL: a zipped Shapefile of the four layers with the
// documented short field names (never GDAL's laundering), UTF-8 said in a .cpg, and one
// FlatGeobuf file per layer; both byte-identical on rerun.
TEST(RenderConfig, ShapefileAndFlatGeobufLayers) {
    const fs::path dir = fs::temp_directory_path() / ("mapwire-shp-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "a.txt")
        << "Russian shelling killed 3 civilians in Kupiansk, Kharkiv Oblast, on 2025-03-03.\n";
    std::ofstream(dir / "c.yaml") << "output_dir: out\nmaps:\n  - name: a\n    article: a.txt\n"
                                     "    formats: [shp, fgb]\n";
    const auto r = render({(dir / "c.yaml").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const fs::path out = dir / "out" / "a";
    const std::string zip = (out / "map.shp.zip").string();
    ASSERT_TRUE(fs::exists(zip));
    const std::string listing = testing::run_tool("unzip -l '" + zip + "'");
    for (const char* layer : {"events", "places", "areas", "figures"})
        for (const char* ext : {".shp", ".dbf", ".prj", ".cpg"})
            EXPECT_NE(listing.find(std::string(layer) + ext), std::string::npos)
                << layer << ext << " in\n"
                << listing;
    const std::string events = testing::run_tool("ogrinfo -so '/vsizip/" + zip + "' events");
    for (const char* want : {"sub_type: String", "geo_prec: Integer64", "killed: Integer64",
                             "event_date: Date", "time_prec: Integer64", "fatalities: Integer64",
                             "notes: String", "sent_start: Integer64"})
        EXPECT_NE(events.find(want), std::string::npos) << want << " in\n" << events;
    EXPECT_EQ(events.find("sub_event_"), std::string::npos) << "GDAL's laundered name";
    const std::string areas = testing::run_tool("ogrinfo -so '/vsizip/" + zip + "' areas");
    EXPECT_NE(areas.find("Polygon"), std::string::npos) << areas;
    for (const char* layer : {"events", "places", "areas", "figures"}) {
        const fs::path fgb = out / (std::string(layer) + ".fgb");
        ASSERT_TRUE(fs::exists(fgb)) << fgb;
        const std::string info = testing::run_tool("ogrinfo -so '" + fgb.string() + "' " + layer);
        EXPECT_EQ(info.find("ERROR"), std::string::npos) << info;
    }
    EXPECT_NE(testing::run_tool("ogrinfo -so '" + (out / "events.fgb").string() + "' events")
                  .find("sub_event_type: String"),
              std::string::npos);
    const std::string first = testing::read_text(zip),
                      first_fgb = testing::read_text((out / "areas.fgb").string());
    fs::remove_all(dir / "out");
    ASSERT_EQ(render({(dir / "c.yaml").string()}).code, 0);
    EXPECT_EQ(testing::read_text(zip), first) << "map.shp.zip differs between runs";
    EXPECT_EQ(testing::read_text((out / "areas.fgb").string()), first_fgb);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace mapwire
