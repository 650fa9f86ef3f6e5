// Configuration loading with yaml-cpp (which reads JSON too): a small schema walker that
// reports unknown keys with suggestions, wrong types, missing files and unknown place names,
// all at once, each at its line and column.
#include "config/config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include "config/detail/table_keys.hpp"
#include "geometry/datasource.hpp"
#include "geometry/projection.hpp"
#include "geometry/vector_io.hpp"
#include "style/style.hpp"
#include "text/normalize.hpp"

namespace mapwire::config {

std::string Problem::describe() const {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
    s += ": " + message;
    if (!hint.empty()) s += " (" + hint + ")";
    return s;
}

ConfigError::ConfigError(std::vector<Problem> problems)
    : ErrorKind(
          problems.size() == 1
              ? problems[0].describe()
              : std::to_string(problems.size()) + " problems in the configuration:\n  " +
                    [&] {
                        std::string all;
                        for (const auto& p : problems)
                            all += (all.empty() ? "" : "\n  ") + p.describe();
                        return all;
                    }(),
          ExitCode::bad_input, "fix them and run `mapwire render --check` again"),
      problems_(std::move(problems)) {}

namespace {

namespace fs = std::filesystem;

class Loader {
public:
    Loader(std::string path, const gazetteer::Gazetteer& g, std::string styles_dir,
           Confinement confinement)
        : path_(std::move(path)),
          gaz_(g),
          styles_dir_(std::move(styles_dir)),
          confinement_(std::move(confinement)) {
        base_ = fs::absolute(fs::path(path_)).parent_path();
        std::error_code ec;
        real_base_ = fs::weakly_canonical(base_, ec);
        if (ec) real_base_ = base_;
    }
    Config run();
    Config checked(Config cfg, const YAML::Node& root);  // run()'s work on the parsed file

private:
    void problem(const YAML::Node& at, std::string message, std::string hint = {}) {
        const auto mark = at.Mark();
        problems_.push_back(
            {path_, mark.line + 1, mark.column + 1, std::move(message), std::move(hint)});
    }
    void check_keys(const YAML::Node& map, const std::vector<std::string>& known,
                    const std::string& where);
    std::optional<std::string> text(const YAML::Node& n, const std::string& key);
    std::optional<double> number(const YAML::Node& n, const std::string& key, double min,
                                 double max);
    std::optional<bool> flag(const YAML::Node& n, const std::string& key);
    std::string input_file(const YAML::Node& n, const std::string& key);
    void map_settings(const YAML::Node& node, MapJob& job, bool defaults);
    void naming(const YAML::Node& node, render::MapOptions& o);
    // The value of `key` when it is a real day written YYYY-MM-DD; else a problem and nullopt.
    std::optional<std::string> iso_date(const YAML::Node& node, const std::string& key);
    void layers(const YAML::Node& node, render::MapOptions& o);
    void annotations(const YAML::Node& node, render::MapOptions& o);
    // `events`, `from`, `to` of a map of an event table; `aggregate` (maps and defaults).
    void table_settings(const YAML::Node& node, MapJob& job);
    void aggregate(const YAML::Node& node, render::MapOptions& o);
    std::optional<style::Color> color(const YAML::Node& n, const std::string& key);
    // The gazetteer's best match for a place name, or a problem with a suggestion.
    std::optional<gazetteer::Place> place(const YAML::Node& name);
    // Spellings near an unknown name, for the first kSuggestedNames of a configuration only:
    // each looks through the whole gazetteer, and a file of thousands of unknown names must
    // still be checked in linear time (found by the config fuzz target: 12 s).
    std::vector<gazetteer::Suggestion> suggestions(const std::string& name, std::size_t limit) {
        if (suggested_ >= kSuggestedNames) return {};
        ++suggested_;
        return gaz_.suggestions(name, limit);
    }
    static constexpr std::size_t kSuggestedNames = 10;
    std::size_t suggested_ = 0;
    // The jobs of a series (QGIS's atlas): one per unit or per control layer, or the job
    // marked to make one map per event.
    std::vector<MapJob> series(const YAML::Node& node, const MapJob& job,
                               std::set<std::string>& names);
    // A map per calendar month of an event table's `from` to `to`.
    std::vector<MapJob> month_series(const YAML::Node& node, const MapJob& job,
                                     std::set<std::string>& names);

    // Whether GDAL opens the layer (a control file): a problem at `at` if not.
    bool readable_layer(const YAML::Node& at, const std::string& file);
    // The datasource the layers are upserted into (`datasource`): a connection string as
    // given, a file relative to the configuration and inside its folder.
    void datasource(const YAML::Node& node, MapJob& job);
    // The document a map's rows belong to (`doc_id`, else the article's file name).
    void document(const YAML::Node& map, MapJob& job);
    // Whether `p` (links resolved) lies inside the configuration's folder, or may anyway.
    bool confined(const fs::path& p) const;

    std::string path_;
    const gazetteer::Gazetteer& gaz_;
    std::string styles_dir_;
    Confinement confinement_;
    fs::path base_;
    fs::path real_base_;  // base_ with links resolved
    std::vector<Problem> problems_;
};

const std::vector<std::string> kTopKeys = {"output_dir", "defaults", "maps"};
const std::vector<std::string> kMapKeys = {
    "name",        "article",         "date",        "control",    "style",        "size",
    "dpi",         "formats",         "extent",      "projection", "inset",        "title",
    "subtitle",    "source",          "description", "background", "highlight",    "layers",
    "annotations", "style_overrides", "series",      "credits",    "control_date", "control_source",
    "datasource",  "doc_id",          "events",      "from",       "to",           "aggregate",
    "names",       "name_overrides"};
const std::vector<std::string> kLayerKeys = {"file",  "layer",  "where", "fill",  "stroke",
                                             "width", "radius", "label", "legend"};
const std::vector<std::string> kAnnotationKeys = {"text", "at", "leader"};

void Loader::check_keys(const YAML::Node& map, const std::vector<std::string>& known,
                        const std::string& where) {
    for (const auto& item : map) {
        if (!item.first.IsScalar()) {
            problem(item.first, "a key in " + where + " must be a name, not a list or mapping");
            continue;
        }
        const std::string key = item.first.as<std::string>();
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string best;
        std::size_t best_d = 4;
        for (const auto& k : known)
            if (const auto d = text::edit_distance(key, k); d < best_d) best_d = d, best = k;
        problem(item.first, "unknown key '" + key + "' in " + where,
                best.empty() ? "see docs/config.md" : "did you mean '" + best + "'?");
    }
}

std::optional<std::string> Loader::text(const YAML::Node& n, const std::string& key) {
    const YAML::Node v = n[key];
    if (!v) return std::nullopt;
    if (!v.IsScalar()) {
        problem(v, "'" + key + "' must be a text");
        return std::nullopt;
    }
    return v.as<std::string>();
}

std::optional<double> Loader::number(const YAML::Node& n, const std::string& key, double min,
                                     double max) {
    const YAML::Node v = n[key];
    if (!v) return std::nullopt;
    try {
        const double d = v.as<double>();
        if (!std::isfinite(d) || d < min || d > max) {
            problem(v, "'" + key + "' must be between " + std::to_string(static_cast<long>(min)) +
                           " and " + std::to_string(static_cast<long>(max)));
            return std::nullopt;
        }
        return d;
    } catch (const YAML::Exception&) {
        problem(v, "'" + key + "' must be a number");
        return std::nullopt;
    }
}

std::optional<bool> Loader::flag(const YAML::Node& n, const std::string& key) {
    const YAML::Node v = n[key];
    if (!v) return std::nullopt;
    try {
        return v.as<bool>();
    } catch (const YAML::Exception&) {
        problem(v, "'" + key + "' must be true or false");
        return std::nullopt;
    }
}

bool Loader::readable_layer(const YAML::Node& at, const std::string& file) {
    try {
        geometry::check_layer(file, {});
        return true;
    } catch (const Error& e) {
        problem(at, e.message() + ": " + file, e.hint());
        return false;
    }
}

bool Loader::confined(const fs::path& p) const {
    if (confinement_.allow_outside) return true;
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(p, ec);
    if (ec) return false;
    auto r = real.begin();
    for (auto b = real_base_.begin(); b != real_base_.end(); ++b, ++r)
        if (r == real.end() || *r != *b) return false;
    return true;
}

const std::string kOutsideHint =
    "keep what a configuration reads below its folder; run `mapwire render --allow-outside` "
    "for a configuration you trust";

// A file to read: relative to the configuration, local only, existing, and inside the
// configuration's folder.
std::string Loader::input_file(const YAML::Node& n, const std::string& key) {
    const auto value = text(n, key);
    if (!value) return {};
    const std::string& v = *value;
    if (v.find("://") != std::string::npos || v.rfind("/vsi", 0) == 0) {
        problem(n[key], "'" + key + "' must be a local file",
                "a configuration cannot read from the network");
        return {};
    }
    const fs::path p = fs::path(v).is_absolute() ? fs::path(v) : base_ / v;
    if (!fs::exists(p)) {
        problem(n[key], "file not found: " + v, "paths are relative to the configuration's folder");
        return {};
    }
    if (!confined(p)) {
        problem(n[key], "'" + key + "' is outside the configuration's folder: " + v, kOutsideHint);
        return {};
    }
    return fs::weakly_canonical(p).string();
}

void Loader::datasource(const YAML::Node& node, MapJob& job) {
    const auto v = text(node, "datasource");
    if (!v) return;
    if (v->empty() || v->find("://") != std::string::npos || v->rfind("/vsi", 0) == 0) {
        problem(node["datasource"], "'datasource' must be a connection string or a local file",
                "e.g. \"PG:dbname=news host=127.0.0.1 port=5432\" or all.gpkg");
        return;
    }
    if (geometry::is_connection_string(*v)) {
        job.datasource = exporter::DatasourceTarget{*v, {}};
        return;
    }
    const fs::path p = fs::path(*v).is_absolute() ? fs::path(*v) : base_ / *v;
    if (!confined(p)) {
        problem(node["datasource"], "'datasource' is outside the configuration's folder: " + *v,
                kOutsideHint);
        return;
    }
    job.datasource = exporter::DatasourceTarget{fs::weakly_canonical(p).string(), {}};
}

void Loader::document(const YAML::Node& map, MapJob& job) {
    const auto given = text(map, "doc_id");
    if (given && !job.datasource) {
        problem(map["doc_id"], "'doc_id' names the map's rows in a datasource, and there is none",
                "add 'datasource', or drop 'doc_id'");
        return;
    }
    // A map of an event table is the document of its table's file name, as an article's is.
    const std::string& source = job.article.empty() ? job.events_table : job.article;
    if (!job.datasource || source.empty()) return;
    try {
        job.datasource->doc = exporter::document_id(source, given.value_or(""), "doc_id");
    } catch (const Error& e) {
        problem(given ? map["doc_id"] : map, e.message(), e.hint());
    }
}

std::optional<std::string> Loader::iso_date(const YAML::Node& node, const std::string& key) {
    const auto v = text(node, key);
    if (!v) return std::nullopt;
    int y = 0, m = 0, d = 0;
    const bool parsed = std::sscanf(v->c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && v->size() == 10;
    if (parsed && std::chrono::year_month_day(std::chrono::year(y),
                                              std::chrono::month(static_cast<unsigned>(m)),
                                              std::chrono::day(static_cast<unsigned>(d)))
                      .ok())
        return v;
    problem(node[key], "'" + key + "' must be YYYY-MM-DD");
    return std::nullopt;
}

void Loader::naming(const YAML::Node& node, render::MapOptions& o) {
    if (const YAML::Node n = node["names"]) {
        const auto v = text(node, "names");
        const auto style = v ? gazetteer::parse_name_style(*v) : std::nullopt;
        if (style)
            o.names.style = *style;
        else if (v)
            problem(n, "'names' must be english, local or both: " + *v,
                    "english: Kyiv; local: Київ; both: Kyiv / Київ (docs/styles.md)");
    }
    const YAML::Node ov = node["name_overrides"];
    if (!ov) return;
    if (!ov.IsMap()) {
        problem(ov, "'name_overrides' must be a mapping of place names (or ids) to names",
                "e.g. {Kyiv: Kiev, \"geonames:698740\": Odessa}");
        return;
    }
    o.names.overrides.clear();  // a map's list replaces the defaults' list
    for (const auto& item : ov) {
        if (!item.first.IsScalar() || !item.second.IsScalar() || item.second.Scalar().empty()) {
            problem(item.first, "a name override is `name: new name`, both texts");
            continue;
        }
        o.names.overrides.emplace_back(item.first.Scalar(), item.second.Scalar());
    }
}

void Loader::map_settings(const YAML::Node& node, MapJob& job, bool defaults) {
    datasource(node, job);
    auto& o = job.options;
    if (!defaults) {
        if (auto v = input_file(node, "article"); !v.empty()) job.article = v;
        if (auto v = iso_date(node, "date")) job.date = *v;
        if (auto v = input_file(node, "control"); !v.empty() && readable_layer(node["control"], v))
            o.control_layer = v;
        if (auto v = iso_date(node, "control_date")) o.control_date = *v;
        if (auto v = text(node, "control_source")) o.control_source = *v;
        if (auto v = text(node, "title")) o.title = *v;
        if (const YAML::Node l = node["layers"]) layers(l, o);
        if (const YAML::Node a = node["annotations"]) annotations(a, o);
        table_settings(node, job);
        if (auto v = text(node, "subtitle")) o.subtitle = *v;
        if (auto v = text(node, "description")) o.description = *v;
        if (const YAML::Node b = node["background"]) {
            const auto v = text(node, "background");
            if (v && (*v == "none" || *v == "page"))
                o.background = *v == "none" ? render::MapOptions::Background::none
                                            : render::MapOptions::Background::page;
            else if (v)
                problem(b, "'background' must be page or none", "none: transparent");
        }
    }
    if (auto v = text(node, "source")) o.source = *v;
    if (auto v = text(node, "credits")) o.credits = *v;
    naming(node, o);
    if (const YAML::Node a = node["aggregate"]) aggregate(a, o);
    if (auto v = text(node, "style")) {
        const bool is_path =
            v->find('/') != std::string::npos || v->ends_with(".yaml") || v->ends_with(".yml");
        const fs::path p = is_path ? (fs::path(*v).is_absolute() ? fs::path(*v) : base_ / *v)
                                   : fs::path(styles_dir_) / (*v + ".yaml");
        if (!fs::exists(p)) {
            problem(node["style"], "no such style: " + *v,
                    "styles: light, dark, print-grey, or a .yaml file");
        } else if (!fs::is_regular_file(p)) {
            problem(node["style"], "the style is a folder, not a .yaml file: " + *v);
        } else if (is_path && !confined(p)) {
            problem(node["style"], "'style' is outside the configuration's folder: " + *v,
                    kOutsideHint);
        } else {
            // Loaded now, so that --check finds what render would fail on; the problem is
            // reported in the style's own file, at its own line.
            try {
                style::load_style(p.string(), styles_dir_);
                job.style = p.string();
            } catch (const Error& e) {
                const auto& c = e.context();
                std::string what = e.message();
                if (!c.key.empty()) what += " (key '" + c.key + "')";
                if (!c.value.empty()) what += ": '" + c.value + "'";
                problems_.push_back({c.file.empty() ? p.string() : c.file, c.line, c.column,
                                     "style: " + what, e.hint()});
            }
        }
    }
    if (const YAML::Node so = node["style_overrides"]) {
        // Checked now against the map's style, so that a typo stops the run before drawing.
        if (!so.IsMap()) {
            problem(so, "'style_overrides' must be a mapping of style keys",
                    "e.g. {highlight_fill: '#fdd0a2', title_size: 30}; see docs/styles.md");
        } else {
            // Each key on its own, so that every mistake is reported at once.
            std::optional<style::Style> base;
            try {
                base = style::load_style(job.style, styles_dir_);
            } catch (const Error&) {
                // The style itself is reported where it is named.
            }
            bool ok = base.has_value();
            for (const auto& item : base ? so : YAML::Node()) {
                YAML::Node one;
                one[item.first] = item.second;
                try {
                    style::with_overrides(*base, YAML::Dump(one), path_);
                } catch (const Error& e) {
                    ok = false;
                    const std::string key = e.context().key;
                    problem(
                        item.first,
                        "style_overrides: " + e.message() + (key.empty() ? "" : " '" + key + "'"),
                        e.hint());
                }
            }
            if (ok) job.style_overrides.push_back(YAML::Dump(so));
        }
    }
    if (auto v = text(node, "size")) {
        int w = 0, h = 0, used = 0;  // %n: the whole value, nothing after ("800x600px junk")
        if (std::sscanf(v->c_str(), "%dx%d%n", &w, &h, &used) != 2 ||
            static_cast<std::size_t>(used) != v->size() || w < 200 || h < 150 || w > 20000 ||
            h > 20000)
            problem(node["size"],
                    "'size' must be WIDTHxHEIGHT in pixels, from 200x150 to 20000x20000");
        else
            o.width = w, o.height = h;
    }
    if (auto v = number(node, "dpi", 36, 1200)) o.dpi = *v;
    if (auto v = flag(node, "inset")) o.inset = *v;
    if (auto v = text(node, "projection")) {
        try {  // PROJ decides now, so that --check finds a projection render would refuse
            geometry::Projection check(*v);
            o.projection = *v;
        } catch (const Error& e) {
            problem(node["projection"], e.message(), e.hint());
        }
    }
    if (const YAML::Node f = node["formats"]) {
        if (!f.IsSequence()) {
            problem(f, "'formats' must be a list, e.g. [png, svg, pdf, geojson]");
        } else {
            o.formats.clear();
            job.geojson = false;
            job.vector_formats.clear();
            for (const auto& x : f) {
                const std::string s = x.IsScalar() ? x.as<std::string>() : "";
                if (const auto map = render::parse_map_format(s))
                    o.formats.push_back(*map);
                else if (s == "geojson")
                    job.geojson = true;
                else if (const auto layers = exporter::vector_format(s))
                    job.vector_formats.push_back(*layers);
                else
                    problem(x, "unknown output format '" + s + "'",
                            "use png, svg, pdf, html, geojson, gpkg, kml, fgb, shp");
            }
        }
    }
    if (const YAML::Node e = node["extent"]) {
        // auto | {bbox: [min_lon, min_lat, max_lon, max_lat]} | {places: [names]}
        if (e.IsScalar() && e.as<std::string>() == "auto") {
            o.extent.reset();
        } else if (e.IsMap() && e["bbox"]) {
            check_keys(e, {"bbox"}, "extent");
            const YAML::Node b = e["bbox"];
            try {
                if (!b.IsSequence() || b.size() != 4) throw YAML::Exception(b.Mark(), "");
                render::LonLatBox box{b[0].as<double>(), b[1].as<double>(), b[2].as<double>(),
                                      b[3].as<double>()};
                if (!box.valid())
                    problem(b,
                            "'bbox' must be [min_lon, min_lat, max_lon, max_lat] in degrees with "
                            "min < max");
                else
                    o.extent = box;
            } catch (const YAML::Exception&) {
                problem(b, "'bbox' must be four numbers: [min_lon, min_lat, max_lon, max_lat]");
            }
        } else if (e.IsMap() && e["places"]) {
            check_keys(e, {"places", "padding"}, "extent");
            render::LonLatBox box{180, 90, -180, -90};
            bool any = false;
            for (const auto& name : e["places"]) {
                const auto found = place(name);
                if (!found) continue;
                const auto& p = *found;
                box.min_lon = std::min<double>(box.min_lon, p.min_lon);
                box.min_lat = std::min<double>(box.min_lat, p.min_lat);
                box.max_lon = std::max<double>(box.max_lon, p.max_lon);
                box.max_lat = std::max<double>(box.max_lat, p.max_lat);
                any = true;
            }
            const double pad = number(e, "padding", 0, 30).value_or(0.5);  // degrees
            if (any)
                o.extent = render::LonLatBox{box.min_lon - pad, box.min_lat - pad,
                                             box.max_lon + pad, box.max_lat + pad};
        } else {
            problem(e, "'extent' must be auto, {bbox: [...]} or {places: [...]}");
        }
    }
    if (const YAML::Node h = node["highlight"]) {
        if (!h.IsSequence())
            problem(h, "'highlight' must be a list of admin-1 unit names");
        else
            for (const auto& name : h) {
                const std::string n = name.as<std::string>();
                const auto c = gaz_.lookup(n, {.country = {},
                                               .type = gazetteer::PlaceType::admin1,
                                               .prefer_country = {},
                                               .limit = 1});
                if (c.empty()) {
                    std::string hint;
                    // The first admin-1 unit among the close names, else the first name.
                    for (const auto& s : suggestions(n, 5))
                        if (hint.empty() || s.type == gazetteer::PlaceType::admin1) {
                            hint = "did you mean " + s.name + "?";
                            if (s.type == gazetteer::PlaceType::admin1) break;
                        }
                    problem(name, "unknown admin-1 unit '" + n + "'", hint);
                } else {
                    o.highlight.push_back(std::string(c[0].place.id));
                }
            }
    }
}

// A plain folder-name piece of a value: "Donetsk Oblast" -> "donetsk-oblast".
std::string slug(const std::string& value) {
    std::string out;
    for (const char c : text::fold(value)) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            out.push_back(c);
        else if (!out.empty() && out.back() != '-')
            out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::vector<MapJob> Loader::series(const YAML::Node& node, const MapJob& job,
                                   std::set<std::string>& names) {
    std::vector<MapJob> pages;
    if (!node.IsMap()) {
        problem(node,
                "'series' must be a mapping: {each: unit|control|event|month, values: [...]}");
        return pages;
    }
    check_keys(node, {"each", "values"}, "series");
    const std::string each = text(node, "each").value_or("");
    const YAML::Node values = node["values"];
    if (each == "month") return month_series(node, job, names);
    if (each == "event") {
        if (!job.events_table.empty()) {
            problem(node["each"], "a series over events maps one article's events",
                    "for an event table, use {each: month} or an aggregate");
            return pages;
        }
        if (values)
            problem(values, "a series over events takes no 'values'",
                    "each event located in the article gets a map");
        MapJob one = job;
        one.per_event = true;
        pages.push_back(std::move(one));
        return pages;
    }
    if (each != "unit" && each != "control") {
        problem(node["each"] ? node["each"] : node,
                "'each' must be unit, control or event, or month for an event table");
        return pages;
    }
    if (!values || !values.IsSequence() || values.size() == 0) {
        problem(values ? values : node,
                each == "unit" ? "'values' must list the units, e.g. [Donetsk Oblast]"
                               : "'values' must list the control-area files, oldest first");
        return pages;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        const YAML::Node v = values[i];
        MapJob page = job;
        std::string label;
        if (each == "unit") {
            const auto p = place(v);
            if (!p) continue;
            if (p->type == gazetteer::PlaceType::place) {
                problem(v, "'" + v.as<std::string>() + "' is a town, not a unit",
                        "a series over units takes admin-1 units, regions or countries");
                continue;
            }
            page.options.extent = render::extent_around(*p);
            if (p->type == gazetteer::PlaceType::admin1)
                page.options.highlight.push_back(std::string(p->id));
            label = std::string(p->name);
        } else {
            YAML::Node holder;
            holder["control"] = v;
            // input_file reports at holder's node, which shares v's mark.
            const std::string file = input_file(holder, "control");
            if (file.empty() || !readable_layer(v, file)) continue;
            page.options.control_layer = file;
            // Each layer of a series is dated by its own file name, never by one map's date.
            page.options.control_date.clear();
            label = fs::path(file).stem().string();
        }
        const std::string suffix = slug(label).empty() ? std::to_string(i + 1) : slug(label);
        page.name = job.name + "-" + suffix;
        page.series = job.name;
        if (!names.insert(page.name).second) {
            problem(v, "two maps are named '" + page.name + "'");
            continue;
        }
        page.output_dir = (fs::path(job.output_dir).parent_path() / page.name).string();
        if (page.options.subtitle.empty())
            page.options.subtitle =
                each == "unit" ? label
                : render::control_date_of(page.options).empty()
                    ? "Control areas: " + label
                    : "Control areas as of " + render::control_date_of(page.options);
        pages.push_back(std::move(page));
    }
    return pages;
}

std::optional<gazetteer::Place> Loader::place(const YAML::Node& name) {
    const std::string n = name.as<std::string>();
    const auto c = gaz_.lookup(n, {.country = {}, .type = {}, .prefer_country = {}, .limit = 1});
    if (!c.empty()) return c[0].place;
    std::string hint;
    for (const auto& s : suggestions(n, 1)) hint = "did you mean " + s.name + "?";
    problem(name, "unknown place '" + n + "'", hint);
    return std::nullopt;
}

std::optional<style::Color> Loader::color(const YAML::Node& n, const std::string& key) {
    const auto v = text(n, key);
    if (!v) return std::nullopt;
    try {
        return style::parse_color(*v);
    } catch (const Error&) {
        problem(n[key], "'" + key + "' is not a colour", "write #rrggbb or #rrggbbaa");
        return std::nullopt;
    }
}

void Loader::layers(const YAML::Node& node, render::MapOptions& o) {
    if (!node.IsSequence()) {
        problem(node, "'layers' must be a list of layers, each with at least 'file'");
        return;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node l = node[i];
        if (!l.IsMap()) {
            problem(l, "each layer is a mapping with at least 'file'");
            continue;
        }
        check_keys(l, kLayerKeys, "layers[" + std::to_string(i) + "]");
        render::ExtraLayer layer;
        if (!l["file"]) {
            problem(l, "layer " + std::to_string(i + 1) + " has no 'file'");
            continue;
        }
        layer.path = input_file(l, "file");
        layer.layer = text(l, "layer").value_or("");
        layer.where = text(l, "where").value_or("");
        layer.fill = color(l, "fill");
        layer.stroke = color(l, "stroke");
        if (auto v = number(l, "width", 0, 50)) layer.width = *v;
        if (auto v = number(l, "radius", 0, 50)) layer.radius = *v;
        layer.label = text(l, "label").value_or("");
        layer.legend = text(l, "legend").value_or("");
        if (layer.path.empty()) continue;
        // Open it now: a bad layer name or filter is reported before anything is drawn.
        try {
            geometry::check_layer(
                layer.path,
                {.layer = layer.layer, .encoding = {}, .where = layer.where, .bbox = std::nullopt},
                layer.label.empty() ? std::vector<std::string>{}
                                    : std::vector<std::string>{layer.label});
        } catch (const Error& e) {
            // A filter error carries the clause as its value, a missing field its name as key.
            // A broken feature is named with the file it is in.
            const auto& c = e.context();
            const YAML::Node at = !c.value.empty() && l["where"]    ? l["where"]
                                  : !c.key.empty() && l["label"]    ? l["label"]
                                  : c.feature.empty() && l["layer"] ? l["layer"]
                                                                    : l["file"];
            problem(at,
                    e.message() + (c.feature.empty() ? "" : ": " + layer.path + ", " + c.feature),
                    e.hint());
            continue;
        }
        o.layers.push_back(std::move(layer));
    }
}

void Loader::annotations(const YAML::Node& node, render::MapOptions& o) {
    if (!node.IsSequence()) {
        problem(node, "'annotations' must be a list, each with 'text' and 'at'");
        return;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node a = node[i];
        if (!a.IsMap() || !a["text"] || !a["at"]) {
            problem(a, "each annotation needs 'text' and 'at' (a place name or [lon, lat])");
            continue;
        }
        check_keys(a, kAnnotationKeys, "annotations[" + std::to_string(i) + "]");
        render::Annotation note;
        note.text = text(a, "text").value_or("");
        if (auto v = flag(a, "leader")) note.leader = *v;
        const YAML::Node at = a["at"];
        if (at.IsSequence()) {
            try {
                if (at.size() != 2) throw YAML::Exception(at.Mark(), "");
                note.lon = at[0].as<double>(), note.lat = at[1].as<double>();
                if (note.lon < -180 || note.lon > 180 || note.lat < -90 || note.lat > 90)
                    throw YAML::Exception(at.Mark(), "");
            } catch (const YAML::Exception&) {
                problem(at, "'at' must be a place name or [lon, lat] in degrees");
                continue;
            }
        } else if (at.IsScalar()) {
            const auto found = place(at);
            if (!found) continue;
            note.lon = found->label_lon, note.lat = found->label_lat;  // where maps name it
        } else {
            problem(at, "'at' must be a place name or [lon, lat] in degrees");
            continue;
        }
        o.annotations.push_back(std::move(note));
    }
}

void Loader::table_settings(const YAML::Node& node, MapJob& job) {
    const auto from = iso_date(node, "from"), to = iso_date(node, "to");
    if (from) job.range.from = *from;
    if (to) job.range.to = *to;
    if (from && to && *from > *to) problem(node["to"], "'to' is before 'from'");
    if (!node["events"]) {
        for (const char* key : {"from", "to", "aggregate"})
            if (node[key])
                problem(node[key], std::string("'") + key + "' is for a map of an event table",
                        "give 'events': the NDJSON of `mapwire extract --ndjson`, or a .gpkg or "
                        ".fgb events layer");
        return;
    }
    const std::string file = input_file(node, "events");
    if (file.empty()) return;
    const auto format = archive::table_format(file);
    if (!format)
        problem(node["events"], "'events' must be an event table: " + file,
                "the NDJSON of `mapwire extract --ndjson` (.ndjson, .jsonl), or mapwire's "
                "events layer as .gpkg or .fgb");
    else if (*format != archive::TableFormat::ndjson && !readable_layer(node["events"], file))
        return;
    else
        job.events_table = file;
}

void Loader::aggregate(const YAML::Node& node, render::MapOptions& o) {
    if (!node.IsMap()) {
        problem(node, "'aggregate' must be a mapping, e.g. {by: hexagon, size_km: 25}");
        return;
    }
    check_keys(node, {"by", "size_km", "classes"}, "aggregate");
    archive::AggregateSpec spec;
    const std::string by = text(node, "by").value_or("hexagon");
    if (by == "admin1")
        spec.by = archive::AggregateSpec::By::admin1;
    else if (by != "hexagon")
        problem(node["by"], "'by' must be hexagon or admin1");
    if (auto v = number(node, "size_km", archive::kMinHexKm, archive::kMaxHexKm)) {
        if (spec.by == archive::AggregateSpec::By::admin1)
            problem(node["size_km"], "'size_km' is the size of hexagons",
                    "leave it out with admin1");
        spec.size_km = *v;
    }
    if (auto v = number(node, "classes", archive::kMinClasses, archive::kMaxClasses))
        spec.classes = static_cast<int>(*v);
    o.aggregate = spec;
}

std::vector<MapJob> Loader::month_series(const YAML::Node& node, const MapJob& job,
                                         std::set<std::string>& names) {
    std::vector<MapJob> pages;
    if (node["values"])
        problem(node["values"], "a series over months takes no 'values'",
                "it runs from the map's 'from' to its 'to'");
    if (job.events_table.empty() || job.range.from.empty() || job.range.to.empty()) {
        problem(node["each"], "a series over months needs 'events', 'from' and 'to'",
                "e.g. events: events.ndjson, from: 2025-01-01, to: 2025-12-31");
        return pages;
    }
    const auto months = detail::months_between(job.range.from, job.range.to);
    if (months.size() > detail::kMaxSeriesMonths) {
        problem(node["each"],
                "a series over months makes at most " + std::to_string(detail::kMaxSeriesMonths) +
                    " maps",
                "narrow 'from' and 'to'");
        return pages;
    }
    for (const auto& m : months) {
        MapJob page = job;
        page.range = {m.from, m.to};
        page.name = job.name + "-" + m.label;
        page.series = job.name;
        if (!names.insert(page.name).second) {
            problem(node, "two maps are named '" + page.name + "'");
            continue;
        }
        page.output_dir = (fs::path(job.output_dir).parent_path() / page.name).string();
        if (page.options.subtitle.empty()) page.options.subtitle = m.title;
        pages.push_back(std::move(page));
    }
    return pages;
}

Config Loader::run() {
    Config cfg;
    cfg.path = path_;
    YAML::Node root;
    try {
        root = YAML::LoadFile(path_);
    } catch (const YAML::BadFile&) {
        throw std::move(IoError("cannot open the configuration").in_file(path_));
    } catch (const YAML::Exception& e) {
        throw ConfigError(
            {{path_, e.mark.line + 1, e.mark.column + 1, "not valid YAML or JSON: " + e.msg, {}}});
    }
    try {
        return checked(std::move(cfg), root);
    } catch (const YAML::Exception& e) {
        // A value of a type no accessor expected: still the configuration's fault, at its place.
        problems_.push_back({path_, e.mark.line + 1, e.mark.column + 1,
                             "a value of the wrong type (a list or mapping where one value "
                             "belongs, or the reverse): " +
                                 e.msg,
                             "see docs/config.md for what each key takes"});
        throw ConfigError(std::move(problems_));
    }
}

Config Loader::checked(Config cfg, const YAML::Node& root) {
    if (!root.IsMap())
        throw ConfigError({{path_, 1, 1, "a configuration is a mapping with 'maps'", {}}});
    check_keys(root, kTopKeys, "the configuration");

    // Outputs stay inside output_dir, which stays inside the configuration's folder tree or is
    // given absolute by the user; map names are plain names, never paths.
    const std::string out = text(root, "output_dir").value_or("out");
    if (!confinement_.output_dir.empty()) {
        cfg.output_dir = fs::absolute(confinement_.output_dir).lexically_normal().string();
    } else {
        const fs::path dir = fs::path(out).is_absolute() ? fs::path(out) : base_ / out;
        cfg.output_dir = dir.lexically_normal().string();
        if (!confined(dir))
            problem(root["output_dir"] ? root["output_dir"] : root,
                    "'output_dir' is outside the configuration's folder: " + out,
                    "write below the configuration's folder, or give `--output-dir DIR` on the "
                    "command line");
    }

    MapJob defaults;
    defaults.style = (fs::path(styles_dir_) / "light.yaml").string();
    if (const YAML::Node d = root["defaults"]) {
        if (!d.IsMap())
            problem(d, "'defaults' must be a mapping");
        else {
            check_keys(
                d,
                {"style", "style_overrides", "size", "dpi", "formats", "extent", "projection",
                 "inset", "source", "credits", "highlight", "datasource", "aggregate"},
                "defaults");
            map_settings(d, defaults, true);
        }
    }
    const YAML::Node maps = root["maps"];
    if (!maps || !maps.IsSequence() || maps.size() == 0) {
        problem(maps ? maps : root, "'maps' must be a non-empty list of maps");
    } else {
        std::set<std::string> names;
        for (std::size_t i = 0; i < maps.size(); ++i) {
            const YAML::Node m = maps[i];
            if (!m.IsMap()) {
                problem(m, "each map is a mapping with at least 'name' and 'article'");
                continue;
            }
            check_keys(m, kMapKeys, "maps[" + std::to_string(i) + "]");
            MapJob job = defaults;
            const auto name = text(m, "name");
            if (!name || name->empty()) {
                problem(m, "map " + std::to_string(i + 1) + " has no 'name'");
            } else if (name->find_first_of("/\\") != std::string::npos || *name == "." ||
                       *name == ".." || name->find("..") != std::string::npos) {
                problem(m["name"], "'name' must be a plain name",
                        "it becomes a folder inside output_dir");
            } else if (!names.insert(*name).second) {
                problem(m["name"], "two maps are named '" + *name + "'");
            } else {
                job.name = *name;
            }
            if (!m["article"] && !m["events"])
                problem(m, "map '" + name.value_or("?") + "' has no 'article'",
                        "or 'events': a table of extracted events");
            if (m["article"] && m["events"])
                problem(m["events"], "a map takes 'article' or 'events', not both");
            map_settings(m, job, false);
            document(m, job);
            job.output_dir = (fs::path(cfg.output_dir) / job.name).string();
            // A map's folder planted as a link to a folder elsewhere is not written through.
            if (!job.name.empty() && fs::is_symlink(job.output_dir) &&
                !confinement_.allow_outside) {
                std::error_code ec;
                const fs::path real = fs::weakly_canonical(job.output_dir, ec);
                const fs::path real_out = fs::weakly_canonical(cfg.output_dir, ec);
                if (real.parent_path() != real_out)
                    problem(
                        m["name"],
                        "the output folder of map '" + job.name + "' is a link to " + real.string(),
                        "remove the link; a map writes only inside output_dir");
            }
            if (const YAML::Node se = m["series"])
                for (auto& page : series(se, job, names)) cfg.maps.push_back(std::move(page));
            else
                cfg.maps.push_back(std::move(job));
        }
    }
    if (!problems_.empty()) throw ConfigError(problems_);
    return cfg;
}

}  // namespace

Config load(const std::string& path, const gazetteer::Gazetteer& gazetteer,
            const std::string& styles_dir, const Confinement& confinement) {
    return Loader(path, gazetteer, styles_dir, confinement).run();
}

}  // namespace mapwire::config
