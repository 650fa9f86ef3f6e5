// Fuzz target: the style loader on arbitrary bytes (as style overrides over the light style).
#include <string>

#include "base/error.hpp"
#include "fuzz_support.hpp"
#include "style/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mapwire;
    static const style::Style base = style::load_style("light", MAPWIRE_SOURCE_DIR "/styles");
    try {
        style::with_overrides(base, std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    } catch (const Error&) {
        // a style error, reported at its key
    }
    return 0;
}
