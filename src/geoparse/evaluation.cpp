// Span matching and distance scoring for Evaluation.
#include "geoparse/evaluation.hpp"

#include <cmath>
#include <map>

namespace mapwire::geoparse {

Evaluation evaluate(const Geoparser& parser, const gazetteer::Gazetteer& gazetteer,
                    const std::vector<GoldDocument>& documents) {
    Evaluation e;
    for (const auto& doc : documents) {
        const auto result = parser.parse(doc.text, doc.id);
        std::map<std::pair<std::size_t, std::size_t>, const Mention*> predicted;
        for (const auto& m : result.mentions) predicted[{m.start, m.end}] = &m;
        e.gold += doc.mentions.size();
        e.predicted += predicted.size();
        std::map<std::pair<std::size_t, std::size_t>, bool> seen;
        for (const auto& g : doc.mentions) {
            auto it = predicted.find({g.start, g.end});
            if (it == predicted.end()) {
                e.errors.push_back(doc.id + ": missed '" + g.text + "' at " +
                                   std::to_string(g.start));
                continue;
            }
            seen[{g.start, g.end}] = true;
            ++e.matched;
            const Mention& m = *it->second;
            if (m.role == g.role)
                ++e.roles_right;
            else
                e.errors.push_back(doc.id + ": '" + g.text + "' role " +
                                   std::string(to_string(m.role)) + ", gold " +
                                   std::string(to_string(g.role)));
            if (!g.id && !g.point) continue;
            ++e.geocoded;
            bool right = false;
            if (m.place) {
                if (g.id && m.place->id == *g.id) right = true;
                std::optional<std::pair<double, double>> target = g.point;
                if (!target && g.id)
                    if (auto p = gazetteer.find_id(*g.id)) target = std::make_pair(p->lat, p->lon);
                if (!right && target &&
                    great_circle_km(m.place->lat, m.place->lon, target->first, target->second) <=
                        161.0)
                    right = true;
            }
            if (right)
                ++e.geocoded_right;
            else
                e.errors.push_back(doc.id + ": '" + g.text + "' resolved to " +
                                   (m.place ? std::string(m.place->id) + " " +
                                                  std::string(m.place->name) + " (" +
                                                  std::string(m.place->country) + ")"
                                            : std::string("nothing")));
        }
        for (const auto& [span, m] : predicted)
            if (!seen.count(span))
                e.errors.push_back(doc.id + ": false alarm '" + m->text + "'" +
                                   (m->place ? " -> " + std::string(m->place->id) : std::string()));
    }
    return e;
}

}  // namespace mapwire::geoparse
