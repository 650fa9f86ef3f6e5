// The declared layer schemas (see detail/schema.hpp); docs/layers.md documents each field.
#include "export/detail/schema.hpp"

#include <map>
#include <string>

namespace mapwire::exporter::detail {

namespace {

// Shapefile's short names for the fields longer than its ten characters, documented in
// docs/layers.md ("Shapefile names"): the same in every layer that has the field.
const std::map<std::string, std::string> kShortNames = {
    {"sub_event_type", "sub_type"},
    {"actor1_country", "actor1_cc"},
    {"actor2_country", "actor2_cc"},
    {"actor2_side", "actor2_sd"},
    {"date_precision", "date_prec"},
    {"location_id", "loc_id"},
    {"location_type", "loc_type"},
    {"geo_precision", "geo_prec"},
    {"time_precision", "time_prec"},
    {"intercepted", "intercept"},
    {"counts_approximate", "counts_apx"},
    {"counts_words", "counts_wds"},
    {"attribution", "attrib"},
    {"sentence_start", "sent_start"},
    {"sentence_end", "sent_end"},
    {"occupied_by", "occupied"},
    {"territory_id", "terr_id"},
    {"stated_value", "stated_val"},
    {"stated_unit", "stated_un"},
    {"stated_share_percent", "stated_pct"},
    {"measured_km2", "meas_km2"},
    {"measured_share_percent", "meas_pct"},
    {"difference_km2", "diff_km2"},
    {"difference_points", "diff_pts"},
};

geometry::LayerSchemas with_short_names(geometry::LayerSchemas schemas) {
    for (auto& [layer, fields] : schemas)
        for (auto& f : fields)
            if (const auto it = kShortNames.find(f.name); it != kShortNames.end())
                f.short_name = it->second;
    return schemas;
}

}  // namespace

const std::map<std::string, std::string>& shapefile_names() {
    return kShortNames;
}

geometry::LayerGeometry layer_geometry(const std::string& layer) {
    return layer == "events" || layer == "places" ? geometry::LayerGeometry::point
                                                  : geometry::LayerGeometry::multipolygon;
}

const geometry::LayerSchemas& layer_schemas() {
    using geometry::FieldType;
    constexpr auto text = FieldType::text, integer = FieldType::integer, real = FieldType::real,
                   date = FieldType::date, boolean = FieldType::boolean;
    // Places and areas: the same fields, one layer of points and one of polygons.
    const std::vector<geometry::FieldSpec> place_fields = {
        {"place_id", text},   {"name", text},        {"type", text},       {"country", text},
        {"admin1", text},     {"mentions", integer}, {"role", text},       {"roles", text},
        {"texts", text},      {"starts", text},      {"confidence", real}, {"area_km2", real},
        {"occupied_by", text}};
    static const geometry::LayerSchemas schemas = with_short_names({
        {"events",
         {{"id", text},
          {"event_type", text},
          {"sub_event_type", text},
          {"actor1", text},
          {"actor1_country", text},
          {"actor2", text},
          {"actor2_country", text},
          {"actor2_side", text},
          {"event_date", date},
          {"time_precision", integer},
          {"date_precision", text},
          {"date_text", text},
          {"location", text},
          {"location_id", text},
          {"location_type", text},
          {"country", text},
          {"admin1", text},
          {"latitude", real},
          {"longitude", real},
          {"geo_precision", integer},
          {"killed", integer},
          {"injured", integer},
          {"captured", integer},
          {"engaged", integer},
          {"deployed", integer},
          {"launched", integer},
          {"intercepted", integer},
          {"displaced", integer},
          {"arrested", integer},
          {"assaults", integer},
          {"counts_approximate", boolean},
          {"fatalities", integer},
          {"counts_words", text},
          {"background", boolean},
          {"attribution", text},
          {"reporting", text},
          {"notes", text},
          {"sentence_start", integer},
          {"sentence_end", integer}}},
        {"places", place_fields},
        {"areas", place_fields},
        {"figures",
         {{"id", text},
          {"text", text},
          {"holder", text},
          {"territory_id", text},
          {"territory", text},
          {"stated_value", real},
          {"stated_unit", text},
          {"hedge", text},
          {"stated_share_percent", real},
          {"stated_km2", real},
          {"since", text},
          {"where", text},
          {"measured_km2", real},
          {"measured_share_percent", real},
          {"difference_km2", real},
          {"difference_points", real},
          {"sentence", text}}},
    });
    return schemas;
}

}  // namespace mapwire::exporter::detail
