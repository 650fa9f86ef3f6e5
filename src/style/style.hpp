// Map styles: colours, fonts, line widths and symbols, loaded from a YAML file by name
// (styles/NAME.yaml) or path. The format is documented in docs/styles.md.
#pragma once

#include <map>
#include <string>

#include "base/error.hpp"
#include "events/event.hpp"

namespace mapwire::style {

class StyleError : public ErrorKind<StyleError> {
public:
    using ErrorKind::ErrorKind;
};

struct Color {
    double r = 0, g = 0, b = 0, a = 1;
};

struct Stroke {
    Color color;
    double width = 1;  // points at 96 dpi (pixels at 1x)
};

struct Style {
    std::string name;
    Color ocean, land, land_focus, land_outside;
    Stroke country_border, admin1_border, coast;
    Color lake;
    Stroke river;
    Color highlight_fill;
    Stroke highlight_border;
    // Areas from a control layer: a solid tint and its edge, so that they are told at a glance
    // from the hatched areas occupied since 2014.
    Color control_fill, control_edge;
    Color occupied_fill, occupied_hatch;  // occupied since 2014 (default worldview)
    Color text, text_muted, halo;
    Color place_dot;
    Color callout_fill, callout_border, callout_text;
    Color frame, furniture_text, furniture_muted;
    std::string font = "Noto Sans";
    double title_size = 26, subtitle_size = 15, label_size = 12, country_label_size = 15,
           callout_size = 11, small_size = 10;
    std::map<events::EventType, Color> event_colors;
};

// `name_or_path`: a file path (contains '/' or ends in .yaml/.yml) or a name in `styles_dir`.
// Throws StyleError with file:line:column for unknown keys (with a suggestion), wrong
// types and bad colours.
Style load_style(const std::string& name_or_path, const std::string& styles_dir);
// The style with some keys replaced: `yaml` is a mapping in the style format (a map's
// style_overrides in a configuration). Errors name `origin` and the key.
Style with_overrides(Style base, const std::string& yaml, const std::string& origin);

Color parse_color(const std::string& text);  // "#rrggbb" or "#rrggbbaa"; throws StyleError
std::string hex(const Color& c);             // "#rrggbb", the colour without its alpha

}  // namespace mapwire::style
