// Which events an aggregate's cells take (see aggregate.hpp).
#include "archive/aggregate.hpp"

namespace mapwire::archive {

using gazetteer::PlaceType;

bool hexagon_takes(const events::Event& e) {
    return e.location && e.location->type != PlaceType::admin0 &&
           e.location->type != PlaceType::region;
}

std::optional<std::uint32_t> unit_of(const events::Event& e) {
    if (!e.location) return std::nullopt;
    if (e.location->type == PlaceType::admin1) return e.location->index;
    if (e.location->admin1 >= 0) return static_cast<std::uint32_t>(e.location->admin1);
    return std::nullopt;
}

std::size_t not_binned(const std::vector<events::Event>& events, const AggregateSpec& spec) {
    std::size_t n = 0;
    for (const auto& e : events)
        if (e.location &&
            (spec.by == AggregateSpec::By::hexagon ? !hexagon_takes(e) : !unit_of(e).has_value()))
            ++n;
    return n;
}

}  // namespace mapwire::archive
