// The subcommands, each registering its options on the shared CLI11 app.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

namespace mapwire::cli::detail {

struct Context {
    std::ostream& out;
    std::ostream& err;
    std::string data_dir;  // from --data; resolved by dataset_dir()
};

// The dataset folder: --data, else $MAPWIRE_DATA, else the build's default.
std::string dataset_dir(const Context& ctx);

// A registered subcommand and what it does once its options are parsed.
struct Command {
    CLI::App* app;
    std::function<void()> action;
};

Command add_lookup_command(CLI::App& app, Context& ctx);
Command add_geodata_command(CLI::App& app, Context& ctx);

}  // namespace mapwire::cli::detail
