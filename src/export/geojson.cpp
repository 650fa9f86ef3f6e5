// The three GeoJSON layers. Properties are flat and typed the same on every feature (null
// where absent), so that QGIS and ogr2ogr read one column type per property; dates are full
// ISO days with a separate precision field.
#include "export/geojson.hpp"

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "export/detail/collection.hpp"
#include "export/detail/schema.hpp"
#include "geometry/geometry.hpp"
#include "geometry/vector_io.hpp"

namespace mapwire::exporter {
namespace {

namespace fs = std::filesystem;
using detail::Collection;
using detail::write_atomically;
using gazetteer::Place;
using gazetteer::PlaceType;
using nlohmann::ordered_json;

constexpr const char* kCountFields[] = {"killed",   "injured",  "captured",    "engaged",
                                        "deployed", "launched", "intercepted", "displaced",
                                        "arrested", "assaults"};

ordered_json or_null(const std::string& s) {
    return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

// Area geometry from the GeoPackage, cached by place id.
class AreaSource {
public:
    explicit AreaSource(std::string gpkg) : gpkg_(std::move(gpkg)) {}
    std::string geometry(const Place& p) {
        if (p.type == PlaceType::place) return geometry::Geometry::point({p.lon, p.lat}).geojson();
        const std::string id(p.id);
        auto it = cache_.find(id);
        if (it != cache_.end()) return it->second;
        const std::string layer = p.type == PlaceType::admin0   ? "countries"
                                  : p.type == PlaceType::admin1 ? "admin1"
                                                                : "regions";
        // The dataset's pre-simplified layers (about 1 km): full resolution would take a second
        // for Russia or Europe, and make files no web map wants.
        const auto found = geometry::read_features(
            gpkg_, {.layer = layer + "_simple", .encoding = {}, .where = "id = '" + id + "'"});
        std::string g = found.empty() ? geometry::Geometry::point({p.lon, p.lat}).geojson()
                                      : found[0].geometry().geojson();
        return cache_.emplace(id, std::move(g)).first->second;
    }

private:
    std::string gpkg_;
    std::map<std::string, std::string> cache_;
};

std::string admin1_name(const gazetteer::Gazetteer& gaz, const Place& p) {
    return p.admin1 >= 0 ? std::string(gaz.place(static_cast<std::uint32_t>(p.admin1)).name) : "";
}

std::string events_layer(const events::Extraction& x, const gazetteer::Gazetteer& gaz) {
    Collection c;
    for (const auto& e : x.events) {
        ordered_json p;
        p["id"] = e.id;
        p["event_type"] = to_string(e.type);
        p["sub_event_type"] = to_string(e.sub_type);
        p["actor1"] = or_null(e.actor1.name);
        p["actor1_country"] = or_null(e.actor1.country);
        p["actor2"] = or_null(e.actor2.name);
        p["actor2_country"] = or_null(e.actor2.country);
        p["actor2_side"] = or_null(e.actor2.side);
        // ACLED's own names where ACLED has the field (event_date, time_precision, latitude,
        // longitude, fatalities, notes): mapwire's events append to an ACLED export.
        p["event_date"] = or_null(e.date.date);
        p["time_precision"] =
            e.date.date.empty() ? ordered_json(nullptr) : ordered_json(e.date.time_precision());
        p["date_precision"] = or_null(std::string(to_string(e.date.precision)));
        p["date_text"] = or_null(e.date.text);
        p["location"] =
            e.location ? ordered_json(std::string(e.location->name)) : ordered_json(nullptr);
        p["location_id"] =
            e.location ? ordered_json(std::string(e.location->id)) : ordered_json(nullptr);
        p["location_type"] = e.location
                                 ? ordered_json(std::string(gazetteer::to_string(e.location->type)))
                                 : ordered_json(nullptr);
        p["country"] =
            e.location ? or_null(std::string(e.location->country)) : ordered_json(nullptr);
        p["admin1"] = e.location ? or_null(admin1_name(gaz, *e.location)) : ordered_json(nullptr);
        p["latitude"] = e.location ? ordered_json(e.location->lat) : ordered_json(nullptr);
        p["longitude"] = e.location ? ordered_json(e.location->lon) : ordered_json(nullptr);
        p["geo_precision"] = acled_code(e.geo_precision);
        bool approximate = false;
        for (const char* field : kCountFields) {
            p[field] = nullptr;
            for (const auto& count : e.counts)
                if (count.meaning == field) {
                    p[field] = count.value;
                    approximate = approximate || count.approximate;
                }
        }
        p["counts_approximate"] = approximate;
        // ACLED's convention: the deaths reported, 0 where the report gives none (`killed`
        // stays null there, as mapwire's other counts do).
        std::int64_t fatalities = 0;
        for (const auto& count : e.counts)
            if (count.meaning == "killed" && !count.unknown) fatalities = count.value;
        p["fatalities"] = fatalities;
        // A vague quantity keeps its words ("injured: thousands"): GIS users see what the text
        // said, not only the lower bound in the count field.
        std::string words;
        for (const auto& count : e.counts)
            if (!count.words.empty())
                words += (words.empty() ? "" : "; ") + count.meaning + ": " + count.words;
        p["counts_words"] = or_null(words);
        p["background"] = e.background;  // a past event the text recalls, not a current one
        p["attribution"] = or_null(e.attribution);
        p["reporting"] = std::string(events::to_string(e.reporting));
        p["notes"] = e.sentence;  // the sentence it was read from
        p["sentence_start"] = e.start;
        p["sentence_end"] = e.end;
        // An event known only to an area is still a point here (its label point), marked by
        // geo_precision; maps draw such events as "somewhere in" the area.
        c.add(e.location ? geometry::Geometry::point({e.location->lon, e.location->lat}).geojson()
                         : "null",
              p);
    }
    return c.text();
}

// The places layer (a point each) and the areas layer (the polygon of each country, unit or
// region among them): one geometry type per layer, which QGIS opens without asking for a
// sublayer and Shapefile can hold.
struct PlaceLayers {
    std::string places, areas;
};

PlaceLayers place_layers(const events::Extraction& x, const gazetteer::Gazetteer& gaz,
                         AreaSource& areas) {
    // One feature per place, however often the text names it: every mention is listed in
    // its properties (a country named twenty times is one polygon, not twenty).
    struct Entry {
        Place place;
        std::vector<const geoparse::Mention*> mentions;
    };
    std::vector<Entry> entries;
    std::unordered_map<std::string_view, std::size_t> entry_of;  // place id -> entry
    for (const auto& m : x.places.mentions) {
        if (!m.place) continue;
        const auto [it, added] = entry_of.try_emplace(m.place->id, entries.size());
        if (added)
            entries.push_back({*m.place, {&m}});
        else
            entries[it->second].mentions.push_back(&m);
    }
    Collection points, polygons;
    for (const auto& e : entries) {
        ordered_json p;
        p["place_id"] = std::string(e.place.id);
        p["name"] = std::string(e.place.name);
        p["type"] = std::string(gazetteer::to_string(e.place.type));
        p["country"] = or_null(std::string(e.place.country));
        p["admin1"] = or_null(admin1_name(gaz, e.place));
        p["mentions"] = e.mentions.size();
        // The most literal role it plays anywhere in the text.
        std::string role = "demonym", roles, texts, starts;
        for (const auto* m : e.mentions) {
            const std::string r(geoparse::to_string(m->role));
            if (r == "location" || (r == "metonym" && role != "location") ||
                (r == "other" && role == "demonym"))
                role = r;
            if (roles.find(r) == std::string::npos) roles += (roles.empty() ? "" : ",") + r;
            if (texts.find(m->text) == std::string::npos)
                texts += (texts.empty() ? "" : "; ") + m->text;
            starts += (starts.empty() ? "" : ",") + std::to_string(m->start);
        }
        p["role"] = role;
        p["roles"] = roles;
        p["texts"] = texts;
        p["starts"] = starts;
        double confidence = 0;
        for (const auto* m : e.mentions) confidence = std::max(confidence, m->confidence);
        p["confidence"] = confidence;
        p["area_km2"] = e.place.type == PlaceType::place
                            ? ordered_json(nullptr)
                            : ordered_json(std::round(e.place.area_km2));
        p["occupied_by"] = or_null(std::string(e.place.occupied_by));
        points.add(geometry::Geometry::point({e.place.lon, e.place.lat}).geojson(), p);
        if (e.place.type == PlaceType::place) continue;
        // A unit the dataset has no polygon for (a point region: a sea) is a place only.
        std::string area = areas.geometry(e.place);
        if (area.find("\"Point\"") == std::string::npos) polygons.add(std::move(area), p);
    }
    return {points.text(), polygons.text()};
}

std::string figures_layer(const events::Extraction& x, AreaSource& areas) {
    Collection c;
    for (const auto& f : x.figures) {
        ordered_json p;
        auto number = [](const std::optional<double>& v, double scale) {
            return v ? ordered_json(std::round(*v * scale) / scale) : ordered_json(nullptr);
        };
        p["id"] = f.id;
        p["text"] = f.text;
        p["holder"] = or_null(f.holder);
        p["territory_id"] =
            f.territory ? ordered_json(std::string(f.territory->id)) : ordered_json(nullptr);
        p["territory"] =
            f.territory ? ordered_json(std::string(f.territory->name)) : ordered_json(nullptr);
        p["stated_value"] = f.stated_value;
        p["stated_unit"] = f.unit;
        p["hedge"] = or_null(f.hedge);
        p["stated_share_percent"] = std::round(f.stated_share * 100) / 100;
        p["stated_km2"] = std::round(f.stated_km2);
        p["since"] = or_null(f.since);
        p["where"] = or_null(f.where);
        p["measured_km2"] = number(f.measured_km2, 1);
        p["measured_share_percent"] = number(f.measured_share, 100);
        p["difference_km2"] = number(f.difference_km2, 1);
        p["difference_points"] = number(f.difference_points, 100);
        p["sentence"] = f.sentence;
        c.add(f.territory ? areas.geometry(*f.territory) : "null", p);
    }
    return c.text();
}

}  // namespace

void convert_layers(const std::string& dir, const std::string& destination,
                    const std::string& driver) {
    std::vector<std::string> sources;
    for (const char* layer : kLayers) sources.push_back(dir + "/" + layer + ".geojson");
    geometry::convert_layers(sources, destination, driver, detail::layer_schemas());
}

std::optional<VectorFormat> vector_format(std::string_view name) {
    if (name == "gpkg") return VectorFormat::gpkg;
    if (name == "kml") return VectorFormat::kml;
    if (name == "fgb") return VectorFormat::fgb;
    if (name == "shp") return VectorFormat::shp;
    return std::nullopt;
}

namespace {

constexpr const char* kKmlDot = "http://maps.google.com/mapfiles/kml/shapes/shaded_dot.png";

// "a, b" from two parts either of which may be empty.
std::string both(const std::string& a, const std::string& sep, const std::string& b) {
    return a.empty() ? b : b.empty() ? a : a + sep + b;
}

// KML placemarks that say what they are: events named by what and where, described by the
// sentence and how it was reported, stamped with their date, in the map's colours; places and
// areas by name; figures by their text.
geometry::KmlLooks kml_looks(const LayerColours& colours) {
    using Field = geometry::KmlLook::Field;
    geometry::KmlLooks looks;
    looks["events"] = {
        .name = [](const Field& f) { return both(f("sub_event_type"), " in ", f("location")); },
        .description =
            [](const Field& f) {
                return both(f("notes"), " ",
                            "(" + both(f("reporting"), ", according to ", f("attribution")) + ")");
            },
        .time_field = "event_date",
        .style =
            [colours](const Field& f) {
                const auto type = events::parse_event_type(f("event_type"));
                const auto it = type ? colours.events.find(*type) : colours.events.end();
                // Google Earth's own dot, tinted: the icon every KML viewer carries (LIBKML
                // needs an icon for a colour; mapwire fetches nothing).
                return it == colours.events.end()
                           ? std::string()
                           : "SYMBOL(id:\"" + std::string(kKmlDot) + "\",c:" + it->second + "ff)";
            }};
    auto area_style = [colours](const Field&) {
        return colours.areas.empty()
                   ? std::string()
                   : "PEN(c:" + colours.areas + "ff,w:2px);BRUSH(fc:" + colours.areas + "40)";
    };
    looks["places"] = {
        .name = [](const Field& f) { return f("name"); },
        .description = [](const Field& f) { return both(f("type"), ", ", f("role")); },
        .time_field = {},
        .style = {}};
    looks["areas"] = looks["places"];
    looks["areas"].style = area_style;
    looks["figures"] = {.name = [](const Field& f) { return f("text"); },
                        .description = [](const Field& f) { return f("sentence"); },
                        .time_field = {},
                        .style = area_style};
    return looks;
}

}  // namespace

std::vector<std::string> write_layers(const std::string& dir, const std::string& out_dir,
                                      VectorFormat format, const LayerColours& colours) {
    if (format == VectorFormat::fgb) {
        std::vector<std::string> files;
        for (const char* layer : kLayers) {
            files.push_back(out_dir + "/" + layer + ".fgb");
            geometry::convert_layers({dir + "/" + layer + ".geojson"}, files.back(), "FlatGeobuf",
                                     detail::layer_schemas());
        }
        return files;
    }
    const std::string path = out_dir + (format == VectorFormat::gpkg  ? "/map.gpkg"
                                        : format == VectorFormat::kml ? "/map.kml"
                                                                      : "/map.shp.zip");
    std::vector<std::string> sources;
    for (const char* layer : kLayers) sources.push_back(dir + "/" + layer + ".geojson");
    geometry::convert_layers(
        sources, path,
        format == VectorFormat::gpkg  ? "GPKG"
        : format == VectorFormat::kml ? "LIBKML"
                                      : "ESRI Shapefile",
        detail::layer_schemas(),
        format == VectorFormat::kml ? kml_looks(colours) : geometry::KmlLooks{});
    return {path};
}

void write_geojson_layers(const events::Extraction& x, const gazetteer::Gazetteer& gaz,
                          const std::string& geopackage, const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw std::move(IoError("cannot create the output folder: " + ec.message()).in_file(dir));
    AreaSource areas(geopackage);
    // Build all three first, then write: a failure leaves no partial set behind.
    const std::string events = events_layer(x, gaz);
    const PlaceLayers places = place_layers(x, gaz, areas);
    const std::string figures = figures_layer(x, areas);
    write_atomically(fs::path(dir) / "events.geojson", events);
    write_atomically(fs::path(dir) / "places.geojson", places.places);
    write_atomically(fs::path(dir) / "areas.geojson", places.areas);
    write_atomically(fs::path(dir) / "figures.geojson", figures);
}

namespace detail {

void write_atomically(const std::filesystem::path& path, const std::string& content) {
    const std::filesystem::path temp = path.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::move(IoError("cannot write").in_file(temp.string()));
        out << content;
        if (!out.flush())
            throw std::move(IoError("write failed (disk full?)").in_file(temp.string()));
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec)
        throw std::move(IoError("cannot move the finished file into place: " + ec.message())
                            .in_file(path.string()));
}

}  // namespace detail

}  // namespace mapwire::exporter
