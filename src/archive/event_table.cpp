// Reading an event table (see event_table.hpp): the format from the name, then the range
// filter and the counts of what was left out.
#include "archive/event_table.hpp"

#include <filesystem>
#include <map>

#include "archive/detail/readers.hpp"

namespace mapwire::archive {

std::optional<TableFormat> table_format(const std::string& path) {
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".ndjson" || ext == ".jsonl" || ext == ".json") return TableFormat::ndjson;
    if (ext == ".gpkg") return TableFormat::gpkg;
    if (ext == ".fgb") return TableFormat::fgb;
    return std::nullopt;
}

EventTable read_event_table(const std::string& path, const gazetteer::Gazetteer& gazetteer,
                            const DateRange& range) {
    const auto format = table_format(path);
    if (!format)
        throw std::move(TableError("not an event table", ExitCode::bad_input,
                                   "give the NDJSON of `mapwire extract --ndjson` (.ndjson, "
                                   ".jsonl), or an events layer as .gpkg or .fgb")
                            .in_file(path));
    EventTable table;
    std::map<std::string, std::size_t> per_country;
    auto keep = [&](events::Event&& e) {
        ++table.counts.events;
        if (e.background) {
            ++table.counts.background;
            return;
        }
        if (range.any()) {
            if (e.date.date.empty()) {
                ++table.counts.undated;
                return;
            }
            if (!range.contains(e.date.date)) {
                ++table.counts.outside;
                return;
            }
        }
        if (!e.location)
            ++table.counts.unlocated;
        else if (!e.location->country.empty())
            ++per_country[std::string(e.location->country)];
        if (e.date.date > table.last_date) table.last_date = e.date.date;
        table.events.push_back(std::move(e));
    };
    if (*format == TableFormat::ndjson)
        detail::read_ndjson_events(path, gazetteer, table.counts, keep);
    else
        detail::read_layer_events(path, gazetteer, table.counts, keep);
    std::size_t best = 0;  // ties: the first code in order, for the same map on every run
    for (const auto& [country, n] : per_country)
        if (n > best) best = n, table.focus_country = country;
    return table;
}

}  // namespace mapwire::archive
