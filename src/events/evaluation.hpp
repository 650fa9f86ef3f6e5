// Scores extracted events against gold events: an event matches when its ACLED type and
// sub-type agree and it lies within 161 km of the gold location.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "events/event.hpp"

namespace mapwire::events {

struct GoldEvent {
    EventType type = EventType::battles;
    SubEventType sub_type = SubEventType::armed_clash;
    double lat = 0, lon = 0;
    std::string location;  // as annotated, for messages
};

struct EventScore {
    std::size_t gold = 0, predicted = 0, matched = 0, type_matched = 0;
    std::vector<std::string> errors;
    double precision() const { return predicted ? double(matched) / double(predicted) : 0; }
    double recall() const { return gold ? double(matched) / double(gold) : 0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
    void add(const EventScore& other);
};

EventScore score_events(const std::string& document, const std::vector<Event>& got,
                        const std::vector<GoldEvent>& gold);

}  // namespace mapwire::events
