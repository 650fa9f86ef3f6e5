// Scores the geoparser against gold annotations: geotagging precision, recall and F1 on exact
// spans, and geocoding accuracy within 161 km (100 miles, the usual threshold).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/great_circle.hpp"
#include "geoparse/geoparser.hpp"

namespace mapwire::geoparse {

struct GoldMention {
    std::string text;
    std::size_t start = 0, end = 0;  // code points
    Role role = Role::location;
    std::optional<std::string> id;                   // a gazetteer id, or
    std::optional<std::pair<double, double>> point;  // lat, lon
};

struct GoldDocument {
    std::string id, text;
    std::vector<GoldMention> mentions;
};

struct Evaluation {
    std::size_t gold = 0, predicted = 0, matched = 0;
    std::size_t geocoded = 0, geocoded_right = 0;  // matched spans with a gold place
    std::size_t roles_right = 0;
    std::vector<std::string> errors;  // one line per miss, false alarm or wrong place
    double precision() const { return predicted ? double(matched) / double(predicted) : 0; }
    double recall() const { return gold ? double(matched) / double(gold) : 0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
    double accuracy_161km() const {
        return geocoded ? double(geocoded_right) / double(geocoded) : 0;
    }
    double role_accuracy() const { return matched ? double(roles_right) / double(matched) : 0; }
};

using mapwire::great_circle_km;  // base/great_circle.hpp

Evaluation evaluate(const Geoparser& parser, const gazetteer::Gazetteer& gazetteer,
                    const std::vector<GoldDocument>& documents);

}  // namespace mapwire::geoparse
