// The web map's own page, stylesheet and script (src/render/web/), compiled in at build time.
#pragma once

namespace mapwire::render::web_assets {

extern const char* const page_html;
extern const char* const page_css;
extern const char* const page_js;

}  // namespace mapwire::render::web_assets
