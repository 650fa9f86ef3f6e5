// The geoparser on the seed article (the mentions issue #3 lists) and on the case file
// tests/cases/geoparse.json.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "dataset.hpp"
#include "geoparse/geoparser.hpp"
#include "text/utf8.hpp"

namespace mapwire::geoparse {
namespace {

double km_between(double lat1, double lon1, double lat2, double lon2) {
    const double r = 6371.0, d2r = M_PI / 180;
    const double a = std::pow(std::sin((lat2 - lat1) * d2r / 2), 2) +
                     std::cos(lat1 * d2r) * std::cos(lat2 * d2r) *
                         std::pow(std::sin((lon2 - lon1) * d2r / 2), 2);
    return 2 * r * std::asin(std::sqrt(a));
}

class GeoparseData : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gaz_ = new gazetteer::Gazetteer(
            gazetteer::Gazetteer::open(testing::dataset_dir() + "/gazetteer.idx"));
        parser_ = new Geoparser(*gaz_, Lexicon::load(testing::dataset_dir() + "/lexicon.txt"));
    }
    static void TearDownTestSuite() {
        delete parser_;
        delete gaz_;
    }
    static const Mention* find(const GeoparseResult& r, std::string_view text) {
        for (const auto& m : r.mentions)
            if (m.text == text) return &m;
        return nullptr;
    }
    static std::vector<const Mention*> all(const GeoparseResult& r, std::string_view text) {
        std::vector<const Mention*> out;
        for (const auto& m : r.mentions)
            if (m.text == text) out.push_back(&m);
        return out;
    }
    static gazetteer::Gazetteer* gaz_;
    static Geoparser* parser_;
};
gazetteer::Gazetteer* GeoparseData::gaz_ = nullptr;
Geoparser* GeoparseData::parser_ = nullptr;

TEST_F(GeoparseData, SeedArticle) {
    const std::string text = testing::read_text(testing::shared_dir() + "/seed/article.txt");
    ASSERT_FALSE(text.empty()) << "seed article missing";
    const auto r = parser_->parse(text, "article.txt");

    const auto* donetsk = find(r, "Donetsk region");
    ASSERT_NE(donetsk, nullptr);
    EXPECT_EQ(donetsk->role, Role::location);
    EXPECT_EQ(donetsk->place->id, "admin1:UA-14");
    EXPECT_EQ(donetsk->place->name, "Donetsk Oblast");
    // Offsets are code points into the input ("—" and "’" occur before later mentions).
    EXPECT_EQ(text.substr(donetsk->byte_start, donetsk->byte_end - donetsk->byte_start),
              "Donetsk region");
    const auto kursk = find(r, "Kursk Oblast");
    ASSERT_NE(kursk, nullptr);
    EXPECT_EQ(kursk->place->id, "admin1:RU-KRS");
    EXPECT_EQ(kursk->role, Role::location);
    const auto* kyiv = find(r, "Kyiv");
    ASSERT_NE(kyiv, nullptr);
    EXPECT_EQ(kyiv->role, Role::location);
    EXPECT_EQ(kyiv->place->country, "UA");

    for (const char* name : {"Ukraine", "Russia"}) {
        bool literal = false;
        for (const auto* m : all(r, name)) literal = literal || m->role == Role::location;
        EXPECT_TRUE(literal) << name << " should be a literal location somewhere";
    }
    for (const char* name : {"Moscow", "Beijing"}) {
        const auto ms = all(r, name);
        ASSERT_FALSE(ms.empty()) << name;
        for (const auto* m : ms) EXPECT_EQ(m->role, Role::metonym) << name << " at " << m->start;
    }
    for (const char* name : {"United States", "Europe"}) {
        const auto* m = find(r, name);
        ASSERT_NE(m, nullptr) << name;
        EXPECT_EQ(m->role, Role::metonym) << name;
    }
    for (const auto& [name, country] : std::vector<std::pair<const char*, const char*>>{
             {"Chinese", "CN"}, {"North Korean", "KP"}, {"French", "FR"}}) {
        const auto* m = find(r, name);
        ASSERT_NE(m, nullptr) << name;
        EXPECT_EQ(m->role, Role::demonym) << name;
        EXPECT_EQ(m->place->country, country) << name;
    }
    for (const char* not_a_place :
         {"X", "Douyin", "Le Monde", "Monde", "Mandarin", "Source", "Source 1", "Zelensky",
          "Volodymyr", "Vladimir", "TikTok", "UN"})
        EXPECT_EQ(find(r, not_a_place), nullptr) << not_a_place << " is not a place";
    // Offsets are consistent with the text in code points.
    for (const auto& m : r.mentions) {
        EXPECT_EQ(text::count_code_points(std::string_view(text).substr(0, m.byte_start)), m.start)
            << m.text;
        EXPECT_EQ(m.end - m.start, text::count_code_points(m.text)) << m.text;
    }
    EXPECT_EQ(r.focus_country, "UA");
}

TEST_F(GeoparseData, CaseFile) {
    std::ifstream in(std::string(MAPWIRE_TEST_CASES) + "/geoparse.json");
    ASSERT_TRUE(in);
    const auto cases = nlohmann::json::parse(in)["cases"];
    for (const auto& c : cases) {
        const std::string text = c["text"];
        const auto r = parser_->parse(text);
        for (const auto& e : c.value("expect", nlohmann::json::array())) {
            const std::string want = e["text"];
            const auto* m = find(r, want);
            ASSERT_NE(m, nullptr) << "'" << want << "' not found in: " << text;
            if (e.contains("role")) {
                EXPECT_EQ(to_string(m->role), e["role"].get<std::string>())
                    << want << " in: " << text;
            }
            if (e.contains("place") && e["place"].is_null()) {
                EXPECT_FALSE(m->place.has_value()) << want;
                EXPECT_FALSE(r.warnings.empty())
                    << "an unresolved place must be reported: " << want;
                continue;
            }
            ASSERT_TRUE(m->place.has_value()) << want << " unresolved in: " << text;
            if (e.contains("resolution")) {
                EXPECT_EQ(to_string(m->resolution), e["resolution"].get<std::string>())
                    << want << " in: " << text;
            }
            if (e.contains("max_confidence")) {
                EXPECT_LE(m->confidence, e["max_confidence"].get<double>())
                    << want << " resolved to " << m->place->id << " in: " << text;
            }
            if (e.contains("min_confidence")) {
                EXPECT_GE(m->confidence, e["min_confidence"].get<double>())
                    << want << " resolved to " << m->place->id << " in: " << text;
            }
            if (e.contains("id")) {
                EXPECT_EQ(m->place->id, e["id"].get<std::string>()) << want << " in: " << text;
            }
            if (e.contains("near")) {
                const double km =
                    km_between(m->place->lat, m->place->lon, e["near"][0], e["near"][1]);
                EXPECT_LT(km, 50.0) << want << " resolved to " << m->place->name << " ("
                                    << m->place->country << ") in: " << text;
            }
        }
        for (const auto& a : c.value("absent", nlohmann::json::array()))
            EXPECT_EQ(find(r, a.get<std::string>()), nullptr)
                << a << " is not a place in: " << text;
    }
}

TEST_F(GeoparseData, LongInputIsParsedInPartsWithWholeTextOffsets) {
    const std::string paragraph =
        "Shelling hit Kharkiv and Kupiansk in the Kharkiv region on Monday, officials said.\n\n";
    const auto one = parser_->parse(paragraph);
    ASSERT_EQ(one.mentions.size(), 3u);
    std::string text;
    while (text.size() < (std::size_t{5} << 20) / 2) text += paragraph;  // 2.5 MiB: three parts
    const auto all = parser_->parse(text);
    EXPECT_EQ(all.mentions.size(), one.mentions.size() * (text.size() / paragraph.size()));
    for (std::size_t i = 0; i < all.mentions.size(); i += 997) {
        const auto& m = all.mentions[i];
        EXPECT_EQ(text.substr(m.byte_start, m.byte_end - m.byte_start), m.text);
        EXPECT_EQ(m.start, m.byte_start);  // ASCII: code points equal bytes
    }
    EXPECT_EQ(all.focus_country, "UA");
}

TEST_F(GeoparseData, InvalidUtf8IsAClearError) {
    const std::string bad = std::string("Fighting near Kharkiv") + static_cast<char>(0xFF) + "\n";
    try {
        parser_->parse(bad, "bad.txt");
        FAIL();
    } catch (const text::TextError& e) {
        EXPECT_EQ(e.context().file, "bad.txt");
        EXPECT_EQ(e.context().line, 1);
        EXPECT_EQ(e.context().column, 22);
    }
}

}  // namespace
}  // namespace mapwire::geoparse
