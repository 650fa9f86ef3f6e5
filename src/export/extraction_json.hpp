// The JSON of an extraction, as `mapwire extract` prints it and `extract --ndjson` writes a line
// of (docs/events.md): its events with ACLED's codes, its territory figures, its warnings. The
// archive's NDJSON reader reads the events back.
#pragma once

#include <functional>

#include <nlohmann/json.hpp>

#include "events/extractor.hpp"
#include "gazetteer/place.hpp"

namespace mapwire::exporter {

// A place as the command line's JSON writes it everywhere (lookup, geocode, extract); `full`
// adds population, area, ISO code and occupation (the territory of a figure).
using PlaceJson = std::function<nlohmann::ordered_json(const gazetteer::Place&, bool full)>;

// {"date", "events", "figures", "warnings"} of `x`, fields in a fixed order, numbers rounded
// as documented: the same bytes for the same extraction.
nlohmann::ordered_json extraction_json(const events::Extraction& x, const PlaceJson& place);

}  // namespace mapwire::exporter
