// Furniture besides the page's bands: the credits line and the notes of compact maps.
//
// Map furniture outside the page layout's bands: the credits line, and the notes panel of a compact
// map (the figure, the numbered key of the events, the legend in rows).
#pragma once

#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/legend.hpp"
#include "render/map.hpp"
#include "render/page_layout.hpp"
#include "style/style.hpp"

namespace mapwire::render {

// Source, data credits, the date of the data, the user's credits, and the worldview note
// when a disputed area is in view.
std::string credits_text(const MapOptions& options, const std::string& occupation);

// What the notes of a compact map list.
struct Notes {
    std::string figure;                  // "" when the article gives none
    std::vector<std::string> key_lines;  // the numbered events
};

// The notes' height at a width, with or without the figure and the legend.
double notes_height(const style::Style& st, const Legend& legend, const Notes& notes,
                    const std::vector<LegendItem>& items, double width, bool with_figure,
                    bool with_legend);
// Draws the notes in the layout's notes panel: the figure and the legend as the layout says.
void draw_notes(Canvas& c, const style::Style& st, const PageLayout& page, const Legend& legend,
                const Notes& notes, const std::vector<LegendItem>& items, bool transparent = false);

}  // namespace mapwire::render
