// A streaming JSON writer: values appended to a buffer as they come, with no tree built, in
// exactly the bytes of nlohmann::ordered_json::dump(indent) (compact by default, UTF-8 kept as
// it is, nlohmann's escapes and number formats), so that output written with it is
// byte-identical to the tree's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace mapwire::json {

class Writer {
public:
    // `indent` as dump()'s: below 0 compact, else pretty-printed with that many spaces a level.
    explicit Writer(int indent = -1) : indent_(indent) {}

    // Containers. Between the values of a container the writer puts the commas; at the top
    // level it puts nothing, so that values written one after another can be cut apart by
    // size() (see cli's stream records).
    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // An object member's name; its value is the next value written.
    void key(std::string_view name);

    // Scalars. Strings must be valid UTF-8 (nlohmann's dump throws on invalid bytes; this
    // writer copies them). Integers print as integers; a double through nlohmann's own
    // shortest round-trip conversion (1.0, 0.1, 1e+300, -0.0), NaN and infinities as null.
    void string(std::string_view s);
    void integer(std::int64_t v);
    void unsigned_integer(std::uint64_t v);
    void number(double v);
    void boolean(bool v);
    void null();
    // `s`, or null for "": how the command line's JSON writes a name, date or code it lacks.
    void string_or_null(std::string_view s);
    // A value already serialized in this writer's form (another writer's output, a dump()),
    // put in as it is: a pretty writer does not re-indent it.
    void raw(std::string_view json);

    // One overloaded name for the scalars, for code that writes a list of fields to either a
    // tree or a writer (cli's place fields).
    void value(std::string_view s) { string(s); }
    void value(const std::string& s) { string(s); }
    void value(const char* s) { string(s); }
    void value(bool v) { boolean(v); }
    void value(double v) { number(v); }
    void value(std::nullptr_t) { null(); }
    template <class Int>
    requires(std::is_integral_v<Int> && !std::is_same_v<Int, bool>) void value(Int v) {
        if constexpr (std::is_signed_v<Int>)
            integer(v);
        else
            unsigned_integer(v);
    }

    const std::string& str() const { return out_; }
    std::size_t size() const { return out_.size(); }
    void clear();

private:
    void separate();  // the comma before a value that is not the first of its container
    void open(char bracket);
    void close(char bracket);
    void quoted(std::string_view s);  // the string in quotes, escaped
    void new_line();                  // a pretty writer's line break and indent

    std::string out_;
    int indent_ = -1;
    int depth_ = 0;
    bool first_ = true;       // nothing written yet in the innermost open container
    bool after_key_ = false;  // a key was written: its value follows without a comma
};

}  // namespace mapwire::json
