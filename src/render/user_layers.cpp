// The user's layers: control areas and extra vector layers, read, projected and drawn.
#include "render/user_layers.hpp"

#include <cmath>

#include "geometry/vector_io.hpp"

namespace mapwire::render {
namespace {

constexpr double kPointHalo = 1;

}  // namespace

std::vector<UserLayer> load_user_layers(const std::vector<ExtraLayer>& specs, const MapView& view) {
    std::vector<UserLayer> layers;
    for (const auto& spec : specs) {
        UserLayer layer;
        for (const auto& f : geometry::read_features(spec.path, {.layer = spec.layer,
                                                                .encoding = {},
                                                                .where = spec.where,
                                                                .bbox = view.read_box()})) {
            if (f.geometry().empty()) continue;
            const geometry::Geometry valid = f.geometry().made_valid();
            layer.shapes.push_back(valid);
            for (auto& p : view.screen(valid)) {
                if (p.points.size() == 1)
                    layer.points.push_back(p.points[0]);
                else
                    (p.closed ? layer.areas : layer.lines).push_back(std::move(p));
            }
            if (!spec.label.empty() && !f.text(spec.label).empty()) {
                const ScreenPoint at = view.to_screen(f.geometry().representative_point());
                if (std::isfinite(at.x)) layer.labels.push_back({f.text(spec.label), at});
            }
        }
        layers.push_back(std::move(layer));
    }
    return layers;
}

Paths load_control_layer(const std::string& path, const MapView& view,
                         std::vector<geometry::Geometry>* shapes) {
    Paths areas;
    if (path.empty()) return areas;
    for (const auto& f : geometry::read_features(path)) {
        const geometry::Geometry valid = f.geometry().made_valid();
        if (shapes) shapes->push_back(valid);
        auto p = view.screen(valid);
        areas.insert(areas.end(), p.begin(), p.end());
    }
    return areas;
}

void draw_control_areas(Canvas& c, const style::Style& st, const Paths& areas) {
    if (areas.empty()) return;
    // A solid tint with its edge, not a hatch: the areas occupied since 2014 are hatched, and
    // the two must be told apart at a glance where they overlap (Crimea, parts of Donbas).
    c.fill(areas, st.control_fill);
    c.stroke(areas, st.control_edge, kControlEdgeWidth);
}

void draw_user_layers(Canvas& c, const style::Style& st, const std::vector<ExtraLayer>& specs,
                      const std::vector<UserLayer>& layers) {
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& spec = specs[i];
        const auto& e = layers[i];
        const Color stroke = spec.stroke.value_or(st.text);
        if (spec.fill) c.fill(e.areas, *spec.fill);
        c.stroke(e.areas, stroke, spec.width);
        c.stroke(e.lines, stroke, spec.width);
        for (const auto& p : e.points) {
            c.fill(circle_path(p.x, p.y, spec.radius), spec.fill.value_or(stroke));
            c.stroke(circle_path(p.x, p.y, spec.radius), st.halo, kPointHalo);
        }
    }
}

}  // namespace mapwire::render
