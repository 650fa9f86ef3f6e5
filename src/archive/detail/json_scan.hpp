// A JSON reader for one line of an event table, driving a SAX handler: nlohmann's own lexer
// reads a character at a time and took most of the time of a table's reading (100,000
// events, 75 MB: 1.8 s of a 2.9 s map); this one finds the end of a string with memchr-speed
// loops and decodes only what has escapes. RFC 8259 syntax; the caller checks UTF-8.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace mapwire::archive::detail {

// Feeds `text` (one JSON value, whitespace around it allowed) to `sax`; false on a syntax
// error (after sax.parse_error) or when the handler stops.
bool scan_json(std::string_view text, nlohmann::json_sax<nlohmann::json>& sax);

}  // namespace mapwire::archive::detail
