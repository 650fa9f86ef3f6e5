// Render module: PNG output (banded rasterisation, colour types), label placement.
#include <gtest/gtest.h>

#include <cairo.h>

#include <unistd.h>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "render/canvas.hpp"
#include "render/coverage_mask.hpp"
#include "render/map.hpp"
#include "render/placement.hpp"
#include "style/style.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

fs::path temp_file(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("mapwire-render-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir / name;
}

// PNG colour type from the IHDR chunk (byte 25): 2 = RGB, 6 = RGBA.
int png_colour_type(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(26, '\0');
    in.read(head.data(), 26);
    return static_cast<unsigned char>(head[25]);
}

std::uint32_t pixel(cairo_surface_t* s, int x, int y) {
    const unsigned char* data = cairo_image_surface_get_data(s);
    return reinterpret_cast<const std::uint32_t*>(data + y * cairo_image_surface_get_stride(s))[x];
}

// A drawing that crosses every band boundary: a slanted, antialiased line and a large disc.
void draw_scene(render::Canvas& c, double w, double h) {
    c.fill(render::rect_path({0, 0, w, h}), style::parse_color("#ffffff"));
    c.fill(render::circle_path(w / 2, h / 2, h / 3, 90), style::parse_color("#f0a58f"));
    render::Paths line = {{{{3.3, 1.7}, {w - 7.1, h - 2.9}}, false}};
    c.stroke(line, style::parse_color("#2b2b2b"), 1.3);
}

TEST(PngOutput, BandedRasterisationMatchesOnePass) {
    // Tall enough to be rendered in several bands on several threads.
    const double w = 301, h = 1999;
    const fs::path file = temp_file("bands.png");
    {
        render::Output out(render::Format::png, file.string(), w, h, 1.0, 96, "bands",
                           "1970-01-01T00:00:00Z");
        draw_scene(out.canvas(), w, h);
        out.finish();
    }
    Surface banded(cairo_image_surface_create_from_png(file.c_str()));
    ASSERT_EQ(cairo_surface_status(banded.get()), CAIRO_STATUS_SUCCESS);
    ASSERT_EQ(cairo_image_surface_get_height(banded.get()), 1999);

    // The same drawing through Cairo in one pass, as the reference.
    Surface reference(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 301, 1999));
    cairo_t* cr = cairo_create(reference.get());
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0xf0 / 255.0, 0xa5 / 255.0, 0x8f / 255.0);
    for (int i = 0; i < 90; ++i) {
        const double a = 2 * M_PI * i / 90;
        cairo_line_to(cr, w / 2 + h / 3 * std::cos(a), h / 2 + h / 3 * std::sin(a));
    }
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0x2b / 255.0, 0x2b / 255.0, 0x2b / 255.0);
    cairo_set_line_width(cr, 1.3);
    cairo_move_to(cr, 3.3, 1.7);
    cairo_line_to(cr, w - 7.1, h - 2.9);
    cairo_stroke(cr);
    cairo_destroy(cr);
    cairo_surface_flush(reference.get());

    int differing = 0, inked_rows = 0;
    for (int y = 0; y < 1999; ++y) {
        bool ink = false;
        for (int x = 0; x < 301; ++x) {
            const std::uint32_t a = pixel(banded.get(), x, y) & 0xFFFFFF,
                                b = pixel(reference.get(), x, y) & 0xFFFFFF;
            if (a != b) ++differing;
            if ((a & 0xFF) < 0x80) ink = true;  // the dark line
        }
        inked_rows += ink;
    }
    EXPECT_EQ(differing, 0);
    EXPECT_GE(inked_rows, 1995);  // no row lost at a band edge
}

TEST(PngOutput, OpaqueMapsAreRgbTransparentOnesKeepAlpha) {
    const fs::path opaque = temp_file("opaque.png"), clear = temp_file("clear.png");
    {
        render::Output out(render::Format::png, opaque.string(), 40, 30, 2.0, 192, "o",
                           "1970-01-01T00:00:00Z");
        out.canvas().fill(render::rect_path({0, 0, 40, 30}), style::parse_color("#204060"));
        out.finish();
    }
    {
        render::Output out(render::Format::png, clear.string(), 40, 30, 1.0, 96, "c",
                           "1970-01-01T00:00:00Z");
        out.canvas().fill(render::rect_path({0, 0, 20, 30}), style::parse_color("#ff000080"));
        out.finish();
    }
    EXPECT_EQ(png_colour_type(opaque), 2);
    EXPECT_EQ(png_colour_type(clear), 6);

    Surface o(cairo_image_surface_create_from_png(opaque.c_str()));
    ASSERT_EQ(cairo_image_surface_get_width(o.get()), 80);  // scale 2
    EXPECT_EQ(pixel(o.get(), 79, 59) & 0xFFFFFF, 0x204060u);

    Surface c(cairo_image_surface_create_from_png(clear.c_str()));
    const std::uint32_t left = pixel(c.get(), 5, 5), right = pixel(c.get(), 35, 5);
    EXPECT_NEAR(static_cast<int>(left >> 24), 0x80, 1);  // half-transparent red kept
    EXPECT_EQ(right >> 24, 0u);                          // untouched: fully transparent
    fs::remove_all(opaque.parent_path());
}

TEST(PngOutput, NothingLeftBehindWhenNotFinished) {
    const fs::path file = temp_file("abandoned.png");
    {
        render::Output out(render::Format::png, file.string(), 50, 50, 1.0, 96, "a",
                           "1970-01-01T00:00:00Z");
        out.canvas().fill(render::rect_path({0, 0, 50, 50}), style::parse_color("#000000"));
    }  // destroyed without finish(): an error happened while drawing
    EXPECT_FALSE(fs::exists(file));
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        EXPECT_EQ(entry.path().filename().string().find("abandoned"), std::string::npos)
            << entry.path();
    fs::remove_all(file.parent_path());
}

TEST(Format, KnownNamesOnly) {
    using render::MapFormat;
    for (const MapFormat f : {MapFormat::png, MapFormat::svg, MapFormat::pdf, MapFormat::html})
        EXPECT_EQ(render::parse_map_format(render::to_string(f)), f);
    EXPECT_EQ(render::to_string(MapFormat::html), "html");
    EXPECT_FALSE(render::parse_map_format("geojson"));  // a layer format, never a drawing
    EXPECT_FALSE(render::parse_map_format("PDF"));      // never silently another format
    EXPECT_FALSE(render::parse_map_format(""));
}

TEST(CoverageMask, SharesOfBoxes) {
    render::CoverageMask mask({100, 50, 400, 300});
    mask.add(render::rect_path({100, 50, 200, 300}));  // the left half
    EXPECT_NEAR(mask.share({100, 50, 400, 300}), 0.5, 0.02);
    EXPECT_NEAR(mask.share({120, 60, 40, 40}), 1.0, 1e-9);
    EXPECT_NEAR(mask.share({340, 60, 40, 40}), 0.0, 1e-9);
    EXPECT_NEAR(mask.share({280, 100, 40, 40}), 0.5, 0.1);
    EXPECT_EQ(mask.share({1000, 1000, 10, 10}), 0.0);  // outside the mask
    mask.add(render::rect_path({300, 50, 200, 300}));  // now everything
    EXPECT_NEAR(mask.share({340, 60, 40, 40}), 1.0, 1e-9);
}

TEST(LabelPlacer, CheapestFreeCandidateWins) {
    render::CollisionIndex index({0, 0, 100, 100}, 0);
    render::LabelPlacer placer(index);
    placer.block({0, 0, 50, 50});
    const std::vector<render::Rect> candidates = {{10, 10, 10, 10},   // taken
                                                  {60, 10, 10, 10},   // free, cost 5
                                                  {60, 60, 10, 10},   // free, cost 1
                                                  {95, 95, 10, 10}};  // leaves the frame
    auto cost = [](const render::Rect& r) { return r.y < 50 ? 5.0 : 1.0; };
    const auto r = placer.place_cheapest(candidates, cost);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->x, 60);
    EXPECT_EQ(r->y, 60);
    EXPECT_FALSE(placer.free({60, 60, 10, 10}));  // now taken
}

}  // namespace
}  // namespace mapwire
