// The SVG in Inkscape itself (Debian's, which scripts/test.sh installs): it finds the map's
// layers by id, draws the event markers (<use> of a <symbol> per type) in the Events layer, and
// exports one layer alone with something in it. The SVG's own structure is checked too.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;
using testing::run_tool;

// The layers a designer expects of the Kharkiv example (base map and furniture).
const char* const kLayers[] = {"sea",    "land",   "borders",           "places",    "events",
                               "labels", "legend", "title-and-credits", "scale-bar", "frame"};

class InkscapeMap : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new fs::path(fs::path(MAPWIRE_TEST_OUTPUT) /
                            ("inkscape-" + std::to_string(::getpid())));
        fs::remove_all(*dir_);
        std::vector<std::string> args = {"mapwire",
                                         "--data",
                                         testing::dataset_dir(),
                                         "map",
                                         MAPWIRE_SOURCE_DIR "/examples/article-kharkiv.txt",
                                         "--date",
                                         "2025-03-03",
                                         "--out",
                                         dir_->string(),
                                         "--formats",
                                         "svg"};
        std::ostringstream o, e;
        code_ = cli::run(args, o, e);
        err_ = e.str();
    }
    static void TearDownTestSuite() {
        fs::remove_all(*dir_);
        delete dir_;
    }
    static std::string svg() { return (*dir_ / "map.svg").string(); }
    static fs::path* dir_;
    static int code_;
    static std::string err_;
};
fs::path* InkscapeMap::dir_ = nullptr;
int InkscapeMap::code_ = -1;
std::string InkscapeMap::err_;

TEST_F(InkscapeMap, EachEventTypeIsOneSymbolAndEveryMarkerAUseOfIt) {
    ASSERT_EQ(code_, 0) << err_;
    const std::string text = testing::read_text(svg());
    std::set<std::string> symbols;
    static const std::regex symbol(R"re(<symbol id="([^"]+)")re");
    for (std::sregex_iterator it(text.begin(), text.end(), symbol), end; it != end; ++it)
        EXPECT_TRUE(symbols.insert((*it)[1]).second) << "symbol defined twice: " << (*it)[1];
    EXPECT_TRUE(symbols.count("event-battles")) << "the example reports a battle";
    static const std::regex use(R"re(<use href="#([^"]+)" xlink:href="#([^"]+)")re");
    std::map<std::string, int> uses;
    for (std::sregex_iterator it(text.begin(), text.end(), use), end; it != end; ++it) {
        EXPECT_EQ((*it)[1], (*it)[2]);
        ++uses[(*it)[1]];
    }
    for (const auto& s : symbols) EXPECT_GT(uses[s], 0) << s << " is never used";
    for (const auto& [id, n] : uses) EXPECT_TRUE(symbols.count(id)) << id << " is not defined";
    // The markers are in the Events layer: the first use after its group opens.
    const auto events = text.find("<g id=\"events\"");
    ASSERT_NE(events, std::string::npos);
    EXPECT_GT(text.find("<use "), events);
    EXPECT_LT(text.find("<use "), text.find("<g id=\"labels\""));
}

// `inkscape --query-all` lines: "id,x,y,width,height".
std::map<std::string, double> query_widths(const std::string& file) {
    std::map<std::string, double> widths;
    std::istringstream in(run_tool("inkscape --query-all '" + file + "' 2>/dev/null"));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string c; std::getline(row, c, ',');) cells.push_back(c);
        if (cells.size() == 5) widths[cells[0]] = std::atof(cells[3].c_str());
    }
    return widths;
}

bool have_inkscape() {
    return run_tool("inkscape --version").find("Inkscape") != std::string::npos;
}

TEST_F(InkscapeMap, InkscapeFindsTheLayersAndExportsOneAlone) {
    if (!have_inkscape())
        GTEST_SKIP() << "no inkscape on PATH (scripts/test.sh installs Debian's when it can)";
    ASSERT_EQ(code_, 0) << err_;
    const auto widths = query_widths(svg());
    for (const char* layer : kLayers) {
        ASSERT_TRUE(widths.count(layer)) << "Inkscape does not list layer " << layer;
        EXPECT_GT(widths.at(layer), 0) << layer << " is empty in Inkscape";
    }
    const fs::path png = *dir_ / "legend.png";
    const std::string out = run_tool(
        "inkscape --export-id=legend --export-id-only "
        "--export-type=png --export-filename='" +
        png.string() + "' '" + svg() + "'");
    ASSERT_TRUE(fs::exists(png)) << out;
    cairo_surface_t* image = cairo_image_surface_create_from_png(png.c_str());
    ASSERT_EQ(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
    const int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
    const int stride = cairo_image_surface_get_stride(image);
    const unsigned char* data = cairo_image_surface_get_data(image);
    int painted = 0;  // pixels with any opacity: the legend alone, on a transparent page
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            painted += (reinterpret_cast<const std::uint32_t*>(data + y * stride)[x] >> 24) != 0;
    cairo_surface_destroy(image);
    EXPECT_GT(painted, w * h / 10) << "the exported legend is nearly empty";
    // The legend alone, not the page: far smaller than the 1200 px design.
    EXPECT_LT(w, 1200);
}

}  // namespace
}  // namespace mapwire
