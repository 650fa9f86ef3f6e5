// Event and territory-figure extraction: the geoparser's places, then the event coder's
// stages (src/events/detail/coder.cpp) and the territory figures. See docs/events.md.
#include "events/extractor.hpp"

#include <iterator>
#include <map>

#include "events/detail/coder.hpp"
#include "events/detail/dates.hpp"
#include "events/detail/merge.hpp"
#include "text/tokenize.hpp"
#include "text/utf8.hpp"

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

std::string_view to_string(DatePrecision p) {
    switch (p) {
        case DatePrecision::none:
            return "";
        case DatePrecision::day:
            return "day";
        case DatePrecision::week:
            return "week";
        case DatePrecision::month:
            return "month";
        case DatePrecision::year:
            return "year";
        case DatePrecision::approximate:
            return "approximate";
    }
    return "";
}

std::optional<DatePrecision> parse_date_precision(std::string_view word) {
    for (auto p : {DatePrecision::none, DatePrecision::day, DatePrecision::week,
                   DatePrecision::month, DatePrecision::year, DatePrecision::approximate})
        if (to_string(p) == word) return p;
    return std::nullopt;
}

int acled_code(GeoPrecision p) {
    return static_cast<int>(p);
}

std::optional<GeoPrecision> geo_precision_from_acled(std::int64_t code) {
    if (code < 1 || code > 3) return std::nullopt;
    return static_cast<GeoPrecision>(code);
}

int EventDate::time_precision() const {
    if (precision == DatePrecision::day) return 1;
    if (precision == DatePrecision::week) return 2;
    return 3;
}

Extractor::Extractor(const gazetteer::Gazetteer& gazetteer, const geoparse::Geoparser& parser,
                     std::string geopackage)
    : gazetteer_(gazetteer), parser_(parser), geopackage_(std::move(geopackage)) {}

// `tokens`: text::tokenize(text), the geoparser's (TextPart::tokens), which the event coder
// shares, so that a part is tokenized once.
std::vector<TerritoryFigure> find_figures(const gazetteer::Gazetteer& gaz, std::string_view text,
                                          const std::vector<text::Token>& tokens,
                                          const geoparse::GeoparseResult& places);

namespace {

// The focus country's record, an event's last resort for a location: the country of a place
// the text names there as a location (itself, or its parent). Not a country named only by a
// nationality or as an actor: "an Israeli drone strike near Ainata (Bint Jbeil)" happened in
// Lebanon, whatever the gazetteer lacks. Found from the mention, not by id: find_id builds its
// index of every id on first use, which took a tenth of a one-article run.
std::optional<gazetteer::Place> focus_place(const gazetteer::Gazetteer& g,
                                            const geoparse::GeoparseResult& places) {
    const std::string id = "country:" + places.focus_country;
    for (const auto& m : places.mentions) {
        if (!m.place || m.role != geoparse::Role::location ||
            m.place->country != places.focus_country)
            continue;
        if (m.place->id == id) return m.place;
        if (m.place->parent_country < 0) continue;
        gazetteer::Place country = g.place(static_cast<std::uint32_t>(m.place->parent_country));
        if (country.id == id) return country;
    }
    return std::nullopt;
}

std::optional<detail::Day> reference_day(std::string_view text, const ExtractOptions& options,
                                         std::vector<std::string>& warnings) {
    if (!options.date.empty()) {
        auto day = detail::parse_iso_day(options.date);
        if (!day)
            throw std::move(ExtractError("not a date in YYYY-MM-DD form", ExitCode::usage,
                                         "for example --date 2025-04-09")
                                .with_key("--date")
                                .with_value(options.date));
        return day;
    }
    // A dateline or an ISO date in the text ("2025-04-09").
    for (std::size_t i = 0; i + 10 <= text.size(); ++i)
        if (text[i] >= '1' && text[i] <= '2')
            if (auto day = detail::parse_iso_day(text.substr(i, 10))) return day;
    warnings.push_back(
        "no publication date: relative dates (\"on Monday\") are left unresolved; pass --date");
    return std::nullopt;
}

}  // namespace

Extraction Extractor::extract(std::string_view text, const std::string& source,
                              const ExtractOptions& options) const {
    Extraction x;
    text::require_utf8(text, source);
    const auto reference = reference_day(text, options, x.warnings);
    if (reference) x.date = detail::to_iso(*reference);
    // A long text is coded part by part as the geoparser cuts it (about 1 MiB at paragraph
    // breaks), so that the coder's token tables stay bounded; reports of one event in two
    // parts merge afterwards, and each part keeps its own focus country.
    std::map<std::string, std::size_t> focus_votes;
    std::size_t parts = 0, paragraph_offset = 0;
    parser_.parse_each_part(
        text, source, [&](const geoparse::TextPart& part, geoparse::GeoparseResult&& places) {
            ++parts;
            std::optional<gazetteer::Place> focus;
            if (!places.focus_country.empty()) {
                ++focus_votes[places.focus_country];
                focus = focus_place(gazetteer_, places);
            }
            std::size_t paragraphs = 0;
            const detail::Document doc(part.text, part.tokens, places, detail::tables());
            for (auto& e : detail::code_events(doc, gazetteer_, reference, focus)) {
                e.start += part.cp_offset;
                e.end += part.cp_offset;
                paragraphs = std::max(paragraphs, e.paragraph + 1);
                e.paragraph += paragraph_offset;
                x.events.push_back(std::move(e));
            }
            paragraph_offset += paragraphs;
            for (auto& f : find_figures(gazetteer_, part.text, doc.tokens(), places)) {
                f.start += part.cp_offset;
                f.end += part.cp_offset;
                f.id = "f" + std::to_string(x.figures.size() + 1);
                x.figures.push_back(std::move(f));
            }
            part.to_whole_text(places);
            std::move(places.mentions.begin(), places.mentions.end(),
                      std::back_inserter(x.places.mentions));
            std::move(places.warnings.begin(), places.warnings.end(),
                      std::back_inserter(x.places.warnings));
        });
    // Repeated reports across parts merge; combining kinds of report stays within a part's
    // paragraphs (done by code_events), as no paragraph spans two parts.
    if (parts > 1) x.events = detail::merge_reports(std::move(x.events));
    detail::number_events(x.events, reference);
    std::size_t best = 0;
    for (const auto& [country, votes] : focus_votes)
        if (votes > best) {
            best = votes;
            x.places.focus_country = country;
        }
    if (!options.control_layer.empty())
        measure_figures(x.figures, options.control_layer, geopackage_);
    for (const auto& m : x.places.mentions)
        if (!m.place)
            x.warnings.push_back("unresolved place '" + m.text + "' at " + std::to_string(m.start));
    return x;
}

}  // namespace mapwire::events
