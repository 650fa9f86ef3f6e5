// Fuzz target: control-layer reading and measurement on arbitrary bytes (as a GeoJSON file):
// a territory figure of the seed kind measured against it.
#include "base/error.hpp"
#include "events/extractor.hpp"
#include "fuzz_support.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geoparse/geoparser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mapwire;
    static const auto gaz = gazetteer::Gazetteer::open(fuzz::dataset_dir() + "/gazetteer.idx");
    static const geoparse::Geoparser parser(
        gaz, geoparse::Lexicon::load(fuzz::dataset_dir() + "/lexicon.txt"));
    static const events::Extractor extractor(gaz, parser, fuzz::dataset_dir() + "/mapwire.gpkg");
    const std::string path = fuzz::scratch_file(data, size, "control.geojson");
    try {
        extractor.extract("Russia occupies about 20% of Ukraine's territory.", "fuzz",
                          {.date = "2025-03-01", .control_layer = path});
    } catch (const Error&) {
        // a broken layer, named with its file and feature
    }
    return 0;
}
