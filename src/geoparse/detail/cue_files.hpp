// The cue files of geodata/cues/, compiled in (see src/geoparse/CMakeLists.txt).
#pragma once

#include <string_view>

namespace mapwire::geoparse::detail {

// The text of one cue file ("titles.txt"); asserts that it exists (a missing file is our bug).
std::string_view cue_file(std::string_view name);

}  // namespace mapwire::geoparse::detail
