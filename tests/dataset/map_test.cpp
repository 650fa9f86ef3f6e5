// `mapwire map` end to end on the seed article: all three outputs, the same map in each,
// real text in the SVG, embedded fonts in the PDF, labels that never overlap, byte-identical
// reruns, and clear errors for bad options.
#include <gtest/gtest.h>

#include <cairo.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;

const std::string kSeed = testing::shared_dir() + "/seed/article.txt";
const std::string kControl =
    testing::shared_dir() + "/fixtures/territory/occupied-2024-07-08.geojson";

struct MapResult {
    int code;
    nlohmann::json report;
    std::string err;
};

MapResult map(const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"mapwire",    "--data", testing::dataset_dir(),
                                     "map",        kSeed,    "--date",
                                     "2025-04-09", "--out",  out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::ostringstream o, e;
    const int code = cli::run(args, o, e);
    return {code, code == 0 ? nlohmann::json::parse(o.str()) : nlohmann::json(), e.str()};
}

using testing::run_tool;

class MapRun : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("mapwire-map-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        run_ = new MapResult(map(dir_, {"--control", kControl}));
    }
    static void TearDownTestSuite() {
        fs::remove_all(dir_);
        delete run_;
    }
    static fs::path dir_;
    static MapResult* run_;
};
fs::path MapRun::dir_;
MapResult* MapRun::run_ = nullptr;

TEST_F(MapRun, WritesEveryOutput) {
    ASSERT_EQ(run_->code, 0) << run_->err;
    for (const char* f : {"map.png", "map.svg", "map.pdf", "events.geojson", "places.geojson",
                          "areas.geojson", "figures.geojson"})
        EXPECT_TRUE(fs::exists(dir_ / f)) << f;
    // PNG at the requested pixel size, with its DPI recorded.
    const std::string png = testing::read_text((dir_ / "map.png").string());
    ASSERT_GT(png.size(), 33u);
    auto be32 = [&](std::size_t at) {
        return (std::uint32_t(std::uint8_t(png[at])) << 24) |
               (std::uint32_t(std::uint8_t(png[at + 1])) << 16) |
               (std::uint32_t(std::uint8_t(png[at + 2])) << 8) |
               std::uint32_t(std::uint8_t(png[at + 3]));
    };
    EXPECT_EQ(be32(16), 2400u);
    EXPECT_EQ(be32(20), 1600u);
    EXPECT_NE(png.find("pHYs"), std::string::npos);
}

TEST_F(MapRun, SvgHasRealTextAndOpensInRsvg) {
    ASSERT_EQ(run_->code, 0);
    const std::string svg = testing::read_text((dir_ / "map.svg").string());
    EXPECT_NE(svg.find("<text"), std::string::npos);
    for (const char* label :
         {"Kursk Oblast", "Donetsk Oblast", "Kyiv", "Natural Earth", "GeoNames"})
        EXPECT_NE(svg.find(label), std::string::npos) << label;
    EXPECT_NE(svg.find("width=\"1200\" height=\"800\""),
              std::string::npos);  // 2400x1600 px at 192 dpi
    const std::string out =
        run_tool("rsvg-convert '" + (dir_ / "map.svg").string() + "' > /dev/null");
    EXPECT_EQ(out.find("(exit"), std::string::npos) << out;
}

// A layer per map layer and per furniture item, as Inkscape and Illustrator read layers
// (inkscape:groupmode="layer", a label, an id), top-level and in drawing order.
TEST_F(MapRun, SvgLayersForDesignTools) {
    ASSERT_EQ(run_->code, 0);
    const std::string svg = testing::read_text((dir_ / "map.svg").string());
    EXPECT_NE(svg.find("xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""),
              std::string::npos);
    std::size_t at = 0;
    for (const char* label :
         {"Sea", "Land", "Units named in the report", "Occupied areas", "Lakes", "Rivers",
          "Coast and borders", "Town dots", "Callouts", "Events", "Labels", "Title and credits",
          "Legend", "Scale bar", "Locator inset", "Frame"}) {
        const std::string attr =
            std::string("inkscape:groupmode=\"layer\" inkscape:label=\"") + label + "\"";
        const std::size_t found = svg.find(attr, at);
        ASSERT_NE(found, std::string::npos) << label << " missing or out of order";
        at = found;
    }
    // Top level: no layer inside another (the clip to the frame is inside each layer).
    int depth = 0;
    std::size_t pos = 0;
    while (true) {
        const std::size_t open = svg.find("<g", pos), shut = svg.find("</g>", pos);
        if (open == std::string::npos && shut == std::string::npos) break;
        if (open != std::string::npos && (shut == std::string::npos || open < shut)) {
            const std::size_t end = svg.find('>', open);
            if (svg.substr(open, end - open).find("groupmode=\"layer\"") != std::string::npos) {
                EXPECT_EQ(depth, 0) << svg.substr(open, end - open);
            }
            ++depth;
            pos = end;
        } else {
            --depth;
            pos = shut + 4;
        }
    }
    EXPECT_EQ(depth, 0);
}

TEST_F(MapRun, PdfIsVectorWithEmbeddedFonts) {
    ASSERT_EQ(run_->code, 0);
    const std::string pdf = testing::read_text((dir_ / "map.pdf").string());
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
    const std::string fonts = run_tool("pdffonts '" + (dir_ / "map.pdf").string() + "'");
    EXPECT_NE(fonts.find("NotoSans"), std::string::npos) << fonts;
    EXPECT_EQ(fonts.find(" no "), std::string::npos) << "every font embedded:\n" << fonts;
    const std::string text = run_tool("pdftotext '" + (dir_ / "map.pdf").string() + "' -");
    EXPECT_NE(text.find("Kursk Oblast"), std::string::npos) << text;
}

TEST_F(MapRun, LabelsNeverOverlapAndStayInFrame) {
    ASSERT_EQ(run_->code, 0);
    const auto& labels = run_->report["labels"];
    ASSERT_GT(labels.size(), 10u);
    // No label touches or crosses the map's frame (RUSSIA and HUNGARY once did).
    const auto& frame = run_->report["frame"];
    const double fx = frame["x"], fy = frame["y"], fw = frame["w"], fh = frame["h"];
    ASSERT_GT(fw, 0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double x = labels[i]["x"], y = labels[i]["y"], w = labels[i]["w"], h = labels[i]["h"];
        EXPECT_GE(x, fx + 2) << labels[i]["text"];
        EXPECT_GE(y, fy + 2) << labels[i]["text"];
        EXPECT_LE(x + w, fx + fw - 2) << labels[i]["text"];
        EXPECT_LE(y + h, fy + fh - 2) << labels[i]["text"];
        for (std::size_t j = 0; j < i; ++j) {
            const double x2 = labels[j]["x"], y2 = labels[j]["y"], w2 = labels[j]["w"],
                         h2 = labels[j]["h"];
            const bool overlap = x < x2 + w2 && x2 < x + w && y < y2 + h2 && y2 < y + h;
            EXPECT_FALSE(overlap) << labels[i]["text"] << " overlaps " << labels[j]["text"];
        }
    }
    // The events' places and units are labelled.
    std::string all;
    for (const auto& l : labels) all += l["text"].get<std::string>() + "|";
    for (const char* want : {"Kursk Oblast", "Donetsk Oblast", "Kyiv", "UKRAINE"})
        EXPECT_NE(all.find(want), std::string::npos) << want;
    // Russia's label point lies far east of this frame: its name still goes on its visible part.
    EXPECT_NE(all.find("RUSSIA"), std::string::npos) << all;
}

// The PNG is georeferenced: GDAL reads its world file and CRS sidecar, and a place's lon/lat
// goes to the pixel where the map drew it (Kyiv, beside its label).
TEST_F(MapRun, PngOpensInGisAtItsPlace) {
    ASSERT_EQ(run_->code, 0);
    for (const char* f : {"map.pgw", "map.prj", "map.png.aux.xml"})
        EXPECT_TRUE(fs::exists(dir_ / f)) << f;
    const std::string png = (dir_ / "map.png").string();
    const std::string info = run_tool("gdalinfo '" + png + "'");
    EXPECT_NE(info.find("Lambert Conic Conformal"), std::string::npos) << info;  // the CRS
    EXPECT_NE(info.find("Pixel Size = ("), std::string::npos) << info;
    int width = 0, height = 0;
    ASSERT_EQ(std::sscanf(info.c_str() + info.find("Size is "), "Size is %d, %d", &width, &height),
              2);
    const double scale = width / 1200.0;  // output px per logical px (the report's unit)
    // Kyiv, as the gazetteer gives it, through the image's own georeferencing.
    const std::string px = run_tool(
        "echo '30.5234 50.4501' | gdaltransform -i -t_srs "
        "'+proj=longlat +datum=WGS84' '" +
        png + "'");
    double col = 0, row = 0;
    ASSERT_EQ(std::sscanf(px.c_str(), "%lf %lf", &col, &row), 2) << px;
    const nlohmann::json* kyiv = nullptr;
    for (const auto& l : run_->report["labels"])
        if (l["text"] == "Kyiv") kyiv = &l;
    ASSERT_TRUE(kyiv);
    const double x = (*kyiv)["x"], y = (*kyiv)["y"], w = (*kyiv)["w"], h = (*kyiv)["h"];
    // The dot sits within a few px of its label.
    EXPECT_GT(col / scale, x - 15);
    EXPECT_LT(col / scale, x + w + 15);
    EXPECT_GT(row / scale, y - 15);
    EXPECT_LT(row / scale, y + h + 15);
}

// The map in words (alt text) goes into every file and the report: SVG <desc>, PNG iTXt
// Description, PDF Subject; generated from the events unless given.
TEST_F(MapRun, DescriptionIsInEveryFile) {
    ASSERT_EQ(run_->code, 0);
    const std::string description = run_->report["description"];
    EXPECT_EQ(description.rfind("Map of Ukraine showing 4 reported events: ", 0), 0u)
        << description;
    EXPECT_NE(description.find("in Kursk Oblast"), std::string::npos) << description;
    const std::string svg = testing::read_text((dir_ / "map.svg").string());
    EXPECT_NE(svg.find("<desc>" + description + "</desc>"), std::string::npos);
    const std::string png = testing::read_text((dir_ / "map.png").string());
    EXPECT_NE(png.find(std::string("iTXt") + "Description" + std::string(5, '\0') + description),
              std::string::npos);
    const std::string pdf = run_tool("pdfinfo '" + (dir_ / "map.pdf").string() + "'");
    EXPECT_NE(pdf.find("Subject:         Map of Ukraine showing"), std::string::npos) << pdf;
    EXPECT_NE(pdf.find("Keywords:"), std::string::npos) << pdf;
    const fs::path own = dir_.string() + "-described";
    const auto r = map(own, {"--description", "Locator map of Kyiv", "--formats", "svg"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.report["description"], "Locator map of Kyiv");
    EXPECT_NE(
        testing::read_text((own / "map.svg").string()).find("<desc>Locator map of Kyiv</desc>"),
        std::string::npos);
    fs::remove_all(own);
}

// background: none leaves the page transparent (a designer sets the map on a page of their
// own): the PNG's corner, in the header band, has alpha 0; the map inside the frame stays
// opaque.
TEST(MapOptions, TransparentBackground) {
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-map-clear-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const auto r = map(dir, {"--background", "none", "--formats", "png"});
    ASSERT_EQ(r.code, 0) << r.err;
    cairo_surface_t* png = cairo_image_surface_create_from_png((dir / "map.png").c_str());
    ASSERT_EQ(cairo_surface_status(png), CAIRO_STATUS_SUCCESS);
    const int stride = cairo_image_surface_get_stride(png);
    const unsigned char* data = cairo_image_surface_get_data(png);
    auto alpha = [&](int x, int y) {
        return reinterpret_cast<const std::uint32_t*>(data + y * stride)[x] >> 24;
    };
    const double scale = cairo_image_surface_get_width(png) / 1200.0;
    const auto& frame = r.report["frame"];
    const int fx =
        static_cast<int>((frame["x"].get<double>() + frame["w"].get<double>() / 2) * scale);
    const int fy =
        static_cast<int>((frame["y"].get<double>() + frame["h"].get<double>() / 2) * scale);
    EXPECT_EQ(alpha(2, 2), 0u);      // the header band: transparent
    EXPECT_EQ(alpha(fx, fy), 255u);  // the map: opaque
    cairo_surface_destroy(png);
    fs::remove_all(dir);
}

// Text XML cannot hold (a control character in the title or in the article) is replaced, so
// that the SVG stays well-formed: no C0 control but tab, line feed and carriage return.
TEST(MapText, ControlCharactersNeverReachTheSvg) {
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-map-control-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path article = dir / "article.txt";
    std::ofstream(article) << "Shelling hit Kharkiv\x01 on Monday, Ukrainian officials said.\n";
    std::vector<std::string> args = {"mapwire",
                                     "--data",
                                     testing::dataset_dir(),
                                     "map",
                                     article.string(),
                                     "--title",
                                     "Bad\x01title\x1b",
                                     "--formats",
                                     "svg",
                                     "--out",
                                     (dir / "out").string()};
    std::ostringstream o, e;
    ASSERT_EQ(cli::run(args, o, e), 0) << e.str();
    const std::string svg = testing::read_text((dir / "out" / "map.svg").string());
    ASSERT_FALSE(svg.empty());
    for (const char c : svg) {
        const auto u = static_cast<unsigned char>(c);
        ASSERT_FALSE(u < 0x20 && c != '\t' && c != '\n' && c != '\r') << "byte " << int(u);
    }
    EXPECT_NE(svg.find("Bad title"), std::string::npos);
    fs::remove_all(dir);
}

// The naming policy: `--names both` prints "English / local" for the units and countries the
// dataset has iso-codes' local names of, on the map's labels and in the layers alike (the
// legend's and notes' English sentences keep English names); a town without a known endonym
// keeps its English name, never a guess.
TEST(MapText, NamesBothGivesEnglishAndLocalNames) {
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-map-names-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path article = dir / "article.txt";
    std::ofstream(article) << "Russian forces shelled Kupiansk in the Kharkiv region on Monday.\n";
    const std::vector<std::string> args = {
        "mapwire", "--data",    testing::dataset_dir(), "map",   article.string(),      "--names",
        "both",    "--formats", "svg",          "--out", (dir / "out").string()};
    std::ostringstream o, e;
    ASSERT_EQ(cli::run(args, o, e), 0) << e.str();
    const std::string places = testing::read_text((dir / "out" / "places.geojson").string());
    EXPECT_NE(places.find("\"Kharkiv Oblast / Харківська область\""), std::string::npos) << places;
    EXPECT_NE(places.find("\"Kupiansk\""), std::string::npos) << places;
    const std::string svg = testing::read_text((dir / "out" / "map.svg").string());
    EXPECT_NE(svg.find("UKRAINE / УКРАЇНА"), std::string::npos);  // a label on the map
    // The legend's sentences keep one language: "Ukraine", not "Ukraine / Україна".
    EXPECT_NE(svg.find(">Ukraine<"), std::string::npos);
    EXPECT_EQ(svg.find("Ukraine / Україна"), std::string::npos);
    fs::remove_all(dir);
}

TEST(MapLayout, SmallLandscapeMapsListEventsBesideTheMap) {
    // 1200x800 px at 192 dpi: 600x400 CSS px. The key goes in a column right of the map.
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-map-small-" + std::to_string(::getpid()));
    const auto r = map(dir, {"--control", kControl, "--size", "1200x800", "--formats", "svg"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string svg = testing::read_text((dir / "map.svg").string());
    const std::size_t key = svg.find(">1. 2 Chinese nationals");
    ASSERT_NE(key, std::string::npos);
    const std::size_t x_at = svg.rfind("<tspan x=\"", key);
    ASSERT_NE(x_at, std::string::npos);
    EXPECT_GT(std::stod(svg.substr(x_at + 10)), 380) << "beside the map, not below it";
    // Every label stays inside the map frame, clear of the column.
    for (const auto& l : r.report["labels"])
        EXPECT_LE(l["x"].get<double>() + l["w"].get<double>(), 600 - 200 + 1) << l["text"];
    fs::remove_all(dir);
}

TEST(MapLayout, PhoneSizedMapsListEventsBelowTheMap) {
    // 800x1000 px at 192 dpi: 400x500 CSS px, a phone-width graphic.
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-map-phone-" + std::to_string(::getpid()));
    const auto r = map(dir, {"--control", kControl, "--size", "800x1000", "--formats", "svg"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string svg = testing::read_text((dir / "map.svg").string());
    // A numbered key instead of callouts, and the credits wrapped rather than cut off.
    EXPECT_NE(svg.find(">1. 2 Chinese nationals"), std::string::npos);
    const std::size_t credits = svg.find("Boundaries: Natural Earth");
    ASSERT_NE(credits, std::string::npos);
    std::string element = svg.substr(svg.rfind("<text", credits),
                                     svg.find("</text>", credits) - svg.rfind("<text", credits));
    std::string words;  // the element's text, its lines joined by spaces
    bool in_tag = false;
    for (std::size_t i = 0; i < element.size(); ++i) {
        if (element.compare(i, 8, "</tspan>") == 0) words += ' ';
        if (element[i] == '<') in_tag = true;
        if (!in_tag) words += element[i];
        if (element[i] == '>') in_tag = false;
    }
    EXPECT_NE(
        words.find("Borders: internationally recognised (hatched: occupied by Russia since 2014)."),
        std::string::npos)
        << words;
    EXPECT_NE(element.find("</tspan><tspan"), std::string::npos) << "wrapped over lines";
    const auto& labels = r.report["labels"];
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double x = labels[i]["x"], y = labels[i]["y"], w = labels[i]["w"], h = labels[i]["h"];
        EXPECT_TRUE(x >= 0 && y >= 0 && x + w <= 400 && y + h <= 500) << labels[i]["text"];
        EXPECT_EQ(labels[i]["text"].get<std::string>().find("nationals"), std::string::npos)
            << "no callouts on a phone-sized map";
        for (std::size_t j = 0; j < i; ++j) {
            const double x2 = labels[j]["x"], y2 = labels[j]["y"], w2 = labels[j]["w"],
                         h2 = labels[j]["h"];
            EXPECT_FALSE(x < x2 + w2 && x2 < x + w && y < y2 + h2 && y2 < y + h)
                << labels[i]["text"] << " overlaps " << labels[j]["text"];
        }
    }
    fs::remove_all(dir);
}

TEST_F(MapRun, RerunIsByteIdentical) {
    ASSERT_EQ(run_->code, 0);
    const fs::path again = dir_.string() + "-again";
    ASSERT_EQ(map(again, {"--control", kControl}).code, 0);
    for (const char* f : {"map.png", "map.svg", "map.pdf"})
        EXPECT_EQ(testing::read_text((dir_ / f).string()), testing::read_text((again / f).string()))
            << f;
    fs::remove_all(again);
}

// The web map beside the static one: one page under 3 MB for the seed article, the same on
// rerun, the static outputs unchanged by it, its data link written, its embed snippet reported.
TEST(WebMap, SeedPageIsSmallStableAndLeavesTheStaticMapAlone) {
    const fs::path dir = fs::temp_directory_path() / ("mapwire-web-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const auto web = map(dir / "web", {"--control", kControl, "--formats", "png,svg,html"});
    ASSERT_EQ(web.code, 0) << web.err;
    const fs::path page = dir / "web" / "map.html";
    ASSERT_TRUE(fs::exists(page));
    EXPECT_LT(fs::file_size(page), 3'000'000u);
    EXPECT_TRUE(fs::exists(dir / "web" / "events.geojson")) << "the page's Download data link";
    const std::string html = testing::read_text(page.string());
    EXPECT_NE(html.find("href=\"events.geojson\" download"), std::string::npos);
    EXPECT_NE(html.find("Leaflet 1.9.4"), std::string::npos) << "the library is inlined";
    EXPECT_NE(html.find("Map of Ukraine showing"), std::string::npos) << "the description";
    EXPECT_NE(html.find("Control areas: occupied-2024-07-08.geojson, as of 2024-07-08."),
              std::string::npos)
        << "the credits with the control layer's date";
    EXPECT_NE(html.find("Borders: internationally recognised"), std::string::npos);
    EXPECT_EQ(web.report["embed"].get<std::string>().find("<iframe src=\"map.html\""), 0u);
    const auto& files = web.report["files"];
    EXPECT_NE(std::find(files.begin(), files.end(), page.string()), files.end());

    const auto again = map(dir / "again", {"--control", kControl, "--formats", "png,svg,html"});
    ASSERT_EQ(again.code, 0);
    EXPECT_EQ(testing::read_text((dir / "again" / "map.html").string()), html);
    const auto plain = map(dir / "plain", {"--control", kControl, "--formats", "png,svg"});
    ASSERT_EQ(plain.code, 0);
    for (const char* f : {"map.png", "map.svg"})
        EXPECT_EQ(testing::read_text((dir / "plain" / f).string()),
                  testing::read_text((dir / "web" / f).string()))
            << f << " is the same with or without the web map";
    // So are the labels it placed and dropped: the web map's wider read offers no more.
    EXPECT_EQ(plain.report["labels"], web.report["labels"]);
    EXPECT_EQ(plain.report["labels_dropped"], web.report["labels_dropped"]);
    EXPECT_FALSE(plain.report.contains("embed"));
    fs::remove_all(dir);
}

TEST(WebMap, AMissingLibraryStopsTheMapBeforeAnyFileAppears) {
    // A dataset folder without web/: the other files linked from the real one.
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-web-nolib-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "data");
    for (const auto& e : fs::directory_iterator(testing::dataset_dir()))
        if (e.path().filename() != "web")
            fs::create_symlink(fs::absolute(e.path()), dir / "data" / e.path().filename());
    std::ostringstream o, err;
    const int code = cli::run({"mapwire", "--data", (dir / "data").string(), "map", kSeed, "--out",
                               (dir / "out").string(), "--formats", "png,html"},
                              o, err);
    EXPECT_EQ(code, static_cast<int>(ExitCode::not_found)) << err.str();
    EXPECT_NE(err.str().find("web map library"), std::string::npos) << err.str();
    EXPECT_FALSE(fs::exists(dir / "out" / "map.png")) << "nothing half-written";
    fs::remove_all(dir);
}

TEST(MapOptions, StylesSizesAndErrors) {
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-map-opts-" + std::to_string(::getpid()));
    for (const char* style : {"dark", "print-grey"}) {
        const auto r =
            map(dir, {"--style", style, "--size", "1200x800", "--dpi", "96", "--formats", "svg"});
        ASSERT_EQ(r.code, 0) << r.err;
        EXPECT_NE(testing::read_text((dir / "map.svg").string()).find("width=\"1200\""),
                  std::string::npos);
    }
    EXPECT_EQ(map(dir, {"--style", "neon"}).code, static_cast<int>(ExitCode::bad_input));
    EXPECT_EQ(map(dir, {"--size", "big"}).code, static_cast<int>(ExitCode::usage));
    EXPECT_EQ(map(dir, {"--projection", "+proj=nonsense"}).code,
              static_cast<int>(ExitCode::bad_input));
    const auto bad_style =
        map(dir, {"--style", std::string(MAPWIRE_TEST_DATA) + "/styles/typo.yaml"});
    EXPECT_EQ(bad_style.code, static_cast<int>(ExitCode::bad_input));
    EXPECT_NE(bad_style.err.find("typo.yaml:2:"), std::string::npos) << bad_style.err;
    EXPECT_NE(bad_style.err.find("did you mean 'ocean'"), std::string::npos) << bad_style.err;
    fs::remove_all(dir);
}

}  // namespace
}  // namespace mapwire
