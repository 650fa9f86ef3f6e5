// Golden maps: fixed renders compared with stored PNGs under a perceptual tolerance. On a
// difference the actual image and a difference image are left in build/test-output/.
// Regenerate on purpose with MAPWIRE_UPDATE_GOLDEN=1 (see tests/golden/README.md).
#include <gtest/gtest.h>

#include <cairo.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;

struct Case {
    const char* name;
    std::string article;
    std::vector<std::string> options;
    double max_mean_difference;  // mean absolute luminance difference, 0-255
    double max_changed_share;    // share of 4x4 blocks whose luminance moved by more than 24
};

double luminance(const unsigned char* px) {
    return 0.2126 * px[2] + 0.7152 * px[1] + 0.0722 * px[0];
}

TEST(Golden, MapsMatchStoredImages) {
    const std::string golden_dir = std::string(MAPWIRE_TEST_DATA) + "/../golden";
    const fs::path output_dir = fs::path(MAPWIRE_TEST_OUTPUT);
    fs::create_directories(output_dir);
    const std::vector<Case> cases = {
        {"seed-light",
         testing::shared_dir() + "/seed/article.txt",
         {"--date", "2025-04-09", "--control",
          testing::shared_dir() + "/fixtures/territory/occupied-2024-07-08.geojson"},
         2.0,
         0.01},
        {"kharkiv-dark",
         std::string(MAPWIRE_TEST_DATA) + "/../../examples/article-kharkiv.txt",
         {"--date", "2025-03-03", "--style", "dark"},
         2.0,
         0.01},
    };
    const bool update = std::getenv("MAPWIRE_UPDATE_GOLDEN") != nullptr;
    for (const auto& c : cases) {
        const fs::path out = output_dir / c.name;
        std::vector<std::string> args = {"mapwire",    "--data",  testing::dataset_dir(),
                                         "map",        c.article, "--out",
                                         out.string(), "--size",  "900x600",
                                         "--dpi",      "96",      "--formats",
                                         "png"};
        args.insert(args.end(), c.options.begin(), c.options.end());
        std::ostringstream o, e;
        ASSERT_EQ(cli::run(args, o, e), 0) << e.str();
        const fs::path actual = out / "map.png";
        const fs::path golden = fs::path(golden_dir) / (std::string(c.name) + ".png");
        if (update) {
            fs::copy_file(actual, golden, fs::copy_options::overwrite_existing);
            continue;
        }
        ASSERT_TRUE(fs::exists(golden))
            << golden << " missing: regenerate with MAPWIRE_UPDATE_GOLDEN=1";
        cairo_surface_t* a = cairo_image_surface_create_from_png(actual.c_str());
        cairo_surface_t* g = cairo_image_surface_create_from_png(golden.c_str());
        ASSERT_EQ(cairo_surface_status(a), CAIRO_STATUS_SUCCESS);
        ASSERT_EQ(cairo_surface_status(g), CAIRO_STATUS_SUCCESS);
        const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
        ASSERT_EQ(w, cairo_image_surface_get_width(g)) << c.name;
        ASSERT_EQ(h, cairo_image_surface_get_height(g)) << c.name;
        const int sa = cairo_image_surface_get_stride(a), sg = cairo_image_surface_get_stride(g);
        const unsigned char* pa = cairo_image_surface_get_data(a);
        const unsigned char* pg = cairo_image_surface_get_data(g);
        cairo_surface_t* diff = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        unsigned char* pd = cairo_image_surface_get_data(diff);
        const int sd = cairo_image_surface_get_stride(diff);
        double total = 0;
        std::size_t blocks = 0, changed = 0;
        for (int by = 0; by + 4 <= h; by += 4)
            for (int bx = 0; bx + 4 <= w; bx += 4) {
                double la = 0, lg = 0;
                for (int y = by; y < by + 4; ++y)
                    for (int x = bx; x < bx + 4; ++x) {
                        la += luminance(pa + y * sa + x * 4);
                        lg += luminance(pg + y * sg + x * 4);
                    }
                const double d = std::fabs(la - lg) / 16;
                total += d;
                ++blocks;
                if (d > 24) ++changed;
                for (int y = by; y < by + 4; ++y)
                    for (int x = bx; x < bx + 4; ++x) {
                        unsigned char* q = pd + y * sd + x * 4;
                        q[0] = q[1] = static_cast<unsigned char>(255 - std::min(255.0, d * 4));
                        q[2] = 255;
                        q[3] = 255;
                    }
            }
        cairo_surface_mark_dirty(diff);
        const double mean = total / static_cast<double>(blocks);
        const double share = static_cast<double>(changed) / static_cast<double>(blocks);
        if (mean > c.max_mean_difference || share > c.max_changed_share)
            cairo_surface_write_to_png(diff, (out / "diff.png").c_str());
        EXPECT_LE(mean, c.max_mean_difference) << c.name << ": see " << out;
        EXPECT_LE(share, c.max_changed_share) << c.name << ": see " << out;
        cairo_surface_destroy(diff);
        cairo_surface_destroy(a);
        cairo_surface_destroy(g);
    }
}

}  // namespace
}  // namespace mapwire
