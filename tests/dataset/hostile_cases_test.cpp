// Hostile and careless input from tests/cases/hostile.json: each case runs mapwire in-process
// on files written into a fresh folder and checks the exit code, the message (file, line,
// key), a stream's error records where the case names them, and that nothing was written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "cli/cli.hpp"
#include "dataset.hpp"

namespace mapwire {
namespace {

namespace fs = std::filesystem;

ExitCode code_named(const std::string& name) {
    for (const auto& [n, c] :
         {std::pair{"ok", ExitCode::ok}, std::pair{"failure", ExitCode::failure},
          std::pair{"usage", ExitCode::usage}, std::pair{"bad_input", ExitCode::bad_input},
          std::pair{"not_found", ExitCode::not_found},
          std::pair{"missing_data", ExitCode::missing_data}, std::pair{"io", ExitCode::io}})
        if (name == n) return c;
    ADD_FAILURE() << "unknown exit code name " << name;
    return ExitCode::failure;
}

std::string replaced(std::string s, const std::string& dir) {
    for (std::size_t at = s.find("{dir}"); at != std::string::npos; at = s.find("{dir}", at))
        s.replace(at, 5, dir);
    return s;
}

std::string bytes_of(const nlohmann::json& content) {
    if (content.is_string()) return content.get<std::string>();
    const std::string hex = content.at("hex").get<std::string>();
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

std::set<std::string> files_below(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        out.insert(fs::relative(e.path(), dir).string());
    return out;
}

TEST(HostileInput, EveryCaseFailsClearlyAndWritesNothing) {
    std::ifstream in(std::string(MAPWIRE_TEST_CASES) + "/hostile.json");
    ASSERT_TRUE(in);
    const auto cases = nlohmann::json::parse(in)["cases"];
    ASSERT_GE(cases.size(), 30u);
    const fs::path root = fs::path(MAPWIRE_TEST_OUTPUT) / "hostile";
    fs::remove_all(root);
    int index = 0;
    for (const auto& c : cases) {
        const std::string name = c["name"];
        const fs::path dir = root / std::to_string(++index);
        fs::create_directories(dir);
        for (const auto& [file, content] : c["files"].items()) {
            fs::create_directories((dir / file).parent_path());
            if (content.is_object() && content.contains("gpkg_from_geojson")) {
                // A GeoPackage, made with GDAL's own ogr2ogr from the GeoJSON text given.
                const fs::path source = root / (std::to_string(index) + "-source.geojson");
                std::ofstream(source, std::ios::binary)
                    << content["gpkg_from_geojson"].get<std::string>();
                const std::string log =
                    testing::run_tool("ogr2ogr -f GPKG '" + (dir / file).string() + "' '" +
                                      source.string() + "' -nln sites");
                ASSERT_TRUE(fs::exists(dir / file)) << name << ": " << log;
                continue;
            }
            std::ofstream(dir / file, std::ios::binary) << bytes_of(content);
        }
        const auto before = files_below(dir);
        std::vector<std::string> args{"mapwire", "--data", testing::dataset_dir()};
        for (const auto& a : c["args"]) args.push_back(replaced(a, dir.string()));
        std::ostringstream out, err;
        const int code = cli::run(args, out, err);
        EXPECT_EQ(code, static_cast<int>(code_named(c["exit"]))) << name << ":\n" << err.str();
        for (const auto& want : c["expect"])
            EXPECT_NE(err.str().find(replaced(want, dir.string())), std::string::npos)
                << name << ": wanted '" << want.get<std::string>() << "' in:\n"
                << err.str();
        for (const auto& want : c.value("expect_out", nlohmann::json::array()))
            EXPECT_NE(out.str().find(replaced(want, dir.string())), std::string::npos)
                << name << ": wanted '" << want.get<std::string>() << "' in the output:\n"
                << out.str();
        EXPECT_EQ(err.str().find("internal error"), std::string::npos) << name;
        EXPECT_EQ(files_below(dir), before) << name << ": the folder changed";
    }
}

}  // namespace
}  // namespace mapwire
