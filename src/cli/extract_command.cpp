// `mapwire extract FILE`: events and territory figures as JSON; with --geojson DIR, also the
// GeoJSON layers events, places and figures. In the GIS plugin (a control layer is read with
// GDAL); the options are in gis_commands.cpp.
#include "cli/detail/gis_plugin.hpp"
#include "cli/detail/ndjson.hpp"
#include "cli/detail/place_json.hpp"
#include "events/extractor.hpp"
#include "export/extraction_json.hpp"
#include "export/geojson.hpp"
#include "json/writer.hpp"

namespace mapwire::cli::detail {

void run_extract(const ExtractArgs& args, Context& ctx) {
    const auto gaz = open_gazetteer(ctx);
    geoparse::Geoparser parser(gaz, geoparse::Lexicon::load(dataset_dir(ctx) + "/lexicon.txt"));
    const std::string gpkg = dataset_dir(ctx) + "/mapwire.gpkg";
    events::Extractor extractor(gaz, parser, gpkg);
    // Places written as lookup and geocode write them.
    const exporter::PlaceWriter place = [&](json::Writer& w, const gazetteer::Place& p, bool full) {
        write_place(w, gaz, p, full);
    };
    if (args.ndjson) {
        if (!args.geojson.empty())
            throw Error("--geojson writes the layers of one article", ExitCode::usage,
                        "leave it out with --ndjson: each line's result holds its events");
        const auto in = open_stream(args.input);
        fail_if_any(
            run_stream(*in, ctx.out, args.jobs, [&](const StreamArticle& a, ResultFields& fields) {
                const auto x = extractor.extract(a.text, "line " + std::to_string(a.line),
                                                 {a.date, args.control});
                exporter::write_extraction_fields(x, place,
                                                  [&](std::string_view name) -> json::Writer& {
                                                      return fields.field(std::string(name));
                                                  });
            }));
        return;
    }
    const std::string text = read_input(args.input);
    const auto x = extractor.extract(text, args.input, {args.date, args.control});
    if (!args.geojson.empty()) exporter::write_geojson_layers(x, gaz, gpkg, args.geojson);
    json::Writer w(2);  // as nlohmann's dump(2) printed it
    exporter::write_extraction(w, x, place);
    ctx.out << w.str() << "\n";
}

}  // namespace mapwire::cli::detail
