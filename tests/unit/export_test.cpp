// Export module: the declared layer schemas and their documentation. No dataset.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "export/detail/schema.hpp"

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

}  // namespace
}  // namespace mapwire
