// The JSON of an extraction, as `mapwire extract` prints it and `extract --ndjson` writes a line
// of (docs/events.md): its events with ACLED's codes, its territory figures, its warnings,
// streamed onto a json::Writer. The archive's NDJSON reader reads the events back.
#pragma once

#include <functional>
#include <string_view>

#include "events/extractor.hpp"
#include "gazetteer/place.hpp"
#include "json/writer.hpp"

namespace mapwire::exporter {

// Writes a place as the command line's JSON writes it everywhere (lookup, geocode, extract);
// `full` adds population, area, ISO code and occupation (the territory of a figure).
using PlaceWriter = std::function<void(json::Writer&, const gazetteer::Place&, bool full)>;
// Starts the top-level field `name` and returns the writer that takes its value next.
using FieldStart = std::function<json::Writer&(std::string_view name)>;

// The fields "date", "events", "figures", "warnings" of `x`, in that order, each started by
// `field`; numbers rounded as documented: the same bytes for the same extraction.
void write_extraction_fields(const events::Extraction& x, const PlaceWriter& place,
                             const FieldStart& field);

// The same fields as one object onto `w` (pretty-printed when `w` is).
void write_extraction(json::Writer& w, const events::Extraction& x, const PlaceWriter& place);

}  // namespace mapwire::exporter
