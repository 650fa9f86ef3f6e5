// The dataset folder and the input article, for the program's commands and the plugin's.
#include "cli/detail/context.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/error.hpp"
#include "text/utf8.hpp"

namespace mapwire::cli::detail {

std::string dataset_dir(const Context& ctx) {
    if (!ctx.data_dir.empty()) return ctx.data_dir;
    if (const char* env = std::getenv("MAPWIRE_DATA"); env && *env) return env;
    return MAPWIRE_DEFAULT_DATA_DIR;
}

gazetteer::Gazetteer open_gazetteer(const Context& ctx) {
    return gazetteer::Gazetteer::open(dataset_dir(ctx) + "/gazetteer.idx");
}

namespace {

std::string read_bytes(const std::string& path) {
    std::ostringstream s;
    if (path == "-") {
        s << std::cin.rdbuf();
        return s.str();
    }
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        throw std::move(IoError("cannot open the input file", "check the path").in_file(path));
    if (std::filesystem::is_directory(status))
        throw std::move(Error("the input is a folder, not a text file", ExitCode::bad_input,
                              "give the article's file (or - for standard input)")
                            .in_file(path));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::move(IoError("cannot open the input file", "check the path").in_file(path));
    if (!std::filesystem::is_regular_file(status)) {  // a pipe, /dev/stdin: read as a stream
        s << in.rdbuf();
        if (in.bad()) throw std::move(IoError("cannot read the input").in_file(path));
        return s.str();
    }
    std::string data(static_cast<std::size_t>(std::filesystem::file_size(path, ec)), '\0');
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (in.bad() || ec) throw std::move(IoError("cannot read the input file").in_file(path));
    data.resize(static_cast<std::size_t>(in.gcount()));  // a file that shrank meanwhile
    return data;
}

}  // namespace

std::string read_input(const std::string& path) {
    std::string text = read_bytes(path);
    // Checked here, so that the article's own file and line are named; then made writable:
    // a control character in a headline must not make the SVG or KML ill-formed.
    text::require_utf8(text, path);
    text::replace_unwritable(text);
    return text;
}

}  // namespace mapwire::cli::detail
