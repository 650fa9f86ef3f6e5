// The options of the commands that run in the GIS plugin (geodata, extract, eval, map, render;
// detail/gis_plugin.hpp says why they are there): parsed here, in the program, so that help and
// usage errors need no plugin; each action loads the plugin and hands it the parsed arguments.
#include <memory>

#include "cli/detail/commands.hpp"
#include "cli/detail/gis_plugin.hpp"

namespace mapwire::cli::detail {

Command add_geodata_command(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<GeodataArgs>();
    a->curated_dir = std::string(MAPWIRE_SOURCE_DIR) + "/geodata";
    CLI::App* cmd = app.add_subcommand("geodata", "Build the bundled dataset from source files");
    cmd->add_option("--ne-dir", a->ne_dirs,
                    "Folder with Natural Earth 10m shapefiles (repeatable; searched in order)")
        ->required();
    cmd->add_option("--world-atlas", a->world_atlas, "world-atlas countries-10m.json (TopoJSON)");
    cmd->add_option("--us-counties", a->us_counties,
                    "us-atlas counties-10m.json (TopoJSON): US counties as admin-2 units");
    cmd->add_option("--geonames", a->geonames,
                    "GeoNames dump (cities500.txt first; then e.g. UA.txt or allCountries.txt)")
        ->required();
    cmd->add_option("--iso-codes", a->iso_codes_dir, "iso-codes JSON folder");
    cmd->add_option("--words", a->words, "English word list for the geoparser (Debian wamerican)");
    cmd->add_option("--first-names", a->first_names,
                    "First-name list, one a line (repeatable): marks personal names");
    cmd->add_option("--curated", a->curated_dir,
                    "Folder of curated tables (the repository's geodata/)");
    cmd->add_option("--out", a->out_dir, "Output folder (default: the dataset folder)");
    cmd->add_option("--worldview", a->worldview,
                    "Borders: de-jure (internationally recognised) or de-facto")
        ->check(CLI::IsMember({"de-jure", "de-facto"}));
    return {cmd, [a, &ctx] { gis_commands().geodata(*a, ctx); }};
}

Command add_extract_command(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<ExtractArgs>();
    CLI::App* cmd =
        app.add_subcommand("extract", "Extract events and territory figures from an article");
    cmd->add_option("FILE", a->input, "Article as UTF-8 text, or - for standard input")->required();
    cmd->add_option("--date", a->date, "Publication date (YYYY-MM-DD) for relative dates");
    cmd->add_option("--control", a->control, "Control-area layer (any vector format GDAL reads)");
    cmd->add_option("--geojson", a->geojson, "Also write events, places and figures .geojson here");
    cmd->add_flag("--ndjson", a->ndjson,
                  "FILE is a stream: one {\"id\", \"text\", \"date\"} object per line in, one "
                  "result per line out, in order");
    cmd->add_option("--jobs", a->jobs, "Threads for --ndjson (same output order)")
        ->check(CLI::Range(1u, 256u));
    return {cmd, [a, &ctx] { gis_commands().extract(*a, ctx); }};
}

Command add_eval_command(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<EvalArgs>();
    CLI::App* cmd =
        app.add_subcommand("eval", "Score geotagging, geocoding and events on an annotated corpus");
    cmd->add_option("CORPUS", a->corpus, "Corpus JSON (see tests/data/corpus/corpus.json)")
        ->required();
    cmd->add_option("--format", a->format, "Output format")->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag("--verbose", a->verbose, "List every miss, false alarm and wrong place");
    return {cmd, [a, &ctx] { gis_commands().eval(*a, ctx); }};
}

Command add_map_command(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<MapArgs>();
    CLI::App* cmd = app.add_subcommand(
        "map", "Draw an annotated map of an article (PNG, SVG, PDF) with GeoJSON layers");
    cmd->add_option("ARTICLE", a->input, "Article as UTF-8 text, or - for standard input")
        ->required();
    cmd->add_option("--date", a->date,
                    "Publication date (YYYY-MM-DD): relative dates and 'data as of'");
    cmd->add_option("--control", a->control,
                    "Control-area layer to tint (any vector format GDAL reads)");
    cmd->add_option("--control-date", a->control_date,
                    "The control layer's date (YYYY-MM-DD; default: a date in its file name)");
    cmd->add_option("--control-source", a->control_source,
                    "Who made the control layer, for the credits (default: its file name)");
    cmd->add_option("--names", a->names,
                    "Place names: english (Kyiv), local (Київ) or both (Kyiv / Київ)");
    cmd->add_option("--style", a->style, "Style name (light, dark, print-grey) or YAML file");
    cmd->add_option("--size", a->size, "Output size in pixels, WIDTHxHEIGHT");
    cmd->add_option("--dpi", a->dpi, "Pixels per inch (96: one CSS pixel per pixel)");
    cmd->add_option("--out", a->out, "Output folder");
    cmd->add_option("--title", a->title, "Title (default: the article's headline)");
    cmd->add_option("--subtitle", a->subtitle, "Subtitle");
    cmd->add_option("--background", a->background,
                    "page (panels painted) or none (transparent, for a page of your own)")
        ->check(CLI::IsMember({"page", "none"}));
    cmd->add_option("--description", a->description,
                    "Alt text for screen readers (default: the events in words)");
    cmd->add_option("--source", a->source,
                    "Source credited on the map (the article's publication)");
    cmd->add_option("--projection", a->projection,
                    "PROJ string or EPSG code (default: a conic for the extent)");
    cmd->add_option("--extent", a->extent,
                    "min_lon,min_lat,max_lon,max_lat (default: from the events)");
    cmd->add_option("--formats", a->formats, "Comma-separated: png, svg, pdf, html");
    cmd->add_flag("--no-inset", a->no_inset, "Leave out the locator inset");
    cmd->add_option("--datasource", a->datasource,
                    "Also upsert the layers into this GDAL datasource: \"PG:dbname=NAME host=H "
                    "port=P\" (PostGIS) or a .gpkg; rows keyed by --doc-id");
    cmd->add_option("--doc-id", a->doc_id,
                    "The document's id in the datasource (default: the article's file name)");
    return {cmd, [a, &ctx] { gis_commands().map(*a, ctx); }};
}

Command add_render_command(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<RenderArgs>();
    CLI::App* cmd = app.add_subcommand("render", "Render the maps a configuration file describes");
    cmd->add_option("CONFIG", a->config, "Configuration (YAML or JSON; see docs/config.md)")
        ->required();
    cmd->add_flag("--check", a->check, "Validate the configuration only; write nothing");
    cmd->add_option("--only", a->only,
                    "Render only the map with this name (a series' name renders all its maps)");
    cmd->add_option("--jobs", a->jobs, "Maps rendered at once (default: the number of cores)");
    cmd->add_option("--output-dir", a->output_dir,
                    "Write the maps here instead of the configuration's output_dir (any folder)");
    cmd->add_flag("--allow-outside", a->allow_outside,
                  "Trust the configuration: let it read and write outside its own folder");
    return {cmd, [a, &ctx] { gis_commands().render(*a, ctx); }};
}

}  // namespace mapwire::cli::detail
