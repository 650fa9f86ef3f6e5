// The Scene drawn: the map's layers, then the furniture, each a labelled layer; and the same
// scene for the web map, placed things at their places on the ground.
#include <sstream>

#include "render/detail/scene.hpp"
#include "render/figure_box.hpp"
#include "render/scale_bar.hpp"

namespace mapwire::render::detail {

void Scene::draw_map(Canvas& c) const {
    // One layer per kind of thing drawn, each clipped to the frame, in drawing order: a
    // designer can hide, lock or restyle each (SVG: Inkscape and Illustrator layers).
    const Rect& frame = page_.frame;
    draw_base_areas(c, st_, base_, frame);
    if (!control_.empty()) {
        const MapLayer layer(c, "control-areas", "Control areas", &frame);
        draw_control_areas(c, st_, control_);
    }
    if (aggregate_) {
        const MapLayer layer(c, "aggregate", "Events counted per cell", &frame);
        draw_aggregate(c, st_, aggregate_paths_, aggregate_->breaks.size());
    }
    draw_base_overlays(c, st_, base_, frame);
    if (!opt_.layers.empty()) {
        const MapLayer layer(c, "user-layers", "Added layers", &frame);
        draw_user_layers(c, st_, opt_.layers, user_layers_);
    }
    {
        const MapLayer layer(c, "places", "Town dots", &frame);
        draw_place_dots(c, st_, dots_);
    }
    {
        const MapLayer layer(c, "callouts", "Callouts", &frame);
        draw_callouts(c, st_, callouts_, page_.callout_wrap);
    }
    {
        const MapLayer layer(c, "events", "Events", &frame);
        draw_event_marks(c, st_, marks_);
    }
    const MapLayer layer(c, "labels", "Labels", &frame);
    draw_labels(c, st_, labels_);
}

void Scene::draw_furniture(Canvas& c) const {
    // Each item of furniture its own layer, as each map layer is.
    {
        const MapLayer layer(c, "title-and-credits", "Title and credits");
        draw_header_footer(c, st_, page_, page_text_, credits());
    }
    if (page_.compact) {
        const MapLayer layer(c, "notes", "Notes and key");
        draw_notes(c, st_, page_, legend_, notes_, legend_items_, page_text_.transparent);
    }
    if (show_figure_box_) {
        const MapLayer layer(c, "figure-box", "Figure box");
        draw_figure_box(c, st_, figure_box_, notes_.figure);
    }
    if (page_.legend_strip() || !page_.legend_below) {
        const MapLayer layer(c, "legend", "Legend");
        if (page_.legend_strip())
            legend_.draw_strip(c, legend_box_, legend_items_);
        else
            legend_.draw_box(c, legend_box_, legend_items_);
    }
    {
        const MapLayer layer(c, "scale-bar", "Scale bar");
        draw_scale_bar(c, st_, scale_bar_, view_->km_per_px());
    }
    if (show_inset_) {
        const MapLayer layer(c, "inset", "Locator inset");
        draw_inset(c, st_, inset_);
    }
    const MapLayer layer(c, "frame", "Frame");
    draw_frame(c, st_, page_);
}

void Scene::draw(Canvas& c) const {
    draw_map(c);
    draw_furniture(c);
}

WebScene Scene::web_scene() const {
    const MapView& v = *view_;
    auto ground = [&v](ScreenPoint p) {
        const ProjectedPoint q = v.screen_to_projected(p);
        return v.projection().inverse({q.x, q.y});  // metres in, lon/lat out
    };
    WebScene w;
    const geometry::Box& e = v.extent();
    w.extent = {e.min_lon, e.min_lat, e.max_lon, e.max_lat};
    const geometry::Box& b = base_.box;
    w.bounds = {b.min_lon, b.min_lat, b.max_lon, b.max_lat};
    w.degrees_per_px = v.km_per_px() / 111.32;  // a degree of latitude is about 111 km
    const double scale = opt_.dpi / 96.0;
    w.design_width = opt_.width / scale;
    w.design_height = opt_.height / scale;
    w.base = &base_.shapes;
    w.control = control_shapes_;
    w.layer_specs = opt_.layers;
    for (const auto& l : user_layers_) w.layers.push_back(l.shapes);
    if (aggregate_) {
        const std::size_t classes = aggregate_->breaks.size();
        w.aggregate.resize(classes);
        for (std::size_t k = 0; k < classes; ++k)
            w.aggregate_fills.push_back(aggregate_colour(k, classes));
        for (const auto& cell : aggregate_->cells)
            if (cell.klass < classes) w.aggregate[cell.klass].push_back(cell.shape);
    }
    for (const auto& m : marks_) w.marks.push_back({m, ground(m.at)});
    w.legend = &legend_;
    w.legend_items = legend_items_;
    for (const auto& l : labels_)
        w.labels.push_back({l, ground({l.box.x + l.box.w / 2, l.box.y + l.box.h / 2})});
    for (const auto& d : dots_) w.dots.push_back({d, ground(d.at)});
    // Annotations with a leader that found room (those without are among the labels).
    for (const auto& a : opt_.annotations)
        if (a.leader && std::any_of(callouts_.begin(), callouts_.end(),
                                    [&](const Callout& c) { return c.text == a.text; }))
            w.annotations.push_back(a);
    w.title = page_text_.title;
    w.subtitle = page_text_.subtitle;
    w.credits = credits();
    w.description = opt_.description;
    std::istringstream notes(notes_.figure);  // the figure, then "Elsewhere in ..." lines
    for (std::string line; std::getline(notes, line);) w.notes.push_back(line);
    w.data_link = opt_.data_link;
    return w;
}

}  // namespace mapwire::render::detail
