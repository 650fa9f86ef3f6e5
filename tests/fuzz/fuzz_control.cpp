// Fuzz target: control-layer reading and measurement on arbitrary bytes (as a GeoJSON file):
// a territory figure of the seed kind measured against it.
#include "base/error.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mapwire;
    const auto& extractor = fuzz::pipeline().extractor;
    const std::string path = fuzz::scratch_file(data, size, "control.geojson");
    try {
        extractor.extract("Russia occupies about 20% of Ukraine's territory.", "fuzz",
                          {.date = "2025-03-01", .control_layer = path});
    } catch (const Error&) {
        // a broken layer, named with its file and feature
    }
    return 0;
}
