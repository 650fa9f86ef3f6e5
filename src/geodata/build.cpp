// The geodata pipeline, step by step: countries, admin-1 units (with ISO 3166-2 codes and the
// worldview applied), GeoNames places (admin-1 codes mapped by point-in-polygon vote), Natural
// Earth places, curated regions; then the GeoPackage and the gazetteer index.
#include "geodata/build.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "gazetteer/index_writer.hpp"
#include "gazetteer/naming.hpp"
#include "geodata/detail/geonames.hpp"
#include "geodata/detail/iso_names.hpp"
#include "geodata/detail/local_names.hpp"
#include "geodata/detail/pipeline.hpp"
#include "geodata/detail/place_names.hpp"
#include "geodata/detail/points.hpp"
#include "geodata/detail/tables.hpp"
#include "geometry/geometry.hpp"
#include "geometry/vector_io.hpp"
#include "text/normalize.hpp"

namespace mapwire::geodata::detail {

namespace fs = std::filesystem;

// The share of a GeoNames admin-1 code's places that one Natural Earth unit must hold for the
// code to map to it.
constexpr double kCodeMajority = 0.5;
using gazetteer::NameKind;
using gazetteer::PlaceEntry;
using gazetteer::PlaceType;
using geometry::FieldSpec;
using geometry::FieldType;
using geometry::FieldValue;
using geometry::Geometry;

namespace {

std::string join_dirs(const std::vector<std::string>& dirs) {
    std::string s;
    for (const auto& d : dirs) s += (s.empty() ? "" : ", ") + d;
    return s;
}

}  // namespace

std::string Pipeline::find_ne(const std::string& file, bool required) const {
    for (const auto& dir : opt_.ne_dirs)
        if (fs::exists(fs::path(dir) / file)) return (fs::path(dir) / file).string();
    if (required)
        throw GeodataError(
            "Natural Earth file " + file + " not found in: " + join_dirs(opt_.ne_dirs),
            ExitCode::missing_data,
            "run scripts/setup.sh, or pass --ne-dir with the folder of the official "
            "Natural Earth 10m downloads");
    return {};
}

void Pipeline::step(const std::string& what) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - t0_);
    log_ << "[" << static_cast<double>(ms.count()) / 1000.0 << " s] " << what << "\n" << std::flush;
}

void Pipeline::read_settings() {
    const std::string path = opt_.curated_dir + "/settings.tsv";
    for (const auto& r : read_table(path, {"key", "value"})) {
        if (r["key"] == "reported_area_point" &&
            (r["value"] == "label" || r["value"] == "gazetteer")) {
            gazetteer_points_ = r["value"] == "gazetteer";
        } else if (auto* countries = r["key"] == "unmarked_romanisation" ? &naming_.unmarked
                                     : r["key"] == "comma_below"         ? &naming_.comma_below
                                                                         : nullptr) {
            std::istringstream codes(r["value"]);
            for (std::string code; codes >> code;) countries->insert(code);
        } else {
            throw std::move(
                GeodataError("unknown setting '" + r["key"] + "' = '" + r["value"] + "'",
                             ExitCode::bad_input,
                             "known: reported_area_point = label or gazetteer; "
                             "unmarked_romanisation, comma_below = country codes")
                    .in_file(path)
                    .at(r.line));
        }
    }
    if (opt_.area_points) gazetteer_points_ = *opt_.area_points == AreaPoints::gazetteer;
}

void Pipeline::read_countries() {
    step("countries");
    const std::string shp = find_ne("ne_10m_admin_0_countries.shp", false);
    std::vector<geometry::FeatureRecord> features;
    std::map<std::string, std::string> alpha2_by_numeric;
    for (const auto& c : iso_countries_) alpha2_by_numeric[c.numeric] = c.alpha2;
    if (!shp.empty()) {
        features = geometry::read_features(shp);
    } else {
        if (opt_.world_atlas.empty() || !fs::exists(opt_.world_atlas))
            throw GeodataError(
                "no country polygons: neither ne_10m_admin_0_countries.shp (searched: " +
                    join_dirs(opt_.ne_dirs) + ") nor the world-atlas countries-10m.json was found",
                ExitCode::missing_data, "run scripts/setup.sh or pass --world-atlas FILE");
        features = geometry::read_features(opt_.world_atlas,
                                           {.layer = "countries", .encoding = {}, .where = {}});
    }
    for (const auto& f : features) {
        std::string alpha2, name;
        if (f.has_field("ISO_A2_EH") || f.has_field("ISO_A2")) {
            alpha2 = f.text("ISO_A2_EH");
            if (alpha2.empty() || alpha2 == "-99") alpha2 = f.text("ISO_A2");
            name = f.text("NAME");
        } else {
            const std::string numeric = f.text("id");
            name = f.text("name");
            if (auto it = alpha2_by_numeric.find(numeric); it != alpha2_by_numeric.end())
                alpha2 = it->second;
        }
        if (alpha2.empty() || alpha2 == "-99") {
            // Territories without an ISO code (Kosovo has a user-assigned one; others such as
            // Northern Cyprus or Somaliland have none) are kept under a name-derived code.
            if (name == "Kosovo")
                alpha2 = "XK";
            else {
                std::string slug = text::fold(name);
                std::replace(slug.begin(), slug.end(), ' ', '-');
                alpha2 = "X-" + slug;
            }
        }
        // Kept as read: dissolve_countries() replaces most of them, and repairs the rest.
        atlas_geometry_[alpha2].push_back(f.geometry());
        country_source_name_.try_emplace(alpha2, name);
    }
}

void Pipeline::read_admin1() {
    step("admin-1 units");
    const auto curated =
        read_table(opt_.curated_dir + "/admin1.tsv",
                   {"ne_country", "ne_name", "iso_3166_2", "preferred_name", "aliases"});
    std::map<std::pair<std::string, std::string>, const TableRow*> curated_by_ne;
    std::set<std::string> curated_codes;
    for (const auto& r : curated) {
        curated_by_ne[{r["ne_country"], r["ne_name"]}] = &r;
        curated_codes.insert(r["iso_3166_2"]);
    }
    const auto worldview = read_table(opt_.curated_dir + "/worldview.tsv",
                                      {"iso_3166_2", "de_jure", "de_facto", "occupied_since"});
    std::map<std::string, const IsoSubdivision*> iso_by_code;
    for (const auto& s : iso_subdivisions_) iso_by_code[s.code] = &s;

    for (const auto& f :
         geometry::read_features(find_ne("ne_10m_admin_1_states_provinces.shp", true))) {
        Unit u;
        u.ne_country = f.text("iso_a2");
        // Units of territories without an ISO code (Somaliland, Northern Cyprus) carry "-1".
        if (u.ne_country.size() != 2 || !std::isupper(static_cast<unsigned char>(u.ne_country[0])))
            u.ne_country.clear();
        u.ne_name = f.text("name");
        u.scalerank = static_cast<int>(f.number("scalerank", -1));
        u.geometry = f.geometry().made_valid();
        if (u.geometry.empty()) continue;
        if (u.ne_name.empty()) {
            report_.notes.push_back("admin-1 feature fid " + std::to_string(f.fid()) + " in " +
                                    u.ne_country + " has no name; kept with its id only");
            u.ne_name = u.ne_country + " unit " + std::to_string(f.fid());
        }
        if (auto it = curated_by_ne.find({u.ne_country, u.ne_name}); it != curated_by_ne.end()) {
            const auto& r = *it->second;
            u.iso = r["iso_3166_2"];
            u.preferred = r["preferred_name"];
            for (const auto& a : split(r["aliases"], '|'))
                if (!a.empty()) u.names.emplace_back(a, NameKind::alternate);
        }
        units_.push_back(std::move(u));
    }

    // ISO 3166-2 codes for the units the curated table does not cover: best name match
    // within the country, each code used once, strongest matches first.
    struct Match {
        double score;
        std::size_t unit;
        const IsoSubdivision* sub;
    };
    std::vector<Match> matches;
    for (std::size_t i = 0; i < units_.size(); ++i) {
        if (!units_[i].iso.empty()) continue;
        for (const auto& s : iso_subdivisions_) {
            if (s.country != units_[i].ne_country || curated_codes.count(s.code)) continue;
            const double score = detail::prefix_similarity(units_[i].ne_name, s.name);
            if (score >= 0.6) matches.push_back({score, i, &s});
        }
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match& a, const Match& b) { return a.score > b.score; });
    std::set<std::string> used = curated_codes;
    auto assign = [&](const std::vector<Match>& found) {
        for (const auto& m : found) {
            if (!units_[m.unit].iso.empty() || used.count(m.sub->code)) continue;
            units_[m.unit].iso = m.sub->code;
            used.insert(m.sub->code);
        }
    };
    assign(matches);
    // Then by spelling, for the units and codes left: the sources romanise differently
    // ("Hilmand" / "Helmand", "Krasnoyarsk" / "Krasnojarskij kraj"). Below this similarity
    // different units meet ("Atsinanana" / "Antsiranana", Madagascar, 0.82).
    constexpr double kSpellingMatch = 0.85;
    detail::IsoNameWords words;
    for (const auto& r : read_table(opt_.curated_dir + "/iso_name_words.tsv", {"word", "kind"}))
        (r["kind"] == "ending" ? words.endings : words.words).push_back(r["word"]);
    std::sort(words.endings.begin(), words.endings.end(),
              [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
    matches.clear();
    for (std::size_t i = 0; i < units_.size(); ++i) {
        if (!units_[i].iso.empty()) continue;
        for (const auto& s : iso_subdivisions_) {
            if (s.country != units_[i].ne_country || used.count(s.code)) continue;
            const double score = detail::spelling_similarity(units_[i].ne_name, s.name, words);
            if (score >= kSpellingMatch) matches.push_back({score, i, &s});
        }
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match& a, const Match& b) { return a.score > b.score; });
    assign(matches);

    for (std::size_t i = 0; i < units_.size(); ++i) {
        Unit& u = units_[i];
        u.country = u.ne_country;
        if (!u.iso.empty()) {
            u.country = u.iso.substr(0, 2);
            ++report_.admin1_with_iso;
            unit_by_iso_[u.iso] = i;
            if (auto it = iso_by_code.find(u.iso); it != iso_by_code.end()) {
                u.iso_type = it->second->type;
                u.names.emplace_back(it->second->name, NameKind::official);
            }
            u.names.emplace_back(u.iso, NameKind::code);
        }
        u.names.emplace_back(u.ne_name, NameKind::alternate);
        // "Homs (Hims)": two spellings, each a name; the first is the unit's.
        std::string own = u.ne_name;
        if (const auto open = own.find(" ("); open != std::string::npos && own.back() == ')') {
            u.names.emplace_back(own.substr(open + 2, own.size() - open - 3), NameKind::alternate);
            own.resize(open);
            u.names.emplace_back(own, NameKind::alternate);
        }
        if (u.preferred.empty()) {
            std::string bare;
            for (char c : own)
                if (c != '\'') bare.push_back(c);
            const bool oblast = (u.country == "UA" || u.country == "RU" || u.country == "BY") &&
                                (u.iso_type == "Region" || u.iso_type == "Administrative region" ||
                                 u.iso_type == "Oblast");
            u.preferred = oblast ? bare + " Oblast" : bare;
        }
    }
    for (const auto& r : worldview) {
        auto it = unit_by_iso_.find(r["iso_3166_2"]);
        if (it == unit_by_iso_.end()) {
            report_.notes.push_back("worldview.tsv:" + std::to_string(r.line) +
                                    ": no admin-1 unit " + r["iso_3166_2"]);
            continue;
        }
        Unit& u = units_[it->second];
        if (opt_.worldview == Worldview::de_jure) {
            u.country = r["de_jure"];
            u.occupied_by = r["de_facto"];
            u.occupied_since = static_cast<std::int16_t>(std::stoi(r["occupied_since"]));
        } else {
            u.country = r["de_facto"];
        }
    }
    report_.admin1 = units_.size();
}

void Pipeline::dissolve_countries() {
    // Country polygons are dissolved from their admin-1 units rather than taken from the
    // world-atlas TopoJSON: its quantized polygons are invalid, and repairing them distorts
    // areas (Russia gains 2.7 million km²). Dissolving also makes every country agree exactly
    // with its units under either worldview (Crimea goes with the unit's country). Countries
    // that have no admin-1 units keep their world-atlas polygon.
    step("countries dissolved from admin-1 units");
    std::map<std::string, std::vector<Geometry>> parts;
    for (const auto& u : units_)
        if (!u.country.empty()) parts[u.country].push_back(u.geometry);
    for (auto& [alpha2, list] : parts) {
        country_geometry_[alpha2] = Geometry::union_all(list);
        country_source_name_.try_emplace(alpha2, alpha2);
    }
    for (const auto& [alpha2, list] : atlas_geometry_) {
        if (parts.count(alpha2)) continue;
        Geometry g;
        for (const auto& part : list) g = g.united(part.made_valid());
        country_geometry_[alpha2] = g;
    }
}

void Pipeline::add_country_entries() {
    step("country entries");
    const auto curated = read_table(opt_.curated_dir + "/countries.tsv",
                                    {"alpha2", "preferred_name", "aliases", "demonyms"});
    std::map<std::string, const TableRow*> curated_by_code;
    for (const auto& r : curated) curated_by_code[r["alpha2"]] = &r;
    std::map<std::string, const IsoCountry*> iso_by_alpha2;
    for (const auto& c : iso_countries_) iso_by_alpha2[c.alpha2] = &c;

    for (const auto& [alpha2, geom] : country_geometry_) {
        PlaceEntry e;
        e.type = PlaceType::admin0;
        e.id = "country:" + alpha2;
        e.country = alpha2.starts_with("X-") ? "" : alpha2;
        e.iso_code = e.country;
        const auto* iso = iso_by_alpha2.count(alpha2) ? iso_by_alpha2[alpha2] : nullptr;
        const auto* cur = curated_by_code.count(alpha2) ? curated_by_code[alpha2] : nullptr;
        const std::string& source_name = country_source_name_[alpha2];
        if (cur && !(*cur)["preferred_name"].empty())
            e.name = (*cur)["preferred_name"];
        else if (iso && !iso->common_name.empty())
            e.name = iso->common_name;
        else if (iso && iso->name.find(',') == std::string::npos)
            e.name = iso->name;
        else
            e.name = source_name;
        if (iso) {
            e.names.emplace_back(iso->name, NameKind::official);
            if (!iso->official_name.empty())
                e.names.emplace_back(iso->official_name, NameKind::official);
            if (!iso->common_name.empty())
                e.names.emplace_back(iso->common_name, NameKind::official);
            e.names.emplace_back(iso->alpha3, NameKind::code);
            e.names.emplace_back(iso->alpha2, NameKind::code);
        }
        if (!source_name.empty()) e.names.emplace_back(source_name, NameKind::alternate);
        if (cur) {
            for (const auto& a : split((*cur)["aliases"], '|'))
                if (!a.empty()) e.names.emplace_back(a, NameKind::alternate);
            for (const auto& d : split((*cur)["demonyms"], '|'))
                if (!d.empty()) e.names.emplace_back(d, NameKind::demonym);
        }
        fill_area(e, geom);
        country_entry_[alpha2] = index_.add(std::move(e));
    }
    report_.countries = country_geometry_.size();
}

void Pipeline::add_admin1_entries() {
    step("admin-1 entries");
    // Deterministic order: by country, then ISO code, then Natural Earth name.
    std::vector<std::size_t> order(units_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        return std::tie(units_[a].country, units_[a].iso, units_[a].ne_name) <
               std::tie(units_[b].country, units_[b].iso, units_[b].ne_name);
    });
    std::set<std::string> ids;
    for (std::size_t i : order) {
        Unit& u = units_[i];
        PlaceEntry e;
        e.type = PlaceType::admin1;
        e.country = u.country;
        e.iso_code = u.iso;
        std::string id = u.iso.empty()
                             ? (u.country.empty() ? "X" : u.country) + "-" + text::fold(u.ne_name)
                             : u.iso;
        std::replace(id.begin(), id.end(), ' ', '-');
        while (!ids.insert(id).second) id += "-2";
        e.id = "admin1:" + id;
        e.name = u.preferred;
        e.names = u.names;
        e.occupied_by = u.occupied_by;
        e.occupied_since = u.occupied_since;
        e.scalerank = u.scalerank;
        if (auto it = country_entry_.find(u.country); it != country_entry_.end())
            e.parent_country = static_cast<std::int32_t>(it->second);
        fill_area(e, u.geometry);
        u.entry = index_.add(std::move(e));
        index_.at(u.entry).admin1 = static_cast<std::int32_t>(u.entry);
    }
}

bool keep_alternate(const std::string& name) {
    if (name.empty() || name.starts_with("http")) return false;
    bool upper = true, digit = false;
    for (char c : name) {
        if (c >= '0' && c <= '9') digit = true;
        if (c >= 'a' && c <= 'z') upper = false;
        if (static_cast<unsigned char>(c) >= 0x80) upper = false;
    }
    // Airport and other short codes ("DOK", "UKCC") are not names a text uses for a place.
    if (digit || (upper && name.size() <= 4)) return false;
    return true;
}

PlaceEntry geonames_entry(GeoNamesRecord& r, PlaceType type) {
    PlaceEntry e;
    e.type = type;
    e.id = "geonames:" + std::to_string(r.geonameid);
    e.name = r.name;
    e.feature_code = r.feature_code;
    e.country = r.country_code;
    e.population = r.population;
    e.lat = r.lat;
    e.lon = r.lon;
    e.min_lon = e.max_lon = static_cast<float>(r.lon);
    e.min_lat = e.max_lat = static_cast<float>(r.lat);
    if (r.asciiname != r.name) e.names.emplace_back(r.asciiname, NameKind::alternate);
    for (auto& a : r.alternate_names)
        if (keep_alternate(a)) e.names.emplace_back(std::move(a), NameKind::alternate);
    return e;
}

void Pipeline::read_places() {
    const auto features = FeatureRules::read(opt_.curated_dir + "/geonames_features.tsv");
    std::map<std::int64_t, GeoNamesRecord> records;
    for (const auto& file : opt_.geonames) {
        step("GeoNames: " + file);
        read_geonames(file, [&](GeoNamesRecord&& r) {
            ++report_.geonames_records;
            switch (features.use(r.feature_class, r.feature_code)) {
                case FeatureUse::place:
                    break;
                case FeatureUse::country:
                    geonames_countries_[r.geonameid] = std::move(r);
                    return;
                case FeatureUse::admin1:
                    geonames_admin1_[r.geonameid] = std::move(r);
                    return;
                case FeatureUse::area:
                    geonames_areas_[r.geonameid] = std::move(r);
                    return;
                case FeatureUse::skip:
                    return;
            }
            const auto slash = r.timezone.find('/');
            if (slash != std::string::npos)
                continent_votes_[r.country_code][r.timezone.substr(0, slash)] +=
                    std::max<std::int64_t>(r.population, 1);
            records[r.geonameid] = std::move(r);
        });
    }
    step("GeoNames: admin-1 codes by point-in-polygon vote");
    geometry::PolygonIndex pip;
    for (std::size_t i = 0; i < units_.size(); ++i)
        pip.add(units_[i].geometry, static_cast<std::int64_t>(i));
    std::map<std::pair<std::string, std::string>, std::map<std::size_t, std::int64_t>> votes;
    std::unordered_map<std::int64_t, std::int64_t> located;  // geonameid -> unit
    for (const auto& [id, r] : records) {
        auto unit = pip.find({r.lon, r.lat});
        if (!unit) unit = pip.nearest({r.lon, r.lat}, 0.25);
        if (!unit) continue;
        located[id] = *unit;
        if (!r.admin1_code.empty())
            votes[{r.country_code, r.admin1_code}][static_cast<std::size_t>(*unit)] += 1;
    }
    // A code maps to a unit only when most of its places lie in that unit. Where GeoNames'
    // first-order units are larger than Natural Earth's (GB: England, Scotland ...; FR: the
    // regions over the departments), no unit wins, and each place keeps the unit it lies in.
    std::size_t spanning = 0;
    for (const auto& [code, counts] : votes) {
        auto best =
            std::max_element(counts.begin(), counts.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        std::int64_t total = 0;
        for (const auto& [unit, n] : counts) total += n;
        if (static_cast<double>(best->second) >= kCodeMajority * static_cast<double>(total))
            code_to_unit_[code] = best->first;
        else
            ++spanning;
    }
    report_.geonames_codes_mapped = code_to_unit_.size();
    if (spanning)
        report_.notes.push_back(std::to_string(spanning) +
                                " GeoNames admin-1 codes span several Natural Earth units (no "
                                "unit holds most of their places); their places take the unit "
                                "they lie in");

    step("GeoNames: place entries");
    const auto names = PlaceNames::read(opt_.curated_dir + "/place_names.tsv", naming_);
    for (auto& [id, r] : records) {
        PlaceEntry e = geonames_entry(r, PlaceType::place);
        names.apply(e, id);
        std::optional<std::size_t> unit;
        if (auto it = code_to_unit_.find({r.country_code, r.admin1_code});
            it != code_to_unit_.end())
            unit = it->second;
        else if (auto l = located.find(id); l != located.end())
            unit = static_cast<std::size_t>(l->second);
        if (unit) {
            const Unit& u = units_[*unit];
            e.admin1 = static_cast<std::int32_t>(u.entry);
            // A place follows its unit's worldview where the two sources disagree (Crimea).
            if (!u.occupied_by.empty() || opt_.worldview == Worldview::de_facto) {
                if (u.country != u.ne_country || !u.occupied_by.empty()) e.country = u.country;
            }
            e.occupied_by = u.occupied_by;
            e.occupied_since = u.occupied_since;
        }
        if (auto it = country_entry_.find(e.country); it != country_entry_.end())
            e.parent_country = static_cast<std::int32_t>(it->second);
        place_by_geonameid_[id] = index_.add(std::move(e));
    }
    report_.places = records.size();
}

void Pipeline::read_natural_earth_places() {
    step("Natural Earth populated places");
    const std::string path = find_ne("ne_10m_populated_places_simple.shp", true);
    geometry::PolygonIndex pip;
    for (std::size_t i = 0; i < units_.size(); ++i)
        pip.add(units_[i].geometry, static_cast<std::int64_t>(i));
    // The shapefile's DBF is Windows-1252 and ships without a .cpg.
    for (const auto& f :
         geometry::read_features(path, {.layer = {}, .encoding = "CP1252", .where = {}})) {
        const auto geonameid = static_cast<std::int64_t>(f.number("geonameid", -1));
        const int scalerank = static_cast<int>(f.number("scalerank", -1));
        if (auto it = place_by_geonameid_.find(geonameid); it != place_by_geonameid_.end()) {
            auto& e = index_.at(it->second);
            e.scalerank = scalerank;
            if (f.number("adm0cap") == 1 && e.feature_code != "PPLC") e.feature_code = "PPLC";
            continue;
        }
        PlaceEntry e;
        e.type = PlaceType::place;
        std::string slug = text::fold(f.text("name"));
        std::replace(slug.begin(), slug.end(), ' ', '-');
        e.id = "naturalearth:" + f.text("iso_a2") + "-" + slug;
        e.name = f.text("name");
        e.country = f.text("iso_a2") == "-99" ? "" : f.text("iso_a2");
        e.population = static_cast<std::int64_t>(f.number("pop_max"));
        e.feature_code = f.number("adm0cap") == 1 ? "PPLC" : "PPL";
        e.scalerank = scalerank;
        e.lat = f.number("latitude");
        e.lon = f.number("longitude");
        e.min_lon = e.max_lon = static_cast<float>(e.lon);
        e.min_lat = e.max_lat = static_cast<float>(e.lat);
        for (const auto& alt : split(f.text("namealt"), '|'))
            if (!alt.empty()) e.names.emplace_back(alt, NameKind::alternate);
        if (f.text("nameascii") != e.name)
            e.names.emplace_back(f.text("nameascii"), NameKind::alternate);
        if (auto unit = pip.find({e.lon, e.lat}))
            e.admin1 = static_cast<std::int32_t>(units_[*unit].entry);
        if (auto it = country_entry_.find(e.country); it != country_entry_.end())
            e.parent_country = static_cast<std::int32_t>(it->second);
        index_.add(std::move(e));
        ++report_.places;
    }
}

void Pipeline::assign_continents() {
    // A country's continent is where most of its people live, judged by the GeoNames time
    // zones of its places (Russia: Europe; Turkey: Europe/Istanbul; Kazakhstan: Asia). The
    // Americas are split at the Isthmus of Panama (Colombia and south: South America).
    for (const auto& [alpha2, tally] : continent_votes_) {
        auto best = std::max_element(tally.begin(), tally.end(), [](const auto& a, const auto& b) {
            return a.second < b.second;
        });
        std::string continent;
        const std::string& tz = best->first;
        if (tz == "Europe" || tz == "Asia" || tz == "Africa")
            continent = tz;
        else if (tz == "Australia" || tz == "Pacific")
            continent = "Oceania";
        else if (tz == "America") {
            auto it = country_entry_.find(alpha2);
            if (it == country_entry_.end()) continue;
            const auto& e = index_.at(it->second);
            continent = (e.lat < 12.5 && e.lon > -79.5) ? "South America" : "North America";
        }
        if (!continent.empty()) continent_[alpha2] = continent;
    }
}

namespace {

// Word lists for the geoparser, one word a line, sorted and without duplicates: the English
// word list (Debian's wamerican) that tells common words ("source", "mandarin") from place
// names (possessive forms dropped), and the first names that mark personal names ("Mary
// Kelly met Scott Clark").
void write_word_list(const std::vector<std::string>& paths, const std::string& out_path,
                     const std::string& hint) {
    std::vector<std::string> words;
    auto add = [&](std::string w) {  // possessive forms are no words of their own
        if (!w.empty() && w.find('\'') == std::string::npos) words.push_back(std::move(w));
    };
    for (const auto& path : paths) {
        std::ifstream in(path);
        if (!in) throw std::move(IoError("cannot open word list", hint).in_file(path));
        if (fs::path(path).extension() == ".json") {  // npm human-names: an array of names
            const auto list = nlohmann::json::parse(in, nullptr, false);
            if (!list.is_array())
                throw std::move(GeodataError("a word list in JSON is an array of strings",
                                             ExitCode::bad_input, hint)
                                    .in_file(path));
            for (const auto& w : list) {
                if (!w.is_string())
                    throw std::move(GeodataError("a word list in JSON holds only strings",
                                                 ExitCode::bad_input, hint)
                                        .in_file(path)
                                        .with_value(w.dump()));
                add(w.get<std::string>());
            }
            continue;
        }
        for (std::string w; std::getline(in, w);) {
            if (!w.empty() && w.back() == '\r') w.pop_back();
            add(std::move(w));
        }
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    const std::string temp = out_path + ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        for (const auto& w : words) out << w << '\n';
        if (!out.flush()) throw std::move(IoError("cannot write").in_file(temp));
    }
    fs::rename(temp, out_path);
}

}  // namespace

void Pipeline::write_outputs() {
    fs::create_directories(opt_.out_dir);
    step("GeoPackage");
    geometry::GeoPackageWriter gpkg((fs::path(opt_.out_dir) / "mapwire.gpkg").string());
    const auto& entries = index_.entries();
    const std::vector<FieldSpec> area_fields = {
        {"id", FieldType::text},           {"name", FieldType::text},
        {"type", FieldType::text},         {"country", FieldType::text},
        {"iso_code", FieldType::text},     {"area_km2", FieldType::real},
        {"occupied_by", FieldType::text},  {"occupied_since", FieldType::integer},
        {"scalerank", FieldType::integer}, {"label_lon", FieldType::real},
        {"label_lat", FieldType::real}};
    // label_lon/label_lat: the polygon's label point, where the renderer can set the name
    // when lat/lon is the gazetteer point (settings.tsv).
    auto area_values = [&](const PlaceEntry& e) -> std::vector<FieldValue> {
        const auto label = label_point_.find(e.id);
        const bool has_label = label != label_point_.end();
        return {e.id,
                e.name,
                std::string(gazetteer::to_string(e.type)),
                e.country,
                e.iso_code,
                e.area_km2,
                e.occupied_by.empty() ? FieldValue{} : FieldValue{e.occupied_by},
                e.occupied_since ? FieldValue{std::int64_t{e.occupied_since}} : FieldValue{},
                std::int64_t{e.scalerank},
                has_label ? FieldValue{label->second.lon} : FieldValue{},
                has_label ? FieldValue{label->second.lat} : FieldValue{}};
    };
    gpkg.begin_layer("countries", "MultiPolygon", area_fields);
    for (const auto& [alpha2, entry] : country_entry_)
        gpkg.add(area_values(entries[entry]), country_geometry_[alpha2]);
    gpkg.begin_layer("admin1", "MultiPolygon", area_fields);
    std::vector<const Unit*> sorted;
    for (const auto& u : units_) sorted.push_back(&u);
    std::sort(sorted.begin(), sorted.end(),
              [](const Unit* a, const Unit* b) { return a->entry < b->entry; });
    for (const Unit* u : sorted) gpkg.add(area_values(entries[u->entry]), u->geometry);
    gpkg.begin_layer("regions", "MultiPolygon", area_fields);
    for (const auto& [entry, g] : region_geometry_) gpkg.add(area_values(entries[entry]), g);
    // The same areas simplified to about 1 km (0.01 degree), for GeoJSON export and small-scale
    // maps: Russia or Europe at full resolution would take a second to read and simplify.
    step("GeoPackage: simplified areas");
    constexpr double kSimple = 0.01;
    gpkg.begin_layer("countries_simple", "MultiPolygon", area_fields);
    for (const auto& [alpha2, entry] : country_entry_)
        gpkg.add(area_values(entries[entry]), country_geometry_[alpha2].simplified(kSimple));
    gpkg.begin_layer("admin1_simple", "MultiPolygon", area_fields);
    for (const Unit* u : sorted)
        gpkg.add(area_values(entries[u->entry]), u->geometry.simplified(kSimple));
    gpkg.begin_layer("regions_simple", "MultiPolygon", area_fields);
    for (const auto& [entry, g] : region_geometry_)
        gpkg.add(area_values(entries[entry]), g.simplified(kSimple));
    gpkg.begin_layer("places", "Point",
                     {{"id", FieldType::text},
                      {"name", FieldType::text},
                      {"country", FieldType::text},
                      {"admin1_id", FieldType::text},
                      {"population", FieldType::integer},
                      {"feature_code", FieldType::text},
                      {"scalerank", FieldType::integer}});
    for (const auto& e : entries) {
        if (e.type != PlaceType::place) continue;
        gpkg.add({e.id, e.name, e.country,
                  e.admin1 >= 0 ? FieldValue{entries[static_cast<std::size_t>(e.admin1)].id}
                                : FieldValue{},
                  e.population, e.feature_code, std::int64_t{e.scalerank}},
                 Geometry::point({e.lon, e.lat}));
    }
    step("GeoPackage: base layers");
    const std::pair<const char*, const char*> base_layers[] = {
        {"ne_10m_land.shp", "land"},
        {"ne_10m_ocean.shp", "ocean"},
        {"ne_10m_lakes.shp", "lakes"},
        {"ne_10m_rivers_lake_centerlines.shp", "rivers"},
        {"ne_10m_admin_0_boundary_lines_land.shp", "boundary_lines"},
        {"ne_10m_admin_1_states_provinces_lines.shp", "admin1_lines"},
    };
    for (const auto& [file, layer] : base_layers) gpkg.copy_layer(find_ne(file, true), layer);
    gpkg.copy_layer(find_ne("ne_10m_populated_places_simple.shp", true), "populated_places",
                    {.layer = {}, .encoding = "CP1252", .where = {}});

    nlohmann::json meta;
    meta["format"] = "mapwire-geodata";
    meta["worldview"] = opt_.worldview == Worldview::de_jure ? "de-jure" : "de-facto";
    meta["sources"] = {{"natural_earth", opt_.ne_dirs},
                       {"world_atlas", opt_.world_atlas},
                       {"us_counties", opt_.us_counties},
                       {"geonames", opt_.geonames},
                       {"iso_codes", opt_.iso_codes_dir}};
    meta["counts"] = {{"countries", report_.countries},
                      {"admin1", report_.admin1},
                      {"counties", report_.counties},
                      {"regions", report_.regions},
                      {"geonames_areas", report_.geonames_areas},
                      {"places", report_.places}};
    meta["credits"] =
        "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0). Country "
        "points: GeoNames, CIA World Factbook (public domain)." +
        std::string(opt_.us_counties.empty()
                        ? ""
                        : " US counties: US Census Bureau (public domain), via us-atlas.");
    gpkg.begin_layer("metadata", "None", {{"key", FieldType::text}, {"value", FieldType::text}});
    for (const auto& [k, v] : meta.items()) gpkg.add({k, v.dump()});
    gpkg.commit();

    if (!opt_.words.empty()) {
        step("lexicon");
        write_word_list({opt_.words}, (fs::path(opt_.out_dir) / "lexicon.txt").string(),
                        "install the wamerican package or pass --words");
    }
    if (!opt_.first_names.empty()) {
        step("first names");
        write_word_list(
            opt_.first_names, (fs::path(opt_.out_dir) / "first_names.txt").string(),
            "run scripts/setup.sh, which fetches the name lists, or pass --first-names");
    }

    step("local names");
    const auto local = write_local_names(
        index_.entries(), iso_countries_, iso_subdivisions_,
        {.languages_tsv = opt_.curated_dir + "/local_languages.tsv",
         .romanisation_tsv = opt_.curated_dir + "/romanisation.tsv",
         .locale_dir = opt_.locale_dir},
        (fs::path(opt_.out_dir) / std::string(gazetteer::kLocalNamesFile)).string());
    report_.local_names = local.named;
    for (const auto& [country, counts] : local.towns)
        report_.notes.push_back("local names: " + country + " towns " +
                                std::to_string(counts.second) + " of " +
                                std::to_string(counts.first));
    for (const auto& m : local.missing_catalogs)
        report_.notes.push_back("local names: iso-codes has no catalog " + m);

    step("gazetteer index");
    index_.write((fs::path(opt_.out_dir) / "gazetteer.idx").string(), meta.dump());
}

BuildReport Pipeline::run() {
    if (opt_.curated_dir.empty())
        throw GeodataError("no folder of curated tables given", ExitCode::usage);
    iso_countries_ = read_iso_countries(opt_.iso_codes_dir);
    iso_subdivisions_ = read_iso_subdivisions(opt_.iso_codes_dir);
    read_settings();
    read_countries();
    read_admin1();
    dissolve_countries();
    add_country_entries();
    add_admin1_entries();
    read_places();
    read_natural_earth_places();
    assign_continents();
    apply_country_points();
    apply_geonames_area_points();
    add_geonames_areas();
    add_regions();
    add_us_counties();
    write_outputs();
    step("done");
    return report_;
}

}  // namespace mapwire::geodata::detail

namespace mapwire::geodata {

BuildReport build_dataset(const BuildOptions& options, std::ostream& log) {
    return detail::Pipeline(options, log).run();
}

}  // namespace mapwire::geodata
