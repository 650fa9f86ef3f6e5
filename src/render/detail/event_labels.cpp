// Events in plain words (see event_labels.hpp): a row's placeholders filled from the event.
#include "render/detail/event_labels.hpp"

#include <cassert>
#include <optional>
#include <vector>

#include "render/detail/wording.hpp"
#include "render/map.hpp"

namespace mapwire::render::detail {

extern const std::string_view kLabelTable;

namespace {

struct Row {
    events::SubEventType sub_type;
    std::string_view trigger, label;
};

// A row's sub-type by ACLED's name; an unknown one is an error of the table's line.
events::SubEventType row_sub_type(std::string_view name, int line) {
    if (const auto s = events::parse_sub_event_type(name)) return *s;
    throw std::move(RenderError("unknown ACLED sub-event type")
                        .in_file("geodata/events/labels.tsv")
                        .at(line)
                        .with_key("sub_type")
                        .with_value(std::string(name)));
}

std::vector<Row> rows_of(std::string_view table) {
    std::vector<Row> rows;
    bool header = true;
    for (int number = 1; !table.empty(); ++number) {
        const auto nl = table.find('\n');
        std::string_view line = table.substr(0, nl);
        table = nl == std::string_view::npos ? std::string_view() : table.substr(nl + 1);
        if (line.empty() || line.front() == '#') continue;
        if (header) {  // sub_type, trigger, label
            header = false;
            continue;
        }
        const auto t1 = line.find('\t');
        const auto t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        assert(t2 != std::string_view::npos && "labels.tsv rows have three columns");
        if (t2 == std::string_view::npos) continue;
        rows.push_back({row_sub_type(line.substr(0, t1), number), line.substr(t1 + 1, t2 - t1 - 1),
                        line.substr(t2 + 1)});
    }
    return rows;
}

// An actor the label may name: one the text names with a capital ("Russian forces",
// "Russia"), not a bare noun ("troops") that says nothing of whose, nor a nationality's
// adjective alone ("Israeli" of "Israeli strikes"), which says whose but not who.
std::optional<std::string> named_actor(const events::Actor& a) {
    if (a.name.empty() || !(a.name[0] >= 'A' && a.name[0] <= 'Z') || a.adjective)
        return std::nullopt;
    return a.name;
}

// The count of that meaning as the text gave it; `words_only`: only a vague quantity.
std::optional<std::string> count_text(const events::Event& e, std::string_view meaning,
                                      bool words_only) {
    for (const auto& c : e.counts) {
        if (c.meaning != meaning || c.unknown) continue;
        if (c.words.empty() && (words_only || c.value <= 0)) return std::nullopt;
        return count_value(c);
    }
    return std::nullopt;
}

// Several actors, for the verb: the last word of the name in the plural ("forces",
// "drones", "Houthis"), not a name ending in -ss.
bool plural(const std::string& name) {
    return name.size() > 2 && name.back() == 's' && name[name.size() - 2] != 's';
}

// The row with its placeholders filled, or nullopt when one has no value.
std::optional<PlainLabel> fill(const events::Event& e, std::string_view label) {
    PlainLabel out;
    while (!label.empty()) {
        const auto open = label.find('{');
        out.text += label.substr(0, open);
        if (open == std::string_view::npos) break;
        const auto close = label.find('}', open);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view key = label.substr(open + 1, close - open - 1);
        label = label.substr(close + 1);
        std::optional<std::string> value;
        if (key == "actor1") {
            value = named_actor(e.actor1);
        } else if (key == "actor2") {
            value = named_actor(e.actor2);
        } else if (key == "place" || key == "town") {
            if (e.location && (key == "place" || e.location->type == gazetteer::PlaceType::place))
                value = std::string(e.location->name);
            out.names_place = true;
        } else if (key.starts_with("count:") || key.starts_with("words:")) {
            const std::string_view meaning = key.substr(6);
            value = count_text(e, meaning, key.starts_with("words:"));
            out.counted.emplace(meaning);
        } else if (const auto bar = key.find('|'); bar != std::string_view::npos) {
            value = std::string(plural(e.actor1.name) ? key.substr(0, bar) : key.substr(bar + 1));
        }
        if (!value) return std::nullopt;
        out.text += *value;
    }
    if (!out.text.empty() && out.text[0] >= 'a' && out.text[0] <= 'z')
        out.text[0] = static_cast<char>(out.text[0] - 'a' + 'A');
    return out;
}

}  // namespace

namespace {

PlainLabel first_fitting(const events::Event& e, const std::vector<Row>& rows) {
    for (const Row& r : rows) {
        if (r.sub_type != e.sub_type || (!r.trigger.empty() && r.trigger != e.trigger)) continue;
        if (auto label = fill(e, r.label)) return *label;
    }
    return {};
}

}  // namespace

PlainLabel plain_label(const events::Event& e, std::string_view table) {
    return first_fitting(e, rows_of(table));
}

PlainLabel plain_label(const events::Event& e) {
    // Read once: a feed's map labels tens of thousands of events.
    static const std::vector<Row> rows = rows_of(kLabelTable);
    return first_fitting(e, rows);
}

}  // namespace mapwire::render::detail
