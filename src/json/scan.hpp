// A fast reader for one line of JSON (a stream's article, an event table's record): nlohmann's
// own lexer reads a character at a time and took most of the time of a table's reading
// (100,000 events, 75 MB: 1.8 s of a 2.9 s map); this one finds the end of a string with
// tight loops and decodes only what has escapes. RFC 8259 syntax; the caller checks UTF-8.
// It refuses what nlohmann's parser refuses, and a little more (nesting beyond 64, numbers
// out of a double's range): a caller that needs nlohmann's error message, or its reading of
// such a line, parses a refused line again with nlohmann.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "json/writer.hpp"

namespace mapwire::json {

// Feeds `text` (one JSON value, whitespace around it allowed) to `sax`; false on a syntax
// error (after sax.parse_error) or when the handler stops. Integers as nlohmann reads them:
// number_integer when they fit an int64, else number_unsigned when they fit a uint64, else
// number_float.
bool scan(std::string_view text, nlohmann::json_sax<nlohmann::json>& sax);

// One member of an object: its name (decoded) and its value's bytes as they are in the text.
struct Member {
    std::string key;
    std::string_view value;
};

// The members of `text`, one JSON object, in text order, repeated names kept; false when
// `text` is anything else or is refused (see above). Values are checked, not decoded.
bool scan_members(std::string_view text, std::vector<Member>& members);

// Decodes `value`, a JSON string with its quotes as scan_members gives it, into `out`.
bool scan_string(std::string_view value, std::string& out);

// Writes the value in `text` as nlohmann::ordered_json::parse(text).dump() would (members in
// text order, repeated names kept: a caller wanting nlohmann::json's sorted, deduplicated
// objects parses those itself); false when refused, with part of it maybe written.
bool rewrite(std::string_view text, Writer& out);

}  // namespace mapwire::json
