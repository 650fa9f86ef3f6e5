// Export module: the declared layer schemas and their documentation, and extract's JSON of an
// extraction. No dataset.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "export/detail/schema.hpp"
#include "export/extraction_json.hpp"

namespace mapwire {
namespace {

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(LayerSchemas, EveryFieldIsDocumentedInItsLayersSection) {
    const std::string doc = read(std::string(MAPWIRE_DOCS_DIR) + "/layers.md");
    ASSERT_FALSE(doc.empty());
    const auto& schemas = exporter::detail::layer_schemas();
    ASSERT_EQ(schemas.size(), 4u);
    for (const auto& [layer, fields] : schemas) {
        const auto from = doc.find("## " + layer);
        ASSERT_NE(from, std::string::npos) << layer;
        const auto to = doc.find("\n## ", from + 3);
        const std::string section = doc.substr(from, to - from);
        for (const auto& f : fields)
            EXPECT_NE(section.find("`" + f.name + "`"), std::string::npos)
                << layer << "." << f.name << " is not in docs/layers.md";
    }
}

TEST(LayerSchemas, CountsAreIntegersAndDatesDates) {
    const auto& events = exporter::detail::layer_schemas().at("events");
    auto type_of = [&](const std::string& name) {
        for (const auto& f : events)
            if (f.name == name) return f.type;
        ADD_FAILURE() << name;
        return geometry::FieldType::text;
    };
    for (const char* count :
         {"killed", "injured", "captured", "geo_precision", "time_precision", "fatalities"})
        EXPECT_EQ(type_of(count), geometry::FieldType::integer) << count;
    EXPECT_EQ(type_of("event_date"), geometry::FieldType::date);
    EXPECT_EQ(type_of("latitude"), geometry::FieldType::real);
    EXPECT_EQ(type_of("background"), geometry::FieldType::boolean);
}

// An extraction as the coder makes one of "Russian forces shelled Kupiansk on Monday, killing
// dozens of civilians; Russia holds about 20.456% of Ukraine": one event, one figure.
events::Extraction shelling_and_share() {
    static const gazetteer::Place kupiansk{.id = "geonames:704508", .name = "Kupiansk"};
    static const gazetteer::Place ukraine{.id = "country:UA", .name = "Ukraine"};
    events::Event e;
    e.id = "e1";
    e.type = events::EventType::explosions_remote_violence;
    e.sub_type = events::SubEventType::shelling_artillery_missile_attack;
    e.trigger = "shelled";
    e.actor1 = {"Russian forces", "RU", "", "Military Forces of Russia (2000-)"};
    e.actor2 = {"civilians", "", "", ""};
    e.counts = {{24, "killed", true, false, "dozens"}, {0, "injured", false, true, ""}};
    e.date = {"2025-04-07", events::DatePrecision::day, "on Monday"};
    e.location = kupiansk;
    e.location_text = "Kupiansk";
    e.geo_precision = events::GeoPrecision::town;
    e.sentence = "Russian forces shelled Kupiansk on Monday, killing dozens of civilians.";
    e.end = e.sentence.size();
    events::TerritoryFigure f;
    f.id = "f1";
    f.text = "about 20.456% of Ukraine";
    f.holder = "RU";
    f.territory = ukraine;
    f.stated_value = 20.456;
    f.unit = "percent";
    f.hedge = "about";
    f.stated_share = 20.456;
    f.stated_km2 = 123456.7;
    f.measured_share = 18.0;
    f.sentence = "Russia holds about 20.456% of Ukraine.";
    f.start = 73;
    f.end = 111;
    return {"2025-04-09", {e}, {f}, {}, {"a warning"}};
}

// A place as its id and whether it was written in full, to see which the writer asked for.
void place_stub(json::Writer& w, const gazetteer::Place& p, bool full) {
    w.begin_object();
    w.key("id");
    w.string(p.id);
    w.key("full");
    w.boolean(full);
    w.end_object();
}

TEST(ExtractionJson, FieldsInOrderWithTheirValues) {
    std::map<std::string, json::Writer> values;
    std::vector<std::string> names;
    exporter::write_extraction_fields(shelling_and_share(), place_stub,
                                      [&](std::string_view name) -> json::Writer& {
                                          names.emplace_back(name);
                                          return values[std::string(name)];
                                      });
    EXPECT_EQ(names, (std::vector<std::string>{"date", "events", "figures", "warnings"}));
    EXPECT_EQ(values["date"].str(), R"("2025-04-09")");
    EXPECT_EQ(values["warnings"].str(), R"(["a warning"])");
    const auto e = nlohmann::ordered_json::parse(values["events"].str()).at(0);
    EXPECT_EQ(e["sub_type"], "Shelling/artillery/missile attack");
    EXPECT_EQ(e["actor1"]["acled"], "Military Forces of Russia (2000-)");
    EXPECT_FALSE(e["actor1"].contains("side"));     // written only when it differs
    EXPECT_TRUE(e["actor2"]["country"].is_null());  // "" is null
    EXPECT_EQ(e["counts"][0]["words"], "dozens");   // a vague quantity keeps its words
    EXPECT_FALSE(e["counts"][0].contains("unknown"));
    EXPECT_EQ(e["counts"][1]["unknown"], true);
    EXPECT_EQ(e["date"]["time_precision"], 1);
    EXPECT_EQ(e["location"]["full"], false);
    EXPECT_EQ(e["geo_precision"], 1);
    EXPECT_TRUE(e["attribution"].is_null());
    EXPECT_EQ(e["sentence"]["end"], 71);
    const auto f = nlohmann::ordered_json::parse(values["figures"].str()).at(0);
    EXPECT_EQ(f["territory"]["full"], true);  // a figure's territory has its area
    EXPECT_EQ(f["stated"]["value"], 20.456);  // as written
    EXPECT_EQ(f["stated_share_percent"], 20.46);
    EXPECT_EQ(f["stated_km2"], 123457.0);
    EXPECT_EQ(f["measured_share_percent"], 18.0);
    EXPECT_TRUE(f["measured_km2"].is_null());
    EXPECT_TRUE(f["control_layer"].is_null());
}

// The one-article `extract` prints the same fields pretty-printed, as dump(2) would.
TEST(ExtractionJson, PrettyAndCompactAreOneDescription) {
    json::Writer compact, pretty(2);
    exporter::write_extraction(compact, shelling_and_share(), place_stub);
    exporter::write_extraction(pretty, shelling_and_share(), place_stub);
    const auto tree = nlohmann::ordered_json::parse(compact.str());
    EXPECT_EQ(compact.str(), tree.dump());
    EXPECT_EQ(pretty.str(), tree.dump(2));
    events::Extraction none;
    json::Writer empty(2);
    exporter::write_extraction(empty, none, place_stub);
    EXPECT_EQ(empty.str(),
              "{\n  \"date\": null,\n  \"events\": [],\n  \"figures\": [],\n  \"warnings\": []\n}");
}

}  // namespace
}  // namespace mapwire
