// Style loading with yaml-cpp; every key is known, so a typo is an error, not a silent default.
#include "style/style.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <filesystem>
#include <functional>
#include "text/normalize.hpp"

namespace mapwire::style {
namespace {

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string hex(const Color& c) {
    auto byte = [](double v) {
        return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return buf;
}

Color parse_color(const std::string& t) {
    if ((t.size() != 7 && t.size() != 9) || t[0] != '#')
        throw std::move(StyleError("not a colour; write #rrggbb or #rrggbbaa").with_value(t));
    int v[4] = {0, 0, 0, 255};
    for (std::size_t i = 0; i < (t.size() - 1) / 2; ++i) {
        const int hi = hex(t[1 + 2 * i]), lo = hex(t[2 + 2 * i]);
        if (hi < 0 || lo < 0)
            throw std::move(StyleError("not a colour; write #rrggbb or #rrggbbaa").with_value(t));
        v[i] = hi * 16 + lo;
    }
    return {v[0] / 255.0, v[1] / 255.0, v[2] / 255.0, v[3] / 255.0};
}

namespace {
void apply(Style& s, const YAML::Node& root, const std::string& path);
}  // namespace

Style load_style(const std::string& name_or_path, const std::string& styles_dir) {
    namespace fs = std::filesystem;
    const bool is_path = name_or_path.find('/') != std::string::npos ||
                         name_or_path.ends_with(".yaml") || name_or_path.ends_with(".yml");
    const std::string path = is_path ? name_or_path : styles_dir + "/" + name_or_path + ".yaml";
    if (!fs::exists(path)) {
        std::string names;
        if (fs::exists(styles_dir))
            for (const auto& e : fs::directory_iterator(styles_dir))
                if (e.path().extension() == ".yaml")
                    names += (names.empty() ? "" : ", ") + e.path().stem().string();
        throw std::move(
            StyleError("no such style", ExitCode::bad_input,
                       names.empty() ? "give a style file path" : "styles available: " + names)
                .in_file(path)
                .with_value(name_or_path));
    }
    if (!fs::is_regular_file(path))
        throw std::move(StyleError("the style is a folder, not a .yaml file", ExitCode::bad_input,
                                   "give a style name (light, dark, print-grey) or a .yaml file")
                            .in_file(path));
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
        throw std::move(StyleError("not valid YAML: " + e.msg)
                            .in_file(path)
                            .at(e.mark.line + 1, e.mark.column + 1));
    }
    Style s;
    s.name = fs::path(path).stem().string();
    apply(s, root, path);
    return s;
}

Style with_overrides(Style base, const std::string& yaml, const std::string& origin) {
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        throw std::move(StyleError("not valid YAML: " + e.msg).in_file(origin));
    }
    if (root.IsNull()) return base;
    apply(base, root, origin);
    return base;
}

namespace {

// Sets every key of `root` on `s`; unknown keys and wrong values are errors at their place.
void apply(Style& s, const YAML::Node& root, const std::string& path) {
    using Setter = std::function<void(const YAML::Node&)>;
    auto color = [](Color& c) -> Setter {
        return [&c](const YAML::Node& n) { c = parse_color(n.as<std::string>()); };
    };
    // A size or width: a finite number in its range (Pango asserts on a size of 0 or less and
    // draws garbage with NaN).
    auto number = [](double& d, double min, double max) -> Setter {
        return [&d, min, max](const YAML::Node& n) {
            const double v = n.as<double>();
            if (!std::isfinite(v) || v < min || v > max)
                throw std::move(StyleError("must be a number from " + format_number(min) + " to " +
                                           format_number(max))
                                    .with_value(n.as<std::string>()));
            d = v;
        };
    };
    constexpr double kMinSize = 1, kMaxSize = 200;  // points
    constexpr double kMaxWidth = 50;                // points; 0 draws no line
    auto text = [](std::string& t) -> Setter {
        return [&t](const YAML::Node& n) { t = n.as<std::string>(); };
    };
    auto stroke = [&](Stroke& st) -> std::map<std::string, Setter> {
        return {{"color", color(st.color)}, {"width", number(st.width, 0, kMaxWidth)}};
    };
    const std::map<std::string, Setter> flat = {
        {"ocean", color(s.ocean)},
        {"land", color(s.land)},
        {"land_focus", color(s.land_focus)},
        {"land_outside", color(s.land_outside)},
        {"lake", color(s.lake)},
        {"highlight_fill", color(s.highlight_fill)},
        {"control_fill", color(s.control_fill)},
        {"control_edge", color(s.control_edge)},
        {"control_hatch", color(s.control_edge)},  // its older name: styles written for it work
        {"occupied_fill", color(s.occupied_fill)},
        {"occupied_hatch", color(s.occupied_hatch)},
        {"text", color(s.text)},
        {"text_muted", color(s.text_muted)},
        {"halo", color(s.halo)},
        {"place_dot", color(s.place_dot)},
        {"callout_fill", color(s.callout_fill)},
        {"callout_border", color(s.callout_border)},
        {"callout_text", color(s.callout_text)},
        {"frame", color(s.frame)},
        {"furniture_text", color(s.furniture_text)},
        {"furniture_muted", color(s.furniture_muted)},
        {"font", text(s.font)},
        {"title_size", number(s.title_size, kMinSize, kMaxSize)},
        {"subtitle_size", number(s.subtitle_size, kMinSize, kMaxSize)},
        {"label_size", number(s.label_size, kMinSize, kMaxSize)},
        {"country_label_size", number(s.country_label_size, kMinSize, kMaxSize)},
        {"callout_size", number(s.callout_size, kMinSize, kMaxSize)},
        {"small_size", number(s.small_size, kMinSize, kMaxSize)},
    };
    const std::map<std::string, Stroke*> strokes = {{"country_border", &s.country_border},
                                                    {"admin1_border", &s.admin1_border},
                                                    {"coast", &s.coast},
                                                    {"river", &s.river},
                                                    {"highlight_border", &s.highlight_border}};
    auto fail = [&](const YAML::Node& n, const std::string& msg, const std::string& key) {
        return std::move(
            StyleError(msg).in_file(path).at(n.Mark().line + 1, n.Mark().column + 1).with_key(key));
    };
    auto unknown = [&](const YAML::Node& key_node, const std::string& key,
                       const std::vector<std::string>& known) {
        std::string best;
        std::size_t best_d = 4;
        for (const auto& k : known)
            if (const auto d = text::edit_distance(key, k); d < best_d) {
                best_d = d;
                best = k;
            }
        return std::move(fail(key_node, "unknown key", key)
                             .with_hint(best.empty() ? "see docs/styles.md for the keys"
                                                     : "did you mean '" + best + "'?"));
    };
    if (!root.IsMap()) throw fail(root, "a style is a mapping of keys to values", "");
    std::vector<std::string> known;
    for (const auto& [k, v] : flat) known.push_back(k);
    for (const auto& [k, v] : strokes) known.push_back(k);
    known.push_back("events");
    for (const auto& item : root) {
        if (!item.first.IsScalar())
            throw fail(item.first, "a key must be a name, not a list or mapping", "");
        const std::string key = item.first.as<std::string>();
        try {
            if (auto f = flat.find(key); f != flat.end()) {
                f->second(item.second);
            } else if (auto st = strokes.find(key); st != strokes.end()) {
                if (!item.second.IsMap()) throw fail(item.second, "expected {color, width}", key);
                auto setters = stroke(*st->second);
                for (const auto& sub : item.second) {
                    if (!sub.first.IsScalar())
                        throw fail(sub.first, "a key must be a name, not a list or mapping", key);
                    const std::string sk = sub.first.as<std::string>();
                    auto it = setters.find(sk);
                    if (it == setters.end())
                        throw unknown(sub.first, key + "." + sk, {key + ".color", key + ".width"});
                    it->second(sub.second);
                }
            } else if (key == "events") {
                for (const auto& ev : item.second) {
                    const std::string name = ev.first.as<std::string>();
                    const auto type = events::parse_event_type(name);
                    if (!type)
                        throw std::move(fail(ev.first, "not an ACLED event type", key + "." + name)
                                            .with_value(name)
                                            .with_hint("as ACLED spells it: Battles, "
                                                       "Explosions/Remote violence ..."));
                    s.event_colors[*type] = parse_color(ev.second.as<std::string>());
                }
            } else {
                throw unknown(item.first, key, known);
            }
        } catch (StyleError& e) {
            e.in_file(path)
                .at(item.second.Mark().line + 1, item.second.Mark().column + 1)
                .with_key(key);
            throw;
        } catch (const YAML::Exception& e) {
            throw fail(item.second, "wrong type: " + e.msg, key);
        }
    }
}

}  // namespace

}  // namespace mapwire::style
