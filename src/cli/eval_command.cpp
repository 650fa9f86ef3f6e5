// `mapwire eval CORPUS.json`: geotagging precision/recall/F1 and geocoding accuracy@161km on
// an annotated corpus (tests/data/corpus/corpus.json is the project's own).
#include <iomanip>

#include <nlohmann/json.hpp>

#include "cli/detail/commands.hpp"
#include "geoparse/evaluation.hpp"
#include "text/utf8.hpp"

namespace mapwire::cli::detail {
namespace {

std::vector<geoparse::GoldDocument> read_corpus(const std::string& path) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(read_input(path));
    } catch (const nlohmann::json::exception& e) {
        throw std::move(Error(std::string("not valid JSON: ") + e.what()).in_file(path));
    }
    std::vector<geoparse::GoldDocument> docs;
    const auto& list = j.at("documents");
    for (std::size_t d = 0; d < list.size(); ++d) {
        const auto& jd = list[d];
        geoparse::GoldDocument doc;
        doc.id = jd.value("id", "document " + std::to_string(d));
        doc.text = jd.at("text").get<std::string>();
        std::size_t cursor = 0;  // gold mentions are listed in text order
        for (const auto& jm : jd.at("mentions")) {
            geoparse::GoldMention g;
            g.text = jm.at("text").get<std::string>();
            const auto at = doc.text.find(g.text, cursor);
            if (at == std::string::npos)
                throw std::move(Error("gold mention '" + g.text +
                                      "' not found in the text after byte " +
                                      std::to_string(cursor))
                                    .in_file(path)
                                    .with_feature(doc.id));
            g.start = text::count_code_points(std::string_view(doc.text).substr(0, at));
            g.end = g.start + text::count_code_points(g.text);
            cursor = at + g.text.size();
            const std::string role = jm.value("role", "location");
            g.role = role == "metonym"   ? geoparse::Role::metonym
                     : role == "demonym" ? geoparse::Role::demonym
                     : role == "other"   ? geoparse::Role::other
                                         : geoparse::Role::location;
            const auto& place = jm.at("place");
            if (place.is_string())
                g.id = place.get<std::string>();
            else if (place.is_object())
                g.point =
                    std::make_pair(place.at("lat").get<double>(), place.at("lon").get<double>());
            doc.mentions.push_back(std::move(g));
        }
        docs.push_back(std::move(doc));
    }
    return docs;
}

}  // namespace

Command add_eval_command(CLI::App& app, Context& ctx) {
    struct Options {
        std::string corpus, format = "text";
        bool verbose = false;
    };
    auto opts = std::make_shared<Options>();
    CLI::App* cmd =
        app.add_subcommand("eval", "Score geotagging and geocoding on an annotated corpus");
    cmd->add_option("CORPUS", opts->corpus, "Corpus JSON (see tests/data/corpus/corpus.json)")
        ->required();
    cmd->add_option("--format", opts->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag("--verbose", opts->verbose, "List every miss, false alarm and wrong place");
    return {cmd, [opts, &ctx] {
                const auto gaz = open_gazetteer(ctx);
                geoparse::Geoparser parser(
                    gaz, geoparse::Lexicon::load(dataset_dir(ctx) + "/lexicon.txt"));
                const auto docs = read_corpus(opts->corpus);
                const auto e = geoparse::evaluate(parser, gaz, docs);
                if (opts->format == "json") {
                    nlohmann::ordered_json j;
                    j["documents"] = docs.size();
                    j["gold"] = e.gold;
                    j["predicted"] = e.predicted;
                    j["matched"] = e.matched;
                    j["precision"] = e.precision();
                    j["recall"] = e.recall();
                    j["f1"] = e.f1();
                    j["accuracy_161km"] = e.accuracy_161km();
                    j["role_accuracy"] = e.role_accuracy();
                    j["errors"] = e.errors;
                    ctx.out << j.dump(2) << "\n";
                    return;
                }
                ctx.out << std::fixed << std::setprecision(3) << "documents      " << docs.size()
                        << "\n"
                        << "toponyms       gold " << e.gold << ", found " << e.predicted
                        << ", matched " << e.matched << "\nprecision      " << e.precision()
                        << "\nrecall         " << e.recall() << "\nF1             " << e.f1()
                        << "\naccuracy@161km " << e.accuracy_161km() << " (" << e.geocoded_right
                        << "/" << e.geocoded << ")\nrole accuracy  " << e.role_accuracy() << "\n";
                if (opts->verbose)
                    for (const auto& err : e.errors) ctx.out << "  " << err << "\n";
            }};
}

}  // namespace mapwire::cli::detail
