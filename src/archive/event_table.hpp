// Tables of extracted events read back into the extractor's own Event values, so that a map
// of a year of events is drawn as a map of one article's: the NDJSON that `mapwire extract
// --ndjson` writes, or mapwire's `events` layer as a GeoPackage or FlatGeobuf (docs/layers.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "events/event.hpp"
#include "gazetteer/gazetteer.hpp"

namespace mapwire::archive {

// A bad table: the message names the file, the line or feature, the field and the fix.
class TableError : public ErrorKind<TableError> {
public:
    using ErrorKind::ErrorKind;
};

// Inclusive ISO days (YYYY-MM-DD); an empty end is open.
struct DateRange {
    std::string from, to;
    bool any() const { return !from.empty() || !to.empty(); }
    bool contains(const std::string& day) const {
        return (from.empty() || day >= from) && (to.empty() || day <= to);
    }
};

enum class TableFormat { ndjson, gpkg, fgb };

// What a table held beside the events kept: each left-out event is counted, never dropped
// in silence.
struct TableCounts {
    std::size_t records = 0;        // NDJSON lines or features read
    std::size_t error_records = 0;  // NDJSON lines that are the stream's error records
    std::size_t events = 0;         // events in the table
    std::size_t outside = 0;        // dated outside the range
    std::size_t undated = 0;        // no date while a range is given
    std::size_t background = 0;     // past events the texts recall: off maps, as for an article
    std::size_t unlocated = 0;      // kept, but with no location to draw
};

struct EventTable {
    std::vector<events::Event> events;  // in table order; ids "ARTICLE_ID/e1" (NDJSON)
    TableCounts counts;
    std::string last_date;      // the latest event date kept, "" when none
    std::string focus_country;  // the country most events lie in, "" when none
};

// The table's format from its name (.ndjson, .jsonl, .json; .gpkg; .fgb); nullopt otherwise.
std::optional<TableFormat> table_format(const std::string& path);

// Reads the events of `path` dated within `range`. Locations are looked up by their gazetteer
// id (a table written with another dataset names ids this one may lack: an error saying so).
// Throws TableError for a malformed record, IoError for an unreadable file.
EventTable read_event_table(const std::string& path, const gazetteer::Gazetteer& gazetteer,
                            const DateRange& range = {});

}  // namespace mapwire::archive
