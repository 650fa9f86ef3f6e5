// Output: a canvas of the file's format, its bytes written through a temporary file.
#include <cairo-pdf.h>
#include <cairo.h>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "base/error.hpp"
#include "render/canvas.hpp"
#include "render/detail/cairo_canvas.hpp"
#include "render/detail/cairo_handles.hpp"
#include "render/detail/png_encoder.hpp"
#include "render/detail/recording_canvas.hpp"
#include "render/detail/svg_canvas.hpp"

namespace mapwire::render {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// What the PDF says of itself: the document's texts, the maker and the dates.
void set_pdf_metadata(cairo_surface_t* s, const DocumentInfo& info, const std::string& date) {
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
    if (!info.description.empty())
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, info.description.c_str());
    if (!info.keywords.empty())
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, info.keywords.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "mapwire");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
}

// The bytes into `temp`, then renamed to `path`: a reader never sees half a file.
void write_through(const std::string& temp, const std::string& path, const std::string& bytes) {
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::move(IoError("cannot write").in_file(temp));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) throw std::move(IoError("write failed (disk full?)").in_file(temp));
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec)
        throw std::move(
            IoError("cannot move the finished file into place: " + ec.message()).in_file(path));
}

}  // namespace

struct Output::Impl {
    Format format;
    std::string path, temp;
    DocumentInfo info{std::string()};
    double scale, dpi;
    // Released in reverse order: the canvas, the context, then the surface, which a PDF
    // surface not finished still writes into pdf_bytes.
    std::string pdf_bytes;
    detail::SurfacePtr surface;
    detail::CairoPtr cr;
    std::unique_ptr<Canvas> canvas;                // SVG and PDF
    std::unique_ptr<detail::Recording> recording;  // PNG
};

Output::Output(Format format, const std::string& path, double width, double height, double scale,
               double dpi, const DocumentInfo& info, const std::string& creation_date,
               double pdf_points_per_px)
    : impl_(std::make_unique<Impl>()) {
    auto& m = *impl_;
    m.format = format;
    m.path = path;
    m.temp = path + ".tmp-" + std::to_string(::getpid());
    m.info = info;
    m.scale = scale;
    m.dpi = dpi;
    if (format == Format::svg) {
        m.canvas = std::make_unique<detail::SvgCanvas>(width, height, info);
        return;
    }
    if (format == Format::png) {
        m.surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                                   static_cast<int>(std::lround(width * scale)),
                                                   static_cast<int>(std::lround(height * scale))));
    } else {
        // PDF pages are in points: 96 CSS px = 72 pt.
        m.surface.reset(cairo_pdf_surface_create_for_stream(
            append_bytes, &m.pdf_bytes, width * pdf_points_per_px, height * pdf_points_per_px));
        set_pdf_metadata(m.surface.get(), info, creation_date);
    }
    if (cairo_surface_status(m.surface.get()) != CAIRO_STATUS_SUCCESS)
        throw std::move(
            IoError("cannot create the drawing surface (image too large?)").in_file(path));
    if (format == Format::png) {
        m.recording = std::make_unique<detail::Recording>();
        return;
    }
    m.cr.reset(cairo_create(m.surface.get()));
    cairo_scale(m.cr.get(), pdf_points_per_px, pdf_points_per_px);
    m.canvas = detail::cairo_canvas(m.cr.get());
}

Output::~Output() {
    std::error_code ec;
    std::filesystem::remove(impl_->temp, ec);
}

Canvas& Output::canvas() {
    return impl_->recording ? impl_->recording->canvas() : *impl_->canvas;
}

void Output::finish() {
    auto& m = *impl_;
    std::string bytes;
    if (m.format == Format::svg) {
        bytes = static_cast<detail::SvgCanvas&>(*m.canvas).document();
    } else if (m.format == Format::png) {
        detail::rasterise(*m.recording, m.surface.get(), m.scale);
        cairo_surface_flush(m.surface.get());
        bytes = detail::encode_png(m.surface.get(), m.dpi, m.info);
    } else {
        m.cr.reset();
        cairo_surface_finish(m.surface.get());
        bytes = m.pdf_bytes;
    }
    write_through(m.temp, m.path, bytes);
}

}  // namespace mapwire::render
