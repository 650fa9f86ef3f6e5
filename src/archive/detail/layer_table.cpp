// Events from mapwire's `events` layer (docs/layers.md) in a GeoPackage or FlatGeobuf, read
// through geometry's GDAL wrapper; also the checks every reader shares.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "archive/detail/readers.hpp"
#include "geometry/vector_io.hpp"

namespace mapwire::archive::detail {
namespace {

// The count fields of the layer, in the schema's order (src/export/schema.cpp).
constexpr const char* kCountFields[] = {"killed",   "injured",  "captured",    "engaged",
                                        "deployed", "launched", "intercepted", "displaced",
                                        "arrested", "assaults"};

// The layer holding the events: "events" (map.gpkg holds four layers), else a file's only one.
std::string events_layer(const std::string& path) {
    const auto names = geometry::layer_names(path);
    if (std::find(names.begin(), names.end(), "events") != names.end()) return "events";
    if (names.size() == 1) return names[0];
    std::string all;
    for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
    throw std::move(TableError("no layer named 'events'", ExitCode::bad_input,
                               "the table must hold mapwire's events layer; layers here: " + all)
                        .in_file(path));
}

// GDAL writes a Date field as "2025/08/15" (FlatGeobuf: "2025/08/15 00:00:00"): the ISO day.
std::string iso_day(std::string v) {
    if (v.size() >= 10 && v[4] == '/' && v[7] == '/') v[4] = v[7] = '-';
    return v;
}

bool truthy(const std::string& v) {
    return v == "1" || v == "true" || v == "True";
}

std::int64_t whole(const std::string& v, const Where& where, const char* field) {
    std::int64_t n = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
    if (r.ec != std::errc() || r.ptr != v.data() + v.size())
        throw bad_field(where, field, "must be a whole number, not '" + v + "'",
                        "write the layer with mapwire's declared schema (docs/layers.md)");
    return n;
}

// ACLED's 1, 2 or 3; an empty field is a country, the least precise.
events::GeoPrecision table_geo_precision(const std::string& v, const Where& where) {
    if (v.empty()) return events::GeoPrecision::country;
    if (auto p = events::geo_precision_from_acled(whole(v, where, "geo_precision"))) return *p;
    throw bad_field(where, "geo_precision", "must be 1, 2 or 3, not '" + v + "'",
                    "write the layer with mapwire's declared schema (docs/layers.md)");
}

// "injured: thousands; killed: dozens" back onto the counts it qualifies.
void attach_words(events::Event& e, const std::string& words) {
    for (std::size_t at = 0; at < words.size();) {
        std::size_t end = words.find("; ", at);
        if (end == std::string::npos) end = words.size();
        const std::string part = words.substr(at, end - at);
        if (const auto colon = part.find(": "); colon != std::string::npos)
            for (auto& c : e.counts)
                if (c.meaning == part.substr(0, colon)) c.words = part.substr(colon + 2);
        at = end + 2;
    }
}

events::Event read_feature(const geometry::FeatureRecord& f, const Where& where,
                           const gazetteer::Gazetteer& gaz) {
    events::Event e;
    e.id = f.text("id");
    if (f.text("event_type").empty())
        throw bad_field(where, "event_type", "is empty",
                        "every event needs its ACLED event type (docs/layers.md)");
    e.type = table_event_type(f.text("event_type"), where, "event_type");
    e.sub_type = table_sub_type(f.text("sub_event_type"), where, "sub_event_type");
    check_sub_type_parent(e, where, "sub_event_type");
    e.actor1 = {f.text("actor1"), f.text("actor1_country"), {}, {}};
    e.actor2 = {f.text("actor2"), f.text("actor2_country"), f.text("actor2_side"), {}};
    const bool approximate = truthy(f.text("counts_approximate"));
    for (const char* field : kCountFields)
        if (const std::string& v = f.text(field); !v.empty())
            e.counts.push_back({whole(v, where, field), field, approximate, false, {}});
    attach_words(e, f.text("counts_words"));
    e.date.date = table_date(iso_day(f.text("event_date")), where, "event_date");
    e.date.precision = table_date_precision(f.text("date_precision"), where, "date_precision");
    e.date.text = f.text("date_text");
    e.background = truthy(f.text("background"));
    if (const std::string& id = f.text("location_id"); !id.empty()) {
        e.location = table_place(gaz, id, where, "location_id");
        e.location_text = f.text("location");
    }
    e.geo_precision = table_geo_precision(f.text("geo_precision"), where);
    e.attribution = f.text("attribution");
    e.reporting = table_reporting(f.text("reporting"), where, "reporting");
    e.sentence = f.text("notes");
    const std::string& start = f.text("sentence_start");
    const std::string& end = f.text("sentence_end");
    if (!start.empty()) e.start = static_cast<std::size_t>(whole(start, where, "sentence_start"));
    if (!end.empty()) e.end = static_cast<std::size_t>(whole(end, where, "sentence_end"));
    return e;
}

}  // namespace

TableError bad_field(const Where& where, const std::string& field, const std::string& what,
                     const std::string& fix) {
    TableError e((field.empty() ? std::string("the line") : "'" + field + "'") + " " + what,
                 ExitCode::bad_input, fix);
    e.in_file(where.file);
    if (where.line > 0) e.at(where.line);
    if (!where.feature.empty()) e.with_feature(where.feature);
    if (!field.empty()) e.with_key(field);
    return e;
}

gazetteer::Place table_place(const gazetteer::Gazetteer& gaz, const std::string& id,
                             const Where& where, const std::string& field) {
    if (auto p = gaz.find_id(id)) return *p;
    throw bad_field(where, field, "names a place this dataset lacks: '" + id + "'",
                    "the table was written with another dataset: give that one with --data, or "
                    "extract the articles again");
}

events::Reporting table_reporting(const std::string& text, const Where& where,
                                  const std::string& field) {
    if (text == "fact" || text.empty()) return events::Reporting::fact;
    if (text == "claim") return events::Reporting::claim;
    if (text == "allegation") return events::Reporting::allegation;
    throw bad_field(where, field, "must be fact, claim or allegation, not '" + text + "'", {});
}

events::DatePrecision table_date_precision(const std::string& text, const Where& where,
                                           const std::string& field) {
    if (auto p = events::parse_date_precision(text)) return *p;
    throw bad_field(where, field,
                    "must be day, week, month, year, approximate or empty, not '" + text + "'", {});
}

events::EventType table_event_type(const std::string& text, const Where& where,
                                   const std::string& field) {
    if (auto t = events::parse_event_type(text)) return *t;
    throw std::move(bad_field(where, field, "must be an ACLED event type, not '" + text + "'",
                              "one of ACLED's six, as ACLED spells them: Battles, "
                              "Explosions/Remote violence, Violence against civilians, Protests, "
                              "Riots, Strategic developments")
                        .with_value(text));
}

std::optional<events::SubEventType> table_sub_type(const std::string& text, const Where& where,
                                                   const std::string& field) {
    if (text.empty()) return std::nullopt;
    if (auto s = events::parse_sub_event_type(text)) return *s;
    throw std::move(bad_field(where, field, "must be an ACLED sub-event type, not '" + text + "'",
                              "as ACLED spells it (\"Armed clash\", \"Air/drone strike\" ...)")
                        .with_value(text));
}

void check_sub_type_parent(const events::Event& e, const Where& where, const std::string& field) {
    if (!e.sub_type || events::event_type_of(*e.sub_type) == e.type) return;
    throw std::move(bad_field(where, field,
                              "'" + std::string(to_string(*e.sub_type)) +
                                  "' is a sub-event type of " +
                                  std::string(to_string(events::event_type_of(*e.sub_type))) +
                                  ", not of " + std::string(to_string(e.type)),
                              {})
                        .with_value(std::string(to_string(*e.sub_type))));
}

std::string table_date(const std::string& text, const Where& where, const std::string& field) {
    if (text.empty()) return text;
    // A GeoPackage date may come back as a date-time: the day is what counts.
    const std::string day = text.substr(0, std::min<std::size_t>(10, text.size()));
    int y = 0, m = 0, d = 0;
    if (day.size() == 10 && std::sscanf(day.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 &&
        std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(unsigned(m)),
                                    std::chrono::day(unsigned(d)))
            .ok())
        return day;
    throw bad_field(where, field, "must be a day written YYYY-MM-DD, not '" + text + "'", {});
}

void read_layer_events(const std::string& path, const gazetteer::Gazetteer& gaz,
                       TableCounts& counts, const KeepEvent& keep) {
    const auto features = geometry::read_features(path, {.layer = events_layer(path)});
    for (const auto& f : features) {
        ++counts.records;
        keep(read_feature(f, {path, 0, "feature " + std::to_string(f.fid())}, gaz));
    }
}

}  // namespace mapwire::archive::detail
