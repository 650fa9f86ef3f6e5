// `mapwire geocode FILE|-`: every toponym of an article, resolved, as JSON or TSV.
#include <iomanip>

#include <nlohmann/json.hpp>

#include "cli/detail/commands.hpp"
#include "cli/detail/place_json.hpp"
#include "geoparse/geoparser.hpp"

namespace mapwire::cli::detail {

Command add_geocode_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::string input, date, format = "json";
    };
    auto opts = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("geocode", "Find and resolve the places an article names");
    cmd->add_option("FILE", opts->input, "Article as UTF-8 text, or - for standard input")
        ->required();
    cmd->add_option("--date", opts->date,
                    "Publication date (YYYY-MM-DD), reported with the result");
    cmd->add_option("--format", opts->format, "Output format")
        ->check(CLI::IsMember({"json", "tsv"}));
    return {
        cmd, [opts, &ctx] {
            const auto gaz = open_gazetteer(ctx);
            geoparse::Geoparser parser(gaz,
                                       geoparse::Lexicon::load(dataset_dir(ctx) + "/lexicon.txt"));
            const std::string text = read_input(opts->input);
            const auto result = parser.parse(text, opts->input);
            if (opts->format == "tsv") {
                ctx.out << "text\tstart\tend\trole\tplace_"
                           "id\tname\ttype\tcountry\tadmin1\tlat\tlon\tconfidence\n";
                for (const auto& m : result.mentions) {
                    ctx.out << m.text << '\t' << m.start << '\t' << m.end << '\t'
                            << geoparse::to_string(m.role);
                    if (m.place) {
                        const auto& p = *m.place;
                        const std::string admin1 =
                            p.admin1 >= 0
                                ? std::string(gaz.place(static_cast<std::uint32_t>(p.admin1)).name)
                                : "";
                        ctx.out << '\t' << p.id << '\t' << p.name << '\t'
                                << gazetteer::to_string(p.type) << '\t' << p.country << '\t'
                                << admin1 << '\t' << round_to(p.lat, 5) << '\t'
                                << round_to(p.lon, 5);
                    } else {
                        ctx.out << "\t\t\t\t\t\t\t";
                    }
                    ctx.out << '\t' << m.confidence << '\n';
                }
                return;
            }
            nlohmann::ordered_json j;
            auto mentions = nlohmann::ordered_json::array();
            for (const auto& m : result.mentions) {
                nlohmann::ordered_json x;
                x["text"] = m.text;
                x["start"] = m.start;
                x["end"] = m.end;
                x["role"] = geoparse::to_string(m.role);
                x["place"] =
                    m.place ? place_json(gaz, *m.place, false) : nlohmann::ordered_json(nullptr);
                x["confidence"] = m.confidence;
                x["candidates"] = m.candidates;
                mentions.push_back(std::move(x));
            }
            j["mentions"] = std::move(mentions);
            j["warnings"] = result.warnings;
            j["focus_country"] = result.focus_country.empty()
                                     ? nlohmann::ordered_json(nullptr)
                                     : nlohmann::ordered_json(result.focus_country);
            if (!opts->date.empty()) j["date"] = opts->date;
            ctx.out << j.dump(2) << "\n";
        }};
}

}  // namespace mapwire::cli::detail
