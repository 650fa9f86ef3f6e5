// `mapwire geocode FILE|-`: every toponym of an article, resolved, as JSON or TSV. Output is
// streamed part by part, so a whole feed in one file stays within bounded memory.
#include <iterator>
#include <map>

#include <nlohmann/json.hpp>

#include "cli/detail/commands.hpp"
#include "cli/detail/ndjson.hpp"
#include "cli/detail/place_json.hpp"
#include "geoparse/geoparser.hpp"

namespace mapwire::cli::detail {
namespace {

nlohmann::ordered_json mention_json(const gazetteer::Gazetteer& gaz, const geoparse::Mention& m) {
    nlohmann::ordered_json x;
    x["text"] = m.text;
    x["start"] = m.start;
    x["end"] = m.end;
    x["role"] = geoparse::to_string(m.role);
    x["place"] = m.place ? place_json(gaz, *m.place, false) : nlohmann::ordered_json(nullptr);
    if (m.place) x["resolution"] = geoparse::to_string(m.resolution);
    x["confidence"] = m.confidence;
    x["candidates"] = m.candidates;
    return x;
}

void write_tsv_row(std::ostream& out, const gazetteer::Gazetteer& gaz, const geoparse::Mention& m) {
    out << m.text << '\t' << m.start << '\t' << m.end << '\t' << geoparse::to_string(m.role);
    if (m.place) {
        const auto& p = *m.place;
        const std::string admin1 =
            p.admin1 >= 0 ? std::string(gaz.place(static_cast<std::uint32_t>(p.admin1)).name) : "";
        out << '\t' << p.id << '\t' << p.name << '\t' << gazetteer::to_string(p.type) << '\t'
            << p.country << '\t' << admin1 << '\t' << round_to(p.lat, 5) << '\t'
            << round_to(p.lon, 5);
    } else {
        out << "\t\t\t\t\t\t\t";
    }
    out << '\t' << m.confidence << '\n';
}

// The most voted focus country of a text's parts, "" when none.
std::string focus_of(const std::map<std::string, std::size_t>& votes) {
    std::string focus;
    std::size_t best = 0;
    for (const auto& [country, n] : votes)
        if (n > best) {
            best = n;
            focus = country;
        }
    return focus;
}

// One article of a stream: its mentions, focus and warnings, as one JSON object.
nlohmann::ordered_json stream_result(const gazetteer::Gazetteer& gaz,
                                     const geoparse::Geoparser& parser, const StreamArticle& a) {
    auto mentions = nlohmann::ordered_json::array();
    std::map<std::string, std::size_t> votes;
    std::vector<std::string> warnings;
    parser.parse_parts(
        a.text, "line " + std::to_string(a.line), [&](geoparse::GeoparseResult&& part) {
            if (!part.focus_country.empty()) ++votes[part.focus_country];
            std::move(part.warnings.begin(), part.warnings.end(), std::back_inserter(warnings));
            for (const auto& m : part.mentions) mentions.push_back(mention_json(gaz, m));
        });
    nlohmann::ordered_json r;
    r["mentions"] = std::move(mentions);
    const std::string focus = focus_of(votes);
    r["focus_country"] =
        focus.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(focus);
    r["warnings"] = warnings;
    return r;
}

}  // namespace

Command add_geocode_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::string input, date, format = "json";
        bool ndjson = false;
        unsigned jobs = 1;
    };
    auto opts = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("geocode", "Find and resolve the places an article names");
    cmd->add_option("FILE", opts->input, "Article as UTF-8 text, or - for standard input")
        ->required();
    cmd->add_option("--date", opts->date,
                    "Publication date (YYYY-MM-DD), reported with the result");
    cmd->add_option("--format", opts->format, "Output format")
        ->check(CLI::IsMember({"json", "tsv"}));
    cmd->add_flag("--ndjson", opts->ndjson,
                  "FILE is a stream: one {\"id\", \"text\", \"date\"} object per line in, one "
                  "result per line out, in order");
    cmd->add_option("--jobs", opts->jobs, "Threads for --ndjson (same output order)")
        ->check(CLI::Range(1u, 256u));
    return {cmd, [opts, &ctx] {
                const auto gaz = open_gazetteer(ctx);
                geoparse::Geoparser parser(
                    gaz, geoparse::Lexicon::load(dataset_dir(ctx) + "/lexicon.txt"));
                if (opts->ndjson) {
                    const auto in = open_stream(opts->input);
                    fail_if_any(run_stream(*in, ctx.out, opts->jobs, [&](const StreamArticle& a) {
                        return stream_result(gaz, parser, a);
                    }));
                    return;
                }
                const std::string text = read_input(opts->input);
                const bool tsv = opts->format == "tsv";
                std::map<std::string, std::size_t> focus_votes;
                std::vector<std::string> warnings;
                bool first = true;
                if (tsv)
                    ctx.out << "text\tstart\tend\trole\tplace_"
                               "id\tname\ttype\tcountry\tadmin1\tlat\tlon\tconfidence\n";
                else
                    ctx.out << "{\n  \"mentions\": [";
                parser.parse_parts(text, opts->input, [&](geoparse::GeoparseResult&& part) {
                    if (!part.focus_country.empty()) ++focus_votes[part.focus_country];
                    std::move(part.warnings.begin(), part.warnings.end(),
                              std::back_inserter(warnings));
                    for (const auto& m : part.mentions) {
                        if (tsv) {
                            write_tsv_row(ctx.out, gaz, m);
                            continue;
                        }
                        ctx.out << (first ? "\n    " : ",\n    ") << mention_json(gaz, m).dump();
                        first = false;
                    }
                });
                if (tsv) return;
                const std::string focus = focus_of(focus_votes);
                ctx.out << (first ? "],\n" : "\n  ],\n")
                        << "  \"warnings\": " << nlohmann::json(warnings).dump()
                        << ",\n  \"focus_country\": "
                        << (focus.empty() ? nlohmann::json(nullptr) : nlohmann::json(focus)).dump();
                if (!opts->date.empty())
                    ctx.out << ",\n  \"date\": " << nlohmann::json(opts->date).dump();
                ctx.out << "\n}\n";
            }};
}

}  // namespace mapwire::cli::detail
