// Place labels: one function per pass, most important first, through one Labeler.
//
// Place labels, in passes of falling priority, each a function: the towns of the events, the other
// towns the text names, the features of the user's layers, the units the report names, countries,
// the other units of the focus country, and cities by importance while they fit. Every pass places
// through one Labeler, so that no label overlaps another or a marker.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "geometry/vector_io.hpp"
#include "geoparse/geoparser.hpp"
#include "render/canvas.hpp"
#include "render/event_symbols.hpp"
#include "render/map.hpp"
#include "render/map_view.hpp"
#include "render/placement.hpp"
#include "render/user_layers.hpp"
#include "style/style.hpp"

namespace mapwire::render {

struct Label {
    std::string text;
    Font font;
    Color color;
    Rect box;
    bool halo = true;
};

// A town's dot, drawn under the labels.
struct PlaceDot {
    ScreenPoint at;
    bool capital = false;
};

// Places labels through a LabelPlacer and records each in the report: its box when it
// found room, its text among the dropped when it did not.
class Labeler {
public:
    Labeler(LabelPlacer& placer, RenderReport& report) : placer_(placer), report_(report) {}
    LabelPlacer& placer() { return placer_; }
    // The first free candidate, or dropped.
    bool take(const std::string& text, const Font& font, Color color,
              const std::vector<Rect>& candidates);
    // The text measured, then placed at the spec's first free position about `at`.
    bool take_at(const std::string& text, const Font& font, Color color, ScreenPoint at,
                 const CandidateSpec& spec);
    // A label placed by the caller.
    void add(const std::string& text, const Font& font, Color color, const Rect& box);
    void drop(const std::string& text) { report_.dropped.push_back(text); }
    void record(const std::string& text, const Rect& box) { report_.labels.push_back({text, box}); }

    std::vector<Label> labels;
    std::vector<PlaceDot> dots;

private:
    LabelPlacer& placer_;
    RenderReport& report_;
};

// What every pass reads; the passes that name areas read the gazetteer as well.
struct LabelContext {
    const style::Style& st;
    const MapView& view;
    const gazetteer::PlaceNaming& names;  // for the places read from the gazetteer
};

// Where an area's name may go: at its label point, else nudged a little within the area.
CandidateSpec area_name_spec();

// The towns where events happened (markers placed exactly), each once; ids go into
// `labelled`.
void label_event_places(Labeler& l, const LabelContext& ctx, const std::vector<EventMark>& marks,
                        std::set<std::string>& labelled);
// The other towns the text names as locations, with a dot each.
void label_mentioned_places(Labeler& l, const LabelContext& ctx,
                            const std::vector<geoparse::Mention>& mentions,
                            std::set<std::string>& labelled);
// The user's layers: their points reserved, their features' labels placed.
void label_layer_features(Labeler& l, const LabelContext& ctx, const std::vector<ExtraLayer>& specs,
                          const std::vector<UserLayer>& layers);
// The units the report names (and the options highlight), in the highlight colour.
void label_named_units(Labeler& l, const LabelContext& ctx, const gazetteer::Gazetteer& g,
                       const std::set<std::string>& named_units);
// Country names, the focus country first, each where it fits wholly on the country.
void label_countries(Labeler& l, const LabelContext& ctx, const gazetteer::Gazetteer& g,
                     const std::vector<std::string>& ids, const std::vector<Paths>& outlines,
                     const std::string& focus);
// The other admin-1 units of the focus country, where the unit is large enough for its name.
void label_units(Labeler& l, const LabelContext& ctx, const gazetteer::Gazetteer& g,
                 const std::vector<std::pair<std::string, std::string>>& admin1_ids,
                 const std::string& focus, const std::set<std::string>& named_units);
// A Natural Earth city, as the gazetteer is asked for its name.
struct CityRef {
    std::int64_t geonameid = -1;  // Natural Earth's geonameid field; -1 where it has none
    std::string name, country;    // Natural Earth's name and ISO alpha-2
    double lon = 0, lat = 0;
};
// The gazetteer's name for a city, or nullopt when it lacks the city.
using GeonamesName = std::function<std::optional<std::string>(const CityRef&)>;

// Cities by importance, capitals first, up to 30, away from the places already marked; named
// as the gazetteer names them (`names`, by Natural Earth's geonameid field).
void label_cities(Labeler& l, const LabelContext& ctx, const GeonamesName& names,
                  std::vector<geometry::FeatureRecord> cities, const std::vector<EventMark>& marks);

// The towns' dots.
void draw_place_dots(Canvas& c, const style::Style& st, const std::vector<PlaceDot>& dots);
void draw_labels(Canvas& c, const style::Style& st, const std::vector<Label>& labels);

}  // namespace mapwire::render
