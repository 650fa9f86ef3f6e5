// The subcommands, each registering its options on the shared CLI11 app.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "events/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geoparse/geoparser.hpp"
#include "render/map.hpp"
#include "style/style.hpp"

namespace mapwire::cli::detail {

struct Context {
    std::ostream& out;
    std::ostream& err;
    std::string data_dir;  // from --data; resolved by dataset_dir()
};

// The dataset folder: --data, else $MAPWIRE_DATA, else the build's default.
std::string dataset_dir(const Context& ctx);
gazetteer::Gazetteer open_gazetteer(const Context& ctx);

// The whole of a file, or of standard input for "-"; throws IoError naming the file.
std::string read_input(const std::string& path);

// A registered subcommand and what it does once its options are parsed.
struct Command {
    CLI::App* app;
    std::function<void()> action;
};

Command add_lookup_command(CLI::App& app, Context& ctx);
Command add_geodata_command(CLI::App& app, Context& ctx);
Command add_geocode_command(CLI::App& app, Context& ctx);
Command add_eval_command(CLI::App& app, Context& ctx);
Command add_extract_command(CLI::App& app, Context& ctx);
Command add_map_command(CLI::App& app, Context& ctx);
Command add_render_command(CLI::App& app, Context& ctx);

// The map pipeline shared by `map` and `render`: extract, draw, write GeoJSON, and the same
// layers as map.gpkg / map.kml for each of `vector_formats` ("gpkg", "kml").
struct ArticleMap {
    events::Extraction extraction;
    render::RenderReport report;
};
ArticleMap map_article(const gazetteer::Gazetteer& gaz, const geoparse::Geoparser& parser,
                       const std::string& dataset, const std::string& article,
                       const std::string& date, const style::Style& style,
                       render::MapOptions options, const std::string& out_dir, bool geojson,
                       const std::vector<std::string>& vector_formats = {}, bool per_event = false);
std::string styles_dir();

}  // namespace mapwire::cli::detail
