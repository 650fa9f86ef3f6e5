// The map put together: a Scene places every piece once, then draws it on each output.
//
// Placement goes in order of priority through one collision index: event markers, then the
// furniture (legend strip, inset, scale bar, figure box, boxed legend), callouts, and the label
// passes of place_labels.hpp; what finds no room is reported dropped. Drawing goes in layers:
// base map, control areas, user layers, town dots, callouts, markers, labels, furniture.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "base/great_circle.hpp"
#include "render/aggregate_layer.hpp"
#include "render/base_layers.hpp"
#include "render/callouts.hpp"
#include "render/canvas.hpp"
#include "render/detail/paint.hpp"
#include "render/detail/wording.hpp"
#include "render/event_symbols.hpp"
#include "render/figure_box.hpp"
#include "render/furniture.hpp"
#include "render/inset.hpp"
#include "render/legend.hpp"
#include "render/map.hpp"
#include "render/map_view.hpp"
#include "render/page_layout.hpp"
#include "render/place_labels.hpp"
#include "render/placement.hpp"
#include "render/scale_bar.hpp"
#include "render/user_layers.hpp"
#include "render/web_map.hpp"
#include "text/utf8.hpp"

namespace mapwire::render {
namespace {

using gazetteer::PlaceType;

constexpr double kLabelMargin = 2;     // px every label keeps from every other box
constexpr double kFrameClearance = 3;  // px every label keeps from the map's frame
// How far a Natural Earth city without a GeoNames id may lie from the GeoNames town whose
// name it takes: the two place a city's point differently, by up to a city's size.
constexpr double kCityJoinKm = 30;
// Cities considered for labels: Natural Earth's populated places of at least this many people.
constexpr const char* kCityFilter = "pop_max >= 150000";
// The web map's layers reach this share of the read box's size beyond it on each side.
constexpr double kWebMarginShare = 0.2;

// Admin-1 units to highlight: those the events and the text name, and the options'.
std::set<std::string> named_unit_ids(const events::Extraction& x, const MapOptions& o) {
    std::set<std::string> named;
    // A table's events name units by the hundred: the map highlights only those asked for.
    if (!o.table)
        for (const auto& e : x.events)
            if (e.location && e.location->type == PlaceType::admin1)
                named.insert(std::string(e.location->id));
    for (const auto& m : x.places.mentions)
        if (m.place && m.role == geoparse::Role::location && m.place->type == PlaceType::admin1)
            named.insert(std::string(m.place->id));
    named.insert(o.highlight.begin(), o.highlight.end());
    return named;
}

// The notes box: the territory figure, then the events known only to a country.
std::string notes_text(std::string figure, const std::vector<std::string>& elsewhere) {
    for (const auto& line : elsewhere) figure += (figure.empty() ? "" : "\n") + line;
    return figure;
}

// A country's name from its ISO code; the code itself when the gazetteer lacks it.
std::string country_name(const gazetteer::Gazetteer& g, const gazetteer::PlaceNaming& names,
                         const std::string& code) {
    const auto p = g.find_id("country:" + code);
    return p ? std::string(names.name(*p)) : code;
}

// The gazetteer's own names, where no policy is given.
const gazetteer::PlaceNaming& english_names() {
    static const gazetteer::PlaceNaming english;
    return english;
}

// The policy's names for what the renderer reads from the gazetteer itself.
const gazetteer::PlaceNaming& naming_of(const MapOptions& o) {
    return o.naming ? *o.naming : english_names();
}

// The dataset's occupied units (admin-1 units with an occupying state), in index order.
std::vector<BaseLayers::Occupied> occupied_units(const gazetteer::Gazetteer& g) {
    std::vector<BaseLayers::Occupied> out;
    for (std::uint32_t i = 0; i < g.size(); ++i) {
        const auto p = g.place(i);
        if (p.type == PlaceType::admin1 && !p.occupied_by.empty())
            out.push_back({std::string(p.id), std::string(p.occupied_by), p.occupied_since});
    }
    return out;
}

// What the legend and credits say of these units: their names and holders from the gazetteer.
std::string occupation(const gazetteer::Gazetteer& g, const gazetteer::PlaceNaming& naming,
                       const std::vector<BaseLayers::Occupied>& units, bool names = true) {
    std::vector<detail::OccupiedUnit> named;
    for (const auto& u : units) {
        const auto p = g.find_id(u.id);
        named.push_back(
            {p ? std::string(naming.name(*p)) : u.id, country_name(g, naming, u.holder), u.since});
    }
    return detail::occupation_text(named, names);
}

class Scene {
public:
    Scene(const events::Extraction& x, const gazetteer::Gazetteer& g, const style::Style& s,
          const std::string& gpkg, const MapOptions& o)
        : x_(x),
          gaz_(g),
          st_(s),
          gpkg_(gpkg),
          opt_(o),
          named_units_(named_unit_ids(x, o)),
          legend_(s, country_name(g, naming_of(o), x.places.focus_country), o.layers),
          notes_{notes_text(figure_text(
                                x.figures,
                                [&g, &o](const std::string& code) {
                                    return code.empty() ? std::string("?")
                                                        : country_name(g, naming_of(o), code);
                                },
                                control_date_of(o)),
                            o.table ? o.table_notes : detail::elsewhere_lines(x.events)),
                 o.table ? std::vector<std::string>{} : detail::key_lines(x.events)},
          possible_occupation_(occupation(g, naming_of(o), occupied_units(g), false)),
          page_text_{o.title, o.subtitle, credits_text(o, possible_occupation_),
                     o.background == MapOptions::Background::none},
          page_(lay_out()) {}

    RenderReport build();
    void draw(Canvas& c) const;
    // What the web map shows: the same scene, placed things at their places on the ground.
    WebScene web_scene() const;

private:
    PageLayout lay_out() const;
    // What the legend may have to show, before the layers are read (to reserve room below
    // compact maps), and what it does show.
    LegendFacts possible_legend_facts() const;
    LegendFacts shown_legend_facts() const;
    void load_layers();
    void place(RenderReport& report);

public:
    std::array<double, 6> world_file(double scale) const { return view_->world_file(scale); }
    std::string wkt(bool esri) const { return view_->projection().wkt(esri); }

private:
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

PageLayout Scene::lay_out() const {
    const std::vector<LegendItem> possible = legend_items(possible_legend_facts());
    const NotesMeasure measure{
        [&](double w, bool with_figure, bool with_legend) {
            return notes_height(st_, legend_, notes_, possible, w, with_figure, with_legend);
        },
        [&](double frame_w) { return legend_.strip_height(possible, frame_w); }};
    return layout_page(opt_.width, opt_.height, opt_.dpi, st_, page_text_, measure);
}

LegendFacts Scene::possible_legend_facts() const {
    LegendFacts f;
    f.focus = !x_.places.focus_country.empty();
    f.highlight = !named_units_.empty();
    f.control = !opt_.control_layer.empty();
    if (f.control) {
        const std::string date = control_date_of(opt_);
        f.control_date = date.empty() ? "" : "as of " + date;
    }
    f.occupied = possible_occupation_;
    if (opt_.aggregate) {
        // Room for the classes before they are known: labels as wide as the widest can be.
        for (int k = 0; k < opt_.aggregate->classes; ++k)
            f.count_classes.push_back(k == 0 ? "Events per 0000 km hexagon: 00000–00000"
                                             : "00000–00000");
        return f;
    }
    for (const auto& e : x_.events) {
        if (!e.location || detail::country_only(e)) continue;
        f.event_types.insert(e.type);
        f.vague = f.vague || e.geo_precision != events::GeoPrecision::town;
    }
    for (std::size_t i = 0; i < opt_.layers.size(); ++i)
        if (!opt_.layers[i].legend.empty()) f.layers.push_back(i);
    return f;
}

LegendFacts Scene::shown_legend_facts() const {
    // Only what the map shows: layers read for the margin around the frame do not count.
    LegendFacts f = possible_legend_facts();
    f.highlight = view_->shows(base_.highlight);
    f.control = view_->shows(control_);
    f.occupied = occupation(gaz_, naming_of(opt_), base_.occupied_in_view, false);
    f.event_types.clear();
    f.vague = false;
    for (const auto& m : marks_) {
        f.event_types.insert(m.event->type);
        f.vague = f.vague || !m.exact;
    }
    f.count_classes.clear();
    if (aggregate_)
        for (std::size_t k = 0; k < aggregate_->breaks.size(); ++k)
            f.count_classes.push_back(
                (k == 0 ? aggregate_heading(*aggregate_) + ": " : std::string()) +
                class_label(aggregate_->breaks, k));
    return f;
}

void Scene::load_layers() {
    // A web map is read further round: a browser window of another shape, or a reader
    // zooming out a little, sees beyond the static frame.
    const bool web =
        std::find(opt_.formats.begin(), opt_.formats.end(), MapFormat::html) != opt_.formats.end();
    geometry::Box box = view_->read_box();
    if (web) {
        const double lon = (box.max_lon - box.min_lon) * kWebMarginShare,
                     lat = (box.max_lat - box.min_lat) * kWebMarginShare;
        box = {box.min_lon - lon, std::max(-85.0, box.min_lat - lat), box.max_lon + lon,
               std::min(85.0, box.max_lat + lat)};
    }
    base_ = load_base_layers(gpkg_, *view_, x_.places.focus_country, named_units_, box);
    user_layers_ = load_user_layers(opt_.layers, *view_);
    control_ = load_control_layer(opt_.control_layer, *view_, &control_shapes_);
    if (opt_.aggregate) {
        aggregate_ = build_aggregate(x_.events, *opt_.aggregate, *view_, gaz_, gpkg_);
        aggregate_paths_ = aggregate_paths(*aggregate_, *view_);
    }
}

void Scene::place_furniture(LabelPlacer& placer) {
    const Rect& frame = page_.frame;
    legend_items_ = legend_items(shown_legend_facts());
    if (page_.legend_strip()) {
        // No room below: a strip along the bottom of the map, entries in rows.
        const double h = legend_.strip_height(legend_items_, frame.w);
        legend_box_ = {frame.x, frame.y + frame.h - h, frame.w, h};
        placer.block(legend_box_);
    }
    show_inset_ = opt_.inset && inset_fits(frame);
    inset_.box = inset_box(frame);
    if (show_inset_) placer.block(inset_.box);
    const double bottom = page_.legend_strip() ? legend_box_.y : frame.y + frame.h;
    scale_bar_ = scale_bar_box(frame, bottom);
    placer.block(scale_bar_);
    show_figure_box_ = !notes_.figure.empty() && !page_.figure_below;
    if (show_figure_box_) {
        figure_box_ = figure_box(frame, notes_.figure, st_);
        placer.block(figure_box_);
    }
    if (!page_.compact && !page_.legend_below) {
        // A corner that leaves the markers and the other furniture clear.
        std::vector<Rect> obstacles = {scale_bar_};
        if (show_inset_) obstacles.push_back(inset_.box);
        if (show_figure_box_) obstacles.push_back(figure_box_);
        for (const auto& m : marks_) obstacles.push_back(mark_box(m));
        legend_box_ = choose_legend_corner(frame, legend_.box_width(legend_items_),
                                           Legend::box_height(legend_items_), obstacles);
        placer.block(legend_box_);
    }
}

void Scene::place_labels(Labeler& labeler) {
    // Places of the events and of the text, then countries and units, then other cities.
    const LabelContext ctx{st_, *view_, naming_of(opt_)};
    std::set<std::string> labelled;
    label_event_places(labeler, ctx, marks_, labelled);
    label_mentioned_places(labeler, ctx, x_.places.mentions, labelled);
    label_layer_features(labeler, ctx, opt_.layers, user_layers_);
    // Units the report names, then the focus country, before everything else.
    label_named_units(labeler, ctx, gaz_, named_units_);
    label_countries(labeler, ctx, gaz_, base_.country_ids, base_.country_outlines,
                    x_.places.focus_country);
    label_units(labeler, ctx, gaz_, base_.admin1_ids, x_.places.focus_country, named_units_);
    const GeonamesName geonames_name = [this,
                                        &ctx](const CityRef& c) -> std::optional<std::string> {
        if (c.geonameid > 0)
            if (const auto p = gaz_.find_id("geonames:" + std::to_string(c.geonameid)))
                return std::string(ctx.names.name(*p));
        // Natural Earth lacks the id for a few cities (Iasi): the GeoNames town of its name
        // in its country, where one lies within kCityJoinKm.
        const auto found =
            gaz_.lookup(c.name, {.country = c.country, .type = PlaceType::place, .limit = 5});
        for (const auto& candidate : found)
            if (candidate.place.id.starts_with("geonames:") &&
                great_circle_km(c.lat, c.lon, candidate.place.lat, candidate.place.lon) <=
                    kCityJoinKm)
                return std::string(ctx.names.name(candidate.place));
        return std::nullopt;
    };
    label_cities(labeler, ctx, geonames_name,
                 read_layer(gpkg_, *view_, "populated_places", kCityFilter), marks_);
}

void Scene::place(RenderReport& report) {
    // Labels and callouts keep clear of the frame's line, as they keep clear of each other.
    const Rect& f = page_.frame;
    CollisionIndex index({f.x + kFrameClearance, f.y + kFrameClearance, f.w - 2 * kFrameClearance,
                          f.h - 2 * kFrameClearance},
                         kLabelMargin);
    LabelPlacer placer(index);
    // Markers first: labels, callouts and furniture must keep clear of them.
    // An aggregate map counts its events in cells: no marker of its own for any.
    if (!aggregate_) marks_ = locate_event_marks(x_.events, *view_, page_.compact);
    spread_crowded_marks(marks_);
    block_event_marks(placer, marks_);
    place_furniture(placer);
    // Callouts prefer places that leave the highlighted units and control areas visible.
    // Compact maps list the events in the key below the map instead.
    const Rect& frame = page_.frame;
    CoverageMask areas(frame);
    areas.add(base_.highlight);
    areas.add(control_);
    Labeler labeler(placer, report);
    CalloutPlacer callouts(labeler, areas, detail::font(st_, st_.callout_size), page_.callout_wrap);
    if (!page_.compact && !opt_.table) place_event_callouts(callouts, st_, marks_);
    place_annotations(callouts, labeler, st_, *view_, opt_.annotations);
    place_labels(labeler);
    if (show_inset_) inset_ = build_inset(gpkg_, view_->extent(), inset_.box);
    callouts_ = std::move(callouts.callouts);
    labels_ = std::move(labeler.labels);
    dots_ = std::move(labeler.dots);
}

RenderReport Scene::build() {
    RenderReport report;
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* what) {
        if (std::getenv("MAPWIRE_TIMING"))
            fprintf(stderr, "%s %.3f\n", what,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    };
    const geometry::Box extent = choose_extent(x_, opt_);
    view_.emplace(extent, projection_for(extent, opt_.projection), page_.frame, page_.fit_bottom);
    lap("extent");
    load_layers();
    lap("layers");
    place(report);
    lap("labels");
    const geometry::Box& e = view_->extent();
    report.projection = view_->projection().definition();
    report.extent = {e.min_lon, e.min_lat, e.max_lon, e.max_lat};
    report.km_per_100px = view_->km_per_px() * 100;
    report.frame = {"", page_.frame.x, page_.frame.y, page_.frame.w, page_.frame.h};
    report.aggregate = aggregate_;
    return report;
}

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
        draw_header_footer(
            c, st_, page_, page_text_,
            credits_text(opt_, occupation(gaz_, naming_of(opt_), base_.occupied_in_view, false)));
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
    w.credits =
        credits_text(opt_, occupation(gaz_, naming_of(opt_), base_.occupied_in_view, false));
    w.description = opt_.description;
    std::istringstream notes(notes_.figure);  // the figure, then "Elsewhere in ..." lines
    for (std::string line; std::getline(notes, line);) w.notes.push_back(line);
    w.data_link = opt_.data_link;
    return w;
}

std::string creation_date(const MapOptions& o) {
    if (!o.creation_date.empty()) return o.creation_date;
    // Reproducible builds: SOURCE_DATE_EPOCH, else a fixed date, never the clock.
    std::time_t t = 0;
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH"))
        t = static_cast<std::time_t>(std::atoll(env));
    char buf[32];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

std::string control_date_of(const MapOptions& o) {
    return o.control_date.empty() ? control_layer_date(o.control_layer) : o.control_date;
}

std::string control_layer_date(const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    auto digits = [&](std::size_t at, std::size_t n) {
        if (at + n > name.size()) return false;
        for (std::size_t k = at; k < at + n; ++k)
            if (name[k] < '0' || name[k] > '9') return false;
        return true;
    };
    auto plausible = [](const std::string& y, const std::string& m, const std::string& d) {
        const int year = std::stoi(y), month = std::stoi(m), day = std::stoi(d);
        return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        // Not inside a longer run of digits.
        if (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9') continue;
        if (digits(i, 4) && i + 10 <= name.size() && name[i + 4] == '-' && digits(i + 5, 2) &&
            name[i + 7] == '-' && digits(i + 8, 2) &&
            plausible(name.substr(i, 4), name.substr(i + 5, 2), name.substr(i + 8, 2)))
            return name.substr(i, 10);
        if (digits(i, 8) && !digits(i + 8, 1) &&
            plausible(name.substr(i, 4), name.substr(i + 4, 2), name.substr(i + 6, 2)))
            return name.substr(i, 4) + "-" + name.substr(i + 4, 2) + "-" + name.substr(i + 6, 2);
    }
    return {};
}

std::string default_description(const events::Extraction& x, const gazetteer::Gazetteer& g) {
    constexpr std::size_t kDescribed = 5;  // events named; the others are counted
    const std::string where = x.places.focus_country.empty()
                                  ? "the area"
                                  : country_name(g, english_names(), x.places.focus_country);
    const std::size_t n = x.events.size();
    std::string text = "Map of " + where + " showing " + std::to_string(n) +
                       (n == 1 ? " reported event" : " reported events");
    for (std::size_t i = 0; i < n && i < kDescribed; ++i)
        text += (i == 0 ? ": " : "; ") + detail::event_phrase(x.events[i]);
    if (n > kDescribed) text += "; and " + std::to_string(n - kDescribed) + " more";
    return text + ".";
}

std::string default_title(const events::Extraction& x) {
    const std::string title = detail::title_of(x.events);
    return title.empty() ? "Reported events" : title;
}

LonLatBox extent_around(const gazetteer::Place& p) {
    if (p.type == PlaceType::place) return {p.lon - 1.2, p.lat - 0.8, p.lon + 1.2, p.lat + 0.8};
    const double px = std::max(0.3, double(p.max_lon - p.min_lon) / 4),
                 py = std::max(0.2, double(p.max_lat - p.min_lat) / 4);
    return {p.min_lon - px, p.min_lat - py, p.max_lon + px, p.max_lat + py};
}

namespace {

// The texts a user gives (titles, credits, annotations, legend entries), made writable in XML:
// a control character must not make the SVG ill-formed.
MapOptions writable(MapOptions o) {
    for (std::string* t : {&o.title, &o.subtitle, &o.source, &o.credits})
        text::replace_unwritable(*t);
    for (auto& a : o.annotations) text::replace_unwritable(a.text);
    for (auto& l : o.layers) text::replace_unwritable(l.legend);
    return o;
}

// Keywords of the map's file: its event types and places, each once, in text order.
std::string keywords(const events::Extraction& x) {
    std::vector<std::string> words;
    auto add = [&](const std::string& w) {
        if (!w.empty() && std::find(words.begin(), words.end(), w) == words.end())
            words.push_back(w);
    };
    for (const auto& e : x.events) {
        add(std::string(to_string(e.type)));
        if (e.location) add(std::string(e.location->name));
    }
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

// A small text file beside the map (the world file, the CRS), named in the error if it fails.
void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) throw std::move(IoError("cannot write the file").in_file(path));
}

}  // namespace

RenderReport render_map(const events::Extraction& extraction, const gazetteer::Gazetteer& gazetteer,
                        const style::Style& style, const std::string& geopackage,
                        const MapOptions& given, const std::string& out_dir) {
    const MapOptions options = writable(given);
    if (options.width < 200 || options.height < 150 || options.width > 20000 ||
        options.height > 20000)
        throw std::move(
            RenderError("map size out of range (200x150 to 20000x20000 pixels)", ExitCode::usage)
                .with_value(std::to_string(options.width) + "x" + std::to_string(options.height)));
    if (!std::isfinite(options.dpi) || options.dpi < 36 || options.dpi > 1200)
        throw std::move(RenderError("dpi out of range (36 to 1200)", ExitCode::usage)
                            .with_value(std::to_string(options.dpi)));
    // The drawings, then the page. Names become formats at the command line and in the
    // configuration (parse_map_format): an unknown one never reaches the renderer.
    std::vector<render::Format> formats;
    std::vector<std::string> names;
    bool web = false;  // map.html, written from the same scene after the drawings
    for (const MapFormat f : options.formats) {
        switch (f) {
            case MapFormat::png:
                formats.push_back(Format::png);
                break;
            case MapFormat::svg:
                formats.push_back(Format::svg);
                break;
            case MapFormat::pdf:
                formats.push_back(Format::pdf);
                break;
            case MapFormat::html:
                web = true;
                continue;
        }
        names.emplace_back(to_string(f));
    }
    Scene scene(extraction, gazetteer, style, geopackage, options);
    RenderReport report = scene.build();
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec)
        throw std::move(
            IoError("cannot create the output folder: " + ec.message()).in_file(out_dir));
    const double scale = options.dpi / 96.0;
    const std::string date = creation_date(options);
    for (std::size_t i = 0; i < formats.size(); ++i) {
        const std::string path = out_dir + "/map." + names[i];
        render::Output out(formats[i], path, options.width / scale, options.height / scale, scale,
                           options.dpi, {options.title, options.description, keywords(extraction)},
                           date);
        scene.draw(out.canvas());
        out.finish();
        report.files.push_back(path);
        if (formats[i] == render::Format::png) {
            // The PNG opens in QGIS at its place: a world file and the CRS beside it.
            const auto w = scene.world_file(scale);
            std::ostringstream pgw;
            pgw.precision(12);
            for (double v : w) pgw << v << "\n";
            write_text(out_dir + "/map.pgw", pgw.str());
            write_text(out_dir + "/map.prj", scene.wkt(true) + "\n");
            // GDAL's PNG driver reads the world file but not the .prj: its own sidecar gives
            // GDAL and QGIS the CRS.
            std::string srs = scene.wkt(false);
            for (std::size_t at = 0; (at = srs.find('"', at)) != std::string::npos; at += 6)
                srs.replace(at, 1, "&quot;");
            write_text(out_dir + "/map.png.aux.xml",
                       "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">" + srs +
                           "</SRS>\n</PAMDataset>\n");
            for (const char* f : {"/map.pgw", "/map.prj", "/map.png.aux.xml"})
                report.files.push_back(out_dir + f);
        }
    }
    if (web) {
        const WebScene w = scene.web_scene();
        write_web_map(w, style, options.web_library, out_dir + "/map.html");
        report.files.push_back(out_dir + "/map.html");
        report.embed = embed_snippet(w, "map.html");
    }
    return report;
}

std::optional<MapFormat> parse_map_format(std::string_view name) {
    for (const MapFormat f : {MapFormat::png, MapFormat::svg, MapFormat::pdf, MapFormat::html})
        if (name == to_string(f)) return f;
    return std::nullopt;
}

std::string_view to_string(MapFormat format) {
    switch (format) {
        case MapFormat::png:
            return "png";
        case MapFormat::svg:
            return "svg";
        case MapFormat::pdf:
            return "pdf";
        case MapFormat::html:
            return "html";
    }
    return "png";  // not reached: every format is named above
}

}  // namespace mapwire::render
