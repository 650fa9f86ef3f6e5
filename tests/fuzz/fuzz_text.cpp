// Fuzz target: the geoparser and the event extractor on arbitrary bytes (as an article).
#include <string_view>

#include "base/error.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mapwire;
    const auto& [gaz, parser, extractor] = fuzz::pipeline();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        parser.parse(text, "fuzz");
        extractor.extract(text, "fuzz", {});
    } catch (const Error&) {
        // invalid UTF-8 and the like: refused with a message, as it should be
    }
    return 0;
}
