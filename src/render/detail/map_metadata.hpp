// What a map's files say of it besides the drawing: dates, keywords, the names in its texts.
// (The public ones, default_title, default_description, control_layer_date and extent_around,
// are declared in map.hpp.)
#pragma once

#include <string>

#include "events/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/naming.hpp"
#include "render/map.hpp"

namespace mapwire::render::detail {

// The PDF's creation date (ISO 8601): the options', else SOURCE_DATE_EPOCH's, else 1970-01-01;
// never the clock, so that builds are reproducible.
std::string creation_date(const MapOptions& o);

// Keywords of the map's file: its event types and places, each once, in text order.
std::string keywords(const events::Extraction& x);

// A country's name from its ISO code; the code itself when the gazetteer lacks it.
std::string country_name(const gazetteer::Gazetteer& g, const gazetteer::PlaceNaming& names,
                         const std::string& code);

// The gazetteer's own names, where no policy is given.
const gazetteer::PlaceNaming& english_names();

}  // namespace mapwire::render::detail
