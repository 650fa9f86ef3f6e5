// The event coding cases of tests/cases/events.json, through `mapwire extract` on the built
// dataset: one or more cases per class of issue 10 (codes, dates, casualties, background,
// vague quantities, actors, merging, the unit an event is placed in).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json extract_text(const std::string& text, const std::string& date) {
    const fs::path file =
        fs::temp_directory_path() / ("mapwire-events-case-" + std::to_string(::getpid()) + ".txt");
    std::ofstream(file) << text;
    std::ostringstream out, err;
    const int code = cli::run(
        {"mapwire", "--data", testing::dataset_dir(), "extract", "--date", date, file.string()},
        out, err);
    fs::remove(file);
    EXPECT_EQ(code, 0) << err.str();
    return code == 0 ? json::parse(out.str()) : json();
}

const json* count_of(const json& e, const std::string& meaning) {
    for (const auto& c : e["counts"])
        if (c["meaning"] == meaning) return &c;
    return nullptr;
}

// The value an expectation key names, read from the event as `extract` prints it.
json field(const json& e, const std::string& key) {
    const json& loc = e["location"];
    if (key == "date") return e["date"]["date"];
    if (key == "date_precision") return e["date"]["precision"];
    if (key == "killed" || key == "injured") {
        const json* c = count_of(e, key);
        return c ? (*c)["value"] : json();
    }
    if (key == "killed_unknown") {
        const json* c = count_of(e, "killed");
        return c && c->value("unknown", false);
    }
    if (key == "words") {
        for (const auto& c : e["counts"])
            if (c.contains("words")) return c["words"];
        return json();
    }
    if (key == "background") return e["background"];
    if (key == "admin1") return loc.is_null() ? json() : loc.value("admin1", loc["name"]);
    if (key == "geo_precision") return e["geo_precision"];
    if (key == "location_id") return loc.is_null() ? json() : loc["id"];
    if (key == "actor1_acled") return e["actor1"].value("acled", json());
    if (key == "actor1_side") return e["actor1"].value("side", json());
    if (key == "actor1_none") return e["actor1"]["name"].is_null();
    ADD_FAILURE() << "unknown expectation " << key;
    return json();
}

TEST(EventCases, EveryClassCodesAsExpected) {
    std::ifstream in(std::string(MAPWIRE_TEST_CASES) + "/events.json");
    ASSERT_TRUE(in) << "tests/cases/events.json missing";
    const json cases = json::parse(in)["cases"];
    ASSERT_GE(cases.size(), 20u);
    for (const auto& c : cases) {
        const std::string label = c["class"].get<std::string>() + ": " + c["text"].dump();
        const json x = extract_text(c["text"], c["date"]);
        const json& events = x["events"];
        if (c.contains("events")) {
            EXPECT_EQ(events.size(), c["events"].get<std::size_t>()) << label << events.dump(1);
        }
        for (const auto& want : c["expect"]) {
            const json* e = nullptr;
            for (const auto& ev : events)
                if (ev["type"] == want["type"] && ev["sub_type"] == want["sub_type"]) {
                    e = &ev;
                    break;
                }
            if (!e) {
                ADD_FAILURE() << label << ": no " << want["sub_type"] << " in " << events.dump(1);
                continue;
            }
            for (const auto& [key, value] : want.items()) {
                if (key == "type" || key == "sub_type") continue;
                EXPECT_EQ(field(*e, key), value) << label << " (" << key << ")";
            }
        }
    }
}

}  // namespace
}  // namespace mapwire
