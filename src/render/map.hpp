// Publication-grade maps of an extraction: PNG, SVG (real text) and PDF (embedded fonts,
// vector geometry), the same map in each, byte-identical on rerun.
#pragma once

#include <cmath>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/aggregate.hpp"
#include "base/error.hpp"
#include "events/extractor.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/naming.hpp"
#include "render/screen.hpp"
#include "style/style.hpp"

namespace mapwire::render {

class RenderError : public ErrorKind<RenderError> {
public:
    using ErrorKind::ErrorKind;
};

// The map files a run writes: the drawings and the web page (map.html).
enum class MapFormat { png, svg, pdf, html };
// "png", "svg", "pdf", "html"; nothing for any other name (the caller names the value).
std::optional<MapFormat> parse_map_format(std::string_view name);
std::string_view to_string(MapFormat format);

struct LonLatBox {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;

    // Finite, min below max, latitudes within the poles, longitudes within 360 degrees either
    // way (a box may cross the antimeridian): the one rule for --extent and `bbox:`.
    bool valid() const {
        const bool finite = std::isfinite(min_lon) && std::isfinite(max_lon) &&
                            std::isfinite(min_lat) && std::isfinite(max_lat);
        return finite && min_lon < max_lon && min_lat < max_lat && min_lat >= -90 &&
               max_lat <= 90 && min_lon >= -360 && max_lon <= 360;
    }
};

// A vector layer the user adds to the map (any format GDAL reads, any CRS), drawn over the
// base map and under the events, in the order given.
struct ExtraLayer {
    std::string path;
    std::string layer;  // layer name; "" for the first
    std::string where;  // OGR SQL attribute filter; "" for every feature
    std::optional<style::Color> fill, stroke;
    double width = 1.2;  // stroke width, px
    double radius = 4;   // points: dot radius, px
    std::string label;   // attribute whose value labels each feature; "" for none
    std::string legend;  // legend entry; "" for none
};

// Text the user places: at a place (resolved by the caller) or a coordinate.
struct Annotation {
    std::string text;
    double lon = 0, lat = 0;
    bool leader = true;  // a box with a leader line to the point; else text at the point
};

struct MapOptions {
    int width = 2400, height = 1600;  // output pixels of the PNG
    double dpi = 192;                 // pixels per inch; 96 dpi is 1 CSS px per pixel
    std::string projection;           // PROJ string or EPSG code; "" chooses a conic for the extent
    std::optional<LonLatBox> extent;  // "" chooses from the located events and places
    std::string title, subtitle, source;
    // The map in words for screen readers and catalogues (alt text): SVG <desc>, PNG iTXt
    // Description, PDF Subject; default_description() when empty.
    std::string description;
    // The page behind title, notes and credits: painted (the style's panel colour) or none
    // (transparent, for a designer to set the map on a page of their own).
    enum class Background { page, none } background = Background::page;
    std::string
        credits;       // more credit text, e.g. "Graphic: A. Reporter"; added to the credits line
    std::string date;  // "data as of"
    std::string control_layer;  // areas to tint, any vector format GDAL reads
    // The control layer's own date (YYYY-MM-DD) and maker, said in subtitle, legend, figure
    // box and credits; "" takes the date from its file name (control_layer_date) and credits
    // the file by its name.
    std::string control_date, control_source;
    bool inset = true;
    // The naming policy (`names:`, `name_overrides:`); the pipeline turns it into `naming`,
    // which names the background: countries, units and cities the text does not name (the
    // text's own places arrive named). Null: the gazetteer's English names.
    gazetteer::NamingPolicy names;
    const gazetteer::PlaceNaming* naming = nullptr;
    std::vector<std::string> highlight;  // gazetteer ids of units or regions to highlight as well
    std::vector<MapFormat> formats = {MapFormat::png, MapFormat::svg, MapFormat::pdf};
    std::vector<ExtraLayer> layers;
    std::vector<Annotation> annotations;
    std::string creation_date;  // PDF metadata (ISO 8601); from SOURCE_DATE_EPOCH by default
    // The web map (format "html"): the folder holding leaflet.js and leaflet.css (the dataset's
    // web/), and the href of the events GeoJSON its "Download data" link points to ("" for
    // none).
    std::string web_library;
    std::string data_link;
    // A map of an event table (`events:` in a configuration) rather than of one article: too
    // many events for callouts, a key or "Elsewhere in ..." lines, so none; `table_notes` go
    // in the notes instead (what the map leaves out, counted). With `aggregate`, the events
    // are counted per cell (aggregate_layer.hpp) instead of marked one by one.
    bool table = false;
    std::vector<std::string> table_notes;
    std::optional<archive::AggregateSpec> aggregate;
};

// A label's (or callout's) text and its box on the page.
struct PlacedLabel {
    std::string text;
    Rect box;  // logical px
};

struct RenderReport {
    std::vector<std::string> files;
    std::vector<PlacedLabel> labels;   // every placed label and callout box
    std::vector<std::string> dropped;  // labels that fitted nowhere
    std::string projection;
    LonLatBox extent;
    double km_per_100px = 0;
    PlacedLabel frame;  // the map frame, logical px (its text empty); labels keep clear of it
    std::string embed;  // with a web map: the <iframe> snippet that embeds it
    std::optional<archive::Aggregate> aggregate;  // an aggregate map's cells and classes
};

// The extent of a map about one place (a page of a series): a town with about a degree
// around it, an area's box with a quarter of its size around it.
LonLatBox extent_around(const gazetteer::Place& place);

// The title of a map whose article has no headline: its main event and place ("Armed clash in
// Pokrovsk"), else "Reported events".
std::string default_title(const events::Extraction& extraction);

// The date a control layer's file name gives ("occupied-2024-07-08.geojson",
// "areas_20260822.gpkg": YYYY-MM-DD or YYYYMMDD in the name), as YYYY-MM-DD; "" when none.
std::string control_layer_date(const std::string& path);
// The control layer's date as the map states it: the one given, else its file name's.
std::string control_date_of(const MapOptions& o);

// The alt text of a map: "Map of Ukraine showing 3 reported events: ..." (its first five
// events in words, where and how reported).
std::string default_description(const events::Extraction& extraction,
                                const gazetteer::Gazetteer& gazetteer);

// Writes map.png, map.svg, map.pdf and map.html (as requested) into out_dir.
RenderReport render_map(const events::Extraction& extraction, const gazetteer::Gazetteer& gazetteer,
                        const style::Style& style, const std::string& geopackage,
                        const MapOptions& options, const std::string& out_dir);

}  // namespace mapwire::render
