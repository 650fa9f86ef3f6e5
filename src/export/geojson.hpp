// GeoJSON layers of an extraction: events, places and figures, per RFC 7946, written
// atomically and byte-identical for the same input.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/extractor.hpp"
#include "gazetteer/gazetteer.hpp"

namespace mapwire::exporter {

// The layers written, one geometry type each: events and places (points), areas (the
// polygons of the countries, units and regions among the places) and figures.
inline constexpr const char* kLayers[] = {"events", "places", "areas", "figures"};

// Writes DIR/events.geojson, DIR/places.geojson, DIR/areas.geojson and DIR/figures.geojson
// (creating DIR). Area geometry comes from the dataset's GeoPackage, simplified to about 1 km.
void write_geojson_layers(const events::Extraction& extraction,
                          const gazetteer::Gazetteer& gazetteer, const std::string& geopackage,
                          const std::string& dir);

// Writes the layers of DIR (kLayers, as written above)
// into one file of a GDAL vector format ("GPKG", "KML"), each with its declared schema
// (docs/layers.md): the same field types whatever the article.
void convert_layers(const std::string& dir, const std::string& destination,
                    const std::string& driver);

// The GIS formats the layers are written in besides GeoJSON.
enum class VectorFormat { gpkg, kml, fgb, shp };
// "gpkg", "kml", "fgb", "shp"; nullopt for any other name.
std::optional<VectorFormat> vector_format(std::string_view name);

// Writes the layers of DIR (kLayers) into OUT_DIR in `format`: map.gpkg or map.kml (one file,
// four layers), map.shp.zip (a zipped Shapefile of four layers, fields under their documented
// short names), or one FlatGeobuf file per layer (events.fgb ...: the format holds one layer).
// Returns the files written.
// The map's colours for the KML placemarks: by ACLED event type, and for areas ("#rrggbb").
struct LayerColours {
    std::map<events::EventType, std::string> events;  // "#rrggbb" by event type
    std::string areas;
};
std::vector<std::string> write_layers(const std::string& dir, const std::string& out_dir,
                                      VectorFormat format, const LayerColours& colours = {});

}  // namespace mapwire::exporter
