// The Scene's placement: the page laid out, the extent chosen, the layers read, then markers,
// furniture, callouts and labels placed in order of priority (detail/scene.hpp).
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "base/great_circle.hpp"
#include "render/coverage_mask.hpp"
#include "render/detail/map_metadata.hpp"
#include "render/detail/paint.hpp"
#include "render/detail/scene.hpp"
#include "render/detail/wording.hpp"
#include "render/figure_box.hpp"
#include "render/placement.hpp"
#include "render/scale_bar.hpp"

namespace mapwire::render::detail {
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

// The extraction as English sentences name it: the pipeline renamed its places by the map's
// policy (labels and layers print those), the legend's and notes' sentences take the English
// names (and the house style's overrides) back from the gazetteer.
events::Extraction for_sentences(const events::Extraction& x, const gazetteer::Gazetteer& g,
                                 const gazetteer::PlaceNaming& names) {
    events::Extraction out = x;
    const auto rename = [&](std::optional<gazetteer::Place>& p) {
        if (!p) return;
        if (const auto own = g.find_id(p->id)) p->name = names.name(*own);
    };
    for (auto& e : out.events) rename(e.location);
    for (auto& f : out.figures) rename(f.territory);
    return out;
}

// The notes beside the map (figure box, key, "Elsewhere in ..." lines), in English sentences.
Notes notes_of(const events::Extraction& named_by_policy, const gazetteer::Gazetteer& g,
               const MapOptions& o, const gazetteer::PlaceNaming& sentence_names) {
    std::optional<events::Extraction> renamed;  // only where the policy renamed places
    if (o.naming) renamed = for_sentences(named_by_policy, g, sentence_names);
    const events::Extraction& x = renamed ? *renamed : named_by_policy;
    const auto holder = [&](const std::string& code) {
        return code.empty() ? std::string("?") : country_name(g, sentence_names, code);
    };
    return {notes_text(figure_text(x.figures, holder, control_date_of(o)),
                       o.table ? o.table_notes : detail::elsewhere_lines(x.events)),
            o.table ? std::vector<std::string>{} : detail::key_lines(x.events)};
}

}  // namespace

Scene::Scene(const events::Extraction& x, const gazetteer::Gazetteer& g, const style::Style& s,
             const std::string& gpkg, const MapOptions& o)
    : x_(x),
      gaz_(g),
      st_(s),
      gpkg_(gpkg),
      opt_(o),
      named_units_(named_unit_ids(x, o)),
      sentence_names_(naming_of(o).for_sentences()),
      legend_(s, country_name(g, sentence_names_, x.places.focus_country), o.layers),
      notes_(notes_of(x, g, o, sentence_names_)),
      possible_occupation_(occupation(g, sentence_names_, occupied_units(g), false)),
      page_text_{o.title, o.subtitle, credits_text(o, possible_occupation_),
                 o.background == MapOptions::Background::none},
      page_(lay_out()) {}

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
    f.occupied = occupied_in_view();
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

std::string Scene::occupied_in_view() const {
    return occupation(gaz_, sentence_names_, base_.occupied_in_view, false);
}

std::string Scene::credits() const {
    return credits_text(opt_, occupied_in_view());
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
    report.frame = {"", page_.frame};
    report.aggregate = aggregate_;
    return report;
}

}  // namespace mapwire::render::detail
