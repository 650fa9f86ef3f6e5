// write_extraction(): an extraction's events, figures and warnings as extract's JSON, written
// field by field onto a json::Writer, no tree built.
#include "export/extraction_json.hpp"

#include <cmath>
#include <optional>
#include <string>

namespace mapwire::exporter {
namespace {

// `v` to `digits` decimals, as every JSON of the command line rounds.
double rounded(double v, int digits) {
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

void optional_number(json::Writer& w, const std::optional<double>& v, int digits) {
    if (v)
        w.number(rounded(*v, digits));
    else
        w.null();
}

void optional_place(json::Writer& w, const std::optional<gazetteer::Place>& p, bool full,
                    const PlaceWriter& place) {
    if (p)
        place(w, *p, full);
    else
        w.null();
}

// {"text", "start", "end"} of the sentence an event or figure was read from.
void sentence(json::Writer& w, std::string_view text, std::size_t start, std::size_t end) {
    w.begin_object();
    w.key("text");
    w.string(text);
    w.key("start");
    w.value(start);
    w.key("end");
    w.value(end);
    w.end_object();
}

void actor(json::Writer& w, const events::Actor& a) {
    w.begin_object();
    w.key("name");
    w.string_or_null(a.name);
    w.key("country");
    w.string_or_null(a.country);
    if (!a.side.empty()) {
        w.key("side");
        w.string(a.side);
    }
    if (!a.acled.empty()) {
        w.key("acled");
        w.string(a.acled);
    }
    w.end_object();
}

void count(json::Writer& w, const events::Count& c) {
    w.begin_object();
    w.key("meaning");
    w.string(c.meaning);
    w.key("value");
    w.integer(c.value);
    w.key("approximate");
    w.boolean(c.approximate);
    if (!c.words.empty()) {  // "thousands": value is a bound
        w.key("words");
        w.string(c.words);
    }
    if (c.unknown) {  // "Casualties unknown"
        w.key("unknown");
        w.boolean(true);
    }
    w.end_object();
}

void event_date(json::Writer& w, const events::EventDate& d) {
    w.begin_object();
    w.key("date");
    w.string_or_null(d.date);
    w.key("precision");
    if (d.precision == events::DatePrecision::none)
        w.null();
    else
        w.string(to_string(d.precision));
    w.key("text");
    w.string(d.text);
    w.key("time_precision");
    if (d.date.empty())
        w.null();
    else
        w.integer(d.time_precision());
    w.end_object();
}

void event(json::Writer& w, const events::Event& e, const PlaceWriter& place) {
    w.begin_object();
    w.key("id");
    w.string(e.id);
    w.key("type");
    w.string(to_string(e.type));
    w.key("sub_type");
    w.string(to_string(e.sub_type));
    w.key("actor1");
    actor(w, e.actor1);
    w.key("actor2");
    actor(w, e.actor2);
    w.key("counts");
    w.begin_array();
    for (const auto& c : e.counts) count(w, c);
    w.end_array();
    w.key("date");
    event_date(w, e.date);
    w.key("background");
    w.boolean(e.background);
    w.key("location");
    optional_place(w, e.location, false, place);
    w.key("location_text");
    w.string(e.location_text);
    w.key("geo_precision");
    w.integer(events::acled_code(e.geo_precision));
    w.key("attribution");
    w.string_or_null(e.attribution);
    w.key("reporting");
    w.string(events::to_string(e.reporting));
    w.key("trigger");
    w.string(e.trigger);
    w.key("sentence");
    sentence(w, e.sentence, e.start, e.end);
    w.end_object();
}

void stated(json::Writer& w, const events::TerritoryFigure& f) {
    w.begin_object();
    w.key("value");
    w.number(f.stated_value);
    w.key("unit");
    w.string(f.unit);
    w.key("hedge");
    w.string_or_null(f.hedge);
    w.end_object();
}

void figure(json::Writer& w, const events::TerritoryFigure& f, const PlaceWriter& place) {
    w.begin_object();
    w.key("id");
    w.string(f.id);
    w.key("text");
    w.string(f.text);
    w.key("holder");
    w.string_or_null(f.holder);
    w.key("territory");
    optional_place(w, f.territory, true, place);
    w.key("stated");
    stated(w, f);
    w.key("stated_share_percent");
    w.number(rounded(f.stated_share, 2));
    w.key("stated_km2");
    w.number(rounded(f.stated_km2, 0));
    w.key("since");
    w.string_or_null(f.since);
    w.key("where");
    w.string_or_null(f.where);
    w.key("measured_km2");
    optional_number(w, f.measured_km2, 0);
    w.key("measured_share_percent");
    optional_number(w, f.measured_share, 2);
    w.key("difference_km2");
    optional_number(w, f.difference_km2, 0);
    w.key("difference_points");
    optional_number(w, f.difference_points, 2);
    w.key("control_layer");
    w.string_or_null(f.control_layer);
    w.key("sentence");
    sentence(w, f.sentence, f.start, f.end);
    w.end_object();
}

}  // namespace

void write_extraction_fields(const events::Extraction& x, const PlaceWriter& place,
                             const FieldStart& field) {
    field("date").string_or_null(x.date);
    json::Writer& events = field("events");
    events.begin_array();
    for (const auto& e : x.events) event(events, e, place);
    events.end_array();
    json::Writer& figures = field("figures");
    figures.begin_array();
    for (const auto& f : x.figures) figure(figures, f, place);
    figures.end_array();
    json::Writer& warnings = field("warnings");
    warnings.begin_array();
    for (const auto& s : x.warnings) warnings.string(s);
    warnings.end_array();
}

void write_extraction(json::Writer& w, const events::Extraction& x, const PlaceWriter& place) {
    w.begin_object();
    write_extraction_fields(x, place, [&](std::string_view name) -> json::Writer& {
        w.key(name);
        return w;
    });
    w.end_object();
}

}  // namespace mapwire::exporter
