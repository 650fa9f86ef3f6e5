// `mapwire map ARTICLE`: geoparse, extract, then draw map.png, map.svg, map.pdf and write the
// GeoJSON layers, all into one folder. map_article() is the pipeline `render` shares. In the GIS
// plugin; the options are in gis_commands.cpp.
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/detail/gis_plugin.hpp"
#include "cli/detail/map_pipeline.hpp"
#include "cli/detail/staging.hpp"
#include "export/datasource.hpp"
#include "export/geojson.hpp"
#include "geometry/datasource.hpp"
#include "geometry/vector_io.hpp"

namespace mapwire::cli::detail {
namespace {

// The headline: the first line when it reads as one (no closing full stop, not too long).
std::string headline(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty()) continue;
        if (line.size() < 200 && line.back() != '.') return line;
        return {};
    }
    return {};
}

}  // namespace

std::string styles_dir() {
    const char* env = std::getenv("MAPWIRE_STYLES");
    return env && *env ? env : MAPWIRE_SOURCE_DIR "/styles";
}

void write_layer_files(const events::Extraction& x, const gazetteer::Gazetteer& gaz,
                       const std::string& gpkg, const style::Style& style,
                       const std::string& out_dir, bool geojson,
                       const std::vector<exporter::VectorFormat>& vector_formats,
                       std::vector<std::string>& files,
                       const std::optional<exporter::DatasourceTarget>& datasource) {
    if (geojson) {
        exporter::write_geojson_layers(x, gaz, gpkg, out_dir);
        for (const char* layer : exporter::kLayers)
            files.push_back(out_dir + "/" + layer + ".geojson");
    }
    if (!vector_formats.empty() || datasource) {
        // GeoPackage, KML and a datasource through GDAL from the GeoJSON layers (one layer
        // each), written to a scratch folder first when GeoJSON itself was not asked for.
        const std::string layers_dir =
            geojson ? out_dir : out_dir + "/.layers-" + std::to_string(::getpid());
        if (!geojson) exporter::write_geojson_layers(x, gaz, gpkg, layers_dir);
        exporter::LayerColours colours;  // the map's own, for KML placemarks
        for (const auto& [type, colour] : style.event_colors)
            colours.events[type] = style::hex(colour);
        colours.areas = style::hex(style.highlight_border.color);
        for (const exporter::VectorFormat format : vector_formats) {
            for (auto& file : exporter::write_layers(layers_dir, out_dir, format, colours))
                files.push_back(std::move(file));
        }
        // Last, before the files are moved in: a datasource that refuses leaves no map behind,
        // and the files' failure no rows.
        if (datasource) exporter::write_datasource(layers_dir, *datasource);
        if (!geojson) std::filesystem::remove_all(layers_dir);
    }
}

bool prepare_web_map(render::MapOptions& options, const std::string& dataset,
                     const std::string& data_link) {
    options.web_library = dataset + "/web";
    const bool web = std::find(options.formats.begin(), options.formats.end(),
                               render::MapFormat::html) != options.formats.end();
    if (web) options.data_link = data_link;
    return web;
}

std::shared_ptr<const gazetteer::PlaceNaming> apply_naming(events::Extraction& x,
                                                           const std::string& dataset,
                                                           render::MapOptions& options) {
    // English names read no file: loading costs nothing when the policy changes no name.
    auto naming = std::make_shared<const gazetteer::PlaceNaming>(
        gazetteer::PlaceNaming::load(dataset, options.names));
    if (naming->plain()) return nullptr;
    const auto rename = [&](std::optional<gazetteer::Place>& p) {
        if (p) p->name = naming->name(*p);
    };
    for (auto& m : x.places.mentions) rename(m.place);
    for (auto& e : x.events) rename(e.location);
    for (auto& f : x.figures) rename(f.territory);
    options.naming = naming.get();
    return naming;
}

ArticleMap map_article(const gazetteer::Gazetteer& gaz, const geoparse::Geoparser& parser,
                       const std::string& dataset, const std::string& article,
                       const std::string& date, const style::Style& style,
                       render::MapOptions options, const std::string& final_dir, bool geojson,
                       const std::vector<exporter::VectorFormat>& vector_formats, bool per_event,
                       const std::optional<exporter::DatasourceTarget>& datasource) {
    const std::string gpkg = dataset + "/mapwire.gpkg";
    geojson =
        prepare_web_map(options, dataset, per_event ? "../events.geojson" : "events.geojson") ||
        geojson;
    events::Extractor extractor(gaz, parser, gpkg);
    const std::string text = read_input(article);
    Staging staging(final_dir);
    const std::string& out_dir = staging.dir();
    ArticleMap result;
    result.extraction = extractor.extract(text, article, {date, options.control_layer});
    // Past events the article recalls (background) stay in the extraction, off the map.
    std::erase_if(result.extraction.events, [](const events::Event& e) { return e.background; });
    result.naming = apply_naming(result.extraction, dataset, options);
    const auto& x = result.extraction;
    options.date = x.date;
    if (options.title.empty()) options.title = headline(text);
    if (options.title.empty()) options.title = render::default_title(x);
    if (options.description.empty()) options.description = render::default_description(x, gaz);
    result.description = options.description;
    if (options.subtitle.empty()) {
        options.subtitle = std::to_string(x.events.size()) +
                           (x.events.size() == 1 ? " reported event" : " reported events");
        if (!x.date.empty()) options.subtitle += " · report of " + x.date;
    }
    if (per_event) {
        // A series: each located event on its own map, around its place, in event-NN/.
        int n = 0;
        for (const auto& e : x.events) {
            if (!e.location) continue;
            ++n;
            events::Extraction page = x;
            page.events = {e};
            render::MapOptions o = options;
            const auto& p = *e.location;
            if (!o.extent) o.extent = render::extent_around(p);
            if (p.type == gazetteer::PlaceType::admin1) o.highlight.push_back(std::string(p.id));
            // The date as precisely as the text gives it.
            const std::string& d = e.date.date;
            using enum events::DatePrecision;
            const std::string when = d.empty()                  ? ""
                                     : e.date.precision == day  ? d
                                     : e.date.precision == year ? d.substr(0, 4)
                                                                : "c. " + d.substr(0, 7);
            o.subtitle = std::string(to_string(e.type)) + " · " + std::string(p.name) +
                         (when.empty() ? "" : " · " + when);
            char folder[32];
            std::snprintf(folder, sizeof folder, "/event-%02d", n);
            if (!o.formats.empty()) {
                const auto report = render::render_map(page, gaz, style, gpkg, o, out_dir + folder);
                result.report.files.insert(result.report.files.end(), report.files.begin(),
                                           report.files.end());
            }
        }
        if (n == 0)
            throw Error("the article has no located event: a series over events makes no map",
                        ExitCode::not_found,
                        "check `mapwire extract` on the article, or map it without 'series'");
    } else if (!options.formats.empty()) {
        result.report = render::render_map(x, gaz, style, gpkg, options, out_dir);
    }
    write_layer_files(x, gaz, gpkg, style, out_dir, geojson, vector_formats, result.report.files,
                      datasource);
    staging.commit(result.report.files);
    return result;
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
    const auto result = map_article(gaz, parser, dataset_dir(ctx), args.input, args.date, style, mo,
                                    args.out, true, {}, false, datasource);
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
    j["frame"] = {
        {"x", report.frame.x}, {"y", report.frame.y}, {"w", report.frame.w}, {"h", report.frame.h}};
    auto boxes = nlohmann::ordered_json::array();
    for (const auto& l : report.labels)
        boxes.push_back({{"text", l.text}, {"x", l.x}, {"y", l.y}, {"w", l.w}, {"h", l.h}});
    j["labels"] = boxes;
    j["labels_dropped"] = report.dropped;
    if (datasource)
        j["datasource"] = {{"name", geometry::redacted(datasource->datasource)},
                           {"doc_id", datasource->doc.value}};
    j["warnings"] = result.extraction.warnings;
    ctx.out << j.dump(2) << "\n";
}

}  // namespace mapwire::cli::detail
