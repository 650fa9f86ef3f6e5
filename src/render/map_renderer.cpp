// The map: extent and projection from the extraction, layers read from the dataset, clipped
// in longitude/latitude, densified, projected and simplified to the output scale; labels and
// callouts placed once, then the same scene drawn on each output.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

#include "geometry/geometry.hpp"
#include "geometry/projection.hpp"
#include "geometry/vector_io.hpp"
#include "render/canvas.hpp"
#include "render/labels.hpp"
#include "render/map.hpp"

namespace mapwire::render {
namespace {

using gazetteer::Place;
using gazetteer::PlaceType;
using geometry::Box;
using geometry::Geometry;
using geometry::Point;
using render::Canvas;
using render::Font;
using render::Paths;
using render::Rect;
using style::Color;

constexpr double kHeader = 74;  // logical px
constexpr double kFooter = 26;

Color with_alpha(Color c, double a) {
    c.a = a;
    return c;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string thousands(double v) {
    std::string s = std::to_string(static_cast<long long>(std::llround(v)));
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

std::string month_text(const std::string& iso, const std::string& precision) {
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (iso.size() != 10) return "";
    const int y = std::atoi(iso.substr(0, 4).c_str()), m = std::atoi(iso.substr(5, 2).c_str()),
              d = std::atoi(iso.substr(8, 2).c_str());
    if (m < 1 || m > 12) return iso;
    if (precision == "day")
        return std::to_string(d) + " " + months[m - 1] + " " + std::to_string(y);
    if (precision == "month") return std::string(months[m - 1]) + " " + std::to_string(y);
    if (precision == "year") return std::to_string(y);
    return "c. " + std::string(months[m - 1]) + " " + std::to_string(y);
}

// A symbol per ACLED event type, so types differ by shape as well as colour.
Paths symbol(const std::string& type, double cx, double cy, double r) {
    geometry::Geometry::Path p;
    p.closed = true;
    auto polygon = [&](int n, double rot, double inner) {
        for (int i = 0; i < n * (inner > 0 ? 2 : 1); ++i) {
            const double rr = inner > 0 && i % 2 ? inner * r : r;
            const double a = rot + 2 * M_PI * i / (n * (inner > 0 ? 2 : 1));
            p.points.push_back({cx + rr * std::cos(a), cy + rr * std::sin(a)});
        }
    };
    if (type == "Battles") return render::circle_path(cx, cy, r);
    if (type == "Explosions/Remote violence")
        polygon(8, -M_PI / 2, 0.5);  // burst
    else if (type == "Violence against civilians")
        polygon(3, -M_PI / 2, 0);  // triangle
    else if (type == "Strategic developments")
        polygon(4, M_PI / 4, 0);  // square
    else
        polygon(4, 0, 0);  // diamond
    return {p};
}

// "thousands of " when the deployment's size is a vague quantity, else "".
std::string deployed_words(const events::Event& e) {
    for (const auto& c : e.counts)
        if (c.meaning == "deployed" && !c.words.empty()) return c.words + " of ";
    return {};
}

std::string event_label(const events::Event& e) {
    std::string what;
    auto count = [&](const std::string& meaning) -> long long {
        for (const auto& c : e.counts)
            if (c.meaning == meaning) return c.value;
        return -1;
    };
    const std::string who = e.actor2.name;
    if (count("captured") > 0 && e.type == "Battles")
        what = "Capture of " + std::to_string(count("captured")) + (who.empty() ? "" : " " + who);
    else if (e.sub_type == "Other" && e.trigger == "summoned")
        what = (e.actor2.name.empty() ? std::string("Envoy") : e.actor2.name) + " summoned";
    else if (e.trigger == "deployed")
        what = e.actor1.name + " deployed " + deployed_words(e) + "troops";
    else
        what = e.sub_type.empty() ? e.type : e.sub_type;
    std::vector<std::string> extras;
    for (const auto& c : e.counts) {
        if ((c.meaning == "captured" && what.starts_with("Capture")) || c.unknown ||
            (c.meaning == "deployed" && !c.words.empty() && e.trigger == "deployed"))
            continue;
        // A vague quantity in its words ("thousands"): never a number the text did not give.
        extras.push_back((c.words.empty()
                              ? std::string(c.approximate ? "~" : "") + thousands(double(c.value))
                              : c.words) +
                         " " + c.meaning);
    }
    std::string line = what;
    if (!extras.empty()) {
        line += " (";
        for (std::size_t i = 0; i < extras.size(); ++i) line += (i ? ", " : "") + extras[i];
        line += ")";
    }
    std::string second = e.location ? std::string(e.location->name) : std::string();
    const std::string when = month_text(e.date.date, e.date.precision);
    if (!when.empty()) second += (second.empty() ? "" : " · ") + when;
    if (e.reporting != events::Reporting::fact)
        second += std::string(" · ") + std::string(events::to_string(e.reporting));
    return line + "\n" + second;
}

struct Layer {
    Paths paths;
};

struct EventMark {
    const events::Event* event;
    Point at;        // screen
    bool exact;      // located to a town
    int number = 0;  // shown beside the marker (compact maps, or where markers crowd)
    int key = 0;     // its number in the key: the event's rank among located events
};

struct Label {
    std::string text;
    Font font;
    Color color;
    Rect box;
    bool halo = true;
};

struct Callout {
    std::string text;
    Rect box;
    Point anchor;
    Color accent;
};

class Scene {
public:
    Scene(const events::Extraction& x, const gazetteer::Gazetteer& g, const style::Style& s,
          const std::string& gpkg, const MapOptions& o)
        : x_(x), gaz_(g), st_(s), gpkg_(gpkg), opt_(o) {
        scale_ = o.dpi / 96.0;
        width_ = o.width / scale_;
        height_ = o.height / scale_;
        // Phone-sized maps (in logical px) keep the map clear: the legend, the figure and a
        // numbered key of the events go below it instead of over it, and the title shrinks a
        // little, as newsroom graphics do on narrow screens.
        compact_ = width_ < 760 || height_ < 430;
        const double shrink = std::clamp(width_ / 900, 0.7, 1.0);
        title_font_ = {s.font, std::round(s.title_size * shrink), true, false, 0};
        subtitle_font_ = {s.font, std::round(s.subtitle_size * std::max(shrink, 0.85)), false,
                          false, 0};
        // The header grows with a long (wrapped) title.
        title_h_ = o.title.empty() ? 0 : render::measure(o.title, title_font_, width_ - 32).height;
        subtitle_h_ = o.subtitle.empty()
                          ? 0
                          : render::measure(o.subtitle, subtitle_font_, width_ - 32).height;
        header_ = std::max(compact_ ? 0.0 : kHeader, 12 + title_h_ + 2 + subtitle_h_ + 10);
        // The footer wraps the credits rather than cutting them off.
        footer_ = std::max(kFooter,
                           render::measure(credits(true), small_font(), width_ - 32).height + 12);
        callout_wrap_ = std::min(210.0, width_ * 0.3);
        // Small maps keep the figure, the key and the legend off the map: in a column beside
        // it when the map is landscape, else below it. The legend goes over the map (a strip
        // along its bottom) when the notes would otherwise take too much of the map's room.
        double notes_h = 0;
        const double body = height_ - header_ - footer_;
        beside_ = compact_ && width_ >= 1.25 * height_;
        if (beside_) {
            const double column = std::clamp(width_ * 0.36, 200.0, 300.0);
            notes_ = {width_ - column, header_, column, body};
            figure_below_ = legend_below_ = true;
            if (notes_height(true, true) > body) legend_below_ = false;
            frame_ = {0, header_, width_ - column, body};
        } else {
            if (compact_) {
                figure_below_ = legend_below_ = true;
                if (notes_height(true, true) > 0.55 * body) legend_below_ = false;
                notes_h = std::min(notes_height(true, legend_below_), 0.6 * body);
            }
            frame_ = {0, header_, width_, std::max(60.0, body - notes_h)};
            notes_ = {0, frame_.y + frame_.h, width_, notes_h};
        }
        // A legend strip over the bottom of the map: the extent is fitted above it.
        if (compact_ && !legend_below_)
            fit_bottom_ = flow_legend(nullptr, legend_items(true), 0, 0, frame_.w - 20) + 12;
    }

    RenderReport build();
    void draw(Canvas& c) const;

private:
    void choose_extent();
    Paths screen(const Geometry& lonlat, double simplify_px = 0.4) const;
    Point to_screen(Point lonlat) const;
    std::vector<geometry::FeatureRecord> read(const std::string& layer,
                                              const std::string& where = {}) const;
    void load_layers();
    void place_marks_and_labels(RenderReport& report);
    void draw_furniture(Canvas& c) const;
    void draw_legend(Canvas& c) const;
    void draw_notes(Canvas& c) const;
    // One legend entry: its swatch drawn with the top-left at (x, y), its text returned.
    std::string legend_entry(Canvas* c, const std::string& item, double x, double y) const;
    std::vector<std::string> legend_items(bool worst_case) const;
    // Admin-1 units to highlight: those the events and the text name, and the options'.
    std::set<std::string> named_unit_ids() const;
    // Whether any of the paths shows in the frame (a vertex inside it, or a ring around it).
    bool in_frame(const Paths& paths) const;
    std::vector<std::string> key_lines() const;
    double notes_height(bool with_figure, bool with_legend) const;
    // Lays the legend out in rows from (x, y) within `width`; draws it when c is given.
    double flow_legend(Canvas* c, const std::vector<std::string>& items, double x, double y,
                       double width) const;
    std::string figure_text() const;
    std::string credits(bool disputed) const;
    Font small_font() const { return {st_.font, st_.small_size, false, false, 0}; }
    std::string holder_name(const std::string& code) const;
    void draw_scale_bar(Canvas& c) const;
    void draw_inset(Canvas& c) const;

    const events::Extraction& x_;
    const gazetteer::Gazetteer& gaz_;
    const style::Style& st_;
    std::string gpkg_;
    const MapOptions& opt_;
    double scale_ = 1, width_ = 0, height_ = 0, header_ = kHeader, title_h_ = 0, subtitle_h_ = 0;
    double footer_ = kFooter, callout_wrap_ = 210, fit_bottom_ = 0;
    bool compact_ = false, show_inset_ = false, figure_below_ = false, legend_below_ = false;
    bool beside_ = false;  // the notes in a column right of the map rather than below it
    double notes_x() const { return beside_ ? notes_.x + 12 : 16; }
    double notes_w() const { return beside_ ? notes_.w - 24 : width_ - 32; }
    Font title_font_, subtitle_font_;
    Rect frame_, notes_;

    std::string focus_;
    Box lonlat_{};    // the map's extent, lon/lat
    Box read_box_{};  // slightly larger, for reading and clipping
    std::optional<geometry::Projection> proj_;
    double min_x_ = 0, max_y_ = 0, k_ = 1;  // projected metres -> px

    Layer land_, lakes_, rivers_, admin1_lines_, borders_, control_, occupied_, highlight_;
    // The user's layers, in screen space, in the order given.
    struct Extra {
        Paths areas, lines;
        std::vector<Point> points;
        std::vector<std::pair<std::string, Point>> labels;
    };
    std::vector<Extra> extras_;
    std::vector<Layer> countries_other_;
    Layer focus_country_;
    std::vector<EventMark> marks_;
    std::vector<std::string> country_ids_;  // in view
    std::vector<Paths> country_paths_;      // their screen outlines, in the same order
    std::set<std::string> named_units_;
    std::vector<std::pair<std::string, std::string>> admin1_ids_;  // in view: id, country
    std::vector<Label> labels_;
    std::vector<Callout> callouts_;
    std::vector<Point> place_dots_;
    std::vector<bool> place_dot_capital_;
    Rect legend_, inset_, scalebar_, figure_box_;
    std::vector<std::string> legend_items_;
    double km_per_px_ = 0;
    bool disputed_in_view_ = false;
    std::string figure_text_;
    // inset
    Paths inset_land_, inset_frame_;
};

Point Scene::to_screen(Point lonlat) const {
    const Point p = proj_->forward(lonlat);
    return {frame_.x + (p.lon - min_x_) * k_, frame_.y + (max_y_ - p.lat) * k_};
}

Paths Scene::screen(const Geometry& g, double simplify_px) const {
    if (g.empty()) return {};
    Geometry clipped = g.clipped(read_box_);
    if (clipped.empty()) return {};
    Geometry projected = proj_->forward(clipped.densified(0.2));
    if (simplify_px > 0) projected = projected.simplified(simplify_px / k_);
    auto paths = projected.paths();
    for (auto& p : paths)
        for (auto& pt : p.points)
            pt = {frame_.x + (pt.lon - min_x_) * k_, frame_.y + (max_y_ - pt.lat) * k_};
    return paths;
}

std::vector<geometry::FeatureRecord> Scene::read(const std::string& layer,
                                                 const std::string& where) const {
    return geometry::read_features(gpkg_, {.layer = layer,
                                           .encoding = {},
                                           .where = where,
                                           .bbox = Box{read_box_.min_lon, read_box_.min_lat,
                                                       read_box_.max_lon, read_box_.max_lat}});
}

void Scene::choose_extent() {
    focus_ = x_.places.focus_country;
    Box b{180, 90, -180, -90};
    bool any = false;
    auto add_point = [&](double lon, double lat) {
        b.min_lon = std::min(b.min_lon, lon);
        b.max_lon = std::max(b.max_lon, lon);
        b.min_lat = std::min(b.min_lat, lat);
        b.max_lat = std::max(b.max_lat, lat);
        any = true;
    };
    auto add_place = [&](const Place& p) {
        if (p.type == PlaceType::place) return add_point(p.lon, p.lat);
        if (p.type == PlaceType::admin0 && p.country != focus_) return;
        if (p.type == PlaceType::region && p.area_km2 > 3e6)
            return;                              // a continent does not set the frame
        if (p.max_lon - p.min_lon > 90) return;  // spans the antimeridian or the world
        add_point(p.min_lon, p.min_lat);
        add_point(p.max_lon, p.max_lat);
    };
    for (const auto& e : x_.events)
        if (e.location) add_place(*e.location);
    // Places without events count only near the events: a city named as the venue of talks
    // (Doha in an article about Gaza) should not stretch the map across a continent.
    auto near_events = [&](const Place& p) {
        if (x_.events.empty()) return true;
        for (const auto& e : x_.events)
            if (e.location && std::hypot(e.location->label_lon - p.label_lon,
                                         e.location->label_lat - p.label_lat) < 8)
                return true;
        return false;
    };
    for (const auto& m : x_.places.mentions)
        if (m.place && m.role == geoparse::Role::location && near_events(*m.place))
            add_place(*m.place);
    for (const auto& f : x_.figures)
        if (f.territory) add_place(*f.territory);
    if (!any)
        throw RenderError("nothing to map: the article names no place that could be located",
                          ExitCode::not_found,
                          "check the warnings of `mapwire geocode`, or give --extent");
    if (opt_.extent)
        b = {opt_.extent->min_lon, opt_.extent->min_lat, opt_.extent->max_lon,
             opt_.extent->max_lat};
    // Pad, and give a single town some surroundings.
    const double lon_pad = std::max(0.6, (b.max_lon - b.min_lon) * 0.08);
    const double lat_pad = std::max(0.4, (b.max_lat - b.min_lat) * 0.08);
    if (!opt_.extent)
        b = {b.min_lon - lon_pad, b.min_lat - lat_pad, b.max_lon + lon_pad, b.max_lat + lat_pad};
    b.min_lat = std::max(b.min_lat, -85.0);
    b.max_lat = std::min(b.max_lat, 85.0);
    lonlat_ = b;
    proj_.emplace(opt_.projection.empty() ? geometry::Projection::conic_for(b)
                                          : geometry::Projection(opt_.projection));

    // Projected bounds from a grid over the box, then widened to the frame's aspect.
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (int i = 0; i <= 10; ++i)
        for (int j = 0; j <= 10; ++j) {
            const Point p = proj_->forward({b.min_lon + (b.max_lon - b.min_lon) * i / 10,
                                            b.min_lat + (b.max_lat - b.min_lat) * j / 10});
            if (!std::isfinite(p.lon)) continue;
            x0 = std::min(x0, p.lon), x1 = std::max(x1, p.lon), y0 = std::min(y0, p.lat),
            y1 = std::max(y1, p.lat);
        }
    const double fit_h = std::max(40.0, frame_.h - fit_bottom_);
    const double want = frame_.w / fit_h;
    double w = x1 - x0, h = y1 - y0;
    if (w / h < want) {
        const double extra = h * want - w;
        x0 -= extra / 2, x1 += extra / 2, w = x1 - x0;
    } else {
        const double extra = w / want - h;
        y0 -= extra / 2, y1 += extra / 2, h = y1 - y0;
    }
    k_ = frame_.w / w;
    min_x_ = x0;
    max_y_ = y1;
    // The map continues under the legend strip, if any.
    y0 -= (frame_.h - fit_h) / k_;
    h = y1 - y0;
    // The lon/lat box that covers the whole frame, for reading and clipping.
    Box r{180, 90, -180, -90};
    for (int i = 0; i <= 20; ++i)
        for (int j = 0; j <= 20; ++j) {
            const Point ll = proj_->inverse({x0 + w * i / 20, y0 + h * j / 20});
            if (!std::isfinite(ll.lon)) continue;
            r.min_lon = std::min(r.min_lon, ll.lon), r.max_lon = std::max(r.max_lon, ll.lon);
            r.min_lat = std::min(r.min_lat, ll.lat), r.max_lat = std::max(r.max_lat, ll.lat);
        }
    read_box_ = {std::max(-180.0, r.min_lon - 1), std::max(-90.0, r.min_lat - 1),
                 std::min(180.0, r.max_lon + 1), std::min(90.0, r.max_lat + 1)};
    // Scale: true at the centre of the map, measured along the ground.
    const Point c0 = proj_->inverse({x0 + w / 2, y0 + h / 2});
    const Point c1 = proj_->inverse({x0 + w / 2 + 100 / k_, y0 + h / 2});
    const double rad = M_PI / 180;
    const double a = std::pow(std::sin((c1.lat - c0.lat) * rad / 2), 2) +
                     std::cos(c0.lat * rad) * std::cos(c1.lat * rad) *
                         std::pow(std::sin((c1.lon - c0.lon) * rad / 2), 2);
    km_per_px_ = 2 * 6371.0088 * std::asin(std::sqrt(a)) / 100;
}

void Scene::load_layers() {
    for (const auto& f : read("land")) {
        auto p = screen(f.geometry());
        land_.paths.insert(land_.paths.end(), p.begin(), p.end());
    }
    geometry::PolygonIndex country_index;
    std::int64_t n = 0;
    for (const auto& f : read("countries")) {
        auto p = screen(f.geometry());
        if (f.text("country") == focus_)
            focus_country_.paths = p;
        else
            countries_other_.push_back({p});
        country_index.add(f.geometry(), n++);
        country_ids_.push_back(f.text("id"));
        country_paths_.push_back(std::move(p));
    }
    for (const auto& f : read("lakes"))
        if (f.number("scalerank", 0) <= 5) {
            auto p = screen(f.geometry());
            lakes_.paths.insert(lakes_.paths.end(), p.begin(), p.end());
        }
    for (const auto& f : read("rivers"))
        if (f.number("scalerank", 0) <= 6) {
            auto p = screen(f.geometry());
            rivers_.paths.insert(rivers_.paths.end(), p.begin(), p.end());
        }
    for (const auto& f : read("admin1_lines")) {
        auto p = screen(f.geometry());
        admin1_lines_.paths.insert(admin1_lines_.paths.end(), p.begin(), p.end());
    }
    // Country borders from Natural Earth's boundary lines, less those that run inside one
    // country in this worldview (the Crimean isthmus line when Crimea is Ukraine's).
    for (const auto& f : read("boundary_lines")) {
        const auto raw = f.geometry().paths();
        bool internal = false;
        for (const auto& path : raw) {
            if (path.points.size() < 2) continue;
            const std::size_t m = path.points.size() / 2;
            const Point a = path.points[m == 0 ? 0 : m - 1], b = path.points[m];
            const double dx = b.lon - a.lon, dy = b.lat - a.lat, len = std::hypot(dx, dy);
            if (len == 0) continue;
            const Point left{(a.lon + b.lon) / 2 - dy / len * 0.02,
                             (a.lat + b.lat) / 2 + dx / len * 0.02};
            const Point right{(a.lon + b.lon) / 2 + dy / len * 0.02,
                              (a.lat + b.lat) / 2 - dx / len * 0.02};
            const auto l = country_index.find(left), r = country_index.find(right);
            if (l && r && *l == *r) internal = true;
        }
        if (internal) continue;
        auto p = screen(f.geometry());
        borders_.paths.insert(borders_.paths.end(), p.begin(), p.end());
    }
    // Units the events and places name, and units occupied since 2014 in view.
    named_units_ = named_unit_ids();
    for (const auto& f : read("admin1")) {
        admin1_ids_.push_back({f.text("id"), f.text("country")});
        if (named_units_.count(f.text("id"))) {
            auto p = screen(f.geometry());
            highlight_.paths.insert(highlight_.paths.end(), p.begin(), p.end());
        }
        if (!f.text("occupied_by").empty()) {
            auto p = screen(f.geometry());
            if (in_frame(p)) disputed_in_view_ = true;
            occupied_.paths.insert(occupied_.paths.end(), p.begin(), p.end());
        }
    }
    for (const auto& spec : opt_.layers) {
        Extra extra;
        for (const auto& f : geometry::read_features(
                 spec.path,
                 {.layer = spec.layer, .encoding = {}, .where = spec.where, .bbox = read_box_})) {
            if (f.geometry().empty()) continue;
            for (auto& p : screen(f.geometry().made_valid())) {
                if (p.points.size() == 1)
                    extra.points.push_back(p.points[0]);
                else
                    (p.closed ? extra.areas : extra.lines).push_back(std::move(p));
            }
            if (!spec.label.empty() && !f.text(spec.label).empty()) {
                const Point at = to_screen(f.geometry().representative_point());
                if (std::isfinite(at.lon)) extra.labels.push_back({f.text(spec.label), at});
            }
        }
        extras_.push_back(std::move(extra));
    }
    if (!opt_.control_layer.empty()) {
        for (const auto& f : geometry::read_features(opt_.control_layer)) {
            auto p = screen(f.geometry().made_valid());
            control_.paths.insert(control_.paths.end(), p.begin(), p.end());
        }
    }
}

std::string Scene::holder_name(const std::string& code) const {
    if (code.empty()) return "?";
    const auto p = gaz_.find_id("country:" + code);
    return p ? std::string(p->name) : code;
}

void Scene::place_marks_and_labels(RenderReport& report) {
    render::LabelPlacer placer(frame_, 2);
    // A label in the first free candidate box, or reported as dropped.
    auto take_label = [&](const std::string& text, const Font& font, Color color,
                          const std::vector<Rect>& candidates) {
        if (auto r = placer.place(candidates)) {
            labels_.push_back({text, font, color, *r, true});
            report.labels.push_back({text, r->x, r->y, r->w, r->h});
            return true;
        }
        report.dropped.push_back(text);
        return false;
    };
    // Furniture first: labels and callouts must keep clear of it.
    // Event markers, numbered as in the key (compact maps) or where they crowd; events at the
    // same spot are set side by side, each still its own symbol.
    int located = 0;
    for (const auto& e : x_.events) {
        if (!e.location) continue;
        ++located;
        // An event known only to an area is marked where the map names the area.
        const Point at = to_screen({e.location->label_lon, e.location->label_lat});
        if (!std::isfinite(at.lon) || !Rect{at.lon - 1, at.lat - 1, 2, 2}.inside(frame_)) continue;
        marks_.push_back({&e, at, e.geo_precision == 1, compact_ ? located : 0, located});
    }
    for (std::size_t i = 0; i < marks_.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (std::hypot(marks_[i].at.lon - marks_[j].at.lon,
                           marks_[i].at.lat - marks_[j].at.lat) < 16) {
                marks_[j].number = marks_[j].key;
                marks_[i].number = marks_[i].key;
                marks_[i].at.lon += 14;
            }
    for (const auto& m : marks_) {
        placer.block({m.at.lon - 9, m.at.lat - 9, 18, 18});
        if (m.number) placer.block({m.at.lon + 3, m.at.lat - 16, 14, 14});  // the number badge
    }

    legend_items_ = legend_items(false);
    if (compact_ && !legend_below_) {
        // No room below: a strip along the bottom of the map, entries in rows.
        const double h = flow_legend(nullptr, legend_items_, 0, 0, frame_.w - 20) + 12;
        legend_ = {frame_.x, frame_.y + frame_.h - h, frame_.w, h};
        placer.block(legend_);
    }
    // The inset scales with the frame and is left out where it would crowd the map.
    show_inset_ = opt_.inset && frame_.w >= 480 && frame_.h >= 300;
    const double inset_w = std::min(200.0, frame_.w * 0.2), inset_h = inset_w * 0.7;
    inset_ = {frame_.x + frame_.w - inset_w - 10, frame_.y + 10, inset_w, inset_h};
    if (show_inset_) placer.block(inset_);
    // Above the legend strip when there is one.
    const double bottom = compact_ && !legend_below_ ? legend_.y : frame_.y + frame_.h;
    scalebar_ = {frame_.x + frame_.w - 190, bottom - 40, 180, 30};
    placer.block(scalebar_);
    figure_text_ = figure_text();
    if (!figure_text_.empty() && !figure_below_) {
        const auto box =
            render::measure(figure_text_, {st_.font, st_.small_size + 1, false, false, 0},
                            std::min(300.0, frame_.w * 0.4));
        figure_box_ = {frame_.x + 10, frame_.y + 10, box.width + 20, box.height + 16};
        placer.block(figure_box_);
    }
    if (!compact_ && !legend_below_) {
        double text_w =
            render::measure("Legend", {st_.font, st_.small_size + 1, true, false, 0}).width;
        for (const auto& item : legend_items_)
            text_w = std::max(
                text_w, render::measure(legend_entry(nullptr, item, 0, 0), small_font()).width);
        const double legend_w = text_w + 50;
        const double legend_h = 30 + 20.0 * static_cast<double>(legend_items_.size());
        // Bottom left unless markers lie there: then another corner that leaves them clear
        // (the scale bar sits bottom right, the inset top right, the figure top left).
        const double x0 = frame_.x + 10, x1 = frame_.x + frame_.w - legend_w - 10;
        const double y0 = frame_.y + 10, y1 = frame_.y + frame_.h - legend_h - 10;
        const std::vector<Rect> corners = {{x0, y1, legend_w, legend_h},
                                           {x1, y1 - 40, legend_w, legend_h},
                                           {x0, y0, legend_w, legend_h},
                                           {x1, y0, legend_w, legend_h}};
        legend_ = corners[0];
        for (const auto& r : corners) {
            bool clear = r.inside(frame_) && !r.overlaps(scalebar_) &&
                         !(show_inset_ && r.overlaps(inset_)) &&
                         !(!figure_text_.empty() && !figure_below_ && r.overlaps(figure_box_));
            for (const auto& m : marks_)
                clear = clear && !r.overlaps({m.at.lon - 9, m.at.lat - 9, 18, 18});
            if (clear) {
                legend_ = r;
                break;
            }
        }
        placer.block(legend_);
    }

    // Callouts: a box per event, away from every marker and from each other, preferring
    // places that leave the highlighted units and control areas visible. Compact maps
    // list the events in the key below the map instead.
    const Font callout_font{st_.font, st_.callout_size, false, false, 0};
    render::CoverageMask areas(frame_.x, frame_.y, frame_.w, frame_.h);
    areas.add(highlight_.paths);
    areas.add(control_.paths);
    // A boxed note with a leader to `at`, at one of `distances`: nearer boxes first, and a
    // box that hides a named unit or a control area costs more.
    auto place_callout = [&](const std::string& text, Point at, Color accent,
                             std::initializer_list<double> distances) {
        const auto box = render::measure(text, callout_font, callout_wrap_);
        const double w = box.width + 14, h = box.height + 10;
        std::vector<Rect> candidates;
        for (double d : distances)
            for (const auto& r : render::around(at.lon, at.lat, w, h, d)) candidates.push_back(r);
        const auto cost = [&](const Rect& r) {
            return std::hypot(r.x + r.w / 2 - at.lon, r.y + r.h / 2 - at.lat) / 100 +
                   4 * areas.share(r.x, r.y, r.w, r.h);
        };
        if (auto r = placer.place_cheapest(candidates, cost)) {
            callouts_.push_back({text, *r, at, accent});
            report.labels.push_back({text, r->x, r->y, r->w, r->h});
        } else {
            report.dropped.push_back(text);
        }
    };
    if (!compact_)
        for (const auto& m : marks_) {
            Color accent = st_.text;
            if (auto it = st_.event_colors.find(m.event->type); it != st_.event_colors.end())
                accent = it->second;
            place_callout((m.number ? std::to_string(m.number) + ". " : "") + event_label(*m.event),
                          m.at, accent, {40.0, 70.0, 110.0, 160.0});
        }
    // The user's annotations: a boxed note with a leader, or text set at the point.
    for (const auto& a : opt_.annotations) {
        const Point at = to_screen({a.lon, a.lat});
        if (!std::isfinite(at.lon) || !Rect{at.lon - 1, at.lat - 1, 2, 2}.inside(frame_)) {
            report.dropped.push_back(a.text);
        } else if (a.leader) {
            place_callout(a.text, at, st_.furniture_muted, {30.0, 60.0, 100.0, 150.0});
        } else {
            const Font font{st_.font, st_.label_size, true, true, 0};
            const auto box = render::measure(a.text, font);
            take_label(a.text, font, st_.text,
                       {{at.lon - box.width / 2, at.lat - box.height / 2, box.width, box.height}});
        }
    }

    auto try_label = [&](const std::string& text, const Font& font, Color color, Point at,
                         double dist, bool centred) {
        const auto box = render::measure(text, font);
        std::vector<Rect> candidates;
        if (centred) {
            // An area's name: at its label point, else nudged within the area.
            for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{{0, 0},
                                                                               {0, -24},
                                                                               {0, 24},
                                                                               {-40, 0},
                                                                               {40, 0},
                                                                               {-40, -24},
                                                                               {40, 24},
                                                                               {0, -48},
                                                                               {0, 48}})
                candidates.push_back({at.lon + dx - box.width / 2, at.lat + dy - box.height / 2,
                                      box.width, box.height});
        } else {
            candidates = render::around(at.lon, at.lat, box.width, box.height, dist);
        }
        return take_label(text, font, color, candidates);
    };

    // Places of the events and of the text, then countries and units, then other cities.
    std::set<std::string> labelled;
    const Font place_font{st_.font, st_.label_size, true, false, 0};
    for (const auto& m : marks_) {
        if (!m.exact || labelled.count(std::string(m.event->location->id))) continue;
        labelled.insert(std::string(m.event->location->id));
        try_label(std::string(m.event->location->name), place_font, st_.text, m.at, 11, false);
    }
    for (const auto& mention : x_.places.mentions) {
        if (!mention.place || mention.role != geoparse::Role::location ||
            mention.place->type != PlaceType::place)
            continue;
        const std::string id(mention.place->id);
        if (labelled.count(id)) continue;
        const Point at = to_screen({mention.place->lon, mention.place->lat});
        if (!Rect{at.lon - 1, at.lat - 1, 2, 2}.inside(frame_)) continue;
        labelled.insert(id);
        place_dots_.push_back(at);
        place_dot_capital_.push_back(mention.place->feature_code == "PPLC");
        placer.block({at.lon - 4, at.lat - 4, 8, 8});
        try_label(std::string(mention.place->name), place_font, st_.text, at, 8, false);
    }
    for (std::size_t i = 0; i < extras_.size(); ++i) {
        for (const auto& p : extras_[i].points)
            placer.block({p.lon - opt_.layers[i].radius, p.lat - opt_.layers[i].radius,
                          2 * opt_.layers[i].radius, 2 * opt_.layers[i].radius});
        for (const auto& [text, at] : extras_[i].labels)
            if (Rect{at.lon - 1, at.lat - 1, 2, 2}.inside(frame_))
                try_label(text, place_font, st_.text, at, opt_.layers[i].radius + 4, false);
    }
    const Font country_font{st_.font, st_.country_label_size, true, false, 2.5};
    const Font unit_font{st_.font, st_.label_size - 1, false, true, 0};
    // Units the report names, then the focus country, before everything else.
    for (const auto& id : named_units_)
        if (const auto p = gaz_.find_id(id)) {
            const Point at = to_screen({p->label_lon, p->label_lat});
            if (Rect{at.lon - 10, at.lat - 6, 20, 12}.inside(frame_))
                try_label(std::string(p->name), {st_.font, st_.label_size, true, true, 0},
                          st_.highlight_border.color, at, 0, true);
        }
    // A country's name goes where its box lies wholly on the country's visible part: at the
    // label point when it can, else the nearest such place in the frame (a country whose
    // label point is out of view still gets its name; one too small for it gets none).
    auto label_country = [&](std::size_t i) {
        const auto p = gaz_.find_id(country_ids_[i]);
        if (!p) return;
        const std::string text = upper(std::string(p->name));
        const auto box = render::measure(text, country_font);
        render::CoverageMask mask(frame_.x, frame_.y, frame_.w, frame_.h);
        mask.add(country_paths_[i]);
        const Point anchor = to_screen({p->label_lon, p->label_lat});
        auto fits = [&](double cx, double cy) {
            const Rect r{cx - box.width / 2, cy - box.height / 2, box.width, box.height};
            return r.inside(frame_) && mask.share(r.x, r.y, r.w, r.h) >= 0.92;
        };
        if (std::isfinite(anchor.lon) && fits(anchor.lon, anchor.lat)) {
            try_label(text, country_font, st_.text_muted, anchor, 0, true);
            return;
        }
        // Every fitting place on a 6 px grid, nearest the label point first.
        std::vector<std::pair<double, Rect>> spots;
        for (double cy = frame_.y + box.height / 2; cy <= frame_.y + frame_.h; cy += 6)
            for (double cx = frame_.x + box.width / 2; cx <= frame_.x + frame_.w; cx += 6)
                if (fits(cx, cy))
                    spots.push_back(
                        {std::isfinite(anchor.lon) ? std::hypot(cx - anchor.lon, cy - anchor.lat)
                                                   : 0,
                         Rect{cx - box.width / 2, cy - box.height / 2, box.width, box.height}});
        std::stable_sort(spots.begin(), spots.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<Rect> candidates;
        for (const auto& spot : spots) candidates.push_back(spot.second);
        if (!candidates.empty()) take_label(text, country_font, st_.text_muted, candidates);
    };
    for (std::size_t i = 0; i < country_ids_.size(); ++i)
        if (country_ids_[i] == "country:" + focus_) label_country(i);
    for (std::size_t i = 0; i < country_ids_.size(); ++i)
        if (country_ids_[i] != "country:" + focus_) label_country(i);
    for (const auto& [id, country] : admin1_ids_) {
        if (country != focus_ || named_units_.count(id)) continue;
        const auto p = gaz_.find_id(id);
        if (!p || p->area_km2 < 3000) continue;
        const Point at = to_screen({p->label_lon, p->label_lat});
        if (!Rect{at.lon - 10, at.lat - 6, 20, 12}.inside(frame_)) continue;
        // Only where the unit is large enough on this map for its name, and only at its
        // label point: a nudged unit name ends up naming its neighbour.
        const std::string name(p->name);
        const auto box = render::measure(name, unit_font);
        if (p->area_km2 / (km_per_px_ * km_per_px_) < 2.5 * box.width * box.height) continue;
        take_label(name, unit_font, st_.text_muted,
                   {{at.lon - box.width / 2, at.lat - box.height / 2, box.width, box.height}});
    }
    // Cities by importance, capitals first, while they fit.
    auto cities = read("populated_places", "pop_max >= 150000");
    std::stable_sort(cities.begin(), cities.end(), [](const auto& a, const auto& b) {
        if (a.number("adm0cap") != b.number("adm0cap"))
            return a.number("adm0cap") > b.number("adm0cap");
        return a.number("pop_max") > b.number("pop_max");
    });
    const Font city_font{st_.font, st_.label_size - 1, false, false, 0};
    int shown = 0;
    for (const auto& c : cities) {
        if (shown >= 30) break;
        const Point at = to_screen({c.number("longitude"), c.number("latitude")});
        if (!Rect{at.lon - 1, at.lat - 1, 2, 2}.inside(frame_)) continue;
        bool near_labelled = false;
        for (const auto& d : place_dots_)
            near_labelled = near_labelled || std::hypot(d.lon - at.lon, d.lat - at.lat) < 6;
        for (const auto& m : marks_)
            near_labelled = near_labelled || std::hypot(m.at.lon - at.lon, m.at.lat - at.lat) < 10;
        if (near_labelled) continue;
        const Rect dot{at.lon - 4, at.lat - 4, 8, 8};
        if (!placer.free(dot)) continue;
        const auto box = render::measure(c.text("name"), city_font);
        auto r = placer.place([&] {
            auto candidates = render::around(at.lon, at.lat, box.width, box.height, 7);
            return candidates;
        }());
        if (!r) continue;
        placer.block(dot);
        place_dots_.push_back(at);
        place_dot_capital_.push_back(c.number("adm0cap") == 1);
        labels_.push_back({c.text("name"), city_font, st_.text, *r, true});
        report.labels.push_back({c.text("name"), r->x, r->y, r->w, r->h});
        ++shown;
    }

    // Inset: the map's extent on a small-scale map of the wider region.
    if (show_inset_) {
        const double cx = (lonlat_.min_lon + lonlat_.max_lon) / 2,
                     cy = (lonlat_.min_lat + lonlat_.max_lat) / 2;
        // Wide enough to place the map, not so wide that a conic projection tears.
        const double span = std::min(
            35.0,
            std::max(lonlat_.max_lon - lonlat_.min_lon, lonlat_.max_lat - lonlat_.min_lat) * 1.6);
        const Box wide{std::max(-180.0, cx - span), std::max(-85.0, cy - span * 0.6),
                       std::min(180.0, cx + span), std::min(85.0, cy + span * 0.6)};
        const geometry::Projection inset_proj = geometry::Projection::conic_for(wide);
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (int i = 0; i <= 8; ++i)
            for (int j = 0; j <= 8; ++j) {
                const Point p =
                    inset_proj.forward({wide.min_lon + (wide.max_lon - wide.min_lon) * i / 8,
                                        wide.min_lat + (wide.max_lat - wide.min_lat) * j / 8});
                x0 = std::min(x0, p.lon), x1 = std::max(x1, p.lon), y0 = std::min(y0, p.lat),
                y1 = std::max(y1, p.lat);
            }
        const double k = std::min(inset_.w / (x1 - x0), inset_.h / (y1 - y0));
        const double ox = inset_.x + (inset_.w - (x1 - x0) * k) / 2,
                     oy = inset_.y + (inset_.h - (y1 - y0) * k) / 2;
        auto to_inset = [&](Point p) {
            return Point{ox + (p.lon - x0) * k, oy + (y1 - p.lat) * k};
        };
        for (const auto& f : geometry::read_features(
                 gpkg_, {.layer = "land", .encoding = {}, .where = {}, .bbox = wide})) {
            // Simplified before projection: at this scale a pixel is a large fraction of a degree.
            const double degrees_per_px = (wide.max_lon - wide.min_lon) / inset_.w;
            Geometry g = inset_proj.forward(
                f.geometry().clipped(wide).simplified(degrees_per_px).densified(1.0));
            for (auto p : g.paths()) {
                for (auto& pt : p.points) pt = to_inset(pt);
                inset_land_.push_back(std::move(p));
            }
        }
        geometry::Geometry::Path frame_path;
        frame_path.closed = true;
        for (int i = 0; i <= 10; ++i)
            frame_path.points.push_back(to_inset(
                inset_proj.forward({lonlat_.min_lon + (lonlat_.max_lon - lonlat_.min_lon) * i / 10,
                                    lonlat_.min_lat})));
        for (int i = 0; i <= 10; ++i)
            frame_path.points.push_back(to_inset(inset_proj.forward(
                {lonlat_.max_lon,
                 lonlat_.min_lat + (lonlat_.max_lat - lonlat_.min_lat) * i / 10})));
        for (int i = 10; i >= 0; --i)
            frame_path.points.push_back(to_inset(
                inset_proj.forward({lonlat_.min_lon + (lonlat_.max_lon - lonlat_.min_lon) * i / 10,
                                    lonlat_.max_lat})));
        for (int i = 10; i >= 0; --i)
            frame_path.points.push_back(to_inset(inset_proj.forward(
                {lonlat_.min_lon,
                 lonlat_.min_lat + (lonlat_.max_lat - lonlat_.min_lat) * i / 10})));
        inset_frame_ = {frame_path};
    }
}

RenderReport Scene::build() {
    RenderReport report;
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* what) {
        if (std::getenv("MAPWIRE_TIMING"))
            fprintf(stderr, "%s %.3f\n", what,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    };
    choose_extent();
    lap("extent");
    load_layers();
    lap("layers");
    place_marks_and_labels(report);
    lap("labels");
    report.projection = proj_->definition();
    report.extent = {lonlat_.min_lon, lonlat_.min_lat, lonlat_.max_lon, lonlat_.max_lat};
    report.km_per_100px = km_per_px_ * 100;
    return report;
}

void Scene::draw(Canvas& c) const {
    c.begin_group("map");
    c.clip(frame_.x, frame_.y, frame_.w, frame_.h);
    c.fill(render::rect_path(frame_.x, frame_.y, frame_.w, frame_.h), st_.ocean);
    c.fill(land_.paths, st_.land_outside);
    for (const auto& l : countries_other_) c.fill(l.paths, st_.land_outside);
    c.fill(focus_country_.paths, st_.land_focus);
    c.fill(highlight_.paths, st_.highlight_fill);
    if (!control_.paths.empty()) {
        c.fill(control_.paths, st_.control_fill);
        c.hatch(control_.paths, st_.control_hatch, 6, 45, 0.8);
    }
    if (!occupied_.paths.empty()) {
        c.fill(occupied_.paths, st_.occupied_fill);
        c.hatch(occupied_.paths, st_.occupied_hatch, 5, -45, 0.7);
    }
    c.fill(lakes_.paths, st_.lake);
    c.stroke(rivers_.paths, st_.river.color, st_.river.width);
    c.stroke(land_.paths, st_.coast.color, st_.coast.width);
    c.stroke(admin1_lines_.paths, st_.admin1_border.color, st_.admin1_border.width);
    c.stroke(highlight_.paths, st_.highlight_border.color, st_.highlight_border.width);
    c.stroke(borders_.paths, st_.country_border.color, st_.country_border.width);
    for (std::size_t i = 0; i < extras_.size(); ++i) {
        const auto& spec = opt_.layers[i];
        const auto& e = extras_[i];
        const Color stroke = spec.stroke.value_or(st_.text);
        if (spec.fill) c.fill(e.areas, *spec.fill);
        c.stroke(e.areas, stroke, spec.width);
        c.stroke(e.lines, stroke, spec.width);
        for (const auto& p : e.points) {
            c.fill(render::circle_path(p.lon, p.lat, spec.radius), spec.fill.value_or(stroke));
            c.stroke(render::circle_path(p.lon, p.lat, spec.radius), st_.halo, 1);
        }
    }
    c.end_group();

    c.begin_group("places");
    for (std::size_t i = 0; i < place_dots_.size(); ++i) {
        const double r = place_dot_capital_[i] ? 4 : 2.8;
        c.fill(render::circle_path(place_dots_[i].lon, place_dots_[i].lat, r), st_.place_dot);
        c.stroke(render::circle_path(place_dots_[i].lon, place_dots_[i].lat, r), st_.halo, 1);
    }
    c.end_group();

    c.begin_group("callouts");
    const Font callout_font{st_.font, st_.callout_size, false, false, 0};
    for (const auto& co : callouts_) {
        // Leader from the box's nearest edge point to the marker.
        const double px = std::clamp(co.anchor.lon, co.box.x, co.box.x + co.box.w);
        const double py = std::clamp(co.anchor.lat, co.box.y, co.box.y + co.box.h);
        c.stroke({{{{px, py}, {co.anchor.lon, co.anchor.lat}}, false}}, st_.callout_border, 1);
        c.fill(render::rect_path(co.box.x, co.box.y, co.box.w, co.box.h), st_.callout_fill);
        c.stroke(render::rect_path(co.box.x, co.box.y, co.box.w, co.box.h), st_.callout_border,
                 0.8);
        c.fill(render::rect_path(co.box.x, co.box.y, 3, co.box.h), co.accent);
        c.text(co.box.x + 8, co.box.y + 5, co.text, callout_font, st_.callout_text, std::nullopt, 0,
               callout_wrap_);
    }
    c.end_group();

    c.begin_group("events");
    for (const auto& m : marks_) {
        Color color = st_.text;
        if (auto it = st_.event_colors.find(m.event->type); it != st_.event_colors.end())
            color = it->second;
        if (m.exact) {
            c.fill(symbol(m.event->type, m.at.lon, m.at.lat, 7), color);
            c.stroke(symbol(m.event->type, m.at.lon, m.at.lat, 7), st_.halo, 1.5);
        } else {
            // Somewhere in the area: a hollow symbol in a dashed ring.
            c.fill(render::circle_path(m.at.lon, m.at.lat, 9), with_alpha(st_.halo, 0.8));
            c.stroke(render::circle_path(m.at.lon, m.at.lat, 9), color, 1.4, {3, 2});
            c.stroke(symbol(m.event->type, m.at.lon, m.at.lat, 5), color, 1.6);
        }
        if (m.number) {
            // The number badge, as in the key or the callout.
            const Font font{st_.font, st_.small_size - 1, true, false, 0};
            const std::string n = std::to_string(m.number);
            const auto box = render::measure(n, font);
            const double bw = std::max(13.0, box.width + 5), bx = m.at.lon + 4, by = m.at.lat - 16;
            c.fill(render::rect_path(bx, by, bw, 13), st_.text);
            c.text(bx + (bw - box.width) / 2, by + (13 - box.height) / 2, n, font, st_.halo);
        }
    }
    c.end_group();

    c.begin_group("labels");
    for (const auto& l : labels_) c.text(l.box.x, l.box.y, l.text, l.font, l.color, st_.halo, 3);
    c.end_group();
    c.unclip();
    draw_furniture(c);
}

bool Scene::in_frame(const Paths& paths) const {
    for (const auto& p : paths) {
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (const auto& pt : p.points) {
            if (pt.lon >= frame_.x && pt.lon <= frame_.x + frame_.w && pt.lat >= frame_.y &&
                pt.lat <= frame_.y + frame_.h)
                return true;
            x0 = std::min(x0, pt.lon), x1 = std::max(x1, pt.lon);
            y0 = std::min(y0, pt.lat), y1 = std::max(y1, pt.lat);
        }
        // A ring larger than the frame with no vertex in it covers the frame.
        if (p.closed && x0 <= frame_.x && x1 >= frame_.x + frame_.w && y0 <= frame_.y &&
            y1 >= frame_.y + frame_.h)
            return true;
    }
    return false;
}

std::set<std::string> Scene::named_unit_ids() const {
    std::set<std::string> named;
    for (const auto& e : x_.events)
        if (e.location && e.location->type == PlaceType::admin1)
            named.insert(std::string(e.location->id));
    for (const auto& m : x_.places.mentions)
        if (m.place && m.role == geoparse::Role::location && m.place->type == PlaceType::admin1)
            named.insert(std::string(m.place->id));
    named.insert(opt_.highlight.begin(), opt_.highlight.end());
    return named;
}

std::vector<std::string> Scene::legend_items(bool worst_case) const {
    // worst_case: before the layers are read, everything that might be drawn (to reserve
    // room below compact maps).
    std::vector<std::string> items;
    if (!x_.places.focus_country.empty()) items.push_back("focus");
    // Only what the map shows: layers read for the margin around the frame do not count.
    if (worst_case ? !named_unit_ids().empty() : in_frame(highlight_.paths))
        items.push_back("highlight");
    if (worst_case ? !opt_.control_layer.empty() : in_frame(control_.paths))
        items.push_back("control");
    if (worst_case || in_frame(occupied_.paths)) items.push_back("occupied");
    std::set<std::string> types;
    bool vague = false;
    if (worst_case) {
        for (const auto& e : x_.events) {
            if (!e.location) continue;
            types.insert(e.type);
            vague = vague || e.geo_precision > 1;
        }
    } else {
        for (const auto& m : marks_) {
            types.insert(m.event->type);
            vague = vague || !m.exact;
        }
    }
    for (const auto& t : types) items.push_back("event:" + t);
    if (vague) items.push_back("vague");
    for (std::size_t i = 0; i < opt_.layers.size(); ++i)
        if (!opt_.layers[i].legend.empty()) items.push_back("layer:" + std::to_string(i));
    items.push_back("city");
    return items;
}

std::string Scene::legend_entry(Canvas* c, const std::string& item, double sx, double sy) const {
    if (item == "focus") {
        if (c) {
            c->fill(render::rect_path(sx, sy, 16, 11), st_.land_focus);
            c->stroke(render::rect_path(sx, sy, 16, 11), st_.country_border.color, 0.8);
        }
        const auto p = gaz_.find_id("country:" + x_.places.focus_country);
        return p ? std::string(p->name) : x_.places.focus_country;
    }
    if (item == "highlight") {
        if (c) {
            c->fill(render::rect_path(sx, sy, 16, 11), st_.highlight_fill);
            c->stroke(render::rect_path(sx, sy, 16, 11), st_.highlight_border.color, 1);
        }
        return "Region named in the report";
    }
    if (item == "control") {
        if (c) {
            c->fill(render::rect_path(sx, sy, 16, 11), st_.control_fill);
            c->hatch(render::rect_path(sx, sy, 16, 11), st_.control_hatch, 4, 45, 0.7);
        }
        return "Area held (control layer)";
    }
    if (item == "occupied") {
        if (c) {
            c->fill(render::rect_path(sx, sy, 16, 11), st_.occupied_fill);
            c->hatch(render::rect_path(sx, sy, 16, 11), st_.occupied_hatch, 4, -45, 0.7);
        }
        return "Occupied by Russia since 2014";
    }
    if (item.starts_with("event:")) {
        const std::string type = item.substr(6);
        Color color = st_.text;
        if (auto it = st_.event_colors.find(type); it != st_.event_colors.end()) color = it->second;
        if (c) c->fill(symbol(type, sx + 8, sy + 5.5, 6), color);
        return type;
    }
    if (item == "vague") {
        if (c) c->stroke(render::circle_path(sx + 8, sy + 5.5, 7), st_.text, 1.2, {3, 2});
        return "Somewhere in the region or country";
    }
    if (item.starts_with("layer:")) {
        const auto& spec = opt_.layers[std::stoul(item.substr(6))];
        const Color stroke = spec.stroke.value_or(st_.text);
        if (c && spec.fill) c->fill(render::rect_path(sx, sy, 16, 11), *spec.fill);
        if (c) c->stroke(render::rect_path(sx, sy, 16, 11), stroke, std::min(spec.width, 2.0));
        return spec.legend;
    }
    if (c) c->fill(render::circle_path(sx + 8, sy + 5.5, 2.8), st_.place_dot);
    return "City";
}

void Scene::draw_legend(Canvas& c) const {
    c.fill(render::rect_path(legend_.x, legend_.y, legend_.w, legend_.h),
           with_alpha(st_.callout_fill, 0.92));
    c.stroke(render::rect_path(legend_.x, legend_.y, legend_.w, legend_.h), st_.furniture_muted,
             0.6);
    c.text(legend_.x + 10, legend_.y + 7, "Legend", {st_.font, st_.small_size + 1, true, false, 0},
           st_.furniture_text);
    double y = legend_.y + 30;
    for (const auto& item : legend_items_) {
        const std::string text = legend_entry(&c, item, legend_.x + 12, y + 1);
        c.text(legend_.x + 36, y - 1, text, small_font(), st_.furniture_text);
        y += 20;
    }
}

double Scene::flow_legend(Canvas* c, const std::vector<std::string>& items, double x, double y,
                          double width) const {
    double cx = x, cy = y;
    for (const auto& item : items) {
        const std::string text = legend_entry(nullptr, item, 0, 0);
        const double w = 24 + render::measure(text, small_font()).width + 14;
        if (cx > x && cx + w > x + width) cx = x, cy += 18;
        if (c) {
            legend_entry(c, item, cx, cy + 1);
            c->text(cx + 24, cy - 1, text, small_font(), st_.furniture_text);
        }
        cx += w;
    }
    return items.empty() ? 0 : cy - y + 18;
}

std::vector<std::string> Scene::key_lines() const {
    std::vector<std::string> lines;
    for (const auto& e : x_.events) {
        if (!e.location) continue;
        std::string text = event_label(e);
        if (const auto nl = text.find('\n'); nl != std::string::npos) text.replace(nl, 1, " — ");
        lines.push_back(std::to_string(lines.size() + 1) + ". " + text);
    }
    return lines;
}

std::string Scene::figure_text() const {
    if (x_.figures.empty()) return {};
    const auto& f = x_.figures[0];
    std::string text =
        "Stated: " + (f.hedge.empty() ? "" : f.hedge + " ") + thousands(f.stated_value) +
        (f.unit == "percent" ? "%" : " km²") + " of " +
        (f.territory ? std::string(f.territory->name) : std::string("the territory")) +
        " held by " + holder_name(f.holder) + " (" + thousands(f.stated_km2) + " km²)";
    if (f.measured_km2) {
        char share[32];
        std::snprintf(share, sizeof share, "%.2f%%", *f.measured_share);
        text += "\nMeasured on the control layer: " + std::string(share) + " (" +
                thousands(*f.measured_km2) + " km²)";
    }
    return text;
}

double Scene::notes_height(bool with_figure, bool with_legend) const {
    const double w = notes_w();
    double h = 10;
    const std::string figure = figure_text();
    if (with_figure && !figure.empty()) h += render::measure(figure, small_font(), w).height + 6;
    for (const auto& line : key_lines()) h += render::measure(line, small_font(), w).height + 2;
    if (with_legend) h += 6 + flow_legend(nullptr, legend_items(true), 0, 0, w);
    return h + 8;
}

void Scene::draw_notes(Canvas& c) const {
    const double w = notes_w(), x = notes_x();
    c.fill(render::rect_path(notes_.x, notes_.y, notes_.w, notes_.h),
           Color{st_.callout_fill.r, st_.callout_fill.g, st_.callout_fill.b, 1});
    double y = notes_.y + 10;
    if (figure_below_ && !figure_text_.empty()) {
        c.text(x, y, figure_text_, small_font(), st_.callout_text, std::nullopt, 0, w);
        y += render::measure(figure_text_, small_font(), w).height + 6;
    }
    for (const auto& line : key_lines()) {
        c.text(x, y, line, small_font(), st_.furniture_text, std::nullopt, 0, w);
        y += render::measure(line, small_font(), w).height + 2;
    }
    if (legend_below_) flow_legend(&c, legend_items_, x, y + 6, w);
}

std::string Scene::credits(bool disputed) const {
    std::string text = (opt_.source.empty() ? "" : "Source: " + opt_.source + " · ") +
                       "Boundaries: Natural Earth. Places: GeoNames (CC BY 4.0).";
    if (!opt_.date.empty()) text += " Data as of " + opt_.date + ".";
    if (!opt_.credits.empty()) text += " " + opt_.credits;
    if (disputed)
        text += " Borders: internationally recognised; Crimea occupied by Russia since 2014.";
    return text;
}

void Scene::draw_scale_bar(Canvas& c) const {
    // A round length near a fifth of the bar box, true at the map's centre.
    const double max_km = km_per_px_ * 150;
    double km = 1;
    for (double step :
         {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0})
        if (step <= max_km) km = step;
    const double len = km / km_per_px_;
    const double x = scalebar_.x + scalebar_.w - len - 10, y = scalebar_.y + 18;
    c.fill(render::rect_path(x - 6, scalebar_.y + 2, len + 12, 26),
           with_alpha(st_.callout_fill, 0.85));
    c.fill(render::rect_path(x, y, len / 2, 4), st_.frame);
    c.fill(render::rect_path(x + len / 2, y, len / 2, 4), st_.halo);
    c.stroke(render::rect_path(x, y, len, 4), st_.frame, 0.8);
    const std::string label = thousands(km) + " km";
    const Font font{st_.font, st_.small_size, false, false, 0};
    const auto box = render::measure(label, font);
    c.text(x + len / 2 - box.width / 2, y - box.height - 1, label, font, st_.furniture_text);
}

void Scene::draw_inset(Canvas& c) const {
    c.fill(render::rect_path(inset_.x, inset_.y, inset_.w, inset_.h), st_.ocean);
    c.clip(inset_.x, inset_.y, inset_.w, inset_.h);
    c.fill(inset_land_, st_.land);
    c.stroke(inset_frame_, st_.highlight_border.color, 1.5);
    c.unclip();
    c.stroke(render::rect_path(inset_.x, inset_.y, inset_.w, inset_.h), st_.frame, 0.8);
}

void Scene::draw_furniture(Canvas& c) const {
    c.begin_group("furniture");
    // Header and footer bands.
    c.fill(render::rect_path(0, 0, width_, header_),
           Color{st_.callout_fill.r, st_.callout_fill.g, st_.callout_fill.b, 1});
    c.fill(render::rect_path(0, height_ - footer_, width_, footer_),
           Color{st_.callout_fill.r, st_.callout_fill.g, st_.callout_fill.b, 1});
    c.text(16, 10, opt_.title, title_font_, st_.furniture_text, std::nullopt, 0, width_ - 32);
    if (!opt_.subtitle.empty())
        c.text(16, 12 + title_h_, opt_.subtitle, subtitle_font_, st_.furniture_muted, std::nullopt,
               0, width_ - 32);
    c.text(16, height_ - footer_ + 6, credits(disputed_in_view_), small_font(), st_.furniture_muted,
           std::nullopt, 0, width_ - 32);
    if (compact_) draw_notes(c);
    if (!figure_text_.empty() && !figure_below_) {
        c.fill(render::rect_path(figure_box_.x, figure_box_.y, figure_box_.w, figure_box_.h),
               with_alpha(st_.callout_fill, 0.95));
        c.stroke(render::rect_path(figure_box_.x, figure_box_.y, figure_box_.w, figure_box_.h),
                 st_.callout_border, 0.8);
        c.text(figure_box_.x + 10, figure_box_.y + 8, figure_text_,
               {st_.font, st_.small_size + 1, false, false, 0}, st_.callout_text, std::nullopt, 0,
               figure_box_.w - 20);
    }
    if (compact_ && !legend_below_) {
        c.fill(render::rect_path(legend_.x, legend_.y, legend_.w, legend_.h),
               with_alpha(st_.callout_fill, 0.92));
        flow_legend(&c, legend_items_, legend_.x + 10, legend_.y + 7, legend_.w - 20);
    } else if (!legend_below_) {
        draw_legend(c);
    }
    draw_scale_bar(c);
    if (show_inset_) draw_inset(c);
    c.stroke(render::rect_path(frame_.x, frame_.y, frame_.w, frame_.h), st_.frame, 1);
    c.end_group();
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

LonLatBox extent_around(const gazetteer::Place& p) {
    if (p.type == PlaceType::place) return {p.lon - 1.2, p.lat - 0.8, p.lon + 1.2, p.lat + 0.8};
    const double px = std::max(0.3, double(p.max_lon - p.min_lon) / 4),
                 py = std::max(0.2, double(p.max_lat - p.min_lat) / 4);
    return {p.min_lon - px, p.min_lat - py, p.max_lon + px, p.max_lat + py};
}

RenderReport render_map(const events::Extraction& extraction, const gazetteer::Gazetteer& gazetteer,
                        const style::Style& style, const std::string& geopackage,
                        const MapOptions& options, const std::string& out_dir) {
    if (options.width < 200 || options.height < 150 || options.width > 20000 ||
        options.height > 20000)
        throw std::move(
            RenderError("map size out of range (200x150 to 20000x20000 pixels)", ExitCode::usage)
                .with_value(std::to_string(options.width) + "x" + std::to_string(options.height)));
    if (options.dpi < 36 || options.dpi > 1200)
        throw std::move(RenderError("dpi out of range (36 to 1200)", ExitCode::usage)
                            .with_value(std::to_string(options.dpi)));
    Scene scene(extraction, gazetteer, style, geopackage, options);
    RenderReport report = scene.build();
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec)
        throw std::move(
            IoError("cannot create the output folder: " + ec.message()).in_file(out_dir));
    const double scale = options.dpi / 96.0;
    const std::string date = creation_date(options);
    for (const auto& f : options.formats) {
        const render::Format format = f == "png"   ? render::Format::png
                                      : f == "svg" ? render::Format::svg
                                                   : render::Format::pdf;
        const std::string path = out_dir + "/map." + f;
        render::Output out(format, path, options.width / scale, options.height / scale, scale,
                           options.dpi, options.title, date);
        scene.draw(out.canvas());
        out.finish();
        report.files.push_back(path);
    }
    return report;
}

}  // namespace mapwire::render
