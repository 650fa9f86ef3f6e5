// Place labels: one function per pass, all through one Labeler.
#include "render/place_labels.hpp"

#include <algorithm>
#include <cmath>

#include "render/coverage_mask.hpp"
#include "render/detail/paint.hpp"
#include "render/detail/wording.hpp"

namespace mapwire::render {
namespace {

using gazetteer::PlaceType;

// Distance of a town's label from its marker, its dot, a layer's point (beyond its radius),
// a city's dot.
constexpr double kEventPlaceGap = 11, kPlaceGap = 8, kLayerPointGap = 4, kCityGap = 7;
constexpr double kDotRadius = 4;  // the box a town's dot reserves
constexpr double kCapitalDot = 4, kTownDot = 2.8, kDotHalo = 1;
constexpr double kLabelHalo = 3;
constexpr double kUnitAnchorX = 10, kUnitAnchorY = 6;  // an area's label point must be this far in
// A country's name must lie this much on the country; candidates every this many px.
constexpr double kCountryCover = 0.92, kCountryGrid = 6;
constexpr double kCountryLetterSpacing = 2.5;
// A unit is named only when its area on the map is this many times its name's box, and only
// units of at least this area.
constexpr double kUnitRoom = 2.5, kMinUnitKm2 = 3000;
// Cities: at most this many; none this close to a town's dot or an event marker.
constexpr int kMaxCities = 30;
constexpr double kNearDot = 6, kNearMarker = 10;

Font place_font(const style::Style& st) {
    return detail::font(st, st.label_size, true);
}

// Gives the label point of an area, when it lies well inside the frame.
std::optional<ScreenPoint> area_anchor(const LabelContext& ctx, const gazetteer::Place& p) {
    const ScreenPoint at = ctx.view.to_screen({p.label_lon, p.label_lat});
    if (!Rect::about(at, kUnitAnchorX, kUnitAnchorY).inside(ctx.view.frame())) return std::nullopt;
    return at;
}

}  // namespace

bool Labeler::take(const std::string& text, const Font& font, Color color,
                   const std::vector<Rect>& candidates) {
    if (auto r = placer_.place(candidates)) {
        add(text, font, color, *r);
        return true;
    }
    drop(text);
    return false;
}

bool Labeler::take_at(const std::string& text, const Font& font, Color color, ScreenPoint at,
                      const CandidateSpec& spec) {
    const auto box = measure(text, font);
    return take(text, font, color, spec.boxes(at, box.width, box.height));
}

void Labeler::add(const std::string& text, const Font& font, Color color, const Rect& box) {
    labels.push_back({text, font, color, box, true});
    record(text, box);
}

CandidateSpec area_name_spec() {
    return {{{0, 0}, {0, -24}, {0, 24}, {-40, 0}, {40, 0}, {-40, -24}, {40, 24}, {0, -48}, {0, 48}},
            {}};
}

void label_event_places(Labeler& l, const LabelContext& ctx, const std::vector<EventMark>& marks,
                        std::set<std::string>& labelled) {
    for (const auto& m : marks) {
        if (!m.exact || labelled.count(std::string(m.event->location->id))) continue;
        labelled.insert(std::string(m.event->location->id));
        l.take_at(std::string(m.event->location->name), place_font(ctx.st), ctx.st.text, m.at,
                  CandidateSpec::ring({kEventPlaceGap}));
    }
}

void label_mentioned_places(Labeler& l, const LabelContext& ctx,
                            const std::vector<geoparse::Mention>& mentions,
                            std::set<std::string>& labelled) {
    for (const auto& mention : mentions) {
        if (!mention.place || mention.role != geoparse::Role::location ||
            mention.place->type != PlaceType::place)
            continue;
        const std::string id(mention.place->id);
        if (labelled.count(id)) continue;
        const ScreenPoint at = ctx.view.to_screen({mention.place->lon, mention.place->lat});
        if (!anchor_in(at, ctx.view.frame())) continue;
        labelled.insert(id);
        l.dots.push_back({at, mention.place->feature_code == "PPLC"});
        l.placer().block(Rect::about(at, kDotRadius, kDotRadius));
        l.take_at(std::string(mention.place->name), place_font(ctx.st), ctx.st.text, at,
                  CandidateSpec::ring({kPlaceGap}));
    }
}

void label_layer_features(Labeler& l, const LabelContext& ctx, const std::vector<ExtraLayer>& specs,
                          const std::vector<UserLayer>& layers) {
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const double r = specs[i].radius;
        for (const auto& p : layers[i].points) l.placer().block(Rect::about(p, r, r));
        for (const auto& [text, at] : layers[i].labels)
            if (anchor_in(at, ctx.view.frame()))
                l.take_at(text, place_font(ctx.st), ctx.st.text, at,
                          CandidateSpec::ring({r + kLayerPointGap}));
    }
}

void label_named_units(Labeler& l, const LabelContext& ctx, const gazetteer::Gazetteer& g,
                       const std::set<std::string>& named_units) {
    const Font font = detail::font(ctx.st, ctx.st.label_size, true, true);
    for (const auto& id : named_units)
        if (const auto p = g.find_id(id))
            if (const auto at = area_anchor(ctx, *p))
                l.take_at(std::string(ctx.names.name(*p)), font, ctx.st.highlight_border.color, *at,
                          area_name_spec());
}

namespace {

// A country's name goes where its box lies wholly on the country's visible part: at the label
// point when it can, else the nearest such place in the frame (a country whose label point is
// out of view still gets its name; one too small for it gets none).
void label_country(Labeler& l, const LabelContext& ctx, const gazetteer::Gazetteer& g,
                   const std::string& id, const Paths& outline) {
    const auto p = g.find_id(id);
    if (!p) return;
    const Font font =
        detail::font(ctx.st, ctx.st.country_label_size, true, false, kCountryLetterSpacing);
    const std::string text = detail::upper(std::string(ctx.names.name(*p)));
    const auto box = measure(text, font);
    const Rect& frame = ctx.view.frame();
    CoverageMask mask(frame);
    mask.add(outline);
    const ScreenPoint anchor = ctx.view.to_screen({p->label_lon, p->label_lat});
    auto fits = [&](double cx, double cy) {
        const Rect r = Rect::centred({cx, cy}, box.width, box.height);
        return r.inside(frame) && mask.share(r) >= kCountryCover;
    };
    if (std::isfinite(anchor.x) && fits(anchor.x, anchor.y)) {
        l.take_at(text, font, ctx.st.text_muted, anchor, area_name_spec());
        return;
    }
    // Every fitting place on a grid, nearest the label point first.
    std::vector<std::pair<double, Rect>> spots;
    for (double cy = frame.y + box.height / 2; cy <= frame.y + frame.h; cy += kCountryGrid)
        for (double cx = frame.x + box.width / 2; cx <= frame.x + frame.w; cx += kCountryGrid)
            if (fits(cx, cy))
                spots.push_back(
                    {std::isfinite(anchor.x) ? std::hypot(cx - anchor.x, cy - anchor.y) : 0,
                     Rect::centred({cx, cy}, box.width, box.height)});
    std::stable_sort(spots.begin(), spots.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Rect> candidates;
    for (const auto& spot : spots) candidates.push_back(spot.second);
    if (!candidates.empty()) l.take(text, font, ctx.st.text_muted, candidates);
}

}  // namespace

void label_countries(Labeler& l, const LabelContext& ctx, const gazetteer::Gazetteer& g,
                     const std::vector<std::string>& ids, const std::vector<Paths>& outlines,
                     const std::string& focus) {
    const std::string focus_id = "country:" + focus;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == focus_id) label_country(l, ctx, g, ids[i], outlines[i]);
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] != focus_id) label_country(l, ctx, g, ids[i], outlines[i]);
}

void label_units(Labeler& l, const LabelContext& ctx, const gazetteer::Gazetteer& g,
                 const std::vector<std::pair<std::string, std::string>>& admin1_ids,
                 const std::string& focus, const std::set<std::string>& named_units) {
    const Font font = detail::font(ctx.st, ctx.st.label_size - 1, false, true);
    const double km_per_px = ctx.view.km_per_px();
    for (const auto& [id, country] : admin1_ids) {
        if (country != focus || named_units.count(id)) continue;
        const auto p = g.find_id(id);
        if (!p || p->area_km2 < kMinUnitKm2) continue;
        const auto at = area_anchor(ctx, *p);
        if (!at) continue;
        // Only where the unit is large enough on this map for its name, and only at its label
        // point: a nudged unit name ends up naming its neighbour.
        const std::string name(ctx.names.name(*p));
        const auto box = measure(name, font);
        if (p->area_km2 / (km_per_px * km_per_px) < kUnitRoom * box.width * box.height) continue;
        l.take(name, font, ctx.st.text_muted, {Rect::centred(*at, box.width, box.height)});
    }
}

namespace {

// Whether a city lies on a town already dotted or an event marker.
bool near_marked(ScreenPoint at, const std::vector<PlaceDot>& dots,
                 const std::vector<EventMark>& marks) {
    bool near = false;
    for (const auto& d : dots) near = near || std::hypot(d.at.x - at.x, d.at.y - at.y) < kNearDot;
    for (const auto& m : marks)
        near = near || std::hypot(m.at.x - at.x, m.at.y - at.y) < kNearMarker;
    return near;
}

}  // namespace

namespace {

// A city's name as the gazetteer gives it (GeoNames, joined by Natural Earth's own geonameid
// field): Natural Earth's names are dated or misspelt ("Dnipropetrovsk", "Sevastapol",
// "Kiev"), and a map must name a city as the text and the other labels do. Natural Earth's
// name only when the gazetteer lacks the city.
std::string city_name(const GeonamesName& names, const geometry::FeatureRecord& city) {
    const double id = city.number("geonameid", -1);
    const CityRef ref{.geonameid = id > 0 && id < 1e12 ? static_cast<std::int64_t>(id) : -1,
                      .name = city.text("name"),
                      .country = city.text("iso_a2"),
                      .lon = city.number("longitude"),
                      .lat = city.number("latitude")};
    if (auto name = names(ref)) return *name;
    return ref.name;
}

}  // namespace

void label_cities(Labeler& l, const LabelContext& ctx, const GeonamesName& names,
                  std::vector<geometry::FeatureRecord> cities,
                  const std::vector<EventMark>& marks) {
    std::stable_sort(cities.begin(), cities.end(), [](const auto& a, const auto& b) {
        if (a.number("adm0cap") != b.number("adm0cap"))
            return a.number("adm0cap") > b.number("adm0cap");
        return a.number("pop_max") > b.number("pop_max");
    });
    const Font font = detail::font(ctx.st, ctx.st.label_size - 1);
    int shown = 0;
    for (const auto& c : cities) {
        if (shown >= kMaxCities) break;
        const ScreenPoint at = ctx.view.to_screen({c.number("longitude"), c.number("latitude")});
        if (!anchor_in(at, ctx.view.frame()) || near_marked(at, l.dots, marks)) continue;
        const Rect dot = Rect::about(at, kDotRadius, kDotRadius);
        if (!l.placer().free(dot)) continue;
        const std::string name = city_name(names, c);
        const auto box = measure(name, font);
        const auto r = l.placer().place(around(at.x, at.y, box.width, box.height, kCityGap));
        if (!r) continue;
        l.placer().block(dot);
        l.dots.push_back({at, c.number("adm0cap") == 1});
        l.add(name, font, ctx.st.text, *r);
        ++shown;
    }
}

void draw_place_dots(Canvas& c, const style::Style& st, const std::vector<PlaceDot>& dots) {
    for (const auto& d : dots) {
        const double r = d.capital ? kCapitalDot : kTownDot;
        c.fill(circle_path(d.at.x, d.at.y, r), st.place_dot);
        c.stroke(circle_path(d.at.x, d.at.y, r), st.halo, kDotHalo);
    }
}

void draw_labels(Canvas& c, const style::Style& st, const std::vector<Label>& labels) {
    for (const auto& l : labels)
        c.text(l.box.x, l.box.y, l.text, l.font, l.color, st.halo, kLabelHalo);
}

}  // namespace mapwire::render
