// What the GeoJSON writers share: a feature collection built as text (byte-identical for the
// same features) and the atomic write that puts a finished file in place.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace mapwire::exporter::detail {

class Collection {
public:
    void add(const std::string& geometry, const nlohmann::ordered_json& properties) {
        body_ += body_.empty() ? "\n" : ",\n";
        body_ += R"({"type":"Feature","geometry":)" + geometry + R"(,"properties":)" +
                 properties.dump() + "}";
    }
    std::string text() const {
        return R"({"type":"FeatureCollection","features":[)" + body_ + "\n]}\n";
    }

private:
    std::string body_;
};

// Writes `content` to a temporary file beside `path`, renamed into place: no half-written file.
void write_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace mapwire::exporter::detail
