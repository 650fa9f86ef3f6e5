// Runs the lookup cases of tests/cases/lookup.json against the built gazetteer.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "dataset.hpp"
#include "gazetteer/gazetteer.hpp"

namespace mapwire::gazetteer {
namespace {

using nlohmann::json;

void expect_matches(const Gazetteer& g, const Place& p, const json& want,
                    const std::string& label) {
    if (want.contains("id")) {
        EXPECT_EQ(p.id, want["id"].get<std::string>()) << label;
    }
    if (want.contains("type")) {
        EXPECT_EQ(to_string(p.type), want["type"].get<std::string>()) << label;
    }
    if (want.contains("country")) {
        EXPECT_EQ(p.country, want["country"].get<std::string>()) << label;
    }
    if (want.contains("name")) {
        EXPECT_EQ(p.name, want["name"].get<std::string>()) << label;
    }
    if (want.contains("admin1_iso")) {
        ASSERT_GE(p.admin1, 0) << label;
        EXPECT_EQ(g.place(static_cast<std::uint32_t>(p.admin1)).iso_code,
                  want["admin1_iso"].get<std::string>())
            << label;
    }
    if (want.contains("near")) {
        const auto& n = want["near"];
        EXPECT_NEAR(p.lat, n[0].get<double>(), n[2].get<double>()) << label;
        EXPECT_NEAR(p.lon, n[1].get<double>(), n[2].get<double>()) << label;
    }
}

TEST(LookupCases, AllCasesPass) {
    const auto g = Gazetteer::open(testing::dataset_dir() + "/gazetteer.idx");
    std::ifstream in(std::string(MAPWIRE_TEST_CASES) + "/lookup.json");
    ASSERT_TRUE(in) << "tests/cases/lookup.json missing";
    const json cases = json::parse(in)["cases"];
    ASSERT_GE(cases.size(), 40u);
    for (const auto& c : cases) {
        const std::string query = c["query"];
        LookupOptions o;
        if (c.contains("options")) {
            o.country = c["options"].value("country", "");
            if (c["options"].contains("type"))
                o.type = parse_place_type(c["options"]["type"].get<std::string>());
        }
        const auto got = g.lookup(query, o);
        const std::string label = "query '" + query + "'";
        if (c.value("none", false)) {
            EXPECT_TRUE(got.empty())
                << label << " should match nothing, got " << (got.empty() ? "" : got[0].place.id);
            continue;
        }
        ASSERT_FALSE(got.empty()) << label << " found nothing";
        expect_matches(g, got[0].place, c["best"],
                       label + " best (got " + std::string(got[0].place.id) + ")");
        if (c.contains("second")) {
            ASSERT_GE(got.size(), 2u) << label;
            expect_matches(g, got[1].place, c["second"], label + " second");
        }
        for (const auto& id : c.value("also", json::array())) {
            bool present = false;
            for (const auto& cand : got)
                present = present || cand.place.id == id.get<std::string>();
            EXPECT_TRUE(present) << label << " should also list " << id;
        }
    }
}

}  // namespace
}  // namespace mapwire::gazetteer
