// aggregate.geojson: the cells of an aggregate map with their counts (RFC 7946, WGS 84,
// byte-identical on rerun); the schema is documented in docs/layers.md.
#pragma once

#include <string>

#include "archive/aggregate.hpp"

namespace mapwire::exporter {

// The ACLED event types, each with its count field in aggregate.geojson: one declared field
// per type whatever the events, so that maps of two periods append into one table.
struct TypeField {
    events::EventType type;
    const char* field;
};
inline constexpr TypeField kTypeFields[] = {
    {events::EventType::battles, "battles"},
    {events::EventType::explosions_remote_violence, "explosions_remote_violence"},
    {events::EventType::violence_against_civilians, "violence_against_civilians"},
    {events::EventType::protests, "protests"},
    {events::EventType::riots, "riots"},
    {events::EventType::strategic_developments, "strategic_developments"}};

// Writes the cells to `path` atomically.
void write_aggregate_geojson(const archive::Aggregate& aggregate, const std::string& path);

}  // namespace mapwire::exporter
