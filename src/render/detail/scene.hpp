// The Scene: a map's pieces placed once (scene.cpp), then drawn on each output
// (scene_drawing.cpp) and handed to the web map.
//
// Placement goes in order of priority through one collision index: event markers, then the
// furniture (legend strip, inset, scale bar, figure box, boxed legend), callouts, and the label
// passes of place_labels.hpp; what finds no room is reported dropped. Drawing goes in layers:
// base map, control areas, user layers, town dots, callouts, markers, labels, furniture.
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "render/aggregate_layer.hpp"
#include "render/base_layers.hpp"
#include "render/callouts.hpp"
#include "render/canvas.hpp"
#include "render/event_symbols.hpp"
#include "render/furniture.hpp"
#include "render/inset.hpp"
#include "render/legend.hpp"
#include "render/map.hpp"
#include "render/map_view.hpp"
#include "render/page_layout.hpp"
#include "render/place_labels.hpp"
#include "render/user_layers.hpp"
#include "render/web_map.hpp"

namespace mapwire::render::detail {

class Scene {
public:
    // Lays out the page; nothing is read or placed until build().
    Scene(const events::Extraction& x, const gazetteer::Gazetteer& g, const style::Style& s,
          const std::string& gpkg, const MapOptions& o);

    // Chooses the extent, reads the layers and places everything: the report of what went
    // where (its files still empty).
    RenderReport build();
    void draw(Canvas& c) const;
    // What the web map shows: the same scene, placed things at their places on the ground.
    WebScene web_scene() const;

    std::array<double, 6> world_file(double scale) const { return view_->world_file(scale); }
    std::string wkt(bool esri) const { return view_->projection().wkt(esri); }

private:
    PageLayout lay_out() const;
    // What the legend may have to show, before the layers are read (to reserve room below
    // compact maps), and what it does show.
    LegendFacts possible_legend_facts() const;
    LegendFacts shown_legend_facts() const;
    // The occupied units in view as legend and credits name them, and the credits line.
    std::string occupied_in_view() const;
    std::string credits() const;
    void load_layers();
    void place(RenderReport& report);
    // The boxes on the map besides labels, each reserved as it is placed.
    void place_furniture(LabelPlacer& placer);
    void place_labels(Labeler& labeler);
    void draw_map(Canvas& c) const;
    void draw_furniture(Canvas& c) const;

    const events::Extraction& x_;
    const gazetteer::Gazetteer& gaz_;
    const style::Style& st_;
    std::string gpkg_;
    const MapOptions& opt_;
    std::set<std::string> named_units_;
    gazetteer::PlaceNaming sentence_names_;  // for the legend, notes and credits
    Legend legend_;
    Notes notes_;
    // Every occupied unit of the dataset, as legend and credits would name them: room is reserved
    // for this before the layers say which are in view.
    std::string possible_occupation_;
    PageText page_text_;
    PageLayout page_;

    std::optional<MapView> view_;
    BaseLayers base_;
    Paths control_;
    std::vector<geometry::Geometry> control_shapes_;  // lon/lat, for the web map
    std::vector<UserLayer> user_layers_;

    std::vector<EventMark> marks_;
    std::vector<LegendItem> legend_items_;
    Rect legend_box_, scale_bar_, figure_box_;
    bool show_inset_ = false, show_figure_box_ = false;
    Inset inset_;
    std::vector<Callout> callouts_;
    std::vector<Label> labels_;
    std::vector<PlaceDot> dots_;
    std::optional<archive::Aggregate> aggregate_;
    AggregatePaths aggregate_paths_;
};

}  // namespace mapwire::render::detail
