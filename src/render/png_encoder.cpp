// PNG encoding with libpng rather than cairo_surface_write_to_png: Cairo asks libpng for its
// default adaptive filtering at zlib level 6, which took longer than drawing the map. Fast
// compression with the Sub filter costs a few per cent in size; the resolution goes into a
// pHYs chunk (Cairo writes none).
#include "render/detail/png_encoder.hpp"

#include <png.h>
#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "base/error.hpp"

namespace mapwire::render::detail {
namespace {

// The pixels of an ARGB32 surface, row by row.
struct Pixels {
    int w, h, stride;
    const unsigned char* data;

    explicit Pixels(cairo_surface_t* s)
        : w(cairo_image_surface_get_width(s)),
          h(cairo_image_surface_get_height(s)),
          stride(cairo_image_surface_get_stride(s)),
          data(cairo_image_surface_get_data(s)) {}
    const std::uint32_t* row(int y) const {
        return reinterpret_cast<const std::uint32_t*>(data +
                                                      static_cast<std::ptrdiff_t>(y) * stride);
    }
};

// Maps are usually opaque: RGB is a quarter less to compress than RGBA.
bool all_opaque(const Pixels& px) {
    for (int y = 0; y < px.h; ++y) {
        const std::uint32_t* src = px.row(y);
        for (int x = 0; x < px.w; ++x)
            if ((src[x] >> 24) != 0xFF) return false;
    }
    return true;
}

// Title and Description as international text (UTF-8), uncompressed.
void set_texts(png_structp png, png_infop info, const DocumentInfo& doc) {
    std::vector<png_text> texts;
    for (const auto& [key, value] :
         {std::pair<const char*, const std::string*>{"Title", &doc.title},
          std::pair<const char*, const std::string*>{"Description", &doc.description}}) {
        if (value->empty()) continue;
        png_text t{};
        t.compression = PNG_ITXT_COMPRESSION_NONE;
        t.key = const_cast<char*>(key);
        t.text = const_cast<char*>(value->c_str());
        t.itxt_length = value->size();
        t.lang = const_cast<char*>("");
        t.lang_key = const_cast<char*>("");
        texts.push_back(t);
    }
    if (!texts.empty()) png_set_text(png, info, texts.data(), static_cast<int>(texts.size()));
}

// One row in PNG's form: Cairo stores premultiplied native-endian ARGB; PNG wants straight
// RGB(A).
void straighten(const std::uint32_t* src, int w, int channels, unsigned char* out) {
    for (int x = 0; x < w; ++x) {
        const std::uint32_t px = src[x];
        const unsigned a = px >> 24, r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;
        unsigned char* d = &out[static_cast<std::size_t>(x * channels)];
        if (a == 255 || a == 0) {
            d[0] = static_cast<unsigned char>(r), d[1] = static_cast<unsigned char>(g),
            d[2] = static_cast<unsigned char>(b);
        } else {
            d[0] = static_cast<unsigned char>((r * 255 + a / 2) / a);
            d[1] = static_cast<unsigned char>((g * 255 + a / 2) / a);
            d[2] = static_cast<unsigned char>((b * 255 + a / 2) / a);
        }
        if (channels == 4) d[3] = static_cast<unsigned char>(a);
    }
}

// The header chunks: size, colour type, resolution, texts, and how the rows are compressed.
void write_header(png_structp png, png_infop info, const Pixels& px, bool opaque, double dpi,
                  const DocumentInfo& doc) {
    png_set_IHDR(png, info, static_cast<png_uint_32>(px.w), static_cast<png_uint_32>(px.h), 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    const auto ppm = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    set_texts(png, info, doc);
    png_set_compression_level(png, 1);
    // Run-length matching suits maps' flat colours: faster than level-1 deflate, similar size.
    png_set_compression_strategy(png, Z_RLE);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_write_info(png, info);
}

}  // namespace

std::string encode_png(cairo_surface_t* surface, double dpi, const DocumentInfo& doc) {
    const Pixels px(surface);
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) throw IoError("cannot start the PNG encoder");
    std::vector<unsigned char> row(static_cast<std::size_t>(px.w) * 4);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw IoError("PNG encoding failed");
    }
    png_set_write_fn(
        png, &out,
        [](png_structp p, png_bytep bytes, png_size_t n) {
            static_cast<std::string*>(png_get_io_ptr(p))
                ->append(reinterpret_cast<const char*>(bytes), n);
        },
        nullptr);
    const bool opaque = all_opaque(px);
    write_header(png, info, px, opaque, dpi, doc);
    for (int y = 0; y < px.h; ++y) {
        straighten(px.row(y), px.w, opaque ? 3 : 4, row.data());
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

}  // namespace mapwire::render::detail
