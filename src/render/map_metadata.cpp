// A map's words about itself: title, description, keywords, dates and the extent about a place.
#include "render/detail/map_metadata.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "render/detail/wording.hpp"

namespace mapwire::render {
namespace detail {

std::string creation_date(const MapOptions& o) {
    if (!o.creation_date.empty()) return o.creation_date;
    std::time_t t = 0;
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH"))
        t = static_cast<std::time_t>(std::atoll(env));
    char buf[32];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string keywords(const events::Extraction& x) {
    std::vector<std::string> words;
    auto add = [&](const std::string& w) {
        if (!w.empty() && std::find(words.begin(), words.end(), w) == words.end())
            words.push_back(w);
    };
    for (const auto& e : x.events) {
        add(std::string(to_string(e.type)));
        if (e.location) add(std::string(e.location->name));
    }
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

std::string country_name(const gazetteer::Gazetteer& g, const gazetteer::PlaceNaming& names,
                         const std::string& code) {
    const auto p = g.find_id("country:" + code);
    return p ? std::string(names.name(*p)) : code;
}

const gazetteer::PlaceNaming& english_names() {
    static const gazetteer::PlaceNaming english;
    return english;
}

}  // namespace detail

std::string control_date_of(const MapOptions& o) {
    return o.control_date.empty() ? control_layer_date(o.control_layer) : o.control_date;
}

std::string control_layer_date(const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    auto digits = [&](std::size_t at, std::size_t n) {
        if (at + n > name.size()) return false;
        for (std::size_t k = at; k < at + n; ++k)
            if (name[k] < '0' || name[k] > '9') return false;
        return true;
    };
    auto plausible = [](const std::string& y, const std::string& m, const std::string& d) {
        const int year = std::stoi(y), month = std::stoi(m), day = std::stoi(d);
        return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        // Not inside a longer run of digits.
        if (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9') continue;
        if (digits(i, 4) && i + 10 <= name.size() && name[i + 4] == '-' && digits(i + 5, 2) &&
            name[i + 7] == '-' && digits(i + 8, 2) &&
            plausible(name.substr(i, 4), name.substr(i + 5, 2), name.substr(i + 8, 2)))
            return name.substr(i, 10);
        if (digits(i, 8) && !digits(i + 8, 1) &&
            plausible(name.substr(i, 4), name.substr(i + 4, 2), name.substr(i + 6, 2)))
            return name.substr(i, 4) + "-" + name.substr(i + 4, 2) + "-" + name.substr(i + 6, 2);
    }
    return {};
}

std::string default_description(const events::Extraction& x, const gazetteer::Gazetteer& g) {
    constexpr std::size_t kDescribed = 5;  // events named; the others are counted
    const std::string where =
        x.places.focus_country.empty()
            ? "the area"
            : detail::country_name(g, detail::english_names(), x.places.focus_country);
    const std::size_t n = x.events.size();
    std::string text = "Map of " + where + " showing " + std::to_string(n) +
                       (n == 1 ? " reported event" : " reported events");
    for (std::size_t i = 0; i < n && i < kDescribed; ++i)
        text += (i == 0 ? ": " : "; ") + detail::event_phrase(x.events[i]);
    if (n > kDescribed) text += "; and " + std::to_string(n - kDescribed) + " more";
    return text + ".";
}

std::string default_title(const events::Extraction& x) {
    const std::string title = detail::title_of(x.events);
    return title.empty() ? "Reported events" : title;
}

LonLatBox extent_around(const gazetteer::Place& p) {
    if (p.type == gazetteer::PlaceType::place)
        return {p.lon - 1.2, p.lat - 0.8, p.lon + 1.2, p.lat + 0.8};
    const double px = std::max(0.3, double(p.max_lon - p.min_lon) / 4),
                 py = std::max(0.2, double(p.max_lat - p.min_lat) / 4);
    return {p.min_lon - px, p.min_lat - py, p.max_lon + px, p.max_lat + py};
}

}  // namespace mapwire::render
