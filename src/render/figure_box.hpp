// The figure box: the article's territory figure, stated and measured.
//
// The article's territory figure as stated ("Stated: approximately 20% of Ukraine held by Russia")
// and, with a control layer, as measured; boxed in the map's top-left corner, or among the notes of
// a compact map.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "events/event.hpp"
#include "render/canvas.hpp"
#include "render/screen.hpp"
#include "style/style.hpp"

namespace mapwire::render {

// The first figure's text, "" when the article gives none. `holder_name` names a state from
// its ISO alpha-2 code; `control_date` is the control layer's date the measured share was
// taken on ("" when undated).
std::string figure_text(const std::vector<events::TerritoryFigure>& figures,
                        const std::function<std::string(const std::string&)>& holder_name,
                        const std::string& control_date = {});

// The box for the text in the top-left corner of the frame.
Rect figure_box(const Rect& frame, const std::string& text, const style::Style& st);
void draw_figure_box(Canvas& c, const style::Style& st, const Rect& box, const std::string& text);

}  // namespace mapwire::render
