// render_map: the options checked, the Scene built once, then each file written from it (the
// drawings with the PNG's georeferencing beside it, then the web page).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "render/canvas.hpp"
#include "render/detail/map_metadata.hpp"
#include "render/detail/scene.hpp"
#include "render/map.hpp"
#include "render/web_map.hpp"
#include "text/utf8.hpp"

namespace mapwire::render {
namespace {

// The texts a user gives (titles, credits, annotations, legend entries), made writable in XML:
// a control character must not make the SVG ill-formed.
MapOptions writable(MapOptions o) {
    for (std::string* t : {&o.title, &o.subtitle, &o.source, &o.credits})
        text::replace_unwritable(*t);
    for (auto& a : o.annotations) text::replace_unwritable(a.text);
    for (auto& l : o.layers) text::replace_unwritable(l.legend);
    return o;
}

// The page's size and resolution, within what the renderer draws.
void check_page(const MapOptions& options) {
    if (options.width < 200 || options.height < 150 || options.width > 20000 ||
        options.height > 20000)
        throw std::move(
            RenderError("map size out of range (200x150 to 20000x20000 pixels)", ExitCode::usage)
                .with_value(std::to_string(options.width) + "x" + std::to_string(options.height)));
    if (!std::isfinite(options.dpi) || options.dpi < 36 || options.dpi > 1200)
        throw std::move(RenderError("dpi out of range (36 to 1200)", ExitCode::usage)
                            .with_value(std::to_string(options.dpi)));
}

// The surface of a drawing's format; none for map.html, written apart after the drawings.
// Names become formats at the command line and in the configuration (parse_map_format): an
// unknown one never reaches the renderer.
std::optional<Format> drawing_format(MapFormat f) {
    switch (f) {
        case MapFormat::png:
            return Format::png;
        case MapFormat::svg:
            return Format::svg;
        case MapFormat::pdf:
            return Format::pdf;
        case MapFormat::html:
            break;
    }
    return std::nullopt;
}

// A small text file beside the map (the world file, the CRS), named in the error if it fails.
void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) throw std::move(IoError("cannot write the file").in_file(path));
}

// The PNG opens in QGIS at its place: a world file and the CRS beside it. Returns the files.
std::vector<std::string> write_georeference(const detail::Scene& scene, double scale,
                                            const std::string& out_dir) {
    std::ostringstream pgw;
    pgw.precision(12);
    for (double v : scene.world_file(scale)) pgw << v << "\n";
    write_text(out_dir + "/map.pgw", pgw.str());
    write_text(out_dir + "/map.prj", scene.wkt(true) + "\n");
    // GDAL's PNG driver reads the world file but not the .prj: its own sidecar gives GDAL and
    // QGIS the CRS.
    std::string srs = scene.wkt(false);
    for (std::size_t at = 0; (at = srs.find('"', at)) != std::string::npos; at += 6)
        srs.replace(at, 1, "&quot;");
    write_text(
        out_dir + "/map.png.aux.xml",
        "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">" + srs + "</SRS>\n</PAMDataset>\n");
    return {out_dir + "/map.pgw", out_dir + "/map.prj", out_dir + "/map.png.aux.xml"};
}

}  // namespace

RenderReport render_map(const events::Extraction& extraction, const gazetteer::Gazetteer& gazetteer,
                        const style::Style& style, const std::string& geopackage,
                        const MapOptions& given, const std::string& out_dir) {
    const MapOptions options = writable(given);
    check_page(options);
    detail::Scene scene(extraction, gazetteer, style, geopackage, options);
    RenderReport report = scene.build();
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec)
        throw std::move(
            IoError("cannot create the output folder: " + ec.message()).in_file(out_dir));
    const double scale = options.dpi / 96.0;
    const std::string date = detail::creation_date(options);
    for (const MapFormat f : options.formats) {
        const std::optional<Format> format = drawing_format(f);
        if (!format) continue;
        const std::string path = out_dir + "/map." + std::string(to_string(f));
        Output out(*format, path, options.width / scale, options.height / scale, scale, options.dpi,
                   {options.title, options.description, detail::keywords(extraction)}, date);
        scene.draw(out.canvas());
        out.finish();
        report.files.push_back(path);
        if (*format == Format::png)
            for (auto& file : write_georeference(scene, scale, out_dir))
                report.files.push_back(std::move(file));
    }
    const auto& fs = options.formats;
    if (std::find(fs.begin(), fs.end(), MapFormat::html) != fs.end()) {
        const WebScene w = scene.web_scene();
        write_web_map(w, style, options.web_library, out_dir + "/map.html");
        report.files.push_back(out_dir + "/map.html");
        report.embed = embed_snippet(w, "map.html");
    }
    return report;
}

std::optional<MapFormat> parse_map_format(std::string_view name) {
    for (const MapFormat f : {MapFormat::png, MapFormat::svg, MapFormat::pdf, MapFormat::html})
        if (name == to_string(f)) return f;
    return std::nullopt;
}

std::string_view to_string(MapFormat format) {
    switch (format) {
        case MapFormat::png:
            return "png";
        case MapFormat::svg:
            return "svg";
        case MapFormat::pdf:
            return "pdf";
        case MapFormat::html:
            return "html";
    }
    return "png";  // not reached: every format is named above
}

}  // namespace mapwire::render
