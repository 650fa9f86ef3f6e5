// map_article(): the map of an article: geoparse and extract, then draw map.png, map.svg,
// map.pdf, the web map and write the layers, all into one folder; or, as a series, one map per
// located event.
#include <cstdio>
#include <sstream>

#include "pipeline/detail/layers.hpp"
#include "pipeline/detail/staging.hpp"
#include "pipeline/pipeline.hpp"

namespace mapwire::pipeline {
namespace {

// The headline: the first line when it reads as one (no closing full stop, not too long).
std::string headline(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty()) continue;
        if (line.size() < 200 && line.back() != '.') return line;
        return {};
    }
    return {};
}

}  // namespace

using detail::apply_naming;
using detail::prepare_web_map;
using detail::Staging;
using detail::write_layer_files;

ArticleMap map_article(const gazetteer::Gazetteer& gaz, const geoparse::Geoparser& parser,
                       const std::string& dataset, const Article& article,
                       const style::Style& style, render::MapOptions options,
                       const std::string& final_dir, const LayerOutputs& outputs, bool per_event) {
    LayerOutputs layers = outputs;
    const std::string gpkg = dataset + "/mapwire.gpkg";
    layers.geojson =
        prepare_web_map(options, dataset, per_event ? "../events.geojson" : "events.geojson") ||
        layers.geojson;
    events::Extractor extractor(gaz, parser, gpkg);
    const std::string& text = article.text;
    Staging staging(final_dir);
    const std::string& out_dir = staging.dir();
    ArticleMap result;
    result.extraction =
        extractor.extract(text, article.name, {article.date, options.control_layer});
    // Past events the article recalls (background) stay in the extraction, off the map.
    std::erase_if(result.extraction.events, [](const events::Event& e) { return e.background; });
    result.naming = apply_naming(result.extraction, dataset, options);
    const auto& x = result.extraction;
    options.date = x.date;
    if (options.title.empty()) options.title = headline(text);
    if (options.title.empty()) options.title = render::default_title(x);
    if (options.description.empty()) options.description = render::default_description(x, gaz);
    result.description = options.description;
    if (options.subtitle.empty()) {
        options.subtitle = std::to_string(x.events.size()) +
                           (x.events.size() == 1 ? " reported event" : " reported events");
        if (!x.date.empty()) options.subtitle += " · report of " + x.date;
    }
    if (per_event) {
        // A series: each located event on its own map, around its place, in event-NN/.
        int n = 0;
        for (const auto& e : x.events) {
            if (!e.location) continue;
            ++n;
            events::Extraction page = x;
            page.events = {e};
            render::MapOptions o = options;
            const auto& p = *e.location;
            if (!o.extent) o.extent = render::extent_around(p);
            if (p.type == gazetteer::PlaceType::admin1) o.highlight.push_back(std::string(p.id));
            // The date as precisely as the text gives it.
            const std::string& d = e.date.date;
            using enum events::DatePrecision;
            const std::string when = d.empty()                  ? ""
                                     : e.date.precision == day  ? d
                                     : e.date.precision == year ? d.substr(0, 4)
                                                                : "c. " + d.substr(0, 7);
            o.subtitle = std::string(to_string(e.type)) + " · " + std::string(p.name) +
                         (when.empty() ? "" : " · " + when);
            char folder[32];
            std::snprintf(folder, sizeof folder, "/event-%02d", n);
            if (!o.formats.empty()) {
                const auto report = render::render_map(page, gaz, style, gpkg, o, out_dir + folder);
                result.report.files.insert(result.report.files.end(), report.files.begin(),
                                           report.files.end());
            }
        }
        if (n == 0)
            throw MapError("the article has no located event: a series over events makes no map",
                           ExitCode::not_found,
                           "check `mapwire extract` on the article, or map it without 'series'");
    } else if (!options.formats.empty()) {
        result.report = render::render_map(x, gaz, style, gpkg, options, out_dir);
    }
    write_layer_files(x, gaz, gpkg, style, out_dir, layers, result.report.files);
    staging.commit(result.report.files);
    return result;
}

}  // namespace mapwire::pipeline
