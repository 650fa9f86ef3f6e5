// mapwire::Error: context accumulates as errors propagate and formats as file:line:column.
#include <gtest/gtest.h>

#include "base/error.hpp"

namespace mapwire {

TEST(Error, DescribesFileLineColumnAndContext) {
    Error e("unknown key", ExitCode::bad_input, "did you mean 'title'?");
    e.with_key("maps[0].titel").with_value("Front line").in_file("maps.yaml").at(12, 5);
    EXPECT_EQ(e.describe(),
              "maps.yaml:12:5: unknown key (key: maps[0].titel, value: 'Front line')");
    EXPECT_STREQ(e.what(), e.describe().c_str());
    EXPECT_EQ(e.hint(), "did you mean 'title'?");
    EXPECT_EQ(e.code(), ExitCode::bad_input);
}

TEST(Error, InnerContextWinsOverOuter) {
    Error e("bad feature");
    e.with_feature("fid 7").in_file("inner.shp");
    e.in_file("outer.gpkg").with_feature("fid 9");
    EXPECT_EQ(e.context().file, "inner.shp");
    EXPECT_EQ(e.context().feature, "fid 7");
}

TEST(Error, IoErrorCarriesIoExitCode) {
    IoError e("cannot open");
    EXPECT_EQ(e.code(), ExitCode::io);
    EXPECT_EQ(e.describe(), "cannot open");
}

}  // namespace mapwire
