// Streams of articles, one JSON object per line ({"id", "text", "date", ...}): each processed
// on its own, one result per line in input order, in bounded memory, on N cores. Shared by
// `geocode --ndjson` and `extract --ndjson`.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json/writer.hpp"

namespace mapwire::cli::detail {

// One article of the stream.
struct StreamArticle {
    std::size_t line = 0;  // 1-based line of the input
    std::string text, date;
};

// The result fields of one article (mentions, or events and figures), written one after
// another: field(name) starts one, and the next value written to the writer it returns is its
// value. Written, not built as a tree: a tree per article was the measured cost of a stream.
class ResultFields {
public:
    json::Writer& field(std::string name);

    std::size_t size() const { return starts_.size(); }
    const std::string& name(std::size_t i) const { return starts_[i].first; }
    std::string_view value(std::size_t i) const;  // as JSON text
    void clear();

private:
    json::Writer values_;  // the values, unseparated (see json::Writer)
    std::vector<std::pair<std::string, std::size_t>> starts_;  // name, offset in values_
};

// The work on one article: writes its result fields. May throw mapwire::Error or any
// exception: that line gets an error record and the stream goes on.
using ArticleWriter = std::function<void(const StreamArticle&, ResultFields&)>;

struct StreamCounts {
    std::size_t articles = 0, failed = 0;
};

// Reads `in` line by line (a blank line is no record), writes one line per record to `out`:
// {"id": ..., the record's other fields except "text", then the work's fields}, or for a
// line that is not a JSON object with a string "text", or whose work failed,
// {"line": N, "id": ... (when known), "error": "..."}. Lines go out in input order whatever
// `jobs` (threads used, 1 or more); at most kStreamBatch lines per job are held at once.
// A result field whose name is one of the record's takes that field's place.
StreamCounts run_stream(std::istream& in, std::ostream& out, unsigned jobs,
                        const ArticleWriter& work);

// The stream of a file, or standard input for "-"; throws IoError naming the file.
std::unique_ptr<std::istream> open_stream(const std::string& path);

// Throws mapwire::Error (bad input) naming how many of the stream's lines failed, when any
// did: the exit code says so, after every other line has been written.
void fail_if_any(const StreamCounts& counts);

inline constexpr std::size_t kStreamBatch = 256;

}  // namespace mapwire::cli::detail
