// The readers of each table format (event_table.cpp dispatches); each hands every event it
// reads to `keep`, which filters and counts.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "archive/event_table.hpp"

namespace mapwire::archive::detail {

using KeepEvent = std::function<void(events::Event&&)>;

// NDJSON: each line one article's record from `extract --ndjson`.
void read_ndjson_events(const std::string& path, const gazetteer::Gazetteer& gazetteer,
                        TableCounts& counts, const KeepEvent& keep);
// mapwire's `events` layer in a GeoPackage or FlatGeobuf, through geometry (GDAL).
void read_layer_events(const std::string& path, const gazetteer::Gazetteer& gazetteer,
                       TableCounts& counts, const KeepEvent& keep);

// Where in a table a value was read: a file's line (NDJSON) or feature (layers).
struct Where {
    std::string file;
    int line = 0;
    std::string feature;
};

// The error of a bad value: names the file, line or feature, the field, and what to fix.
TableError bad_field(const Where& where, const std::string& field, const std::string& what,
                     const std::string& fix);

// The place of a gazetteer id read from a table; throws when the dataset lacks it.
gazetteer::Place table_place(const gazetteer::Gazetteer& gazetteer, const std::string& id,
                             const Where& where, const std::string& field);

// "fact", "claim", "allegation"; throws for anything else.
events::Reporting table_reporting(const std::string& text, const Where& where,
                                  const std::string& field);

// "day", "week", "month", "year", "approximate" or "" (no date); throws for anything else.
events::DatePrecision table_date_precision(const std::string& text, const Where& where,
                                           const std::string& field);

// One of ACLED's event type names ("Battles"); throws for anything else, "" too.
events::EventType table_event_type(const std::string& text, const Where& where,
                                   const std::string& field);

// One of ACLED's sub-event type names, or "" (none); throws for anything else.
std::optional<events::SubEventType> table_sub_type(const std::string& text, const Where& where,
                                                   const std::string& field);

// Throws when the event's sub-type belongs to another type than the event's.
void check_sub_type_parent(const events::Event& e, const Where& where, const std::string& field);

// A YYYY-MM-DD day or ""; throws for anything else.
std::string table_date(const std::string& text, const Where& where, const std::string& field);

}  // namespace mapwire::archive::detail
