// The line scanner (see scan.hpp): a recursive descent over objects, arrays, strings,
// numbers and literals, depth-limited so that a hostile line cannot exhaust the stack.
#include "json/scan.hpp"

#include <charconv>
#include <cstring>

namespace mapwire::json {
namespace {

using json = nlohmann::json;
constexpr int kMaxDepth = 64;  // an event record is 4 deep

// Takes every value and keeps nothing: the handler of a scan that only checks.
class NullSax : public nlohmann::json_sax<json> {
public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }
};

// Writes every value as it comes (rewrite()).
class WriterSax : public nlohmann::json_sax<json> {
public:
    explicit WriterSax(Writer& w) : w_(w) {}
    bool null() override { return w_.null(), true; }
    bool boolean(bool v) override { return w_.boolean(v), true; }
    bool number_integer(number_integer_t v) override { return w_.integer(v), true; }
    bool number_unsigned(number_unsigned_t v) override { return w_.unsigned_integer(v), true; }
    bool number_float(number_float_t v, const string_t&) override { return w_.number(v), true; }
    bool string(string_t& v) override { return w_.string(v), true; }
    bool binary(binary_t&) override { return false; }
    bool start_object(std::size_t) override { return w_.begin_object(), true; }
    bool key(string_t& k) override { return w_.key(k), true; }
    bool end_object() override { return w_.end_object(), true; }
    bool start_array(std::size_t) override { return w_.begin_array(), true; }
    bool end_array() override { return w_.end_array(), true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

private:
    Writer& w_;
};

class Scanner {
public:
    // `decode`: strings are decoded for the handler (else checked and handed over empty).
    Scanner(std::string_view text, nlohmann::json_sax<json>& sax, bool decode = true)
        : p_(text.data()), end_(text.data() + text.size()), sax_(sax), decode_(decode) {}

    bool run() {
        if (!value(0)) return false;
        return at_end();
    }
    // The members of a top-level object, their values undecoded.
    bool members(std::vector<Member>& out) {
        members_ = &out;
        skip_space();
        if (p_ == end_ || *p_ != '{') return false;
        return object(1) && at_end();
    }
    // One string, quotes included, and nothing else.
    bool only_string(std::string& out) {
        if (p_ == end_ || *p_ != '"') return false;
        return string(out) && p_ == end_;
    }

private:
    bool at_end() {
        skip_space();
        return p_ == end_ || error();
    }
    bool error() {
        static const auto e =
            nlohmann::detail::parse_error::create(101, 0, "syntax error", nullptr);
        sax_.parse_error(0, {}, e);
        return false;
    }
    void skip_space() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
    }
    bool literal(const char* word, std::size_t n) {
        if (std::size_t(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return error();
        p_ += n;
        return true;
    }
    bool value(int depth);
    bool object(int depth);
    bool array(int depth);
    bool string(std::string& out) { return string(out, decode_); }
    bool string(std::string& out, bool decode);
    bool number();
    int code_point();
    static int hex4(const char* p);

    const char* p_;
    const char* end_;
    nlohmann::json_sax<json>& sax_;
    bool decode_ = true;
    std::vector<Member>* members_ = nullptr;  // collects the top-level object's members
    std::string text_;
};

bool Scanner::value(int depth) {
    skip_space();
    if (p_ == end_ || depth > kMaxDepth) return error();
    switch (*p_) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(text_) && sax_.string(text_);
        case 't':
            return literal("true", 4) && sax_.boolean(true);
        case 'f':
            return literal("false", 5) && sax_.boolean(false);
        case 'n':
            return literal("null", 4) && sax_.null();
        default:
            return number();
    }
}

bool Scanner::object(int depth) {
    ++p_;
    if (!sax_.start_object(std::size_t(-1))) return false;
    skip_space();
    if (p_ < end_ && *p_ == '}') return ++p_, sax_.end_object();
    for (;;) {
        skip_space();
        if (p_ == end_ || *p_ != '"') return error();
        const bool collect = members_ && depth == 1;
        if (collect) {
            members_->push_back({});
            if (!string(members_->back().key, true)) return false;
        } else if (!string(text_) || !sax_.key(text_)) {
            return false;
        }
        skip_space();
        if (p_ == end_ || *p_++ != ':') return error();
        skip_space();
        const char* start = p_;
        if (!value(depth)) return false;
        if (collect) members_->back().value = std::string_view(start, std::size_t(p_ - start));
        skip_space();
        if (p_ == end_) return error();
        if (*p_ == ',') {
            ++p_;
            continue;
        }
        if (*p_++ != '}') return error();
        return sax_.end_object();
    }
}

bool Scanner::array(int depth) {
    ++p_;
    if (!sax_.start_array(std::size_t(-1))) return false;
    skip_space();
    if (p_ < end_ && *p_ == ']') return ++p_, sax_.end_array();
    for (;;) {
        if (!value(depth)) return false;
        skip_space();
        if (p_ == end_) return error();
        if (*p_ == ',') {
            ++p_;
            continue;
        }
        if (*p_++ != ']') return error();
        return sax_.end_array();
    }
}

int Scanner::hex4(const char* p) {
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

// An escape's character; false when it is no JSON escape.
bool unescape(char c, char& out) {
    switch (c) {
        case '"':
        case '\\':
        case '/':
            out = c;
            return true;
        case 'b':
            out = '\b';
            return true;
        case 'f':
            out = '\f';
            return true;
        case 'n':
            out = '\n';
            return true;
        case 'r':
            out = '\r';
            return true;
        case 't':
            out = '\t';
            return true;
        default:
            return false;
    }
}

bool Scanner::string(std::string& out, bool decode) {
    out.clear();
    ++p_;  // the opening quote
    for (;;) {
        // The plain run up to a quote, a backslash or a control character, copied at once.
        const char* run = p_;
        while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20)
            ++p_;
        if (decode) out.append(run, p_);
        if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return error();
        if (*p_++ == '"') return true;
        if (p_ == end_) return error();
        const char c = *p_++;
        char plain = 0;
        if (unescape(c, plain)) {
            if (decode) out.push_back(plain);
            continue;
        }
        if (c != 'u') return error();
        const int cp = code_point();
        if (cp < 0) return error();
        if (decode) append_utf8(out, unsigned(cp));
    }
}

// The code point of a \u escape whose "\u" has been read, a surrogate pair taken whole; -1
// when it is not one.
int Scanner::code_point() {
    if (end_ - p_ < 4) return -1;
    int cp = hex4(p_);
    p_ += 4;
    if (cp < 0) return -1;
    if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
        if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u') return -1;
        const int low = hex4(p_ + 2);
        if (low < 0xDC00 || low > 0xDFFF) return -1;
        p_ += 6;
        return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    return cp >= 0xDC00 && cp <= 0xDFFF ? -1 : cp;
}

bool Scanner::number() {
    // RFC 8259's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const char* start = p_;
    auto digits = [&] {
        const char* d = p_;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return p_ > d;
    };
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ < end_ && *p_ == '0')
        ++p_;
    else if (!digits())
        return error();
    bool integer = true;
    if (p_ < end_ && *p_ == '.') {
        ++p_;
        integer = false;
        if (!digits()) return error();
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
        ++p_;
        integer = false;
        if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
        if (!digits()) return error();
    }
    if (integer) {
        // As nlohmann's lexer: an int64 when it fits (uint64 for the non-negative), else a
        // double.
        std::int64_t v = 0;
        if (std::from_chars(start, p_, v).ec == std::errc()) return sax_.number_integer(v);
        std::uint64_t u = 0;
        if (*start != '-' && std::from_chars(start, p_, u).ec == std::errc())
            return sax_.number_unsigned(u);
    }
    double d = 0;
    // Out of a double's range: nlohmann rejects an overflow, and reads an underflow its own
    // way; either is the caller's second parse.
    if (std::from_chars(start, p_, d).ec != std::errc()) return error();
    return sax_.number_float(d, std::string(start, p_));
}

}  // namespace

bool scan(std::string_view text, nlohmann::json_sax<json>& sax) {
    return Scanner(text, sax).run();
}

bool scan_members(std::string_view text, std::vector<Member>& members) {
    members.clear();
    NullSax sax;
    return Scanner(text, sax, false).members(members);
}

bool scan_string(std::string_view value, std::string& out) {
    NullSax sax;
    return Scanner(value, sax).only_string(out);
}

bool rewrite(std::string_view text, Writer& out) {
    WriterSax sax(out);
    return Scanner(text, sax).run();
}

}  // namespace mapwire::json
