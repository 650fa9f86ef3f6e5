// `mapwire eval CORPUS.json`: geotagging precision/recall/F1, geocoding accuracy@161km and
// event extraction scores on an annotated corpus (tests/data/corpus/corpus.json is ours). In the
// GIS plugin with the event coder; the options are in gis_commands.cpp.
#include <iomanip>

#include <nlohmann/json.hpp>

#include "cli/detail/gis_plugin.hpp"
#include "events/evaluation.hpp"
#include "events/extractor.hpp"
#include "geoparse/evaluation.hpp"
#include "text/utf8.hpp"

namespace mapwire::cli::detail {
namespace {

struct CorpusDocument {
    geoparse::GoldDocument gold;
    std::string date;
    std::vector<events::GoldEvent> events;
};

// A gold event's ACLED code at `key` ("type", "sub_type"), read by `parse`; an unknown name is
// an error naming it.
template <class Code>
Code gold_code(const nlohmann::json& je, const std::string& key,
               std::optional<Code> (*parse)(std::string_view), const std::string& path,
               const std::string& doc) {
    const std::string name = je.at(key).get<std::string>();
    if (const auto code = parse(name)) return *code;
    throw std::move(Error("not an ACLED " + std::string(key == "type" ? "event" : "sub-event") +
                          " type, as ACLED spells them")
                        .in_file(path)
                        .with_feature(doc)
                        .with_key("events." + key)
                        .with_value(name));
}

std::vector<CorpusDocument> read_corpus(const std::string& path, const gazetteer::Gazetteer& gaz) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(read_input(path));
    } catch (const nlohmann::json::exception& e) {
        throw std::move(Error(std::string("not valid JSON: ") + e.what()).in_file(path));
    }
    std::vector<CorpusDocument> docs;
    const auto& list = j.at("documents");
    for (std::size_t d = 0; d < list.size(); ++d) {
        const auto& jd = list[d];
        CorpusDocument cd;
        geoparse::GoldDocument& doc = cd.gold;
        doc.id = jd.value("id", "document " + std::to_string(d));
        doc.text = jd.at("text").get<std::string>();
        cd.date = jd.value("date", "");
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
        for (const auto& je : jd.value("events", nlohmann::json::array())) {
            events::GoldEvent e{
                gold_code(je, "type", &events::parse_event_type, path, doc.id),
                gold_code(je, "sub_type", &events::parse_sub_event_type, path, doc.id), 0, 0,
                je.at("location")};
            // The location is the text of a gold toponym: its point, or its gazetteer place's.
            bool located = false;
            for (const auto& m : doc.mentions) {
                if (m.text != e.location || located) continue;
                if (m.point)
                    std::tie(e.lat, e.lon) = *m.point;
                else if (m.id)
                    if (auto p = gaz.find_id(*m.id))
                        std::tie(e.lat, e.lon) = std::make_pair(p->lat, p->lon);
                located = m.point || m.id;
            }
            if (!located)
                throw std::move(
                    Error("event location '" + e.location + "' is not a gold toponym with a place")
                        .in_file(path)
                        .with_feature(doc.id));
            cd.events.push_back(std::move(e));
        }
        docs.push_back(std::move(cd));
    }
    return docs;
}

}  // namespace

void run_eval(const EvalArgs& args, Context& ctx) {
    const auto gaz = open_gazetteer(ctx);
    geoparse::Geoparser parser(gaz, geoparse::Lexicon::load(dataset_dir(ctx) + "/lexicon.txt"));
    const auto docs = read_corpus(args.corpus, gaz);
    std::vector<geoparse::GoldDocument> gold;
    for (const auto& d : docs) gold.push_back(d.gold);
    const auto e = geoparse::evaluate(parser, gaz, gold);
    events::Extractor extractor(gaz, parser, dataset_dir(ctx) + "/mapwire.gpkg");
    events::EventScore ev;
    for (const auto& d : docs) {
        const auto x = extractor.extract(d.gold.text, d.gold.id, {d.date, {}});
        ev.add(events::score_events(d.gold.id, x.events, d.events));
    }
    if (args.format == "json") {
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
        j["events"] = {{"gold", ev.gold},
                       {"predicted", ev.predicted},
                       {"matched", ev.matched},
                       {"type_matched", ev.type_matched},
                       {"precision", ev.precision()},
                       {"recall", ev.recall()},
                       {"f1", ev.f1()}};
        j["errors"] = e.errors;
        j["event_errors"] = ev.errors;
        ctx.out << j.dump(2) << "\n";
        return;
    }
    ctx.out << std::fixed << std::setprecision(3) << "documents      " << docs.size() << "\n"
            << "toponyms       gold " << e.gold << ", found " << e.predicted << ", matched "
            << e.matched << "\nprecision      " << e.precision() << "\nrecall         "
            << e.recall() << "\nF1             " << e.f1() << "\naccuracy@161km "
            << e.accuracy_161km() << " (" << e.geocoded_right << "/" << e.geocoded
            << ")\nrole accuracy  " << e.role_accuracy() << "\nevents         gold " << ev.gold
            << ", found " << ev.predicted << ", matched " << ev.matched
            << " (type and place right: " << ev.type_matched << ")"
            << "\nevent P/R/F1   " << ev.precision() << " / " << ev.recall() << " / " << ev.f1()
            << "\n";
    if (args.verbose) {
        for (const auto& err : e.errors) ctx.out << "  " << err << "\n";
        for (const auto& err : ev.errors) ctx.out << "  " << err << "\n";
    }
}

}  // namespace mapwire::cli::detail
