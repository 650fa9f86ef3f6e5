// The event coder's pipeline: clauses, trigger match, argument filling, merging.
#pragma once

#include <optional>
#include <vector>

#include "events/detail/dates.hpp"
#include "events/detail/document.hpp"
#include "events/event.hpp"
#include "gazetteer/gazetteer.hpp"

namespace mapwire::events::detail {

// The events of a document (or of one part of a long text), merged, in text order;
// `reference` is the publication date (relative dates resolve against it), `focus` the
// article's country (the place of an event whose paragraph names none).
std::vector<Event> code_events(const Document& doc, const gazetteer::Gazetteer& gaz,
                               const std::optional<Day>& reference,
                               const std::optional<gazetteer::Place>& focus);

// The ids e1, e2 ... in text order, and the publication date for an event the text gives no
// date for.
void number_events(std::vector<Event>& events, const std::optional<Day>& reference);

}  // namespace mapwire::events::detail
