// Fuzz target: the GeoNames dump reader on arbitrary bytes (as a dump file).
#include "base/error.hpp"
#include "fuzz_support.hpp"
#include "geodata/detail/geonames.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mapwire;
    const std::string path = fuzz::scratch_file(data, size, "dump.txt");
    try {
        geodata::detail::read_geonames(path, [](auto&&) {});
    } catch (const Error&) {
        // a bad row, reported at its line
    }
    return 0;
}
