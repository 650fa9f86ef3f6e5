// A stream's record in and out (see detail/stream_record.hpp). Read with json::scan_members,
// which finds the fields without building a tree; a line it refuses is parsed again by
// nlohmann, for its error message or for what it reads that the scanner leaves to it.
#include "cli/detail/stream_record.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "json/scan.hpp"

namespace mapwire::cli::detail {
namespace {

// A value as nlohmann::json's dump() writes it: an object's members sorted and deduplicated,
// which rewrite() leaves in text order, so a value holding an object goes through the tree.
std::string dumped(std::string_view value) {
    if (value.find('{') == std::string_view::npos) {
        json::Writer w;
        if (json::rewrite(value, w)) return w.str();
    }
    return nlohmann::json::parse(value).dump();
}

// The record from the scanner's members: sorted by name (stable, so that of a repeated name
// the last in the text is last), each name's last value kept.
StreamRecord from_members(std::vector<json::Member>& members) {
    std::stable_sort(members.begin(), members.end(),
                     [](const json::Member& a, const json::Member& b) { return a.key < b.key; });
    StreamRecord r;
    r.object = true;
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (i + 1 < members.size() && members[i + 1].key == members[i].key) continue;
        const auto& [key, value] = members[i];
        if (key == "text") {
            std::string text;
            if (json::scan_string(value, text)) r.text = std::move(text);
        } else if (key == "id") {
            r.id = dumped(value);
        } else {
            r.fields.emplace_back(key, dumped(value));
        }
    }
    return r;
}

StreamRecord from_tree(const nlohmann::json& tree) {
    StreamRecord r;
    r.object = tree.is_object();
    if (!r.object) return r;
    for (const auto& [key, value] : tree.items()) {  // nlohmann::json: sorted, deduplicated
        if (key == "text") {
            if (value.is_string()) r.text = value.get<std::string>();
        } else if (key == "id") {
            r.id = value.dump();
        } else {
            r.fields.emplace_back(key, value.dump());
        }
    }
    return r;
}

}  // namespace

StreamRecord read_record(std::string_view line) {
    std::vector<json::Member> members;
    if (json::scan_members(line, members)) return from_members(members);
    try {
        return from_tree(nlohmann::json::parse(line));
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(std::string("not JSON: ") + e.what());
    } catch (const nlohmann::json::out_of_range& e) {
        // nlohmann refuses a number beyond a double ("1e400") with out_of_range, not a
        // parse error.
        throw Error(std::string("a number out of range: ") + e.what() +
                    "; a JSON number here must be within a double's range (about 1.8e308): "
                    "write it smaller, or as a string");
    }
}

std::string record_output(const StreamRecord& record, const ResultFields& result) {
    std::vector<std::pair<std::string_view, std::string_view>> fields;
    fields.reserve(1 + record.fields.size() + result.size());
    fields.emplace_back("id", record.id ? std::string_view(*record.id) : "null");
    for (const auto& [name, value] : record.fields) fields.emplace_back(name, value);
    for (std::size_t i = 0; i < result.size(); ++i) {
        const auto same = std::find_if(fields.begin(), fields.end(),
                                       [&](const auto& f) { return f.first == result.name(i); });
        if (same != fields.end())
            same->second = result.value(i);
        else
            fields.emplace_back(result.name(i), result.value(i));
    }
    json::Writer w;
    w.begin_object();
    for (const auto& [name, value] : fields) {
        w.key(name);
        w.raw(value);
    }
    w.end_object();
    return w.str();
}

std::string error_output(std::size_t line, const std::optional<std::string>& id,
                         const std::string& message) {
    json::Writer w;
    w.begin_object();
    w.key("line");
    w.unsigned_integer(line);
    if (id) {
        w.key("id");
        w.raw(*id);
    }
    w.key("error");
    w.string(message);
    w.end_object();
    return w.str();
}

}  // namespace mapwire::cli::detail
