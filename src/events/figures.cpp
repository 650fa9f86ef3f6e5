// Territory figures ("Russia holds about 20% of Ukraine's territory"): found in the text,
// converted between shares and areas with the gazetteer's geodesic areas, and measured
// against a control-area layer when one is given.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "events/detail/numbers.hpp"
#include "events/extractor.hpp"
#include "geometry/geometry.hpp"
#include "geometry/vector_io.hpp"
#include "text/normalize.hpp"
#include "text/tokenize.hpp"

namespace mapwire::events {
namespace {

using gazetteer::PlaceType;
using geoparse::Role;

using text::ascii_lower;
constexpr auto lower = [](std::string_view s) { return ascii_lower(s); };

std::optional<double> parse_decimal(std::string_view w) {
    // A number starts, commas aside, with a digit: every other token is turned away before
    // the copy (this ran on every token of the text).
    const auto first = w.find_first_not_of(',');
    if (first == std::string_view::npos || w[first] < '0' || w[first] > '9') return std::nullopt;
    std::string s;
    for (char c : w)
        if (c != ',') s.push_back(c);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

constexpr auto kHedges =
    std::to_array<std::string_view>({"approximately", "about", "around", "roughly", "nearly",
                                     "almost", "some", "over", "under", "up"});

}  // namespace

std::vector<TerritoryFigure> find_figures(const gazetteer::Gazetteer& gaz, std::string_view text,
                                          const std::vector<text::Token>& tokens,
                                          const geoparse::GeoparseResult& places) {
    // The tokens inside each mention, found by bisection (tokens are in text order): linear
    // in the text, where a scan of every token per mention was quadratic.
    std::vector<int> mention_of(tokens.size(), -1);
    for (std::size_t m = 0; m < places.mentions.size(); ++m) {
        const auto& x = places.mentions[m];
        auto t = std::lower_bound(
            tokens.begin(), tokens.end(), x.byte_start,
            [](const text::Token& tok, std::size_t at) { return tok.byte_begin < at; });
        for (; t != tokens.end() && t->byte_begin < x.byte_end; ++t)
            if (t->byte_end <= x.byte_end)
                mention_of[static_cast<std::size_t>(t - tokens.begin())] = static_cast<int>(m);
    }
    auto mention = [&](std::size_t t) -> const geoparse::Mention* {
        return mention_of[t] >= 0 ? &places.mentions[static_cast<std::size_t>(mention_of[t])]
                                  : nullptr;
    };
    auto sentence_bounds = [&](std::size_t t) {
        std::size_t a = t, b = t + 1;
        while (a > 0 && tokens[a - 1].sentence == tokens[t].sentence) --a;
        while (b < tokens.size() && tokens[b].sentence == tokens[t].sentence) ++b;
        return std::make_pair(a, b);
    };

    std::vector<TerritoryFigure> out;
    for (std::size_t t = 0; t + 1 < tokens.size(); ++t) {
        const auto value = parse_decimal(tokens[t].text);
        if (!value) continue;
        std::string unit;
        std::size_t after = t + 1;
        const std::string u1 = lower(tokens[t + 1].text);
        const std::string u2 = t + 2 < tokens.size() ? lower(tokens[t + 2].text) : "";
        if (u1 == "%" || u1 == "percent")
            unit = "percent";
        else if (u1 == "per" && u2 == "cent")
            unit = "percent", after = t + 2;
        else if ((u1 == "square" && (u2 == "kilometres" || u2 == "kilometers")) ||
                 (u1 == "sq" && u2 == "km"))
            unit = "km2", after = t + 2;
        else if (u1 == "km2" || u1 == "km²")
            unit = "km2";
        else if (u1 == "square" && u2 == "miles")
            unit = "mi2", after = t + 2;
        if (unit.empty()) continue;
        const auto [first, last] = sentence_bounds(t);
        // The whole it is part of: the first country or unit named after the number.
        const geoparse::Mention* whole = nullptr;
        std::size_t whole_end = after + 1;
        bool territorial = false;
        for (std::size_t k = after + 1; k < std::min(last, after + 8); ++k) {
            const std::string w = lower(tokens[k].text);
            territorial = territorial || w == "territory" || w == "land" || w == "area";
            if (const auto* m = mention(k); m && m->place && !whole && m->role != Role::demonym &&
                                            (m->place->type != PlaceType::place)) {
                whole = m;
                whole_end = k + 1;
            }
            if (w == "territory" || w == "land") whole_end = std::max(whole_end, k + 1);
        }
        for (std::size_t k = first; k < last; ++k) {
            const std::string w = lower(tokens[k].text);
            territorial = territorial || w == "occupies" || w == "occupied" || w == "controls" ||
                          w == "holds" || w == "captured" || w == "seized" || w == "occupation";
        }
        if (!whole || !territorial) continue;

        TerritoryFigure f;
        f.territory = whole->place;
        f.stated_value = *value;
        f.unit = unit == "mi2" ? "km2" : unit;
        std::size_t text_begin = t;
        if (t > first) {
            const std::string h = lower(tokens[t - 1].text);
            if (std::find(kHedges.begin(), kHedges.end(), h) != kHedges.end()) {
                f.hedge = h;
                text_begin = t - 1;
            } else if (t > first + 1 && (h == "than" || h == "least")) {
                f.hedge = lower(tokens[t - 2].text) + " " + h;  // "more than", "at least"
                text_begin = t - 2;
            }
        }
        const double area = whole->place->area_km2;
        if (unit == "percent") {
            f.stated_share = *value;
            f.stated_km2 = area * *value / 100.0;
        } else {
            f.stated_km2 = unit == "mi2" ? *value * 2.589988 : *value;
            f.stated_share = area > 0 ? 100.0 * f.stated_km2 / area : 0;
        }
        f.text = std::string(
            text.substr(tokens[text_begin].byte_begin,
                        tokens[whole_end - 1].byte_end - tokens[text_begin].byte_begin));
        // The holder: the nearest state named before the figure that is not the whole.
        for (std::size_t k = t; k-- > first;) {
            const auto* m = mention(k);
            if (m && m->place && m->place->type == PlaceType::admin0 &&
                m->place->country != whole->place->country) {
                f.holder = std::string(m->place->country);
                break;
            }
        }
        for (std::size_t k = first; k + 1 < last; ++k) {
            const std::string w = lower(tokens[k].text);
            if ((w == "since" || w == "in") && f.since.empty())
                if (auto y = parse_decimal(tokens[k + 1].text);
                    y && *y >= 1900 && *y <= 2100 && w == "since")
                    f.since = std::string(tokens[k + 1].text);
            if ((w == "primarily" || w == "mostly" || w == "mainly" || w == "largely" ||
                 w == "chiefly") &&
                f.where.empty()) {
                std::size_t e = k + 1;
                while (e < last && tokens[e].word) ++e;
                f.where = std::string(text.substr(tokens[k].byte_begin,
                                                  tokens[e - 1].byte_end - tokens[k].byte_begin));
            }
        }
        // "Since Russia's invasion of Ukraine in 2022": a year after "in" closing a since-phrase.
        if (f.since.empty())
            for (std::size_t k = first; k + 1 < last; ++k)
                if (lower(tokens[k].text) == "since")
                    for (std::size_t n = k + 1; n < std::min(last, k + 10); ++n)
                        if (auto y = parse_decimal(tokens[n].text); y && *y >= 1900 && *y <= 2100) {
                            f.since = std::string(tokens[n].text);
                            break;
                        }
        f.sentence = std::string(text.substr(tokens[first].byte_begin,
                                             tokens[last - 1].byte_end - tokens[first].byte_begin));
        f.start = tokens[first].cp_begin;
        f.end = tokens[last - 1].cp_end;
        f.id = "f" + std::to_string(out.size() + 1);
        out.push_back(std::move(f));
        t = after;
    }
    (void)gaz;
    return out;
}

void measure_figures(std::vector<TerritoryFigure>& figures, const std::string& control_layer,
                     const std::string& geopackage) {
    std::vector<geometry::Geometry> parts;
    for (const auto& f : geometry::read_features(control_layer)) {
        if (f.geometry().empty()) continue;
        parts.push_back(f.geometry().made_valid());
    }
    if (parts.empty())
        throw std::move(
            ExtractError(
                "the control layer has no polygons", ExitCode::bad_input,
                "give a polygon layer of the area held (GeoJSON, GeoPackage, Shapefile ...)")
                .in_file(control_layer));
    // Overlapping polygons would be counted twice: dissolve, then take the parts again.
    parts = geometry::Geometry::union_all(parts).polygons();
    for (auto& f : figures) {
        if (!f.territory) continue;
        const std::string layer = f.territory->type == PlaceType::admin0   ? "countries"
                                  : f.territory->type == PlaceType::admin1 ? "admin1"
                                                                           : "regions";
        const auto whole = geometry::read_features(
            geopackage, {.layer = layer,
                         .encoding = {},
                         .where = "id = '" + std::string(f.territory->id) + "'"});
        if (whole.empty()) continue;
        const geometry::Geometry territory = whole[0].geometry();
        // Held area: the control polygons that touch the territory, counted whole. Clipping
        // them to the boundary would lose more to coastline and border mismatch between
        // datasets (1.6 % for DeepStateMap against Natural Earth) than the figures' precision.
        double held = 0;
        for (const auto& part : parts)
            if (!part.intersection(territory).empty()) held += part.geodesic_area_km2();
        const double total = territory.geodesic_area_km2();
        f.measured_km2 = held;
        f.measured_share = total > 0 ? 100.0 * held / total : 0;
        f.difference_km2 = f.stated_km2 - held;
        f.difference_points = f.stated_share - *f.measured_share;
        f.control_layer = control_layer;
    }
}

}  // namespace mapwire::events
