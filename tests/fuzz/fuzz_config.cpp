// Fuzz target: the configuration loader on arbitrary bytes (as a YAML or JSON file).
#include "base/error.hpp"
#include "config/config.hpp"
#include "fuzz_support.hpp"
#include "gazetteer/gazetteer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mapwire;
    static const auto gaz = gazetteer::Gazetteer::open(fuzz::dataset_dir() + "/gazetteer.idx");
    const std::string path = fuzz::scratch_file(data, size, "config.yaml");
    try {
        config::load(path, gaz, MAPWIRE_SOURCE_DIR "/styles");
    } catch (const Error&) {
        // a configuration error, reported at its line
    }
    return 0;
}
