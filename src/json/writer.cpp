// The streaming writer (see writer.hpp): separators and indents, nlohmann's string escapes and
// number formats.
#include "json/writer.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace mapwire::json {
namespace {

// What nlohmann's serializer writes for a byte below 0x20 or a quote or a backslash (it
// escapes nothing else when ensure_ascii is off, DEL and '/' included); nullptr: the byte
// goes out as it is.
constexpr std::array<const char*, 0x20> kControlEscapes = {
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
    "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
    "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};

bool needs_escape(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\';
}

}  // namespace

void Writer::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (depth_ > 0) {
        if (!first_) out_ += ',';
        new_line();
    }
    first_ = false;
}

void Writer::new_line() {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_ * indent_), ' ');
}

void Writer::open(char bracket) {
    separate();
    out_ += bracket;
    ++depth_;
    first_ = true;
}

void Writer::close(char bracket) {
    --depth_;
    if (!first_) new_line();  // as nlohmann, an empty container is "{}" or "[]" on one line
    out_ += bracket;
    first_ = false;  // the container just closed is a value of its parent
}

void Writer::key(std::string_view name) {
    separate();
    quoted(name);
    out_ += indent_ < 0 ? ":" : ": ";
    after_key_ = true;
}

void Writer::string(std::string_view s) {
    separate();
    quoted(s);
}

void Writer::quoted(std::string_view s) {
    out_ += '"';
    // Runs of bytes that need no escape are copied at once: most of any text is such a run.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!needs_escape(c)) continue;
        out_.append(s.data() + run, i - run);
        out_ += c == '"' ? "\\\"" : c == '\\' ? "\\\\" : kControlEscapes[c];
        run = i + 1;
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
}

void Writer::integer(std::int64_t v) {
    separate();
    char buf[24];
    const char* end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_.append(buf, static_cast<std::size_t>(end - buf));
}

void Writer::unsigned_integer(std::uint64_t v) {
    separate();
    char buf[24];
    const char* end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_.append(buf, static_cast<std::size_t>(end - buf));
}

void Writer::number(double v) {
    separate();
    if (!std::isfinite(v)) {
        out_ += "null";  // as nlohmann's dump_float
        return;
    }
    std::array<char, 64> buf{};  // the size of nlohmann's number_buffer
    char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), v);
    out_.append(buf.data(), static_cast<std::size_t>(end - buf.data()));
}

void Writer::boolean(bool v) {
    separate();
    out_ += v ? "true" : "false";
}

void Writer::null() {
    separate();
    out_ += "null";
}

void Writer::string_or_null(std::string_view s) {
    if (s.empty())
        null();
    else
        string(s);
}

void Writer::raw(std::string_view json) {
    separate();
    out_ += json;
}

void Writer::clear() {
    out_.clear();
    depth_ = 0;
    first_ = true;
    after_key_ = false;
}

}  // namespace mapwire::json
