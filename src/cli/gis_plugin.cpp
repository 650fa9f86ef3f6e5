// The GIS plugin's entry point: the table of its commands (detail/gis_plugin.hpp).
#include "cli/detail/gis_plugin.hpp"

#include <type_traits>

namespace {

namespace detail = mapwire::cli::detail;

constexpr detail::GisCommands kCommands = {detail::kGisInterface, detail::run_geodata,
                                           detail::run_extract,   detail::run_eval,
                                           detail::run_map,       detail::run_render};

}  // namespace

// The only symbol the plugin exports (the build hides all others).
extern "C" [[gnu::visibility("default")]] const detail::GisCommands* mapwire_gis_commands() {
    return &kCommands;
}
static_assert(std::is_same_v<decltype(&mapwire_gis_commands), detail::GisEntryPoint>);
