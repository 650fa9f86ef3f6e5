// Where the dataset tests find the built dataset, the fetched sources and the shared fixtures.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace mapwire::testing {

// Runs a shell command; its output (stdout and stderr), followed by "(exit N)" when it fails.
inline std::string run_tool(const std::string& command) {
    std::array<char, 4096> buf{};
    std::string out;
    FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    if (!p) return "cannot run: " + command;
    while (std::fgets(buf.data(), buf.size(), p)) out += buf.data();
    const int rc = ::pclose(p);
    if (rc != 0) out += "\n(exit " + std::to_string(rc) + ")";
    return out;
}

inline std::string dataset_dir() {
    if (const char* env = std::getenv("MAPWIRE_DATA"); env && *env) return env;
    return MAPWIRE_DEFAULT_DATA_DIR;
}

inline std::string shared_dir() {
    return MAPWIRE_SHARED_DIR;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A reference figure from a fixture README's table row: "| label ... | 599,094 km² |".
// Returns a negative number when the row is not found.
inline double reference_figure(const std::string& readme, const std::string& label_start) {
    std::istringstream in(read_text(readme));
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("| " + label_start, 0) != 0) continue;
        const auto bar = line.rfind('|', line.size() - 2);
        std::string cell = line.substr(bar + 1);
        std::string digits;
        for (char c : cell)
            if ((c >= '0' && c <= '9') || c == '.') digits.push_back(c);
        return digits.empty() ? -1 : std::stod(digits);
    }
    return -1;
}

// The `mapwire geodata` arguments that scripts/setup.sh used for the bundled sources.
inline std::vector<std::string> geodata_args() {
    std::vector<std::string> args;
    std::ifstream in(std::string(MAPWIRE_SOURCES_DIR) + "/geodata-args.txt");
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) args.push_back(line);
    return args;
}

}  // namespace mapwire::testing
