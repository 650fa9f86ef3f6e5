// map_table(): the map of an event table (`events:` in a configuration), a year of events
// on one map or a month of a series: read, filtered by date, drawn as markers or counted per
// cell, with every event left out counted in the notes and the summary.
#include <algorithm>

#include "export/aggregate_geojson.hpp"
#include "pipeline/detail/layers.hpp"
#include "pipeline/detail/staging.hpp"
#include "pipeline/pipeline.hpp"

namespace mapwire::pipeline {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "from 2025-01-01 to 2025-12-31", "from 2025-01-01", "" ...
std::string period(const archive::DateRange& r) {
    std::string s;
    if (!r.from.empty()) s += "from " + r.from;
    if (!r.to.empty()) s += (s.empty() ? "to " : " to ") + r.to;
    return s;
}

// What the map leaves out, one line each: the notes under the map and the render summary.
std::vector<std::string> left_out(const archive::EventTable& t,
                                  const std::optional<archive::AggregateSpec>& aggregate) {
    std::vector<std::string> lines;
    const auto& c = t.counts;
    if (c.unlocated)
        lines.push_back(plural(c.unlocated, "event", "events") + " without a location: not mapped");
    std::size_t country_only = 0;
    for (const auto& e : t.events)
        if (e.location && e.location->type == gazetteer::PlaceType::admin0) ++country_only;
    const std::size_t apart = aggregate ? archive::not_binned(t.events, *aggregate) : country_only;
    if (apart)
        lines.push_back(plural(apart, "event", "events") +
                        (aggregate ? " known only to a country or a region: in no cell"
                                   : " known only to a country: not mapped"));
    if (c.undated)
        lines.push_back(plural(c.undated, "undated event", "undated events") + ": left out");
    if (c.error_records)
        lines.push_back(plural(c.error_records, "failed article", "failed articles") +
                        " in the table (error records): no events");
    return lines;
}

}  // namespace

using detail::apply_naming;
using detail::prepare_web_map;
using detail::Staging;
using detail::write_layer_files;

ArticleMap map_table(const gazetteer::Gazetteer& gaz, const std::string& dataset,
                     const std::string& table_path, const archive::DateRange& range,
                     const style::Style& style, render::MapOptions options,
                     const std::string& final_dir, const LayerOutputs& outputs) {
    const std::string gpkg = dataset + "/mapwire.gpkg";
    LayerOutputs layers = outputs;
    layers.geojson = prepare_web_map(options, dataset, "events.geojson") || layers.geojson;
    auto table = archive::read_event_table(table_path, gaz, range);
    const std::size_t located = table.events.size() - table.counts.unlocated;
    if (located == 0)
        throw std::move(
            MapError(
                "no located event " + (range.any() ? period(range) : std::string("in the table")),
                ExitCode::not_found,
                plural(table.counts.events, "event", "events") + " in the table, " +
                    plural(table.counts.outside, "outside", "outside") +
                    " the dates; check 'from' and 'to'")
                .in_file(table_path));
    ArticleMap result;
    result.notes = left_out(table, options.aggregate);
    events::Extraction& x = result.extraction;
    x.date = range.to.empty() ? table.last_date : range.to;
    x.places.focus_country = table.focus_country;
    x.events = std::move(table.events);
    result.naming = apply_naming(x, dataset, options);
    options.date = x.date;
    options.table = true;
    options.table_notes = result.notes;
    result.notes.insert(
        result.notes.begin(),
        plural(x.events.size(), "event", "events") + " of the table's " +
            std::to_string(table.counts.events) + " mapped" +
            (range.any() ? " (" + period(range) + ")" : std::string()) +
            (table.counts.outside
                 ? ", " + std::to_string(table.counts.outside) + " outside the dates"
                 : std::string()) +
            (table.counts.background ? ", " + std::to_string(table.counts.background) +
                                           " past events the texts recall left out"
                                     : std::string()));
    const std::string n = plural(x.events.size(), "reported event", "reported events");
    if (options.title.empty()) options.title = "Reported events";
    if (options.subtitle.empty())
        options.subtitle = n + (range.any() ? " · " + period(range) : std::string());
    if (options.description.empty())
        options.description = "Map of " + n + (range.any() ? " " + period(range) : "") +
                              (options.aggregate ? ", counted per cell" : "") + ".";
    result.description = options.description;
    Staging staging(final_dir);
    const std::string& out_dir = staging.dir();
    if (!options.formats.empty())
        result.report = render::render_map(x, gaz, style, gpkg, options, out_dir);
    if (result.report.aggregate) {
        exporter::write_aggregate_geojson(*result.report.aggregate, out_dir + "/aggregate.geojson");
        result.report.files.push_back(out_dir + "/aggregate.geojson");
    }
    write_layer_files(x, gaz, gpkg, style, out_dir, layers, result.report.files);
    staging.commit(result.report.files);
    return result;
}

}  // namespace mapwire::pipeline
