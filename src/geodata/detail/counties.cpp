// US counties as second-order units (admin2): npm us-atlas, the Census Bureau's cartographic
// county boundaries (2017 edition, public domain) as TopoJSON. cities500 has no counties, and
// US local news places most events by county ("Scott County", "Jefferson Parish").
#include <filesystem>
#include <map>
#include <string>

#include "geodata/build.hpp"
#include "geodata/detail/pipeline.hpp"
#include "geometry/vector_io.hpp"
#include "text/normalize.hpp"

namespace mapwire::geodata::detail {

namespace fs = std::filesystem;
using gazetteer::PlaceEntry;
using gazetteer::PlaceType;

namespace {

// The word a county equivalent carries in its state, or "" for one that is no county: the
// independent cities (Virginia's, Baltimore, St. Louis, Carson City) are towns in cities500,
// and the District of Columbia is Washington.
std::string county_word(const std::string& fips) {
    const std::string state = fips.substr(0, 2);
    const int county = std::stoi(fips.substr(2));
    if (state == "11") return "";
    if ((state == "51" || state == "24" || state == "29" || state == "32") && county >= 500)
        return "";
    if (state == "22") return "Parish";
    if (state == "02") return "Borough";
    return "County";
}

bool digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void Pipeline::add_us_counties() {
    if (opt_.us_counties.empty()) return;
    step("US counties (us-atlas)");
    const std::string& path = opt_.us_counties;
    if (!fs::exists(path))
        throw std::move(GeodataError("the US counties file does not exist", ExitCode::missing_data,
                                     "run scripts/setup.sh, or pass us-atlas's counties-10m.json")
                            .in_file(path));
    const auto us = country_entry_.find("US");
    if (us == country_entry_.end()) return;  // a dataset without the United States
    // us-atlas names its states; Natural Earth's US units carry the same names.
    std::map<std::string, std::size_t> unit_by_name;
    for (std::size_t i = 0; i < units_.size(); ++i)
        if (units_[i].ne_country == "US") unit_by_name[text::fold(units_[i].ne_name)] = i;
    std::map<std::string, std::size_t> unit_by_state;  // state FIPS code -> unit
    for (const auto& f :
         geometry::read_features(path, {.layer = "states", .encoding = {}, .where = {}})) {
        const auto it = unit_by_name.find(text::fold(f.text("name")));
        if (it != unit_by_name.end())
            unit_by_state[f.text("id")] = it->second;
        else
            report_.notes.push_back("us-atlas state " + f.text("id") + " (" + f.text("name") +
                                    ") matches no Natural Earth unit; its counties are skipped");
    }
    geometry::PolygonIndex pip;
    std::vector<std::uint32_t> counties;
    for (const auto& f :
         geometry::read_features(path, {.layer = "counties", .encoding = {}, .where = {}})) {
        const std::string fips = f.text("id"), name = f.text("name");
        if (fips.size() != 5 || !digits(fips) || name.empty()) {
            report_.notes.push_back("us-atlas county feature fid " + std::to_string(f.fid()) +
                                    " has no FIPS code or name; skipped");
            continue;
        }
        const auto unit = unit_by_state.find(fips.substr(0, 2));
        const std::string word = county_word(fips);
        if (unit == unit_by_state.end() || word.empty()) continue;
        const auto g = f.geometry().made_valid();  // quantized arcs: repair before areas
        if (g.empty()) continue;
        PlaceEntry e;
        e.type = PlaceType::admin2;
        e.id = "admin2:US-" + fips;
        e.name = name + " " + word;
        e.country = "US";
        e.feature_code = "ADM2";
        e.parent_country = static_cast<std::int32_t>(us->second);
        e.admin1 = static_cast<std::int32_t>(units_[unit->second].entry);
        fill_area(e, g);
        const auto entry = index_.add(std::move(e));
        region_geometry_.emplace_back(entry, g);
        pip.add(g, static_cast<std::int64_t>(entry));
        counties.push_back(entry);
        ++report_.counties;
    }
    // A county's population: that of the GeoNames towns in it, a ranking feature between
    // counties of one name (Dallas County, Texas over Dallas County, Alabama).
    const std::size_t count = index_.entries().size();
    for (std::uint32_t i = 0; i < count; ++i) {
        const PlaceEntry& p = index_.at(i);
        if (p.type != PlaceType::place || p.country != "US") continue;
        if (const auto county = pip.find({p.lon, p.lat}))
            index_.at(static_cast<std::uint32_t>(*county)).population += p.population;
    }
}

}  // namespace mapwire::geodata::detail
