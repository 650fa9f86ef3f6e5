// Loads the GIS plugin (detail/gis_plugin.hpp) the first time one of its commands runs.
//
// The plugin lies at MAPWIRE_GIS_PLUGIN relative to the folder of the running program: as
// installed, bin/mapwire and lib/mapwire/mapwire-gis.so; the build tree mirrors that layout
// (build/src/mapwire, build/lib/mapwire/mapwire-gis.so), and test and benchmark programs in
// build/tests/ and build/bench/ find it the same way.
#include <dlfcn.h>

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "base/error.hpp"
#include "cli/detail/gis_plugin.hpp"

namespace mapwire::cli::detail {
namespace {

struct HandleCloser {
    void operator()(void* handle) const { ::dlclose(handle); }
};
using Handle = std::unique_ptr<void, HandleCloser>;

std::string plugin_path() {
    std::error_code ec;
    const auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        throw Error("cannot find the folder of the running program to load " +
                        std::string(MAPWIRE_GIS_PLUGIN) + ": " + ec.message(),
                    ExitCode::failure);
    return (program.parent_path() / MAPWIRE_GIS_PLUGIN).lexically_normal().string();
}

IoError load_error(const std::string& path, const std::string& why) {
    return std::move(
        IoError("cannot load mapwire's GIS plugin, which this command needs: " + why,
                "it is built with the program (CMake target mapwire_gis) and installed as " +
                    std::string(MAPWIRE_GIS_PLUGIN) +
                    " from the program's folder; `mapwire lookup` and `mapwire geocode` work "
                    "without it")
            .in_file(path));
}

// The loaded plugin, for the rest of the process: RTLD_NODELETE keeps it and the libraries it
// loaded (GDAL's, Cairo's) mapped after dlclose, since exit handlers that they register may
// still run, and LeakSanitizer, checking at exit, matches its suppressions
// (tests/sanitizer/lsan.supp) by those libraries' names.
class Plugin {
public:
    Plugin() {
        const std::string path = plugin_path();
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) throw load_error(path, "no such file");
        handle_.reset(::dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL | RTLD_NODELETE));
        if (!handle_) throw load_error(path, ::dlerror());
        const auto entry = reinterpret_cast<GisEntryPoint>(::dlsym(handle_.get(), kGisEntryPoint));
        if (!entry) throw load_error(path, ::dlerror());
        commands_ = entry();
        if (!commands_ || commands_->interface != kGisInterface)
            throw load_error(path, "it was built for another version of the program");
    }
    const GisCommands& commands() const { return *commands_; }

private:
    Handle handle_;
    const GisCommands* commands_ = nullptr;
};

}  // namespace

const GisCommands& gis_commands() {
    static const Plugin plugin;  // a failed load throws and is tried again on the next call
    return plugin.commands();
}

}  // namespace mapwire::cli::detail
