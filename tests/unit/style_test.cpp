// Style module: colours, overrides, and what a bad style file is told. No dataset.
#include <gtest/gtest.h>

#include "style/style.hpp"

namespace mapwire {
namespace {

TEST(Style, ColoursWithAndWithoutAlpha) {
    const auto c = style::parse_color("#a23b2a");
    EXPECT_NEAR(c.r, 0xa2 / 255.0, 1e-9);
    EXPECT_NEAR(c.a, 1.0, 1e-9);
    EXPECT_NEAR(style::parse_color("#d9a79a99").a, 0x99 / 255.0, 1e-9);
    EXPECT_THROW(style::parse_color("red"), style::StyleError);
    EXPECT_THROW(style::parse_color("#12345"), style::StyleError);
}

// Control areas have an edge, not a hatch (they must stand apart from the hatched areas
// occupied since 2014); a style written for the older key still sets it.
TEST(Style, ControlEdgeAndItsOlderName) {
    const style::Style base;
    const auto edged = style::with_overrides(base, "control_edge: \"#112233\"\n", "test");
    EXPECT_NEAR(edged.control_edge.g, 0x22 / 255.0, 1e-9);
    const auto older = style::with_overrides(base, "control_hatch: \"#445566\"\n", "test");
    EXPECT_NEAR(older.control_edge.b, 0x66 / 255.0, 1e-9);
}

TEST(Style, AnUnknownKeyIsNamedWithASuggestion) {
    try {
        style::with_overrides(style::Style{}, "ocean: \"#000000\"\ncontrol_edgee: \"#000000\"\n",
                              "house.yaml");
        FAIL() << "expected StyleError";
    } catch (const style::StyleError& e) {
        EXPECT_EQ(e.context().line, 2);
        EXPECT_NE(e.hint().find("control_edge"), std::string::npos) << e.hint();
    }
}

}  // namespace
}  // namespace mapwire
