// The declared layer schemas (see detail/schema.hpp); docs/layers.md documents each field.
#include "export/detail/schema.hpp"

namespace mapwire::exporter::detail {

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
    static const geometry::LayerSchemas schemas = {
        {"events",
         {{"id", text},
          {"event_type", text},
          {"sub_event_type", text},
          {"actor1", text},
          {"actor1_country", text},
          {"actor2", text},
          {"actor2_country", text},
          {"actor2_side", text},
          {"date", date},
          {"date_precision", text},
          {"date_text", text},
          {"location", text},
          {"location_id", text},
          {"location_type", text},
          {"country", text},
          {"admin1", text},
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
          {"counts_words", text},
          {"background", boolean},
          {"attribution", text},
          {"reporting", text},
          {"sentence", text},
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
    };
    return schemas;
}

}  // namespace mapwire::exporter::detail
