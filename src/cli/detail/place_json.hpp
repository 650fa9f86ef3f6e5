// JSON for a gazetteer place, shared by every command that prints places.
#pragma once

#include <nlohmann/json.hpp>

#include "gazetteer/gazetteer.hpp"
#include "json/writer.hpp"

namespace mapwire::cli::detail {

double round_to(double v, int digits);

// {"id", "name", "type", "country", "admin1", "lat", "lon"} plus, when `full`, population,
// area, ISO code and occupation.
nlohmann::ordered_json place_json(const gazetteer::Gazetteer& gaz, const gazetteer::Place& p,
                                  bool full);

// The same object, written to `w` in the same bytes as place_json(...).dump(): the stream
// commands write one per mention without building a tree.
void write_place(json::Writer& w, const gazetteer::Gazetteer& gaz, const gazetteer::Place& p,
                 bool full);

}  // namespace mapwire::cli::detail
