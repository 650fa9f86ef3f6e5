// The dataset folder and the input article, for the program's commands and the plugin's.
#include "cli/detail/context.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/error.hpp"

namespace mapwire::cli::detail {

std::string dataset_dir(const Context& ctx) {
    if (!ctx.data_dir.empty()) return ctx.data_dir;
    if (const char* env = std::getenv("MAPWIRE_DATA"); env && *env) return env;
    return MAPWIRE_DEFAULT_DATA_DIR;
}

gazetteer::Gazetteer open_gazetteer(const Context& ctx) {
    return gazetteer::Gazetteer::open(dataset_dir(ctx) + "/gazetteer.idx");
}

std::string read_input(const std::string& path) {
    std::ostringstream s;
    if (path == "-") {
        s << std::cin.rdbuf();
        return s.str();
    }
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw std::move(IoError("cannot open the input file", "check the path").in_file(path));
    std::string data(static_cast<std::size_t>(in.tellg()), '\0');  // one copy, not two
    in.seekg(0);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (in.bad()) throw std::move(IoError("cannot read the input file").in_file(path));
    return data;
}

}  // namespace mapwire::cli::detail
