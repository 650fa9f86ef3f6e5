// UTF-8 validation and code-point offsets, the units in which mapwire reports text spans.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.hpp"

namespace mapwire::text {

// Raised for text that is not valid UTF-8; context says where.
class TextError : public ErrorKind<TextError> {
public:
    using ErrorKind::ErrorKind;
};

// The byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Throws TextError naming `source`, the line and column of the first invalid byte.
void require_utf8(std::string_view text, const std::string& source);

// Number of code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view text);

// Replaces, in valid UTF-8 text, what XML 1.0 cannot hold (C0 controls other than tab, line
// feed and carriage return: by a space; U+FFFE and U+FFFF: by U+FFFD), so that SVG, KML and
// GeoPackage text stays well-formed. Byte and code-point offsets are unchanged.
void replace_unwritable(std::string& text);

}  // namespace mapwire::text
