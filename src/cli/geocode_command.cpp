// `mapwire geocode FILE|-`: every toponym of an article, resolved, as JSON or TSV. Output is
// streamed part by part, so a whole feed in one file stays within bounded memory.
#include <iterator>
#include <map>

#include "cli/detail/commands.hpp"
#include "cli/detail/ndjson.hpp"
#include "cli/detail/place_json.hpp"
#include "geoparse/geoparser.hpp"
#include "json/writer.hpp"

namespace mapwire::cli::detail {
namespace {

void write_mention(json::Writer& w, const gazetteer::Gazetteer& gaz, const geoparse::Mention& m) {
    w.begin_object();
    w.key("text");
    w.string(m.text);
    w.key("start");
    w.value(m.start);
    w.key("end");
    w.value(m.end);
    w.key("role");
    w.string(geoparse::to_string(m.role));
    w.key("place");
    if (m.place) {
        write_place(w, gaz, *m.place, false);
        w.key("resolution");
        w.string(geoparse::to_string(m.resolution));
    } else {
        w.null();
    }
    w.key("confidence");
    w.number(m.confidence);
    w.key("candidates");
    w.value(m.candidates);
    w.end_object();
}

void write_strings(json::Writer& w, const std::vector<std::string>& strings) {
    w.begin_array();
    for (const auto& s : strings) w.string(s);
    w.end_array();
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

// One article of a stream: its mentions, focus and warnings, as result fields.
void stream_result(const gazetteer::Gazetteer& gaz, const geoparse::Geoparser& parser,
                   const StreamArticle& a, ResultFields& fields) {
    std::map<std::string, std::size_t> votes;
    std::vector<std::string> warnings;
    json::Writer& w = fields.field("mentions");
    w.begin_array();
    parser.parse_parts(
        a.text, "line " + std::to_string(a.line), [&](geoparse::GeoparseResult&& part) {
            if (!part.focus_country.empty()) ++votes[part.focus_country];
            std::move(part.warnings.begin(), part.warnings.end(), std::back_inserter(warnings));
            for (const auto& m : part.mentions) write_mention(w, gaz, m);
        });
    w.end_array();
    fields.field("focus_country").string_or_null(focus_of(votes));
    write_strings(fields.field("warnings"), warnings);
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
                    fail_if_any(run_stream(*in, ctx.out, opts->jobs,
                                           [&](const StreamArticle& a, ResultFields& f) {
                                               stream_result(gaz, parser, a, f);
                                           }));
                    return;
                }
                const std::string text = read_input(opts->input);
                const bool tsv = opts->format == "tsv";
                std::map<std::string, std::size_t> focus_votes;
                std::vector<std::string> warnings;
                bool first = true;
                json::Writer w;  // one mention at a time
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
                        w.clear();
                        write_mention(w, gaz, m);
                        ctx.out << (first ? "\n    " : ",\n    ") << w.str();
                        first = false;
                    }
                });
                if (tsv) return;
                ctx.out << (first ? "],\n" : "\n  ],\n") << "  \"warnings\": ";
                w.clear();
                write_strings(w, warnings);
                ctx.out << w.str() << ",\n  \"focus_country\": ";
                w.clear();
                w.string_or_null(focus_of(focus_votes));
                ctx.out << w.str();
                if (!opts->date.empty()) {
                    w.clear();
                    w.string(opts->date);
                    ctx.out << ",\n  \"date\": " << w.str();
                }
                ctx.out << "\n}\n";
            }};
}

}  // namespace mapwire::cli::detail
