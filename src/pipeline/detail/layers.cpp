// The layer files, the web map's setup and the naming policy, for both kinds of map.
#include "pipeline/detail/layers.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "export/datasource.hpp"
#include "export/geojson.hpp"

namespace mapwire::pipeline::detail {

void write_layer_files(const events::Extraction& x, const gazetteer::Gazetteer& gaz,
                       const std::string& gpkg, const style::Style& style,
                       const std::string& out_dir, const LayerOutputs& layers,
                       std::vector<std::string>& files) {
    const bool geojson = layers.geojson;
    const auto& datasource = layers.datasource;
    if (geojson) {
        exporter::write_geojson_layers(x, gaz, gpkg, out_dir);
        for (const char* layer : exporter::kLayers)
            files.push_back(out_dir + "/" + layer + ".geojson");
    }
    if (!layers.vector_formats.empty() || datasource) {
        // GeoPackage, KML and a datasource through GDAL from the GeoJSON layers (one layer
        // each), written to a scratch folder first when GeoJSON itself was not asked for.
        const std::string layers_dir =
            geojson ? out_dir : out_dir + "/.layers-" + std::to_string(::getpid());
        if (!geojson) exporter::write_geojson_layers(x, gaz, gpkg, layers_dir);
        exporter::LayerColours colours;  // the map's own, for KML placemarks
        for (const auto& [type, colour] : style.event_colors)
            colours.events[type] = style::hex(colour);
        colours.areas = style::hex(style.highlight_border.color);
        for (const exporter::VectorFormat format : layers.vector_formats) {
            for (auto& file : exporter::write_layers(layers_dir, out_dir, format, colours))
                files.push_back(std::move(file));
        }
        // Last, before the files are moved in: a datasource that refuses leaves no map behind,
        // and the files' failure no rows.
        if (datasource) exporter::write_datasource(layers_dir, *datasource);
        if (!geojson) std::filesystem::remove_all(layers_dir);
    }
}

bool prepare_web_map(render::MapOptions& options, const std::string& dataset,
                     const std::string& data_link) {
    options.web_library = dataset + "/web";
    const bool web = std::find(options.formats.begin(), options.formats.end(),
                               render::MapFormat::html) != options.formats.end();
    if (web) options.data_link = data_link;
    return web;
}

std::shared_ptr<const gazetteer::PlaceNaming> apply_naming(events::Extraction& x,
                                                           const std::string& dataset,
                                                           render::MapOptions& options) {
    // English names read no file: loading costs nothing when the policy changes no name.
    auto naming = std::make_shared<const gazetteer::PlaceNaming>(
        gazetteer::PlaceNaming::load(dataset, options.names));
    if (naming->plain()) return nullptr;
    const auto rename = [&](std::optional<gazetteer::Place>& p) {
        if (p) p->name = naming->name(*p);
    };
    for (auto& m : x.places.mentions) rename(m.place);
    for (auto& e : x.events) rename(e.location);
    for (auto& f : x.figures) rename(f.territory);
    options.naming = naming.get();
    return naming;
}

}  // namespace mapwire::pipeline::detail
