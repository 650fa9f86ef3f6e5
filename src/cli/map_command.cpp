// `mapwire map ARTICLE`: the options into render::MapOptions, the article through
// pipeline::map_article (map.png, map.svg, map.pdf and the GeoJSON layers in one folder), and
// what was written as JSON. In the GIS plugin; the options are in gis_commands.cpp.
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/detail/gis_plugin.hpp"
#include "geometry/datasource.hpp"
#include "pipeline/pipeline.hpp"

namespace mapwire::cli::detail {

std::string styles_dir() {
    const char* env = std::getenv("MAPWIRE_STYLES");
    return env && *env ? env : MAPWIRE_SOURCE_DIR "/styles";
}

void run_map(const MapArgs& args, Context& ctx) {
    render::MapOptions mo;
    int used = 0;  // the whole value: "800x600px" is no size
    if (std::sscanf(args.size.c_str(), "%dx%d%n", &mo.width, &mo.height, &used) != 2 ||
        static_cast<std::size_t>(used) != args.size.size())
        throw std::move(
            Error("--size must be WIDTHxHEIGHT in pixels", ExitCode::usage).with_value(args.size));
    mo.dpi = args.dpi;
    mo.projection = args.projection;
    if (!args.extent.empty()) {
        render::LonLatBox b;
        int end = 0;  // the whole value: "30,45,40,50junk" is no extent
        if (std::sscanf(args.extent.c_str(), "%lf,%lf,%lf,%lf%n", &b.min_lon, &b.min_lat,
                        &b.max_lon, &b.max_lat, &end) != 4 ||
            static_cast<std::size_t>(end) != args.extent.size() || !b.valid())
            throw std::move(Error("--extent must be min_lon,min_lat,max_lon,max_lat",
                                  ExitCode::usage,
                                  "degrees, min below max, latitudes within -90 to 90, "
                                  "e.g. --extent 30,45,40,52")
                                .with_value(args.extent));
        mo.extent = b;
    }
    mo.formats.clear();
    std::stringstream fs(args.formats);
    for (std::string f; std::getline(fs, f, ',');) {
        const auto format = render::parse_map_format(f);
        if (!format)
            throw std::move(
                Error("unknown output format", ExitCode::usage, "use png, svg, pdf or html")
                    .with_value(f));
        mo.formats.push_back(*format);
    }
    mo.control_layer = args.control;
    // A date alone is what control_layer_date finds in a name that is only a date.
    if (!args.control_date.empty() &&
        render::control_layer_date(args.control_date) != args.control_date)
        throw std::move(Error("not a date in YYYY-MM-DD form", ExitCode::usage,
                              "for example --control-date 2024-07-08")
                            .with_key("--control-date")
                            .with_value(args.control_date));
    mo.control_date = args.control_date;
    mo.control_source = args.control_source;
    if (const auto style = gazetteer::parse_name_style(args.names))
        mo.names.style = *style;
    else
        throw std::move(Error("--names must be english, local or both", ExitCode::usage)
                            .with_key("--names")
                            .with_value(args.names));
    mo.inset = !args.no_inset;
    mo.source = args.source;
    mo.title = args.title;
    mo.subtitle = args.subtitle;
    mo.description = args.description;
    if (args.background == "none") mo.background = render::MapOptions::Background::none;
    const auto style = style::load_style(args.style, styles_dir());
    const auto gaz = open_gazetteer(ctx);
    geoparse::Geoparser parser(gaz, geoparse::Lexicon::load(dataset_dir(ctx) + "/lexicon.txt"));
    std::optional<exporter::DatasourceTarget> datasource;
    if (!args.datasource.empty())
        datasource = exporter::DatasourceTarget{
            args.datasource, exporter::document_id(args.input, args.doc_id, "--doc-id")};
    else if (!args.doc_id.empty())
        throw Error("--doc-id names the rows in a --datasource, and there is none", ExitCode::usage,
                    "add --datasource, or drop --doc-id");
    const auto result = pipeline::map_article(
        gaz, parser, dataset_dir(ctx), {read_input(args.input), args.input, args.date}, style, mo,
        args.out, {.geojson = true, .vector_formats = {}, .datasource = datasource});
    const auto& report = result.report;
    nlohmann::ordered_json j;
    j["files"] = report.files;
    j["description"] = result.description;
    if (!report.embed.empty()) j["embed"] = report.embed;
    j["projection"] = report.projection;
    j["extent"] = {report.extent.min_lon, report.extent.min_lat, report.extent.max_lon,
                   report.extent.max_lat};
    j["labels_placed"] = report.labels.size();
    j["km_per_100px"] = report.km_per_100px;
    const auto box = [](const render::Rect& b) {
        return nlohmann::ordered_json{{"x", b.x}, {"y", b.y}, {"w", b.w}, {"h", b.h}};
    };
    j["frame"] = box(report.frame.box);
    auto boxes = nlohmann::ordered_json::array();
    for (const auto& l : report.labels) {
        nlohmann::ordered_json one = {{"text", l.text}};
        one.update(box(l.box));
        boxes.push_back(std::move(one));
    }
    j["labels"] = boxes;
    j["labels_dropped"] = report.dropped;
    if (datasource)
        j["datasource"] = {{"name", geometry::redacted(datasource->datasource)},
                           {"doc_id", datasource->doc.value}};
    j["warnings"] = result.extraction.warnings;
    ctx.out << j.dump(2) << "\n";
}

}  // namespace mapwire::cli::detail
