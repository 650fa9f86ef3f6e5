// Event and territory-figure extraction from an article, on top of the geoparser.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events/event.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geoparse/geoparser.hpp"

namespace mapwire::events {

class ExtractError : public ErrorKind<ExtractError> {
public:
    using ErrorKind::ErrorKind;
};

struct ExtractOptions {
    std::string date;           // publication date YYYY-MM-DD; else a date found in the text
    std::string control_layer;  // a control-area layer in any vector format GDAL reads, or ""
};

struct Extraction {
    std::string date;  // the reference date used ("" when none was known)
    std::vector<Event> events;
    std::vector<TerritoryFigure> figures;
    geoparse::GeoparseResult places;
    std::vector<std::string> warnings;
};

class Extractor {
public:
    // `geopackage` is the dataset's mapwire.gpkg, read for territory geometry when a control
    // layer is given.
    Extractor(const gazetteer::Gazetteer& gazetteer, const geoparse::Geoparser& parser,
              std::string geopackage);

    // Throws ExtractError for a malformed --date and geometry/IO errors naming the control layer.
    Extraction extract(std::string_view text, const std::string& source,
                       const ExtractOptions& options) const;

private:
    const gazetteer::Gazetteer& gazetteer_;
    const geoparse::Geoparser& parser_;
    std::string geopackage_;
};

// Measures territory figures against a control-area layer (area, share, differences).
void measure_figures(std::vector<TerritoryFigure>& figures, const std::string& control_layer,
                     const std::string& geopackage);

}  // namespace mapwire::events
