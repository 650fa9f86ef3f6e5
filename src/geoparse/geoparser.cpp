// Geoparsing in four passes (the passes are in detail/, their shared type in
// detail/parse.hpp): candidate spans and their gazetteer matches (spans.cpp), names that are
// not places (not_places.cpp), resolution in document context: focus country, containers and
// lists (containers.cpp, resolve.cpp), and roles. Here: the public entry points, and long
// texts cut into parts.
#include "geoparse/geoparser.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "geoparse/detail/parse.hpp"
#include "text/tokenize.hpp"
#include "text/utf8.hpp"

namespace mapwire::geoparse {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::location:
            return "location";
        case Role::metonym:
            return "metonym";
        case Role::demonym:
            return "demonym";
        case Role::other:
            return "other";
    }
    return "other";
}

std::string_view to_string(Resolution resolution) {
    return resolution == Resolution::container ? "container" : "exact";
}

using detail::Parse;

Geoparser::Geoparser(const gazetteer::Gazetteer& gazetteer, Lexicon lexicon)
    : gazetteer_(gazetteer), lexicon_(std::move(lexicon)) {}

namespace {

// Where to cut a long text: the last paragraph break before `limit`, else the last line
// break, else the last space (never inside a UTF-8 sequence: all three are ASCII).
std::size_t cut_point(std::string_view text, std::size_t limit) {
    const std::string_view head = text.substr(0, limit);
    for (std::string_view sep : {"\n\n", "\n", " "}) {
        const auto at = head.rfind(sep);
        if (at != std::string_view::npos && at > limit / 2) return at + sep.size();
    }
    std::size_t at = limit;  // no white space at all: cut at a character boundary
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

}  // namespace

void TextPart::to_whole_text(GeoparseResult& r) const {
    for (auto& m : r.mentions) {
        m.start += cp_offset;
        m.end += cp_offset;
        m.byte_start += byte_offset;
        m.byte_end += byte_offset;
        m.line += line_offset;
        m.sentence += sentence_offset;
    }
    if (!whole)
        for (auto& w : r.warnings) w = "part at byte " + std::to_string(byte_offset) + ": " + w;
}

void Geoparser::parse_each_part(
    std::string_view text, const std::string& source,
    const std::function<void(const TextPart&, GeoparseResult&&)>& sink) const {
    text::require_utf8(text, source);
    // A very long input (a whole feed in one file) is parsed in parts of about 1 MiB cut at
    // paragraph breaks, so that memory stays bounded; each part has its own focus country.
    constexpr std::size_t kPart = std::size_t{1} << 20;
    TextPart at;
    do {
        const std::string_view rest = text.substr(at.byte_offset);
        const std::size_t size = rest.size() <= kPart ? rest.size() : cut_point(rest, kPart);
        at.text = rest.substr(0, size);
        at.whole = size == text.size();
        at.tokens = text::tokenize(at.text);
        GeoparseResult r = Parse(gazetteer_, lexicon_, at.text, at.tokens).run();
        std::size_t max_sentence = 0;
        for (const auto& m : r.mentions) max_sentence = std::max(max_sentence, m.sentence);
        sink(at, std::move(r));
        at.byte_offset += size;
        at.cp_offset += text::count_code_points(at.text);
        at.line_offset +=
            static_cast<std::size_t>(std::count(at.text.begin(), at.text.end(), '\n'));
        at.sentence_offset += max_sentence + 1;
    } while (at.byte_offset < text.size());
}

void Geoparser::parse_parts(std::string_view text, const std::string& source,
                            const std::function<void(GeoparseResult&&)>& sink) const {
    parse_each_part(text, source, [&](const TextPart& part, GeoparseResult&& r) {
        part.to_whole_text(r);
        sink(std::move(r));
    });
}

GeoparseResult Geoparser::parse(std::string_view text, const std::string& source) const {
    GeoparseResult all;
    std::map<std::string, std::size_t> focus_votes;
    parse_parts(text, source, [&](GeoparseResult&& r) {
        if (all.mentions.empty() && all.warnings.empty() && focus_votes.empty()) {
            all = std::move(r);
            if (!all.focus_country.empty()) ++focus_votes[all.focus_country];
            return;
        }
        std::move(r.mentions.begin(), r.mentions.end(), std::back_inserter(all.mentions));
        std::move(r.warnings.begin(), r.warnings.end(), std::back_inserter(all.warnings));
        if (!r.focus_country.empty()) ++focus_votes[r.focus_country];
    });
    std::size_t best = 0;
    for (const auto& [country, votes] : focus_votes)
        if (votes > best) {
            best = votes;
            all.focus_country = country;
        }
    return all;
}

}  // namespace mapwire::geoparse
