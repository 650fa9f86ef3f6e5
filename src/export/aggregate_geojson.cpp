// aggregate.geojson (see aggregate_geojson.hpp): one polygon feature per cell.
#include "export/aggregate_geojson.hpp"

#include "export/detail/collection.hpp"

namespace mapwire::exporter {

void write_aggregate_geojson(const archive::Aggregate& a, const std::string& path) {
    using nlohmann::ordered_json;
    const bool units = a.spec.by == archive::AggregateSpec::By::admin1;
    detail::Collection c;
    for (const auto& cell : a.cells) {
        ordered_json p;
        p["cell_id"] = cell.id;
        p["name"] = units ? ordered_json(cell.name) : ordered_json(nullptr);
        p["count"] = cell.count;
        p["class"] = cell.klass + 1;
        p["class_min"] = cell.klass == 0 ? 1 : a.breaks[cell.klass - 1] + 1;
        p["class_max"] = a.breaks[cell.klass];
        std::int64_t typed = 0;
        for (const auto& [type, field] : kTypeFields) {
            const auto it = cell.by_type.find(type);
            p[field] = it == cell.by_type.end() ? 0 : it->second;
            typed += it == cell.by_type.end() ? 0 : it->second;
        }
        // A field of the schema, kept so that tables append: 0, as every type has its field.
        p["other_types"] = cell.count - typed;
        c.add(cell.shape.geojson(6), p);
    }
    detail::write_atomically(path, c.text());
}

}  // namespace mapwire::exporter
