// `mapwire extract FILE`: events and territory figures as JSON; with --geojson DIR, also the
// GeoJSON layers events, places and figures. In the GIS plugin (a control layer is read with
// GDAL); the options are in gis_commands.cpp.
#include <nlohmann/json.hpp>

#include "cli/detail/gis_plugin.hpp"
#include "cli/detail/ndjson.hpp"
#include "cli/detail/place_json.hpp"
#include "events/extractor.hpp"
#include "export/geojson.hpp"

namespace mapwire::cli::detail {
namespace {

nlohmann::ordered_json actor_json(const events::Actor& a) {
    nlohmann::ordered_json j;
    j["name"] = a.name.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.name);
    j["country"] =
        a.country.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.country);
    if (!a.side.empty()) j["side"] = a.side;
    if (!a.acled.empty()) j["acled"] = a.acled;
    return j;
}

nlohmann::ordered_json optional_number(const std::optional<double>& v, int digits) {
    return v ? nlohmann::ordered_json(round_to(*v, digits)) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json extraction_json(const gazetteer::Gazetteer& gaz,
                                       const events::Extraction& x) {
    nlohmann::ordered_json j;
    j["date"] = x.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(x.date);
    auto events = nlohmann::ordered_json::array();
    for (const auto& e : x.events) {
        nlohmann::ordered_json o;
        o["id"] = e.id;
        o["type"] = to_string(e.type);
        o["sub_type"] = to_string(e.sub_type);
        o["actor1"] = actor_json(e.actor1);
        o["actor2"] = actor_json(e.actor2);
        auto counts = nlohmann::ordered_json::array();
        for (const auto& c : e.counts) {
            nlohmann::ordered_json count = {
                {"meaning", c.meaning}, {"value", c.value}, {"approximate", c.approximate}};
            if (!c.words.empty()) count["words"] = c.words;  // "thousands": value is a bound
            if (c.unknown) count["unknown"] = true;          // "Casualties unknown"
            counts.push_back(std::move(count));
        }
        o["counts"] = counts;
        o["date"] = {{"date", e.date.date.empty() ? nlohmann::ordered_json(nullptr)
                                                  : nlohmann::ordered_json(e.date.date)},
                     {"precision", e.date.precision == events::DatePrecision::none
                                       ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json(to_string(e.date.precision))},
                     {"text", e.date.text},
                     {"time_precision", e.date.date.empty()
                                            ? nlohmann::ordered_json(nullptr)
                                            : nlohmann::ordered_json(e.date.time_precision())}};
        o["background"] = e.background;
        o["location"] =
            e.location ? place_json(gaz, *e.location, false) : nlohmann::ordered_json(nullptr);
        o["location_text"] = e.location_text;
        o["geo_precision"] = events::acled_code(e.geo_precision);
        o["attribution"] = e.attribution.empty() ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(e.attribution);
        o["reporting"] = events::to_string(e.reporting);
        o["trigger"] = e.trigger;
        o["sentence"] = {{"text", e.sentence}, {"start", e.start}, {"end", e.end}};
        events.push_back(std::move(o));
    }
    j["events"] = std::move(events);
    auto figures = nlohmann::ordered_json::array();
    for (const auto& f : x.figures) {
        nlohmann::ordered_json o;
        o["id"] = f.id;
        o["text"] = f.text;
        o["holder"] =
            f.holder.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.holder);
        o["territory"] =
            f.territory ? place_json(gaz, *f.territory, true) : nlohmann::ordered_json(nullptr);
        o["stated"] = {{"value", f.stated_value},
                       {"unit", f.unit},
                       {"hedge", f.hedge.empty() ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(f.hedge)}};
        o["stated_share_percent"] = round_to(f.stated_share, 2);
        o["stated_km2"] = round_to(f.stated_km2, 0);
        o["since"] =
            f.since.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.since);
        o["where"] =
            f.where.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.where);
        o["measured_km2"] = optional_number(f.measured_km2, 0);
        o["measured_share_percent"] = optional_number(f.measured_share, 2);
        o["difference_km2"] = optional_number(f.difference_km2, 0);
        o["difference_points"] = optional_number(f.difference_points, 2);
        o["control_layer"] = f.control_layer.empty() ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(f.control_layer);
        o["sentence"] = {{"text", f.sentence}, {"start", f.start}, {"end", f.end}};
        figures.push_back(std::move(o));
    }
    j["figures"] = std::move(figures);
    j["warnings"] = x.warnings;
    return j;
}

void run_extract(const ExtractArgs& args, Context& ctx) {
    const auto gaz = open_gazetteer(ctx);
    geoparse::Geoparser parser(gaz, geoparse::Lexicon::load(dataset_dir(ctx) + "/lexicon.txt"));
    const std::string gpkg = dataset_dir(ctx) + "/mapwire.gpkg";
    events::Extractor extractor(gaz, parser, gpkg);
    if (args.ndjson) {
        if (!args.geojson.empty())
            throw Error("--geojson writes the layers of one article", ExitCode::usage,
                        "leave it out with --ndjson: each line's result holds its events");
        const auto in = open_stream(args.input);
        fail_if_any(run_stream(*in, ctx.out, args.jobs, [&](const StreamArticle& a) {
            auto j =
                extraction_json(gaz, extractor.extract(a.text, "line " + std::to_string(a.line),
                                                       {a.date, args.control}));
            return j;
        }));
        return;
    }
    const std::string text = read_input(args.input);
    const auto x = extractor.extract(text, args.input, {args.date, args.control});
    if (!args.geojson.empty()) exporter::write_geojson_layers(x, gaz, gpkg, args.geojson);
    ctx.out << extraction_json(gaz, x).dump(2) << "\n";
}

}  // namespace mapwire::cli::detail
