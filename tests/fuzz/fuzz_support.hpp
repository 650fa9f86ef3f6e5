// What the fuzz targets share: the dataset (opened once), scratch files, and the rule that a
// mapwire::Error is a correct answer to bad input while anything else escaping is a finding.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "events/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geoparse/geoparser.hpp"

namespace mapwire::fuzz {

inline std::string dataset_dir() {
    const char* env = std::getenv("MAPWIRE_DATA");
    return env && *env ? env : MAPWIRE_DEFAULT_DATA_DIR;
}

// The dataset's gazetteer, geoparser and event extractor, opened once per process.
struct Pipeline {
    gazetteer::Gazetteer gaz = gazetteer::Gazetteer::open(dataset_dir() + "/gazetteer.idx");
    geoparse::Geoparser parser{gaz, geoparse::Lexicon::load(dataset_dir() + "/lexicon.txt")};
    events::Extractor extractor{gaz, parser, dataset_dir() + "/mapwire.gpkg"};
};
inline const Pipeline& pipeline() {
    static const Pipeline p;
    return p;
}

// A file holding the input, in a folder of this process: the readers under test take paths.
inline std::string scratch_file(const std::uint8_t* data, std::size_t size, const char* name) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("mapwire-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

}  // namespace mapwire::fuzz
