// Dispatch and the one place where exceptions become messages, hints and exit codes.
#include "cli/cli.hpp"

#include <algorithm>
#include <exception>

#include "base/error.hpp"
#include "cli/detail/commands.hpp"

namespace mapwire::cli {

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    detail::Context ctx{out, err, {}};
    CLI::App app{"mapwire: geocode conflict reporting and map it",
                 args.empty() ? "mapwire" : args[0]};
    app.set_version_flag("--version", std::string("mapwire ") + MAPWIRE_VERSION);
    app.require_subcommand(1);
    app.add_option("--data", ctx.data_dir,
                   "Dataset folder (default: $MAPWIRE_DATA or the build's geodata/)");
    const std::vector<detail::Command> commands = {
        detail::add_lookup_command(app, ctx),  detail::add_geodata_command(app, ctx),
        detail::add_geocode_command(app, ctx), detail::add_eval_command(app, ctx),
        detail::add_extract_command(app, ctx), detail::add_map_command(app, ctx),
        detail::add_render_command(app, ctx)};

    try {
        std::vector<std::string> rest(args.rbegin(), args.rend() - (args.empty() ? 0 : 1));
        app.parse(rest);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return 0;
    } catch (const CLI::CallForVersion&) {
        out << app.version() << "\n";
        return 0;
    } catch (const CLI::ParseError& e) {
        // "mapwire frobnicate": CLI11 says only that a command is required; name the word.
        std::string message = e.what();
        const bool any_command = std::any_of(commands.begin(), commands.end(),
                                             [](const auto& c) { return c.app->parsed(); });
        if (!any_command)
            for (std::size_t i = 1; i < args.size(); ++i) {
                if (args[i] == "--data") {  // the one global option with a value
                    ++i;
                    continue;
                }
                if (args[i].empty() || args[i][0] == '-') continue;
                message = "unknown command '" + args[i] +
                          "' (commands: lookup, geocode, extract, map, render, eval, geodata)";
                break;
            }
        err << "mapwire: error: " << message << "\n";
        err << "hint: run `mapwire --help` or `mapwire COMMAND --help`\n";
        return static_cast<int>(ExitCode::usage);
    }

    try {
        for (const auto& command : commands)
            if (command.app->parsed()) command.action();
        return 0;
    } catch (const Error& e) {
        err << "mapwire: error: " << e.describe() << "\n";
        if (!e.hint().empty()) err << "hint: " << e.hint() << "\n";
        return static_cast<int>(e.code());
    } catch (const std::bad_alloc&) {
        err << "mapwire: error: out of memory\n";
        return static_cast<int>(ExitCode::failure);
    } catch (const std::exception& e) {
        err << "mapwire: internal error: " << e.what() << "\n";
        err << "hint: this is a bug in mapwire; please report it with the command you ran\n";
        return static_cast<int>(ExitCode::failure);
    }
}

}  // namespace mapwire::cli
