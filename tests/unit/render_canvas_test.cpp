// Render module, the canvases' own work: the PNG encoder's chunks and pixels, the SVG writer's
// markup, and the PNG's recording replayed as drawn. No dataset.
#include <gtest/gtest.h>

#include <cairo.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <string>

#include "render/canvas.hpp"
#include "render/detail/png_encoder.hpp"
#include "render/detail/recording_canvas.hpp"
#include "render/detail/svg_canvas.hpp"
#include "style/style.hpp"

namespace mapwire {
namespace {

using render::detail::SvgCanvas;

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

std::uint32_t& pixel(cairo_surface_t* s, int x, int y) {
    unsigned char* data = cairo_image_surface_get_data(s);
    return reinterpret_cast<std::uint32_t*>(data + y * cairo_image_surface_get_stride(s))[x];
}

std::uint32_t big_endian(const std::string& b, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(b[at + i]);
    return v;
}

// The PNG's chunks by type (the last of each type), after the 8-byte signature.
std::map<std::string, std::string> chunks(const std::string& png) {
    std::map<std::string, std::string> out;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const std::uint32_t n = big_endian(png, at);
        const std::string type = png.substr(at + 4, 4), data = png.substr(at + 8, n);
        out[type == "iTXt" ? type + ":" + data.substr(0, data.find('\0')) : type] = data;
        at += 12 + n;
    }
    return out;
}

struct PngReader {
    const std::string& bytes;
    std::size_t at = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
    auto& r = *static_cast<PngReader*>(closure);
    if (r.at + length > r.bytes.size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r.bytes.data() + r.at, length);
    r.at += length;
    return CAIRO_STATUS_SUCCESS;
}

TEST(PngEncoder, ResolutionTextsAndStraightAlpha) {
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 3, 2));
    cairo_surface_flush(s.get());
    pixel(s.get(), 0, 0) = 0xFF204060;  // opaque
    pixel(s.get(), 1, 0) = 0x80402010;  // half transparent, premultiplied
    pixel(s.get(), 2, 1) = 0x00000000;  // clear
    cairo_surface_mark_dirty(s.get());
    const std::string png =
        render::detail::encode_png(s.get(), 96, {"Kharkiv & Izium", "Δ described", ""});
    ASSERT_EQ(png.substr(1, 3), "PNG");
    const auto c = chunks(png);
    ASSERT_TRUE(c.count("IHDR") && c.count("pHYs"));
    EXPECT_EQ(static_cast<unsigned char>(c.at("IHDR")[9]), 6);  // RGBA: not every pixel opaque
    EXPECT_EQ(big_endian(c.at("pHYs"), 0), 3780u);              // 96 dpi in pixels per metre
    EXPECT_EQ(c.at("pHYs")[8], 1);                              // the unit: metres
    ASSERT_TRUE(c.count("iTXt:Title") && c.count("iTXt:Description"));
    EXPECT_TRUE(c.at("iTXt:Title").ends_with("Kharkiv & Izium"));
    EXPECT_TRUE(c.at("iTXt:Description").ends_with("Δ described"));  // UTF-8 as it is

    PngReader reader{png};
    Surface back(cairo_image_surface_create_from_png_stream(read_png, &reader));
    ASSERT_EQ(cairo_surface_status(back.get()), CAIRO_STATUS_SUCCESS);
    EXPECT_EQ(pixel(back.get(), 0, 0), 0xFF204060u);
    for (int shift : {24, 16, 8, 0})  // premultiplied again by the reader, within rounding
        EXPECT_NEAR(static_cast<int>(pixel(back.get(), 1, 0) >> shift & 0xFF),
                    static_cast<int>(0x80402010u >> shift & 0xFF), 1);
    EXPECT_EQ(pixel(back.get(), 2, 1), 0u);
}

TEST(PngEncoder, OpaqueImagesAreRgbWithoutTextChunksWhenUntitled) {
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4));
    {
        cairo_t* cr = cairo_create(s.get());
        cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
        cairo_paint(cr);
        cairo_destroy(cr);
    }
    cairo_surface_flush(s.get());
    const std::string png = render::detail::encode_png(s.get(), 192, {""});
    const auto c = chunks(png);
    EXPECT_EQ(static_cast<unsigned char>(c.at("IHDR")[9]), 2);  // RGB
    EXPECT_EQ(big_endian(c.at("pHYs"), 0), 7559u);              // 192 dpi
    EXPECT_FALSE(c.count("iTXt:Title"));
}

// Every kind of command, clipped and not.
void draw_everything(render::Canvas& c) {
    const auto ink = style::parse_color("#204060"), tint = style::parse_color("#ff000080");
    c.fill(render::rect_path({10, 10, 100, 50}), tint);
    c.clip({0, 0, 120, 80});
    c.stroke(render::circle_path(50, 40, 20, 8), ink, 1.5, {4, 2});
    c.hatch(render::rect_path({20, 20, 60, 30}), ink, 5, 45, 0.7);
    c.unclip();
    c.text(12, 30, "Kharkiv <Oblast>", {"Noto Sans", 12, true, false, 0.5}, ink, tint, 3, 0);
}

TEST(RecordingCanvas, ReplaysEveryCommandAsDrawn) {
    SvgCanvas direct(200, 100, {"t"}), replayed(200, 100, {"t"});
    render::detail::Recording recording;
    draw_everything(direct);
    draw_everything(recording.canvas());
    recording.replay(replayed);
    EXPECT_EQ(replayed.document(), direct.document());
    EXPECT_NE(direct.document().find("stroke-dasharray=\"4 2\""), std::string::npos);
}

TEST(SvgCanvas, RealTextEscapedAndWrappedIntoLines) {
    SvgCanvas svg(300, 200, {"A & B", "Map <of> \"Ukraine\""});
    svg.text(10, 20, "Pokrovsk & Myrnohrad under fire again today", {"Noto Sans", 12},
             style::parse_color("#000000"), std::nullopt, 3, 80);
    const std::string doc = svg.document();
    EXPECT_NE(doc.find("<title>A &amp; B</title>"), std::string::npos) << doc;
    EXPECT_NE(doc.find("<desc>Map &lt;of&gt; &quot;Ukraine&quot;</desc>"), std::string::npos);
    std::size_t lines = 0;
    for (std::size_t at = 0; (at = doc.find("<tspan", at)) != std::string::npos; ++at) ++lines;
    EXPECT_GE(lines, 2u);  // wrapped at 80 px: Pango's line breaks, a <tspan> each
    // A line's text escaped, without the space it broke at.
    EXPECT_NE(doc.find(">Pokrovsk &amp;</tspan>"), std::string::npos) << doc;
    EXPECT_EQ(render::escape_markup("a\"<&>"), "a&quot;&lt;&amp;&gt;");
}

TEST(SvgCanvas, AMarkDrawnAlikeIsOneSymbolUsedWhereItGoes) {
    SvgCanvas svg(100, 100, {"t"});
    const auto dot = [](render::Canvas& c, render::ScreenPoint at) {
        c.fill(render::circle_path(at.x, at.y, 3, 6), style::parse_color("#000000"));
    };
    svg.place_symbol("mark-battles", {10, 20}, dot);
    svg.place_symbol("mark-battles", {30, 40}, dot);
    svg.clip({0, 0, 50, 50});
    svg.unclip();
    const std::string doc = svg.document();
    EXPECT_EQ(doc.find("<symbol"), doc.rfind("<symbol"));  // defined once
    EXPECT_NE(
        doc.find("<use href=\"#mark-battles\" xlink:href=\"#mark-battles\" x=\"10\" y=\"20\""),
        std::string::npos)
        << doc;
    EXPECT_NE(doc.find("x=\"30\" y=\"40\""), std::string::npos);
    EXPECT_NE(doc.find("<clipPath id=\"clip1\">"), std::string::npos);
    // Inline, for an HTML page: the marks drawn where they go, ids prefixed.
    const std::string inline_svg =
        render::inline_svg({0, 0, 20, 20}, "m1-", [&](render::Canvas& c) {
            c.place_symbol("mark-battles", {10, 10}, dot);
            c.clip({0, 0, 20, 20});
            c.unclip();
        });
    EXPECT_EQ(inline_svg.find("<symbol"), std::string::npos);
    EXPECT_NE(inline_svg.find("<clipPath id=\"m1-clip1\">"), std::string::npos) << inline_svg;
    EXPECT_EQ(inline_svg.rfind("<svg ", 0), 0u);  // no XML prolog
}

}  // namespace
}  // namespace mapwire
