// The web map page: the scene as JSON, the layers simplified to web scale, Leaflet inlined.
#include "render/web_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "render/detail/paint.hpp"
#include "render/detail/web_assets.hpp"
#include "render/detail/wording.hpp"
#include "render/user_layers.hpp"
#include "render/web_layers.hpp"

namespace mapwire::render {
namespace {

using nlohmann::json;

// Marker and swatch boxes (static map px around the marker's centre, a swatch's corner): the
// ring, the symbol and a number badge fit inside.
const Rect kMarkerBox{-12, -18, 40, 30}, kPlainMarkerBox{-11, -11, 22, 22};
const Rect kSwatchBox{-2, -2, 20, 16};
// The page's header and footer, px, added to the map's height in the embed snippet.
constexpr double kEmbedChrome = 190;

std::string css_color(style::Color c) {
    char buf[48];
    const int r = static_cast<int>(std::lround(c.r * 255)),
              g = static_cast<int>(std::lround(c.g * 255)),
              b = static_cast<int>(std::lround(c.b * 255));
    if (c.a >= 1)
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    else
        std::snprintf(buf, sizeof buf, "rgba(%d,%d,%d,%.3f)", r, g, b, c.a);
    return buf;
}

// Degrees rounded to the micro-degree (10 cm): fewer bytes, the same number on every run.
double micro(double degrees) {
    return std::round(degrees * 1e6) / 1e6;
}

json box_json(const LonLatBox& b) {
    return {micro(b.min_lon), micro(b.min_lat), micro(b.max_lon), micro(b.max_lat)};
}

json stroke_json(const style::Stroke& s) {
    return {{"color", css_color(s.color)}, {"width", s.width}};
}

json style_json(const style::Style& st) {
    auto hatch = [](style::Color c, HatchSpec h) {
        return json{{"color", css_color(c)},
                    {"spacing", h.spacing},
                    {"angle", h.angle},
                    {"width", h.width}};
    };
    return {{"ocean", css_color(st.ocean)},
            {"land", css_color(st.land_outside)},
            {"focus", css_color(st.land_focus)},
            {"highlight", css_color(st.highlight_fill)},
            {"highlight_border", stroke_json(st.highlight_border)},
            {"control", css_color(st.control_fill)},
            {"control_edge", stroke_json({st.control_edge, kControlEdgeWidth})},
            {"occupied", css_color(st.occupied_fill)},
            {"occupied_hatch", hatch(st.occupied_hatch, kOccupiedHatch)},
            {"lake", css_color(st.lake)},
            {"river", stroke_json(st.river)},
            {"admin1_border", stroke_json(st.admin1_border)},
            {"country_border", stroke_json(st.country_border)},
            {"place_dot", css_color(st.place_dot)},
            {"halo", css_color(st.halo)},
            {"text", css_color(st.text)}};
}

json marks_json(const WebScene& s, const style::Style& st) {
    json marks = json::array();
    int n = 0;
    for (const auto& m : s.marks) {
        const events::Event& e = *m.mark.event;
        EventMark at_origin = m.mark;
        at_origin.at = {0, 0};
        const Rect& box = m.mark.number ? kMarkerBox : kPlainMarkerBox;
        const std::string svg = inline_svg(box, "m" + std::to_string(++n) + "-", [&](Canvas& c) {
            draw_event_marks(c, st, {at_origin});
        });
        json details = json::array();
        for (const auto& line : detail::event_details(e))
            details.push_back({line.label, line.text});
        marks.push_back({{"lon", micro(m.at.lon)},
                         {"lat", micro(m.at.lat)},
                         {"exact", m.mark.exact},
                         {"type", to_string(e.type)},
                         {"svg", svg},
                         {"box", {box.x, box.y, box.w, box.h}},
                         {"name", detail::event_phrase(e)},
                         {"details", details}});
    }
    return marks;
}

json legend_json(const WebScene& s) {
    json entries = json::array();
    if (!s.legend) return entries;
    int n = 0;
    for (const auto& item : s.legend_items) {
        std::string text;
        const std::string svg =
            inline_svg(kSwatchBox, "l" + std::to_string(++n) + "-",
                       [&](Canvas& c) { text = s.legend->entry(&c, item, 0, 0); });
        entries.push_back({{"svg", svg}, {"text", text}});
    }
    return entries;
}

json labels_json(const WebScene& s, const style::Style& st) {
    json labels = json::array();
    for (const auto& l : s.labels) {
        const Font& f = l.label.font;
        labels.push_back({{"text", l.label.text},
                          {"lon", micro(l.at.lon)},
                          {"lat", micro(l.at.lat)},
                          {"size", f.size},
                          {"bold", f.bold},
                          {"italic", f.italic},
                          {"spacing", f.letter_spacing},
                          {"color", css_color(l.label.color)},
                          {"halo", l.label.halo ? css_color(st.halo) : ""}});
    }
    return labels;
}

json scene_json(const WebScene& s, const style::Style& st) {
    json notes = json::array();
    for (const auto& a : s.annotations)
        notes.push_back({{"text", a.text}, {"lon", micro(a.lon)}, {"lat", micro(a.lat)}});
    json dots = json::array();
    for (const auto& d : s.dots)
        dots.push_back(
            {{"lon", micro(d.at.lon)}, {"lat", micro(d.at.lat)}, {"capital", d.dot.capital}});
    json layers = json::array();
    for (const auto& spec : s.layer_specs)
        layers.push_back({{"fill", spec.fill ? css_color(*spec.fill) : ""},
                          {"stroke", css_color(spec.stroke.value_or(st.text))},
                          {"width", spec.width},
                          {"radius", spec.radius}});
    json fills = json::array();
    for (const auto& c : s.aggregate_fills) fills.push_back(css_color(c));
    return {{"extent", box_json(s.extent)},
            {"bounds", box_json(s.bounds)},
            {"style", style_json(st)},
            {"marks", marks_json(s, st)},
            {"legend", legend_json(s)},
            {"labels", labels_json(s, st)},
            {"dots", dots},
            {"annotations", notes},
            {"layers", layers},
            {"aggregate_fills", fills},
            {"font", st.font}};
}

// Text and attribute values in HTML.
std::string html(const std::string& text) {
    return escape_markup(text);
}

// JSON inside <script>: no '<' at all, so that no "</script>" or "<!--" can end or confuse it.
std::string script_json(const std::string& text) {
    std::string out;
    for (char ch : text) out += ch == '<' ? std::string("\\u003c") : std::string(1, ch);
    return out;
}

// A library script inside <script>: "</script" would end the element early.
std::string script_code(std::string code) {
    for (std::size_t at = 0; (at = code.find("</script", at)) != std::string::npos; at += 2)
        code.replace(at, 2, "<\\/");
    return code;
}

// Leaflet's stylesheet without its url(images/...) icons: the page draws its own markers and
// must not ask for a file.
std::string offline_css(std::string css) {
    for (std::size_t at = 0; (at = css.find("url(", at)) != std::string::npos;) {
        const std::size_t end = css.find(')', at);
        if (end == std::string::npos) break;
        css.replace(at, end + 1 - at, "none");
    }
    return css;
}

std::string read_library(const std::string& dir, const std::string& name) {
    const std::string path = dir + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::move(RenderError("the web map library is missing from the dataset",
                                    ExitCode::not_found,
                                    "run scripts/setup.sh, which copies Leaflet into the "
                                    "dataset's web/ folder")
                            .in_file(path));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The template with each {{NAME}} replaced, in one pass (inserted text is not searched).
std::string fill(const std::string& page, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t open; (open = page.find("{{", at)) != std::string::npos;) {
        const std::size_t close = page.find("}}", open);
        const auto it = close == std::string::npos
                            ? values.end()
                            : values.find(page.substr(open + 2, close - open - 2));
        if (it == values.end()) throw RenderError("the web map template names an unknown value");
        out.append(page, at, open - at);
        out += it->second;
        at = close + 2;
    }
    return out.append(page, at);
}

// The page in the style's colours, as the static map's bands and panels: CSS variables.
std::string page_colors(const style::Style& st) {
    return "--mw-page: " + css_color(detail::opaque(st.callout_fill)) +
           "; --mw-panel: " + css_color(st.callout_fill) +
           "; --mw-text: " + css_color(st.furniture_text) +
           "; --mw-muted: " + css_color(st.furniture_muted) +
           "; --mw-frame: " + css_color(st.frame);
}

std::string notes_html(const std::vector<std::string>& notes) {
    std::string out;
    for (const auto& n : notes)
        if (!n.empty()) out += "<p>" + html(n) + "</p>";
    return out;
}

}  // namespace

std::string embed_snippet(const WebScene& s, const std::string& href) {
    const long height = std::lround(s.design_height + kEmbedChrome);
    return "<iframe src=\"" + html(href) + "\" title=\"" + html(s.title) +
           "\" width=\"100%\" height=\"" + std::to_string(height) +
           "\" style=\"border:0;max-width:100%\" loading=\"lazy\" allowfullscreen></iframe>";
}

void write_web_map(const WebScene& s, const style::Style& st, const std::string& library_dir,
                   const std::string& path) {
    const std::string data =
        "{\"layers\":" + web_layers_json(s) + ",\"scene\":" + scene_json(s, st).dump() + "}";
    const std::string page = fill(
        web_assets::page_html,
        {{"TITLE", html(s.title)},
         {"COLORS", page_colors(st)},
         {"ASPECT", std::to_string(std::lround(s.design_width)) + " / " +
                        std::to_string(std::lround(s.design_height))},
         {"SUBTITLE", html(s.subtitle)},
         {"DESCRIPTION", html(s.description)},
         {"CREDITS", html(s.credits)},
         {"NOTES", notes_html(s.notes)},
         {"DATA_LINK", s.data_link.empty() ? std::string()
                                           : "<a id=\"mw-download\" href=\"" + html(s.data_link) +
                                                 "\" download>Download data (GeoJSON)</a>"},
         {"LEAFLET_CSS", offline_css(read_library(library_dir, "leaflet.css"))},
         {"PAGE_CSS", web_assets::page_css},
         {"DATA", script_json(data)},
         {"LEAFLET_JS", script_code(read_library(library_dir, "leaflet.js"))},
         {"PAGE_JS", web_assets::page_js}});
    const std::string temp = path + ".part";
    {
        std::ofstream out(temp, std::ios::binary);
        out << page;
        if (!out.flush()) throw std::move(IoError("cannot write the file").in_file(temp));
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) throw std::move(IoError("cannot write the file: " + ec.message()).in_file(path));
}

}  // namespace mapwire::render
