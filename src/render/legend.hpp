// The legend: its entries, their swatches, and its boxed, flowing and strip layouts.
//
// Which entries a map needs (only what it shows), each entry's swatch and text, and three ways to
// lay them out: a boxed column in a corner of the map, rows in the notes of a compact map, or a
// strip along the bottom of the map.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/map.hpp"
#include "render/screen.hpp"
#include "style/style.hpp"

namespace mapwire::render {

struct LegendItem {
    enum class Kind { focus, highlight, control, occupied, event, vague, layer, count_class, city };
    Kind kind = Kind::city;
    events::EventType event_type{};  // Kind::event: the ACLED event type
    std::size_t layer = 0;  // Kind::layer: its index in MapOptions::layers; count_class: the class
    // Kind::occupied: by whom, since when; Kind::control: its date; Kind::count_class: its words
    std::string text;
    std::size_t classes = 0;  // Kind::count_class: how many classes the aggregate has

    bool operator==(const LegendItem&) const = default;
};

// What the map shows, as far as the legend is concerned.
struct LegendFacts {
    bool focus = false;        // the article has a focus country
    bool highlight = false;    // units named in the report
    bool control = false;      // a control layer
    std::string control_date;  // its date ("as of 2024-07-08"), "" when unknown
    std::string occupied;      // what the occupied areas are (occupation_text), "" for none
    std::set<events::EventType> event_types;  // in the order of their names
    bool vague = false;                       // an event marked "somewhere in" an area
    std::vector<std::size_t> layers;          // user layers with a legend entry
    // An aggregate map's classes in words ("Events per 25 km hexagon: 1-5", "6-10" ...).
    std::vector<std::string> count_classes;
};

// The entries in their fixed order: focus, areas, event types (by name), vague, layers, city.
std::vector<LegendItem> legend_items(const LegendFacts& facts);

// Where the boxed legend goes: bottom left unless something lies there, then bottom right
// (above the scale bar), top left, top right; the first corner inside the frame that overlaps
// none of the obstacles, else bottom left.
Rect choose_legend_corner(const Rect& frame, double w, double h,
                          const std::vector<Rect>& obstacles);

class Legend {
public:
    // `focus_name`: the focus country's name as the legend gives it.
    Legend(const style::Style& st, std::string focus_name, const std::vector<ExtraLayer>& layers)
        : st_(st), focus_name_(std::move(focus_name)), layers_(layers) {}

    // One entry: its swatch drawn with the top-left at (x, y) when c is given; its text.
    std::string entry(Canvas* c, const LegendItem& item, double x, double y) const;
    // Lays the entries out in rows from (x, y) within `width`, drawing them when c is given;
    // the rows' height.
    double flow(Canvas* c, const std::vector<LegendItem>& items, double x, double y,
                double width) const;
    // The size of the boxed legend of these entries.
    double box_width(const std::vector<LegendItem>& items) const;
    static double box_height(const std::vector<LegendItem>& items);
    void draw_box(Canvas& c, const Rect& box, const std::vector<LegendItem>& items) const;
    // The strip along the bottom of a map `frame_w` wide: its height, and drawing it.
    double strip_height(const std::vector<LegendItem>& items, double frame_w) const;
    void draw_strip(Canvas& c, const Rect& box, const std::vector<LegendItem>& items) const;

private:
    const style::Style& st_;
    std::string focus_name_;
    const std::vector<ExtraLayer>& layers_;
};

}  // namespace mapwire::render
