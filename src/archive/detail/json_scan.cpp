// The line scanner (see json_scan.hpp): a recursive descent over objects, arrays, strings,
// numbers and literals, depth-limited so that a hostile line cannot exhaust the stack.
#include "archive/detail/json_scan.hpp"

#include <charconv>
#include <cstring>

namespace mapwire::archive::detail {
namespace {

using json = nlohmann::json;
constexpr int kMaxDepth = 64;  // an event record is 4 deep

class Scanner {
public:
    Scanner(std::string_view text, nlohmann::json_sax<json>& sax)
        : p_(text.data()), end_(text.data() + text.size()), sax_(sax) {}

    bool run() {
        if (!value(0)) return false;
        skip_space();
        return p_ == end_ || error();
    }

private:
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
    bool string(std::string& out);
    bool number();
    static int hex4(const char* p);

    const char* p_;
    const char* end_;
    nlohmann::json_sax<json>& sax_;
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
        if (!string(text_) || !sax_.key(text_)) return false;
        skip_space();
        if (p_ == end_ || *p_++ != ':') return error();
        if (!value(depth)) return false;
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

bool Scanner::string(std::string& out) {
    out.clear();
    ++p_;  // the opening quote
    for (;;) {
        // The plain run up to a quote, a backslash or a control character, copied at once.
        const char* run = p_;
        while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20)
            ++p_;
        out.append(run, p_);
        if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return error();
        if (*p_++ == '"') return true;
        if (p_ == end_) return error();
        const char c = *p_++;
        switch (c) {
            case '"':
            case '\\':
            case '/':
                out.push_back(c);
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'u': {
                if (end_ - p_ < 4) return error();
                int cp = hex4(p_);
                p_ += 4;
                if (cp < 0) return error();
                if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
                    if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u') return error();
                    const int low = hex4(p_ + 2);
                    if (low < 0xDC00 || low > 0xDFFF) return error();
                    p_ += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return error();
                }
                append_utf8(out, unsigned(cp));
                break;
            }
            default:
                return error();
        }
    }
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
        std::int64_t v = 0;
        if (std::from_chars(start, p_, v).ec == std::errc()) return sax_.number_integer(v);
    }
    double d = 0;
    std::from_chars(start, p_, d);
    return sax_.number_float(d, std::string(start, p_));
}

}  // namespace

bool scan_json(std::string_view text, nlohmann::json_sax<json>& sax) {
    return Scanner(text, sax).run();
}

}  // namespace mapwire::archive::detail
