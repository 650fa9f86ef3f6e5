// What every command gets, in the program and in the GIS plugin alike: its output streams, the
// dataset folder and the article it reads.
#pragma once

#include <ostream>
#include <string>

#include "gazetteer/gazetteer.hpp"

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

}  // namespace mapwire::cli::detail
