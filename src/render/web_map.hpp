// The interactive web map (map.html): one self-contained page, Leaflet and the map's data inlined.
//
// The static map's Scene fills a WebScene with what it placed (the view, the base layers in
// lon/lat, the event marks, the legend entries with their texts, the labels that found room,
// title, subtitle and credits); write_web_map() simplifies the layers to web scale and writes
// the page. Nothing on the page is fetched: it opens from file:// and any static host.
#pragma once

#include <string>
#include <vector>

#include "geometry/geometry.hpp"
#include "render/base_layers.hpp"
#include "render/event_symbols.hpp"
#include "render/legend.hpp"
#include "render/map.hpp"
#include "render/place_labels.hpp"
#include "style/style.hpp"

namespace mapwire::render {

// A placed thing of the static map at its place on the ground.
struct WebMark {
    EventMark mark;      // as the static map drew it (its symbol, ring and badge)
    geometry::Point at;  // where (crowded marks side by side, as on the static map)
};
struct WebLabel {
    Label label;         // text, font, colour
    geometry::Point at;  // the centre of its box on the static map
};
struct WebDot {
    PlaceDot dot;
    geometry::Point at;
};

struct WebScene {
    LonLatBox extent;           // the static map's extent: the initial view
    LonLatBox bounds;           // what was read (extent and margin): layers are clipped to it
    double degrees_per_px = 0;  // at the static map's scale, for simplifying
    double design_width = 0, design_height = 0;  // the static map's CSS px (the embed's size)
    const BaseLayers::Shapes* base = nullptr;
    std::vector<geometry::Geometry> control;
    std::vector<ExtraLayer> layer_specs;
    std::vector<std::vector<geometry::Geometry>> layers;  // per spec, lon/lat
    // An aggregate map's cells, per class (lon/lat), and each class's fill.
    std::vector<std::vector<geometry::Geometry>> aggregate;
    std::vector<style::Color> aggregate_fills;
    std::vector<WebMark> marks;
    const Legend* legend = nullptr;
    std::vector<LegendItem> legend_items;
    std::vector<WebLabel> labels;
    std::vector<WebDot> dots;
    std::vector<Annotation> annotations;  // the callouts the static map placed for them
    std::string title, subtitle, credits, description;
    std::vector<std::string> notes;  // the figure and the events known only to a country
    std::string data_link;           // href of the events GeoJSON, "" for none
};

// The <iframe> that embeds the page `href` (its title for screen readers, the map's aspect).
std::string embed_snippet(const WebScene& scene, const std::string& href);

// Writes the page to `path` (a temporary file renamed into place). `library_dir` holds
// leaflet.js and leaflet.css (the dataset's web/ folder); RenderError when they are missing.
void write_web_map(const WebScene& scene, const style::Style& style, const std::string& library_dir,
                   const std::string& path);

}  // namespace mapwire::render
