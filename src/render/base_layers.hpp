// The base map read from the dataset, drawn under and over the control areas.
//
// Land and sea, countries (the focus country emphasised), lakes, rivers, admin-1 borders, country
// borders as this worldview draws them, the units the report names highlighted, and areas occupied
// since 2014 hatched.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "geometry/vector_io.hpp"
#include "render/canvas.hpp"
#include "render/map_view.hpp"
#include "style/style.hpp"

namespace mapwire::render {

// Areas occupied since 2014 on the map (the legend's swatch hatches denser).
inline constexpr HatchSpec kOccupiedHatch{5, -45, 0.7};

struct BaseLayers {
    Paths land, lakes, rivers, admin1_lines, borders, occupied, highlight;
    Paths focus_country;
    std::vector<Paths> other_countries;
    // Countries in view, their ids and screen outlines in the same order (for their labels).
    std::vector<std::string> country_ids;
    std::vector<Paths> country_outlines;
    std::vector<std::pair<std::string, std::string>> admin1_ids;  // in view: id, country
    bool disputed_in_view = false;  // an occupied area shows in the frame
    // The occupied units that show in the frame, from their records: ids, holder codes, years.
    struct Occupied {
        std::string id, holder;
        int since = 0;
    };
    std::vector<Occupied> occupied_in_view;
    geometry::Box box;  // what was read
    // The same layers in lon/lat as read (geometries are shared, not copied): the web map
    // draws them in the browser's projection.
    struct Shapes {
        std::vector<geometry::Geometry> land, focus_country, other_countries, lakes, rivers,
            admin1_lines, borders, occupied, highlight;
    } shapes;
};

// A dataset layer's features within the view's read box, optionally filtered (OGR SQL).
std::vector<geometry::FeatureRecord> read_layer(const std::string& geopackage, const MapView& view,
                                                const std::string& layer,
                                                const std::string& where = {});

// A dataset layer's features within a box.
std::vector<geometry::FeatureRecord> read_layer(const std::string& geopackage,
                                                const geometry::Box& box, const std::string& layer,
                                                const std::string& where = {});

// Reads the base layers within `box` (the view's read box, or more for the web map); `focus` is
// the focus country's ISO code, `named_units` the gazetteer ids of the units to highlight.
BaseLayers load_base_layers(const std::string& geopackage, const MapView& view,
                            const std::string& focus, const std::set<std::string>& named_units,
                            const geometry::Box& box);

// Whether a boundary line runs inside one country (the same country on both sides of its
// middle segment): such lines are not drawn as borders.
bool is_internal_border(const geometry::Geometry& line, const geometry::PolygonIndex& countries);

// The base map is drawn in two parts, the control areas between them: areas (sea, land,
// countries, highlighted units), then overlays (occupied areas, water, lines).
void draw_base_areas(Canvas& c, const style::Style& st, const BaseLayers& base, const Rect& frame);
void draw_base_overlays(Canvas& c, const style::Style& st, const BaseLayers& base,
                        const Rect& frame);

}  // namespace mapwire::render
