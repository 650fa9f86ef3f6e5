// Page layout: header, frame, footer, and the compact and beside variants for small maps.
#include "render/page_layout.hpp"

#include <algorithm>
#include <cmath>

#include "render/detail/paint.hpp"

namespace mapwire::render {
namespace {

constexpr double kHeader = 74, kFooter = 26;  // band heights at the least, logical px
constexpr double kMargin = 16;                // left and right of header and footer texts
// Header: padding above the title, between title and subtitle, below the subtitle.
constexpr double kHeaderTop = 12, kTitleGap = 2, kHeaderBottom = 10;
constexpr double kTitleY = 10;         // where the title's box starts
constexpr double kFooterPadding = 12;  // above and below the credits, together
constexpr double kCreditsY = 6;        // from the footer's top
// Phone-sized maps (logical px) are compact; the title shrinks with the width down to 70 %.
constexpr double kCompactWidth = 760, kCompactHeight = 430;
constexpr double kTitleWidth = 900, kMinShrink = 0.7, kMinSubtitleShrink = 0.85;
constexpr double kCalloutWrap = 210, kCalloutWrapShare = 0.3;
// Beside: a landscape compact map, the notes in a column of 36 % of the width.
constexpr double kBesideAspect = 1.25, kColumnShare = 0.36, kMinColumn = 200, kMaxColumn = 300;
constexpr double kNotesPadding = 12;  // left and right inside the column
// Below: the notes take at most 60 % of the body; with the legend they must fit in 55 %.
constexpr double kMaxNotesShare = 0.6, kLegendNotesShare = 0.55, kMinFrameHeight = 60.0;

// The notes of a compact map in a column right of the map.
void lay_out_beside(PageLayout& p, double body, const NotesMeasure& notes) {
    const double column = std::clamp(p.width * kColumnShare, kMinColumn, kMaxColumn);
    p.notes = {p.width - column, p.header, column, body};
    p.figure_below = p.legend_below = true;
    if (notes.notes_height(p.notes_w(), true, true) > body) p.legend_below = false;
    p.frame = {0, p.header, p.width - column, body};
}

// The notes below the map: only on compact maps, the legend among them when it fits.
void lay_out_below(PageLayout& p, double body, const NotesMeasure& notes) {
    double notes_h = 0;
    if (p.compact) {
        p.figure_below = p.legend_below = true;
        if (notes.notes_height(p.notes_w(), true, true) > kLegendNotesShare * body)
            p.legend_below = false;
        notes_h =
            std::min(notes.notes_height(p.notes_w(), true, p.legend_below), kMaxNotesShare * body);
    }
    p.frame = {0, p.header, p.width, std::max(kMinFrameHeight, body - notes_h)};
    p.notes = {0, p.frame.y + p.frame.h, p.width, notes_h};
}

}  // namespace

double PageLayout::notes_x() const {
    return beside ? notes.x + kNotesPadding : kMargin;
}

double PageLayout::notes_w() const {
    return beside ? notes.w - 2 * kNotesPadding : width - 2 * kMargin;
}

PageLayout layout_page(int width, int height, double dpi, const style::Style& st,
                       const PageText& text, const NotesMeasure& notes) {
    PageLayout p;
    p.scale = dpi / 96.0;
    p.width = width / p.scale;
    p.height = height / p.scale;
    p.compact = p.width < kCompactWidth || p.height < kCompactHeight;
    const double shrink = std::clamp(p.width / kTitleWidth, kMinShrink, 1.0);
    p.title_font = detail::font(st, std::round(st.title_size * shrink), true);
    p.subtitle_font =
        detail::font(st, std::round(st.subtitle_size * std::max(shrink, kMinSubtitleShrink)));
    // The header grows with a long (wrapped) title.
    const double text_w = p.width - 2 * kMargin;
    p.title_h = text.title.empty() ? 0 : measure(text.title, p.title_font, text_w).height;
    p.subtitle_h =
        text.subtitle.empty() ? 0 : measure(text.subtitle, p.subtitle_font, text_w).height;
    p.header = std::max(p.compact ? 0.0 : kHeader,
                        kHeaderTop + p.title_h + kTitleGap + p.subtitle_h + kHeaderBottom);
    // The footer wraps the credits rather than cutting them off.
    p.footer = std::max(
        kFooter, measure(text.credits, detail::small_font(st), text_w).height + kFooterPadding);
    p.callout_wrap = std::min(kCalloutWrap, p.width * kCalloutWrapShare);
    // Small maps keep the figure, the key and the legend off the map: in a column beside it
    // when the map is landscape, else below it. The legend goes over the map (a strip along
    // its bottom) when the notes would otherwise take too much of the map's room.
    const double body = p.height - p.header - p.footer;
    p.beside = p.compact && p.width >= kBesideAspect * p.height;
    if (p.beside)
        lay_out_beside(p, body, notes);
    else
        lay_out_below(p, body, notes);
    // A legend strip over the bottom of the map: the extent is fitted above it.
    if (p.legend_strip()) p.fit_bottom = notes.strip_height(p.frame.w);
    return p;
}

void draw_header_footer(Canvas& c, const style::Style& st, const PageLayout& page,
                        const PageText& text, const std::string& credits) {
    const Color band = detail::opaque(st.callout_fill);
    const double text_w = page.width - 2 * kMargin;
    if (!text.transparent) {
        c.fill(rect_path({0, 0, page.width, page.header}), band);
        c.fill(rect_path({0, page.height - page.footer, page.width, page.footer}), band);
    }
    c.text(kMargin, kTitleY, text.title, page.title_font, st.furniture_text, std::nullopt, 0,
           text_w);
    if (!text.subtitle.empty())
        c.text(kMargin, kHeaderTop + page.title_h, text.subtitle, page.subtitle_font,
               st.furniture_muted, std::nullopt, 0, text_w);
    c.text(kMargin, page.height - page.footer + kCreditsY, credits, detail::small_font(st),
           st.furniture_muted, std::nullopt, 0, text_w);
}

void draw_frame(Canvas& c, const style::Style& st, const PageLayout& page) {
    c.stroke(rect_path(page.frame), st.frame, 1);
}

}  // namespace mapwire::render
