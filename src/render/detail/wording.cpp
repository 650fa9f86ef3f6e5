// Map wording: numbers, dates and event labels.
#include "render/detail/wording.hpp"
#include "text/normalize.hpp"

#include "render/detail/event_labels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace mapwire::render::detail {
namespace {

// "thousands of " when the deployment's size is a vague quantity, else "".
std::string deployed_words(const events::Event& e) {
    for (const auto& c : e.counts)
        if (c.meaning == "deployed" && !c.words.empty()) return c.words + " of ";
    return {};
}

// The first line: what happened, from the event's type, trigger and counts.
std::string what_happened(const events::Event& e) {
    auto count = [&](const std::string& meaning) -> long long {
        for (const auto& c : e.counts)
            if (c.meaning == meaning) return c.value;
        return -1;
    };
    const std::string who = e.actor2.name;
    if (count("captured") > 0 && e.type == events::EventType::battles)
        return "Capture of " + std::to_string(count("captured")) + (who.empty() ? "" : " " + who);
    if (e.sub_type == events::SubEventType::other && e.trigger == "summoned")
        return (e.actor2.name.empty() ? std::string("Envoy") : e.actor2.name) + " summoned";
    if (e.trigger == "deployed") return e.actor1.name + " deployed " + deployed_words(e) + "troops";
    return std::string(e.sub_type ? to_string(*e.sub_type) : to_string(e.type));
}

// What happened in plain words ("Russian forces take Novoyehorivka"), from the phrase
// table; the sub-event type's own words where no row fits.
PlainLabel headline(const events::Event& e) {
    PlainLabel plain = plain_label(e);
    if (plain.text.empty()) plain = {what_happened(e), false, {}};
    return plain;
}

// A count as the text gave it, with its meaning ("~40 killed", "thousands deployed").
std::string count_text(const events::Count& c) {
    return count_value(c) + " " + c.meaning;
}

// The counts the first line does not already say, as the text gave them.
std::vector<std::string> other_counts(const events::Event& e, const PlainLabel& said) {
    const std::string& what = said.text;
    std::vector<std::string> extras;
    for (const auto& c : e.counts) {
        if (said.counted.count(c.meaning) ||
            (c.meaning == "captured" && what.starts_with("Capture")) || c.unknown ||
            (c.meaning == "deployed" && !c.words.empty() && e.trigger == "deployed"))
            continue;
        extras.push_back(count_text(c));
    }
    return extras;
}

// How precisely the text dates an event, in words.
std::string date_precision_words(events::DatePrecision precision) {
    using enum events::DatePrecision;
    if (precision == day || precision == week || precision == month || precision == year)
        return "to the " + std::string(events::to_string(precision));
    return "approximate";
}

// Where, at the precision the text gives (ACLED's geo_precision: 1 town, 2 region, 3 country).
std::string where_words(const events::Event& e) {
    if (!e.location) return e.location_text.empty() ? "" : e.location_text + " (not located)";
    const std::string name(e.location->name);
    if (e.geo_precision == events::GeoPrecision::town) return name + " (the town itself)";
    return "Somewhere in " + name +
           (e.geo_precision == events::GeoPrecision::region ? " (the text names only the region)"
                                                            : " (the text names only the country)");
}

}  // namespace

std::string count_value(const events::Count& c) {
    return c.words.empty() ? std::string(c.approximate ? "~" : "") + thousands(double(c.value))
                           : c.words;
}

std::string thousands(double v) {
    std::string s = std::to_string(static_cast<long long>(std::llround(v)));
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

std::string upper(std::string s) {
    return text::upper_case(s);
}

std::string month_text(const std::string& iso, events::DatePrecision precision) {
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (iso.size() != 10) return "";
    const int y = std::atoi(iso.substr(0, 4).c_str()), m = std::atoi(iso.substr(5, 2).c_str()),
              d = std::atoi(iso.substr(8, 2).c_str());
    if (m < 1 || m > 12) return iso;
    if (precision == events::DatePrecision::day)
        return std::to_string(d) + " " + months[m - 1] + " " + std::to_string(y);
    if (precision == events::DatePrecision::month)
        return std::string(months[m - 1]) + " " + std::to_string(y);
    if (precision == events::DatePrecision::year) return std::to_string(y);
    return "c. " + std::string(months[m - 1]) + " " + std::to_string(y);
}

std::string event_label(const events::Event& e) {
    const PlainLabel what = headline(e);
    const std::vector<std::string> extras = other_counts(e, what);
    std::string line = what.text;
    if (!extras.empty()) {
        line += " (";
        for (std::size_t i = 0; i < extras.size(); ++i) line += (i ? ", " : "") + extras[i];
        line += ")";
    }
    std::string second =
        e.location && !what.names_place ? std::string(e.location->name) : std::string();
    const std::string when = month_text(e.date.date, e.date.precision);
    if (!when.empty()) second += (second.empty() ? "" : " · ") + when;
    if (e.reporting != events::Reporting::fact)
        second += std::string(" · ") + std::string(events::to_string(e.reporting));
    return line + "\n" + second;
}

std::vector<DetailLine> event_details(const events::Event& e) {
    std::vector<DetailLine> lines;
    auto add = [&](const char* label, const std::string& text) {
        if (!text.empty()) lines.push_back({label, text});
    };
    // In plain words as on the map, with ACLED's codes for those who code events.
    const std::string what = headline(e).text;
    const std::string type(to_string(e.type)), sub_type(to_string(e.sub_type));
    const std::string codes = sub_type.empty() || sub_type == what ? type : type + ": " + sub_type;
    add("What", what + (codes == what ? "" : " (" + codes + ")"));
    add("Who", e.actor1.name);
    add("Also involved", e.actor2.name);
    std::string counts;
    for (const auto& c : e.counts)
        counts +=
            (counts.empty() ? "" : ", ") + (c.unknown ? c.meaning + ": unknown" : count_text(c));
    add("How many", counts);
    const std::string when = month_text(e.date.date, e.date.precision);
    // The words the date came from, or what it was taken from ("(publication date)").
    const std::string& said = e.date.text;
    const std::string source = said.empty() ? ""
                               : said.starts_with("(")
                                   ? "; from the " + said.substr(1, said.size() - 2)
                                   : "; the text says \"" + said + "\"";
    add("When", when.empty() ? std::string("Not given")
                             : when + " (" + date_precision_words(e.date.precision) + source + ")");
    add("Where", where_words(e));
    static const char* reported[] = {"Fact", "Claim", "Allegation"};
    add("Reported as", reported[static_cast<int>(e.reporting)]);
    add("According to", e.attribution);
    add("Source sentence", e.sentence);
    return lines;
}

std::string occupation_text(const std::vector<OccupiedUnit>& units, bool names) {
    // Groups by holder and year, in the order first seen.
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    for (const auto& u : units) {
        const std::string tail =
            ": occupied by " + u.holder + (u.since > 0 ? " since " + std::to_string(u.since) : "");
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const auto& g) { return g.first == tail; });
        if (it == groups.end()) it = groups.insert(groups.end(), {tail, {}});
        if (std::find(it->second.begin(), it->second.end(), u.name) == it->second.end())
            it->second.push_back(u.name);
    }
    std::string text;
    for (auto& [tail, members] : groups) {
        if (!names) {  // ": occupied by ..." -> "Occupied by ..." (first) or "occupied by ..."
            text += (text.empty() ? "" : "; ") + tail.substr(2);
            continue;
        }
        std::sort(members.begin(), members.end());  // the same order whatever the index's
        std::string list;
        for (std::size_t i = 0; i < members.size(); ++i)
            list += (i == 0 ? "" : i + 1 == members.size() ? " and " : ", ") + members[i];
        text += (text.empty() ? "" : "; ") + list + tail;
    }
    return text;
}

std::string event_phrase(const events::Event& e) {
    const PlainLabel what = headline(e);
    std::string text = what.text;
    if (e.location && !what.names_place) text += " in " + std::string(e.location->name);
    if (e.reporting == events::Reporting::claim) text += ", claimed";
    if (e.reporting == events::Reporting::allegation) text += ", alleged";
    return text;
}

std::string title_of(const std::vector<events::Event>& events) {
    for (const auto& e : events) {
        if (!e.location) continue;
        const PlainLabel what = headline(e);
        return what.names_place ? what.text : what.text + " in " + std::string(e.location->name);
    }
    return {};
}

bool country_only(const events::Event& e) {
    return e.location && e.location->type == gazetteer::PlaceType::admin0;
}

std::vector<std::string> elsewhere_lines(const std::vector<events::Event>& events) {
    std::vector<std::string> lines;
    for (const auto& e : events) {
        if (!country_only(e)) continue;
        std::string text = event_label(e);
        // The label's second line starts with the place: here it is the line's head.
        const auto nl = text.find('\n');
        std::string what = text.substr(0, nl),
                    rest = nl == std::string::npos ? "" : text.substr(nl + 1);
        const std::string country(e.location->name);
        if (rest.starts_with(country)) rest.erase(0, country.size());
        if (rest.starts_with(" · ")) rest.erase(0, std::string(" · ").size());
        lines.push_back("Elsewhere in " + country + ": " + what +
                        (rest.empty() ? "" : " · " + rest));
    }
    return lines;
}

std::vector<std::string> key_lines(const std::vector<events::Event>& events) {
    std::vector<std::string> lines;
    for (const auto& e : events) {
        if (!e.location || country_only(e)) continue;
        std::string text = event_label(e);
        if (const auto nl = text.find('\n'); nl != std::string::npos) text.replace(nl, 1, " — ");
        lines.push_back(std::to_string(lines.size() + 1) + ". " + text);
    }
    return lines;
}

}  // namespace mapwire::render::detail
