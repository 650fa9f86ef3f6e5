// Events from the NDJSON of `mapwire extract --ndjson`: one article's record a line, its
// "events" in the extractor's JSON (exporter::write_extraction writes it), back into Events.
#include <algorithm>
#include <exception>
#include <fstream>
#include <optional>
#include <thread>
#include <type_traits>
#include <variant>

#include <nlohmann/json.hpp>

#include "archive/detail/readers.hpp"
#include "json/scan.hpp"
#include "text/utf8.hpp"

namespace mapwire::archive::detail {
namespace {

using nlohmann::json;

// Lines parsed at once, and the threads that parse them: memory stays bounded whatever the
// table's length (a batch holds about 3 MB of a table of extracted events).
constexpr std::size_t kParseBatch = 4096;
constexpr unsigned kParseThreads = 4;

// A value as the SAX parser hands it over.
using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

constexpr const char* kRecordHint = "each line must be one record of `mapwire extract --ndjson`";

// One value of an event's field, converted to the field's type, or the reason it cannot be
// kept as the record reader's error (the parser wants false returned, not an exception).
struct FieldValue {
    Value& v;
    const Where& where;
    std::string field;  // "events[3].actor1.name"
    std::optional<TableError>& error;
    const gazetteer::Gazetteer& gaz;

    bool null() const { return std::holds_alternative<std::monostate>(v); }
    bool fail(const std::string& what) {
        if (!error) error = bad_field(where, field, what, kRecordHint);
        return false;
    }
    bool text(std::string& to) {
        if (auto* s = std::get_if<std::string>(&v)) return to = std::move(*s), true;
        return null() || fail("must be a text or null");
    }
    template <class Int>
    bool whole(Int& to) {
        if (auto* n = std::get_if<std::int64_t>(&v)) return to = static_cast<Int>(*n), true;
        return null() || fail("must be a whole number");
    }
    // ACLED's 1, 2 or 3; null keeps the default.
    bool geo_precision(events::GeoPrecision& to) {
        std::int64_t code = 0;
        if (null()) return true;
        if (!whole(code)) return false;
        if (auto p = events::geo_precision_from_acled(code)) return to = *p, true;
        return fail("must be 1, 2 or 3");
    }
    bool flag(bool& to) {
        if (auto* b = std::get_if<bool>(&v)) return to = *b, true;
        return null() || fail("must be true or false");
    }
    // A text through one of the shared checks, which throw.
    template <class Check>
    bool checked(Check&& check) {
        std::string got;
        if (!text(got)) return false;
        try {
            check(got);
            return true;
        } catch (const TableError& bad) {
            if (!error) error = bad;
            return false;
        }
    }
    bool place(std::optional<gazetteer::Place>& to) {
        if (null()) return true;
        if (const auto* s = std::get_if<std::string>(&v); s && s->empty())
            return fail("must be the place's gazetteer id");
        return checked([&](const std::string& id) { to = table_place(gaz, id, where, field); });
    }
};

bool read_own(FieldValue& f, events::Event& e, std::string_view key) {
    if (key == "id") return f.text(e.id);
    if (key == "type")
        return f.checked(
            [&](const std::string& t) { e.type = table_event_type(t, f.where, f.field); });
    if (key == "sub_type")
        return f.checked(
            [&](const std::string& t) { e.sub_type = table_sub_type(t, f.where, f.field); });
    if (key == "trigger") return f.text(e.trigger);
    if (key == "background") return f.flag(e.background);
    if (key == "location_text") return f.text(e.location_text);
    if (key == "geo_precision") return f.geo_precision(e.geo_precision);
    if (key == "attribution") return f.text(e.attribution);
    if (key == "reporting")
        return f.checked(
            [&](const std::string& r) { e.reporting = table_reporting(r, f.where, f.field); });
    return true;
}

bool read_actor(FieldValue& f, events::Actor& actor, std::string_view key) {
    if (key == "name") return f.text(actor.name);
    if (key == "country") return f.text(actor.country);
    if (key == "side") return f.text(actor.side);
    if (key == "acled") return f.text(actor.acled);
    return true;
}

bool read_count(FieldValue& f, events::Count& c, std::string_view key) {
    if (key == "value") return f.whole(c.value);
    if (key == "meaning") return f.text(c.meaning);
    if (key == "approximate") return f.flag(c.approximate);
    if (key == "unknown") return f.flag(c.unknown);
    if (key == "words") return f.text(c.words);
    return true;
}

bool read_date(FieldValue& f, events::EventDate& d, std::string_view key) {
    if (key == "date")
        return f.checked(
            [&](const std::string& day) { d.date = table_date(day, f.where, f.field); });
    if (key == "precision")
        return f.checked(
            [&](const std::string& p) { d.precision = table_date_precision(p, f.where, f.field); });
    if (key == "text") return f.text(d.text);
    return true;
}

bool read_sentence(FieldValue& f, events::Event& e, std::string_view key) {
    if (key == "text") return f.text(e.sentence);
    if (key == "start") return f.whole(e.start);
    if (key == "end") return f.whole(e.end);
    return true;
}

// Builds the events of one record straight from the parser's events, without a document:
// reading a table is mostly JSON parsing, and a DOM of std::maps per line took twice as long.
// Fields are known by their path inside an event ("actor1.name", "counts.value"); what lies
// outside "events" (figures, warnings, passed-through fields) is skipped.
class RecordReader : public nlohmann::json_sax<json> {
public:
    RecordReader(const Where& where, const gazetteer::Gazetteer& gaz) : where_(where), gaz_(gaz) {}

    std::vector<events::Event> events;
    bool error_record = false;
    std::optional<TableError> error;
    std::string article;  // the record's id, the prefix of its events' ids

    bool null() override { return value({}); }
    bool boolean(bool v) override { return value(v); }
    bool number_integer(number_integer_t v) override { return value(std::int64_t(v)); }
    // Beyond an int64 the scanner hands over a uint64: no whole number a field takes.
    bool number_unsigned(number_unsigned_t v) override {
        return v <= std::uint64_t(INT64_MAX) ? value(std::int64_t(v)) : value(double(v));
    }
    bool number_float(number_float_t v, const string_t&) override { return value(v); }
    bool string(string_t& v) override { return value(std::move(v)); }
    bool binary(binary_t&) override { return value({}); }
    bool key(string_t& k) override {
        key_ = std::move(k);
        return true;
    }
    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& e) override {
        refused = true;
        // 406: nlohmann's out_of_range for a number beyond a double ("1e400").
        return fail("",
                    e.id == 406 ? "holds a number beyond a double's range" : "is not a JSON object",
                    kRecordHint);
    }
    bool refused = false;  // the JSON reader refused the line (not a field)

    // After the parse: the events, or the error found.
    void finish();

private:
    struct Frame {
        bool array = false;
        std::string key;  // the key this object or list is the value of
    };

    bool open(bool array);
    bool close();
    bool value(Value v);
    // `group` is the object the field is in ("" for the event's own, "actor1", "counts" ...).
    bool event_field(std::string_view group, std::string_view key, Value& v);
    bool fail(const std::string& field, const std::string& what, const std::string& fix);
    // The field's path for messages: "events[3].actor1.name".
    std::string field_path(std::string_view group, std::string_view key) const;

    const Where& where_;
    const gazetteer::Gazetteer& gaz_;
    std::vector<Frame> frames_;
    std::string key_;
    bool saw_events_ = false;
    std::vector<bool> typed_;  // by event: whether its "type" was given
};

bool RecordReader::fail(const std::string& field, const std::string& what, const std::string& fix) {
    if (!error) error = bad_field(where_, field, what, fix);
    return false;
}

// Frames: [record] [events list] [event] [actor1 | date | counts list [count] ...].
bool RecordReader::open(bool array) {
    const std::size_t depth = frames_.size();
    if (depth == 0 && array) return fail("", "is not a JSON object", kRecordHint);
    if (depth == 1 && key_ == "events") {
        if (!array) return fail("events", "must be a list", kRecordHint);
        saw_events_ = true;
    }
    if (depth == 2 && frames_[1].key == "events") {
        if (array)
            return fail("events[" + std::to_string(events.size()) + "]", "must be an object",
                        kRecordHint);
        events.emplace_back();
        typed_.push_back(false);
    }
    if (depth >= 3 && frames_[1].key == "events" && !array && frames_.back().key == "counts")
        events.back().counts.emplace_back();
    frames_.push_back({array, depth == 0 ? std::string() : key_});
    key_.clear();
    return true;
}

bool RecordReader::close() {
    frames_.pop_back();
    key_.clear();
    return true;
}

std::string RecordReader::field_path(std::string_view group, std::string_view key) const {
    return "events[" + std::to_string(events.size() - 1) + "]." +
           (group.empty() ? "" : std::string(group) + ".") + std::string(key);
}

bool RecordReader::value(Value v) {
    const std::size_t depth = frames_.size();
    if (depth == 0) return fail("", "is not a JSON object", kRecordHint);
    if (depth == 1) {
        if (key_ == "error") error_record = true;
        if (key_ == "id") {
            if (auto* s = std::get_if<std::string>(&v)) article = *s;
            if (auto* n = std::get_if<std::int64_t>(&v)) article = std::to_string(*n);
        }
        if (key_ == "events") return fail("events", "must be a list", kRecordHint);
        return true;
    }
    if (frames_[1].key != "events" || depth < 3) {
        if (depth == 2 && frames_[1].key == "events")
            return fail("events[" + std::to_string(events.size()) + "]", "must be an object",
                        kRecordHint);
        return true;  // outside the events: not read
    }
    // Frames 0-2 are the record, its events and the event; a group's object (actor1) or list
    // (counts, whose objects have no key of their own) is frame 3.
    return event_field(depth > 3 ? std::string_view(frames_[3].key) : std::string_view(), key_, v);
}

bool RecordReader::event_field(std::string_view group, std::string_view key, Value& v) {
    events::Event& e = events.back();
    FieldValue f{v, where_, field_path(group, key), error, gaz_};
    if (group.empty()) {
        if (key == "type") typed_.back() = true;
        return read_own(f, e, key);
    }
    if (group == "actor1") return read_actor(f, e.actor1, key);
    if (group == "actor2") return read_actor(f, e.actor2, key);
    if (group == "counts")
        return e.counts.empty() ? f.fail("must be inside a count object")
                                : read_count(f, e.counts.back(), key);
    if (group == "date") return read_date(f, e.date, key);
    if (group == "location" && key == "id") return f.place(e.location);
    if (group == "sentence") return read_sentence(f, e, key);
    return true;  // fields the map does not use (location.name, date.time_precision ...)
}

void RecordReader::finish() {
    if (error || error_record) return;
    if (!saw_events_) {
        error = bad_field(where_, "events", "missing", kRecordHint);
        return;
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
        auto& e = events[i];
        const std::string at = "events[" + std::to_string(i) + "].";
        if (!typed_[i]) {
            error = bad_field(where_, at + "type", "must name the ACLED event type", kRecordHint);
            return;
        }
        try {
            check_sub_type_parent(e, where_, at + "sub_type");
        } catch (const TableError& bad) {
            error = bad;
            return;
        }
        if (!article.empty()) e.id = article + "/" + e.id;
    }
}

// One line's work, done on any thread: its events, or the error to throw in line order.
struct ParsedLine {
    int line = 0;
    std::string text;
    bool error_record = false;
    std::vector<events::Event> events;
    std::exception_ptr error;
};

void parse_line(const std::string& path, const gazetteer::Gazetteer& gaz, ParsedLine& out) {
    const Where where{path, out.line, {}};
    std::optional<RecordReader> reader(std::in_place, where, gaz);
    if (const auto bad = text::find_invalid_utf8(out.text)) {
        reader->error =
            bad_field(where, "", "holds invalid UTF-8 at byte " + std::to_string(*bad + 1),
                      "the table must be UTF-8, as `mapwire extract --ndjson` writes it");
    } else if (!mapwire::json::scan(out.text, *reader) && reader->refused) {
        // The scanner refuses a little more than nlohmann (json/scan.hpp: deep nesting, numbers
        // beyond a double): nlohmann's own reading, or its refusal, decides.
        reader.emplace(where, gaz);
        nlohmann::json::sax_parse(out.text, &*reader);
    }
    reader->finish();
    if (reader->error)
        out.error = std::make_exception_ptr(*reader->error);
    else if (reader->error_record)
        out.error_record = true;  // the stream's record of an article that failed: no events
    else
        out.events = std::move(reader->events);
}

// Parses a batch of lines on up to kParseThreads threads (JSON parsing is most of a table's
// reading time); the results stay in line order.
void parse_batch(const std::string& path, const gazetteer::Gazetteer& gaz,
                 std::vector<ParsedLine>& lines) {
    const unsigned threads =
        std::max(1u, std::min(kParseThreads, std::thread::hardware_concurrency()));
    auto work = [&](unsigned first) {
        for (std::size_t i = first; i < lines.size(); i += threads) parse_line(path, gaz, lines[i]);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& t : pool) t.join();
}

}  // namespace

void read_ndjson_events(const std::string& path, const gazetteer::Gazetteer& gaz,
                        TableCounts& counts, const KeepEvent& keep) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::move(IoError("cannot open the event table").in_file(path));
    std::vector<ParsedLine> batch;
    auto flush = [&] {
        parse_batch(path, gaz, batch);
        for (auto& l : batch) {
            if (l.error) std::rethrow_exception(l.error);  // the first bad line, in order
            ++counts.records;
            if (l.error_record) ++counts.error_records;
            for (auto& e : l.events) keep(std::move(e));
        }
        batch.clear();
    };
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        batch.push_back({n, std::move(text), false, {}, nullptr});
        if (batch.size() == kParseBatch) flush();
    }
    if (in.bad()) throw std::move(IoError("cannot read the event table").in_file(path));
    flush();
}

}  // namespace mapwire::archive::detail
