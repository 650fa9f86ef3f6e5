// Event and territory-figure extraction: the geoparser's places, then the event coder's
// stages (src/events/detail/coder.cpp) and the territory figures. See docs/events.md.
#include "events/extractor.hpp"

#include "events/detail/coder.hpp"
#include "events/detail/dates.hpp"

namespace mapwire::events {

std::string_view to_string(Reporting r) {
    switch (r) {
        case Reporting::fact:
            return "fact";
        case Reporting::claim:
            return "claim";
        case Reporting::allegation:
            return "allegation";
    }
    return "fact";
}

int EventDate::time_precision() const {
    if (precision == "day") return 1;
    if (precision == "week") return 2;
    return 3;
}

Extractor::Extractor(const gazetteer::Gazetteer& gazetteer, const geoparse::Geoparser& parser,
                     std::string geopackage)
    : gazetteer_(gazetteer), parser_(parser), geopackage_(std::move(geopackage)) {}

std::vector<TerritoryFigure> find_figures(const gazetteer::Gazetteer& gaz, std::string_view text,
                                          const geoparse::GeoparseResult& places);

Extraction Extractor::extract(std::string_view text, const std::string& source,
                              const ExtractOptions& options) const {
    Extraction x;
    x.places = parser_.parse(text, source);
    std::optional<detail::Day> reference;
    if (!options.date.empty()) {
        reference = detail::parse_iso_day(options.date);
        if (!reference)
            throw std::move(ExtractError("not a date in YYYY-MM-DD form", ExitCode::usage,
                                         "for example --date 2025-04-09")
                                .with_key("--date")
                                .with_value(options.date));
    } else {
        // A dateline or an ISO date in the text ("2025-04-09").
        for (std::size_t i = 0; i + 10 <= text.size() && !reference; ++i)
            if (text[i] >= '1' && text[i] <= '2')
                reference = detail::parse_iso_day(text.substr(i, 10));
        if (!reference)
            x.warnings.push_back(
                "no publication date: relative dates (\"on Monday\") are left unresolved; pass "
                "--date");
    }
    if (reference) x.date = detail::to_iso(*reference);
    std::optional<gazetteer::Place> focus;
    if (!x.places.focus_country.empty())
        focus = gazetteer_.find_id("country:" + x.places.focus_country);
    const detail::Document doc(text, x.places, detail::tables());
    x.events = detail::code_events(doc, gazetteer_, reference, focus);
    x.figures = find_figures(gazetteer_, text, x.places);
    if (!options.control_layer.empty())
        measure_figures(x.figures, options.control_layer, geopackage_);
    for (const auto& m : x.places.mentions)
        if (!m.place)
            x.warnings.push_back("unresolved place '" + m.text + "' at " + std::to_string(m.start));
    return x;
}

}  // namespace mapwire::events
