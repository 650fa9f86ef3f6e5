// extraction_json(): an extraction's events, figures and warnings as extract's JSON.
#include "export/extraction_json.hpp"

#include <cmath>

namespace mapwire::exporter {
namespace {

// `v` to `digits` decimals, as every JSON of the command line rounds.
double rounded(double v, int digits) {
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
}

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
    return v ? nlohmann::ordered_json(rounded(*v, digits)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json event_json(const events::Event& e, const PlaceJson& place) {
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
    o["date"] = {
        {"date", e.date.date.empty() ? nlohmann::ordered_json(nullptr)
                                     : nlohmann::ordered_json(e.date.date)},
        {"precision", e.date.precision == events::DatePrecision::none
                          ? nlohmann::ordered_json(nullptr)
                          : nlohmann::ordered_json(to_string(e.date.precision))},
        {"text", e.date.text},
        {"time_precision", e.date.date.empty() ? nlohmann::ordered_json(nullptr)
                                               : nlohmann::ordered_json(e.date.time_precision())}};
    o["background"] = e.background;
    o["location"] = e.location ? place(*e.location, false) : nlohmann::ordered_json(nullptr);
    o["location_text"] = e.location_text;
    o["geo_precision"] = events::acled_code(e.geo_precision);
    o["attribution"] = e.attribution.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(e.attribution);
    o["reporting"] = events::to_string(e.reporting);
    o["trigger"] = e.trigger;
    o["sentence"] = {{"text", e.sentence}, {"start", e.start}, {"end", e.end}};
    return o;
}

nlohmann::ordered_json figure_json(const events::TerritoryFigure& f, const PlaceJson& place) {
    nlohmann::ordered_json o;
    o["id"] = f.id;
    o["text"] = f.text;
    o["holder"] =
        f.holder.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.holder);
    o["territory"] = f.territory ? place(*f.territory, true) : nlohmann::ordered_json(nullptr);
    o["stated"] = {{"value", f.stated_value},
                   {"unit", f.unit},
                   {"hedge", f.hedge.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(f.hedge)}};
    o["stated_share_percent"] = rounded(f.stated_share, 2);
    o["stated_km2"] = rounded(f.stated_km2, 0);
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
    return o;
}

}  // namespace

nlohmann::ordered_json extraction_json(const events::Extraction& x, const PlaceJson& place) {
    nlohmann::ordered_json j;
    j["date"] = x.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(x.date);
    auto events = nlohmann::ordered_json::array();
    for (const auto& e : x.events) events.push_back(event_json(e, place));
    j["events"] = std::move(events);
    auto figures = nlohmann::ordered_json::array();
    for (const auto& f : x.figures) figures.push_back(figure_json(f, place));
    j["figures"] = std::move(figures);
    j["warnings"] = x.warnings;
    return j;
}

}  // namespace mapwire::exporter
