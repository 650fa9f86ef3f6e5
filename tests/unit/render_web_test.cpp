// Render module, the web map: the popup's lines in words, and map.html as a self-contained,
// deterministic page (inlined library, data that cannot end its <script>), written whole or not
// at all. No dataset: a stand-in library and a scene made here.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "render/detail/wording.hpp"
#include "render/web_layers.hpp"
#include "render/web_map.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;
using events::DatePrecision;
using events::GeoPrecision;
using render::detail::event_details;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

events::Event capture() {
    events::Event e;
    e.type = events::EventType::battles;
    e.sub_type = events::SubEventType::armed_clash;
    e.actor1.name = "Ukrainian forces";
    e.actor2.name = "Chinese nationals";
    e.counts = {{2, "captured", false, false, ""}, {0, "killed", false, true, ""}};
    gazetteer::Place p;
    p.id = "admin1:UA-14";
    p.name = "Donetsk Oblast";
    p.type = gazetteer::PlaceType::admin1;
    e.location = p;
    e.geo_precision = GeoPrecision::region;
    e.date = {"2025-04-01", DatePrecision::approximate, "recently"};
    e.reporting = events::Reporting::claim;
    e.attribution = "Volodymyr Zelensky";
    e.sentence = "Ukrainian forces have taken two Chinese nationals into custody.";
    return e;
}

TEST(WebWording, ThePopupSaysTheEventInWords) {
    const auto lines = event_details(capture());
    std::vector<std::string> got;
    for (const auto& l : lines) got.push_back(l.label + ": " + l.text);
    const std::vector<std::string> want = {
        "What: 2 Chinese nationals captured (Battles: Armed clash)",
        "Who: Ukrainian forces",
        "Also involved: Chinese nationals",
        "How many: 2 captured, killed: unknown",
        "When: c. Apr 2025 (approximate; the text says \"recently\")",
        "Where: Somewhere in Donetsk Oblast (the text names only the region)",
        "Reported as: Claim",
        "According to: Volodymyr Zelensky",
        "Source sentence: Ukrainian forces have taken two Chinese nationals into custody."};
    EXPECT_EQ(got, want);
}

TEST(WebWording, ExactPlacesDatesAndMissingParts) {
    events::Event e = capture();
    e.geo_precision = GeoPrecision::town;
    e.location->name = "Pokrovsk";
    e.date = {"2025-04-09", DatePrecision::day, "(publication date)"};
    e.attribution.clear();
    e.actor2.name.clear();
    e.counts.clear();
    e.reporting = events::Reporting::fact;
    std::string text;
    for (const auto& l : event_details(e)) text += l.label + ": " + l.text + "\n";
    EXPECT_NE(text.find("Where: Pokrovsk (the town itself)"), std::string::npos) << text;
    EXPECT_NE(text.find("When: 9 Apr 2025 (to the day; from the publication date)"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Reported as: Fact"), std::string::npos);
    EXPECT_EQ(text.find("According to"), std::string::npos) << "nothing to say, no line";
    EXPECT_EQ(text.find("How many"), std::string::npos);
    EXPECT_EQ(text.find("Also involved"), std::string::npos);
}

class WebPage : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("mapwire-web-" + std::to_string(::getpid()));
        fs::create_directories(dir_ / "web");
        // A stand-in library that tries to end its script early and fetch an image.
        std::ofstream(dir_ / "web" / "leaflet.js") << "var L = {}; var s = '</script><b>';\n";
        std::ofstream(dir_ / "web" / "leaflet.css")
            << ".leaflet-default-icon-path { background-image: url(images/marker-icon.png); }\n";
        event_ = capture();
        scene_.extent = {30, 45, 40, 52};
        scene_.bounds = {28, 44, 42, 53};
        scene_.degrees_per_px = 0.01;
        scene_.design_width = 1200;
        scene_.design_height = 800;
        scene_.control = {
            geometry::Geometry::from_wkt("POLYGON((35 47, 38 47, 38 49, 35 49, 35 47))")};
        render::EventMark mark;
        mark.event = &event_;
        scene_.marks = {{mark, {37.5, 48.0}}};
        scene_.title = "Strikes </script> & <clashes>";
        scene_.description = "Map of Ukraine showing 1 reported event.";
        scene_.credits = "Boundaries: Natural Earth.";
        scene_.data_link = "events.geojson";
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
    events::Event event_;
    render::WebScene scene_;
    style::Style style_;
};

TEST_F(WebPage, OneSelfContainedDeterministicFile) {
    const fs::path page = dir_ / "map.html";
    render::write_web_map(scene_, style_, (dir_ / "web").string(), page.string());
    const std::string html = slurp(page);
    EXPECT_NE(html.find("var L = {};"), std::string::npos) << "the library is inlined";
    EXPECT_EQ(html.find("url(images/"), std::string::npos) << "no icon is fetched";
    // One </script> per script element: neither the library nor the data ends one early.
    std::size_t closes = 0;
    for (std::size_t at = 0; (at = html.find("</script", at)) != std::string::npos; ++at) ++closes;
    EXPECT_EQ(closes, 3u);
    EXPECT_NE(html.find("<title>Strikes &lt;/script&gt; &amp; &lt;clashes&gt;</title>"),
              std::string::npos);
    EXPECT_NE(html.find("content=\"Map of Ukraine showing 1 reported event.\""), std::string::npos);
    EXPECT_NE(html.find("href=\"events.geojson\" download"), std::string::npos);
    EXPECT_NE(html.find("2 Chinese nationals captured"), std::string::npos);
    EXPECT_NE(html.find("--mw-aspect: 1200 / 800"), std::string::npos);
    EXPECT_EQ(html.find("{{"), std::string::npos) << "every value filled in";
    EXPECT_FALSE(fs::exists(dir_ / "map.html.part"));
    // The same scene, the same bytes.
    render::write_web_map(scene_, style_, (dir_ / "web").string(), (dir_ / "again.html").string());
    EXPECT_EQ(slurp(dir_ / "again.html"), html);
    // The embed snippet names the page and its title.
    const std::string embed = render::embed_snippet(scene_, "map.html");
    EXPECT_EQ(embed.find("<iframe src=\"map.html\" title=\"Strikes &lt;/script&gt;"), 0u) << embed;
}

TEST_F(WebPage, AMissingLibraryIsAClearErrorAndNoFile) {
    fs::remove(dir_ / "web" / "leaflet.js");
    const fs::path page = dir_ / "map.html";
    try {
        render::write_web_map(scene_, style_, (dir_ / "web").string(), page.string());
        FAIL() << "no error";
    } catch (const render::RenderError& e) {
        EXPECT_NE(e.describe().find("leaflet.js"), std::string::npos) << e.describe();
        EXPECT_NE(e.hint().find("setup.sh"), std::string::npos) << e.hint();
    }
    EXPECT_FALSE(fs::exists(page));
    EXPECT_FALSE(fs::exists(dir_ / "map.html.part"));
}

// The layers as the page reads them: clipped to the scene's bounds, lines that meet end to
// end joined into one path, fixed-point deltas.
TEST(WebLayers, ClippedJoinedAndDeltaEncoded) {
    render::BaseLayers::Shapes base;
    auto line = [](const char* wkt) { return geometry::Geometry::from_wkt(wkt); };
    base.admin1_lines = {line("LINESTRING(30 45, 31 46)"), line("LINESTRING(32 45, 31 46)"),
                         line("LINESTRING(35 50, 36 50)")};
    base.land = {line("POLYGON((29 44, 50 44, 50 60, 29 60, 29 44))")};
    render::WebScene scene;
    scene.bounds = {28, 43, 40, 53};
    scene.degrees_per_px = 0.01;  // 0.005 degrees of detail, a tenth of it a unit
    scene.base = &base;
    const auto layers = nlohmann::json::parse(render::web_layers_json(scene));
    EXPECT_EQ(layers["scale"], 10000);
    // Two pieces meeting at (31, 46) are one path of three points; the third stays apart.
    ASSERT_EQ(layers["admin1"].size(), 2u) << layers["admin1"].dump();
    EXPECT_EQ(layers["admin1"][0].dump(), "[300000,450000,10000,10000,10000,-10000]");
    EXPECT_EQ(layers["admin1"][1].dump(), "[350000,500000,10000,0]");
    // The land is cut at the bounds' top and right (40 E, 53 N).
    long long x = 0, y = 0, max_x = 0, max_y = 0;
    const auto& ring = layers["land"][0];
    for (std::size_t i = 0; i + 1 < ring.size(); i += 2) {
        x += ring[i].get<long long>();
        y += ring[i + 1].get<long long>();
        max_x = std::max(max_x, x);
        max_y = std::max(max_y, y);
    }
    EXPECT_EQ(max_x, 400000);
    EXPECT_EQ(max_y, 530000);
    EXPECT_EQ(layers["user"].size(), 0u);
    EXPECT_EQ(render::web_layers_json(scene), render::web_layers_json(scene));
}

}  // namespace
}  // namespace mapwire
