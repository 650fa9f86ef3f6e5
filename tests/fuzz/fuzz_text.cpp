// Fuzz target: the geoparser and the event extractor on arbitrary bytes (as an article).
#include <string_view>

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
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        parser.parse(text, "fuzz");
        extractor.extract(text, "fuzz", {});
    } catch (const Error&) {
        // invalid UTF-8 and the like: refused with a message, as it should be
    }
    return 0;
}
