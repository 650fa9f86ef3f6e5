// One line of an NDJSON stream read as a record, and the line written for it: the record's
// own fields pass through to the output as nlohmann::json would write them (the stream's
// output contract predates this reader), beside the work's result fields.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/detail/ndjson.hpp"

namespace mapwire::cli::detail {

struct StreamRecord {
    bool object = false;              // false: JSON, but not an object
    std::optional<std::string> id;    // the "id" value as JSON text
    std::optional<std::string> text;  // the "text" value, decoded, when it is a string
    // Every other field, name and value as JSON text, sorted by name, a repeated name's last
    // value: as nlohmann::json (a sorted map) holds and dumps them.
    std::vector<std::pair<std::string, std::string>> fields;
};

// Reads one line of valid UTF-8; throws mapwire::Error when it is no JSON value, its message
// nlohmann's.
StreamRecord read_record(std::string_view line);

// {"id": the record's or null, its fields, the result's fields}: a result field of a name the
// record has takes its place.
std::string record_output(const StreamRecord& record, const ResultFields& result);

// {"line": N, "id": ... (when known), "error": "..."}
std::string error_output(std::size_t line, const std::optional<std::string>& id,
                         const std::string& message);

}  // namespace mapwire::cli::detail
