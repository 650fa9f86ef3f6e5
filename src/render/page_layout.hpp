// Page layout: header, map frame, footer, and where the notes go on small maps.
//
// The header (title, subtitle), the map frame, the footer (credits), and on small maps the notes
// (figure, numbered key of the events, legend) below the map ("compact") or in a column beside it
// ("beside"), as newsroom graphics do on narrow screens.
#pragma once

#include <functional>
#include <string>

#include "render/canvas.hpp"
#include "render/screen.hpp"
#include "style/style.hpp"

namespace mapwire::render {

struct PageLayout {
    double scale = 1;               // output px per logical px
    double width = 0, height = 0;   // logical px
    bool compact = false;           // a phone-sized map: notes off the map
    bool beside = false;            // the notes in a column right of the map, not below it
    double header = 0, footer = 0;  // band heights
    double title_h = 0, subtitle_h = 0;
    Font title_font, subtitle_font;
    Rect frame;                 // the map
    Rect notes;                 // compact maps: the notes' panel (empty height when none)
    bool figure_below = false;  // the figure in the notes rather than boxed on the map
    bool legend_below = false;  // the legend in the notes rather than on the map
    double fit_bottom = 0;      // px at the frame's bottom a legend strip takes from the extent
    double callout_wrap = 0;    // callout text width

    // A strip of legend entries along the bottom of the map (compact maps with no room for
    // the legend in the notes).
    bool legend_strip() const { return compact && !legend_below; }
    double notes_x() const;
    double notes_w() const;
};

// The texts whose size shapes the page.
struct PageText {
    std::string title, subtitle;
    std::string credits;       // the footer at its longest
    bool transparent = false;  // no bands behind header and footer (background: none)
};

// How tall the notes are at a width, with or without the figure and the legend; and how tall
// a legend strip is at a width. Given by the caller, who knows the notes' content.
struct NotesMeasure {
    std::function<double(double width, bool with_figure, bool with_legend)> notes_height;
    std::function<double(double width)> strip_height;
};

// The layout of a width x height px page at `dpi` (96 dpi: one logical px per px).
PageLayout layout_page(int width, int height, double dpi, const style::Style& st,
                       const PageText& text, const NotesMeasure& notes);

// Draws the header and footer bands, the title, the subtitle and the credits.
void draw_header_footer(Canvas& c, const style::Style& st, const PageLayout& page,
                        const PageText& text, const std::string& credits);
// The frame's outline, last, over everything on the map.
void draw_frame(Canvas& c, const style::Style& st, const PageLayout& page);

}  // namespace mapwire::render
