// `mapwire lookup NAME`: ranked gazetteer candidates as a table or as the JSON contract.
#include <cmath>
#include <iomanip>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/detail/commands.hpp"
#include "cli/detail/place_json.hpp"
#include "gazetteer/gazetteer.hpp"

namespace mapwire::cli::detail {
namespace {

nlohmann::ordered_json candidate_json(const gazetteer::Gazetteer& gaz,
                                      const gazetteer::Candidate& c) {
    auto j = place_json(gaz, c.place, true);
    j["score"] = round_to(c.score, 3);
    return j;
}

}  // namespace

Command add_lookup_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::string name, country, type, format = "table";
        std::size_t limit = 10;
    };
    auto opts = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("lookup", "Find places by name, best candidates first");
    cmd->add_option("NAME", opts->name, "Place name, in any common spelling or script")->required();
    cmd->add_option("--country", opts->country, "Only places in this country (ISO 3166-1 alpha-2)");
    cmd->add_option("--type", opts->type, "Only places of this type")
        ->check(CLI::IsMember({"admin0", "admin1", "admin2", "place", "region"}));
    cmd->add_option("--format", opts->format, "Output format")
        ->check(CLI::IsMember({"table", "json"}));
    cmd->add_option("--limit", opts->limit, "Most candidates to list")->check(CLI::Range(1, 1000));

    return {cmd, [opts, &ctx] {
                const std::string dir = dataset_dir(ctx);
                const auto gaz = gazetteer::Gazetteer::open(dir + "/gazetteer.idx");
                gazetteer::LookupOptions lo;
                for (char c : opts->country)
                    lo.country.push_back(
                        static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
                if (!opts->type.empty()) lo.type = gazetteer::parse_place_type(opts->type);
                lo.limit = opts->limit;
                const auto candidates = gaz.lookup(opts->name, lo);

                if (candidates.empty()) {
                    if (opts->format == "json") ctx.out << "[]\n";
                    std::string hint;
                    for (const auto& s : gaz.suggestions(opts->name))
                        hint += (hint.empty() ? "" : "; ") + s.display();
                    throw std::move(
                        Error("no place matches this name", ExitCode::not_found,
                              hint.empty() ? "check the spelling, or drop --country/--type filters"
                                           : "did you mean: " + hint + "?")
                            .with_value(opts->name));
                }
                if (opts->format == "json") {
                    auto list = nlohmann::ordered_json::array();
                    for (const auto& c : candidates) list.push_back(candidate_json(gaz, c));
                    ctx.out << list.dump(2) << "\n";
                    return;
                }
                ctx.out << std::left << std::setw(4) << "#" << std::setw(7) << "score"
                        << std::setw(24) << "id" << std::setw(30) << "name" << std::setw(8)
                        << "type" << std::setw(8) << "country" << std::setw(26) << "admin1"
                        << std::setw(20) << "lat,lon"
                        << "population\n";
                int rank = 0;
                for (const auto& c : candidates) {
                    const auto& p = c.place;
                    std::ostringstream pos, score;
                    pos << std::fixed << std::setprecision(4) << p.lat << "," << p.lon;
                    score << std::fixed << std::setprecision(3) << c.score;
                    const std::string admin1 =
                        p.admin1 >= 0
                            ? std::string(gaz.place(static_cast<std::uint32_t>(p.admin1)).name)
                            : "";
                    ctx.out << std::left << std::setw(4) << ++rank << std::setw(7) << score.str()
                            << std::setw(24) << p.id << std::setw(30) << p.name << std::setw(8)
                            << gazetteer::to_string(p.type) << std::setw(8) << p.country
                            << std::setw(26) << admin1 << std::setw(20) << pos.str() << p.population
                            << "\n";
                }
            }};
}

}  // namespace mapwire::cli::detail
