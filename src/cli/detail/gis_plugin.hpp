// The interface between the program and its GIS plugin, mapwire-gis.so.
//
// The commands that need GDAL, GEOS, PROJ, Cairo, Pango or yaml-cpp (geodata, extract, eval,
// map, render) run in a plugin that the program loads only when one of them is called. Linking
// those libraries into the program made every process load them: 143 shared objects whose
// relocation and static initialisers (GDAL's dependencies: libheif, libde265, poppler ...)
// took about 55 ms before main() on the project's 2-core machine (`mapwire --version` 55 ms,
// `mapwire geocode` on the seed article 70 ms). lookup and geocode need only the gazetteer
// and the geoparser; without those libraries the program loads 7 shared objects, starts in
// under 2 ms, and geocodes the seed article in 10 ms as a whole process.
//
// The program parses every command's options (so help and usage errors need no plugin) into
// the argument structs below and calls the plugin's function for the command. Both sides are
// built from this header in one build; the plugin reports the interface it was built with and
// the program refuses another.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/detail/context.hpp"

namespace mapwire::cli::detail {

// Bump when any struct in this header changes.
// 2: RenderArgs::output_dir, allow_outside; 3: MapArgs::control_date, control_source,
// ExtractArgs::ndjson, jobs; 4: MapArgs::datasource, doc_id; 5: MapArgs::names; 6: output
// formats as types (render::MapFormat, exporter::VectorFormat).
inline constexpr int kGisInterface = 6;

struct GeodataArgs {
    std::vector<std::string> ne_dirs, geonames, first_names;
    std::string world_atlas, us_counties, curated_dir, out_dir;
    std::optional<std::string> iso_codes_dir, words;  // unset: the pipeline's defaults
    std::string worldview = "de-jure";
};

struct ExtractArgs {
    std::string input, date, control, geojson;
    bool ndjson = false;  // input is a stream of {"id", "text", "date"} lines
    unsigned jobs = 1;
};

struct EvalArgs {
    std::string corpus, format = "text";
    bool verbose = false;
};

struct MapArgs {
    std::string input, date, control, control_date, control_source,
        style = "light", size = "2400x1600", out = "out", title, subtitle, description,
        background = "page", source, projection, extent, formats = "png,svg,pdf";
    std::string datasource, doc_id;  // the layers upserted there, as this document
    std::string names = "english";   // the naming policy: english, local or both
    double dpi = 192;
    bool no_inset = false;
};

struct RenderArgs {
    std::string config, only;
    bool check = false;
    unsigned jobs = 0;
    std::string output_dir;      // replaces the configuration's; may be anywhere
    bool allow_outside = false;  // a trusted configuration may read and write anywhere
};

// What the plugin provides: each function runs one command and reports failure by throwing
// mapwire::Error (or another exception), as the program's own commands do.
struct GisCommands {
    int interface;  // kGisInterface of the plugin's build
    void (*geodata)(const GeodataArgs&, Context&);
    void (*extract)(const ExtractArgs&, Context&);
    void (*eval)(const EvalArgs&, Context&);
    void (*map)(const MapArgs&, Context&);
    void (*render)(const RenderArgs&, Context&);
};

// The plugin's one exported symbol.
inline constexpr const char* kGisEntryPoint = "mapwire_gis_commands";
using GisEntryPoint = const GisCommands* (*)();

// Program side (gis_loader.cpp): the plugin's commands, loading it on first use. Throws
// mapwire::Error naming the plugin's file when it is missing or cannot be loaded.
const GisCommands& gis_commands();

// Plugin side: one function per command, each in its NAME_command.cpp.
void run_geodata(const GeodataArgs& args, Context& ctx);
void run_extract(const ExtractArgs& args, Context& ctx);
void run_eval(const EvalArgs& args, Context& ctx);
void run_map(const MapArgs& args, Context& ctx);
void run_render(const RenderArgs& args, Context& ctx);

// The styles folder `map` and `render` find style names in: $MAPWIRE_STYLES, else the source
// tree's styles/.
std::string styles_dir();

}  // namespace mapwire::cli::detail
