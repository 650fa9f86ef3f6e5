// The map pipeline as a library: pipeline::map_article writes the same map and layers as
// `mapwire map` for the same article and options, and a series over the events of an article
// without a located event is a MapError, not an empty folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/cli.hpp"
#include "dataset.hpp"
#include "geoparse/geoparser.hpp"
#include "pipeline/pipeline.hpp"
#include "style/style.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;

const std::string kArticle = MAPWIRE_SOURCE_DIR "/examples/article-kharkiv.txt";

class MapPipeline : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("mapwire-pipeline-lib-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
    const gazetteer::Gazetteer gaz =
        gazetteer::Gazetteer::open(testing::dataset_dir() + "/gazetteer.idx");
    const geoparse::Geoparser parser{
        gaz, geoparse::Lexicon::load(testing::dataset_dir() + "/lexicon.txt")};
    const style::Style style = style::load_style("light", MAPWIRE_SOURCE_DIR "/styles");
};

TEST_F(MapPipeline, TheLibraryWritesWhatTheCommandWrites) {
    std::ostringstream o, e;
    ASSERT_EQ(cli::run({"mapwire", "--data", testing::dataset_dir(), "map", kArticle, "--date",
                        "2025-03-03", "--formats", "svg", "--out", (dir_ / "cli").string()},
                       o, e),
              0)
        << e.str();

    render::MapOptions options;  // the defaults are `map`'s
    options.formats = {render::MapFormat::svg};
    const auto map = pipeline::map_article(
        gaz, parser, testing::dataset_dir(), {testing::read_text(kArticle), kArticle, "2025-03-03"},
        style, options, (dir_ / "lib").string(),
        {.geojson = true, .vector_formats = {}, .datasource = {}});
    EXPECT_FALSE(map.extraction.events.empty());
    for (const char* file : {"map.svg", "events.geojson", "places.geojson", "figures.geojson"})
        EXPECT_EQ(testing::read_text((dir_ / "lib" / file).string()),
                  testing::read_text((dir_ / "cli" / file).string()))
            << file;
}

TEST_F(MapPipeline, ASeriesWithoutALocatedEventIsAMapError) {
    render::MapOptions options;
    options.formats = {render::MapFormat::svg};
    try {
        pipeline::map_article(gaz, parser, testing::dataset_dir(),
                              {"The talks went on all day.\n", "quiet.txt", "2025-03-03"}, style,
                              options, (dir_ / "series").string(), {}, true);
        ADD_FAILURE() << "a series of no event was made";
    } catch (const pipeline::MapError& error) {
        EXPECT_EQ(error.code(), ExitCode::not_found);
    }
    EXPECT_FALSE(fs::exists(dir_ / "series"));  // no folder left behind
}

}  // namespace
}  // namespace mapwire
