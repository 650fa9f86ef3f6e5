// The JSON module (src/json/): the writer's bytes against nlohmann's dump() of the same values,
// and the line scanner against nlohmann's parser. No dataset.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json/scan.hpp"
#include "json/writer.hpp"

namespace mapwire::json {
namespace {

using ordered = nlohmann::ordered_json;

// Writes an ordered_json value with the writer, value by value, as a program would.
void write(Writer& w, const ordered& v) {
    switch (v.type()) {
        case ordered::value_t::object:
            w.begin_object();
            for (const auto& [k, x] : v.items()) {
                w.key(k);
                write(w, x);
            }
            w.end_object();
            break;
        case ordered::value_t::array:
            w.begin_array();
            for (const auto& x : v) write(w, x);
            w.end_array();
            break;
        case ordered::value_t::string:
            w.string(v.get_ref<const std::string&>());
            break;
        case ordered::value_t::number_integer:
            w.integer(v.get<std::int64_t>());
            break;
        case ordered::value_t::number_unsigned:
            w.unsigned_integer(v.get<std::uint64_t>());
            break;
        case ordered::value_t::number_float:
            w.number(v.get<double>());
            break;
        case ordered::value_t::boolean:
            w.boolean(v.get<bool>());
            break;
        default:
            w.null();
    }
}

std::string written(const ordered& v, int indent = -1) {
    Writer w(indent);
    write(w, v);
    return w.str();
}

TEST(JsonWriter, StringsAsTheLibraryEscapesThem) {
    std::string every_control;
    for (int c = 0; c < 0x20; ++c) every_control.push_back(char(c));
    for (const std::string& s :
         {std::string(), std::string("plain"), std::string("\"q\" \\ / \b\f\n\r\t"), every_control,
          std::string("\x7f del"), std::string("Харків, 北京, Zolota Nyva, 😀"),
          std::string("a\0b", 3), std::string("\xef\xbf\xbd end")})
        EXPECT_EQ(written(ordered(s)), ordered(s).dump()) << s;
}

TEST(JsonWriter, NumbersAsTheLibraryPrintsThem) {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const double d : {0.0,           -0.0,     0.1,    1e-7,
                           123e-7,        1.0,      -1.0,   1.5,
                           1e21,          1e22,     1e300,  1e308,
                           -1e308,        -1e-300,  5e-324, 1.7976931348623157e308,
                           123456789.125, 49.99304, 36.25,  2.0 / 3.0,
                           inf,           -inf,     nan})
        EXPECT_EQ(written(ordered(d)), ordered(d).dump()) << d;
    for (const std::int64_t i :
         {std::int64_t(0), std::int64_t(-1), std::int64_t(42),
          std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()})
        EXPECT_EQ(written(ordered(i)), ordered(i).dump()) << i;
    const std::uint64_t big = std::numeric_limits<std::uint64_t>::max();
    EXPECT_EQ(written(ordered(big)), ordered(big).dump());
}

TEST(JsonWriter, NestedValuesAndSeparators) {
    const auto v = ordered::parse(R"({"id": 7, "a": [], "b": {}, "c": [1, [2, {"x": null}], true],
        "d": {"e": {"f": [false, -0.25, "g"]}}, "": ""})");
    EXPECT_EQ(written(v), v.dump());
    EXPECT_EQ(written(ordered::array({ordered::object(), ordered::array()})), "[{},[]]");
    // The value() overloads pick the scalar the type says.
    Writer w;
    w.begin_array();
    w.value(std::size_t(3));
    w.value(-2);
    w.value(0.5);
    w.value("s");
    w.value(nullptr);
    w.value(true);
    w.raw(R"({"k":1})");
    w.end_array();
    EXPECT_EQ(w.str(), R"([3,-2,0.5,"s",null,true,{"k":1}])");
}

TEST(JsonWriter, IndentedAsTheLibraryPrettyPrints) {
    const auto v = ordered::parse(R"({"id": 7, "a": [], "b": {}, "c": [1, [2, {"x": null}], true],
        "d": {"e": {"f": [false, -0.25, "g"]}, "h": [{}]}, "": "", "s": "a\nb"})");
    for (const int indent : {0, 1, 2, 4}) EXPECT_EQ(written(v, indent), v.dump(indent)) << indent;
    EXPECT_EQ(written(ordered::array(), 2), "[]");
    EXPECT_EQ(written(ordered(3), 2), "3");
    EXPECT_EQ(written(ordered::parse(R"({"k": [1]})"), 2), "{\n  \"k\": [\n    1\n  ]\n}");
}

TEST(JsonWriter, TopLevelValuesFollowEachOtherUnseparated) {
    Writer w;
    w.integer(1);
    const std::size_t cut = w.size();
    w.begin_array();
    w.string("x");
    w.end_array();
    EXPECT_EQ(w.str(), R"(1["x"])");
    EXPECT_EQ(w.str().substr(cut), R"(["x"])");
    w.clear();
    w.null();
    EXPECT_EQ(w.str(), "null");
}

// nlohmann's document builder behind the SAX interface the scanner drives.
class DomSax : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit DomSax(nlohmann::json& dom) : dom_(dom, false) {}
    bool null() override { return dom_.null(); }
    bool boolean(bool v) override { return dom_.boolean(v); }
    bool number_integer(number_integer_t v) override { return dom_.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) override { return dom_.number_unsigned(v); }
    bool number_float(number_float_t v, const string_t& s) override {
        return dom_.number_float(v, s);
    }
    bool string(string_t& v) override { return dom_.string(v); }
    bool binary(binary_t& v) override { return dom_.binary(v); }
    bool start_object(std::size_t n) override { return dom_.start_object(n); }
    bool key(string_t& k) override { return dom_.key(k); }
    bool end_object() override { return dom_.end_object(); }
    bool start_array(std::size_t n) override { return dom_.start_array(n); }
    bool end_array() override { return dom_.end_array(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

private:
    nlohmann::detail::json_sax_dom_parser<nlohmann::json> dom_;
};

const char* const kGood[] = {
    R"({"id": 17, "events": [{"type": "Battles", "counts": [{"value": -3}], "x": 1.5e3}]})",
    R"( ["a\u00e9\ud83d\ude00 \"q\" \\ \/ \n\t", true, false, null, 0, -0.25, {}] )",
    R"({"nested": {"a": [[], [{}]], "b": 12345678901234}})",
    R"([9223372036854775807, 9223372036854775808, 18446744073709551615, 18446744073709551616,
        -9223372036854775808, -9223372036854775809, -0, -0.0, 1E2, 1e-2, 0.1])"};

// The scanner reads what nlohmann's parser reads (the same values, integers of the same
// kind), and refuses what it refuses.
TEST(JsonScan, ReadsWhatTheLibraryReads) {
    using nlohmann::json;
    for (const char* text : kGood) {
        json dom;
        DomSax sax(dom);
        ASSERT_TRUE(scan(text, sax)) << text;
        EXPECT_EQ(dom, json::parse(text)) << text;
        EXPECT_EQ(dom.dump(), json::parse(text).dump()) << text;
    }
    for (const char* bad : {"{", R"({"a" 1})", "[1,]", "01", R"("tab	here")", R"("\x")",
                            R"("\ud800")", R"("\udc00")", R"("\ud800\u0041")", "nul", "{} {}", "1.",
                            "[1 2]", "-", "1e", R"({"a":1,})", "[truex]"}) {
        json dom;
        DomSax sax(dom);
        EXPECT_FALSE(scan(bad, sax)) << bad;
        EXPECT_FALSE(json::accept(bad)) << bad;
    }
    // Numbers beyond a double: nlohmann refuses the overflow (out_of_range, not a syntax
    // error) and reads an underflow as 0; the scanner leaves both to it.
    for (const char* far : {"1e400", "-1e400", "1e-400"}) {
        json dom;
        DomSax sax(dom);
        EXPECT_FALSE(scan(far, sax)) << far;
    }
}

TEST(JsonScan, RewriteIsTheDumpOfTheParse) {
    for (const char* text : kGood) {
        Writer w;
        ASSERT_TRUE(rewrite(text, w)) << text;
        EXPECT_EQ(w.str(), ordered::parse(text).dump()) << text;
    }
}

TEST(JsonScan, MembersInTextOrderWithTheirBytes) {
    std::vector<Member> m;
    ASSERT_TRUE(
        scan_members(R"( {"b": [1, 2] , "a\u00e9":"x\ny", "b": {"c": null}, "n":-1.5e3} )", m));
    ASSERT_EQ(m.size(), 4u);
    EXPECT_EQ(m[0].key, "b");
    EXPECT_EQ(m[0].value, "[1, 2]");
    EXPECT_EQ(m[1].key, "a\xc3\xa9");
    EXPECT_EQ(m[1].value, R"("x\ny")");
    EXPECT_EQ(m[2].value, R"({"c": null})");
    EXPECT_EQ(m[3].value, "-1.5e3");
    std::string s;
    ASSERT_TRUE(scan_string(m[1].value, s));
    EXPECT_EQ(s, "x\ny");
    EXPECT_FALSE(scan_string(m[0].value, s));
    ASSERT_TRUE(scan_members("{}", m));
    EXPECT_TRUE(m.empty());
    for (const char* not_one_object :
         {"[1]", "\"s\"", "{} 1", R"({"a": 1e400})", R"({"a": 01})", "{", ""})
        EXPECT_FALSE(scan_members(not_one_object, m)) << not_one_object;
}

}  // namespace
}  // namespace mapwire::json
