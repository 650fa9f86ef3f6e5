// The subcommands, each registering its options on the shared CLI11 app. lookup and geocode
// run in the program; geodata, extract, eval, map and render run in the GIS plugin
// (detail/gis_plugin.hpp), which the program loads only when one of them is called.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/detail/context.hpp"

namespace mapwire::cli::detail {

// A registered subcommand and what it does once its options are parsed.
struct Command {
    CLI::App* app;
    std::function<void()> action;
};

Command add_lookup_command(CLI::App& app, Context& ctx);
Command add_geocode_command(CLI::App& app, Context& ctx);
// gis_commands.cpp: the options of the plugin's commands; their actions call the plugin.
Command add_geodata_command(CLI::App& app, Context& ctx);
Command add_eval_command(CLI::App& app, Context& ctx);
Command add_extract_command(CLI::App& app, Context& ctx);
Command add_map_command(CLI::App& app, Context& ctx);
Command add_render_command(CLI::App& app, Context& ctx);

}  // namespace mapwire::cli::detail
