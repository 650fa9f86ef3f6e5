// The geoparser: finds the toponyms in English news text, resolves them against the
// gazetteer using document context, and tells literal places from metonyms and demonyms.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "geoparse/lexicon.hpp"
#include "text/tokenize.hpp"

namespace mapwire::geoparse {

enum class Role {
    location,  // a literal place: "fighting in the Donetsk region"
    metonym,   // a place standing for its government or people: "Moscow did not respond"
    demonym,   // a people or adjective: "Chinese nationals" (the country is an actor)
    other,     // a place name used otherwise (part of a title, an organisation)
};
std::string_view to_string(Role role);

// How exactly a mention's place is known.
enum class Resolution {
    exact,      // the place named was found in the gazetteer
    container,  // it was not: `place` is the unit the text puts it in ("Zolota Nyva, Donetsk"
                // gives Donetsk Oblast; drawn as "somewhere in", ACLED geo precision 2)
};
std::string_view to_string(Resolution resolution);

struct Mention {
    std::string text;                // as written in the input
    std::size_t start = 0, end = 0;  // Unicode code-point offsets, end exclusive
    std::size_t byte_start = 0, byte_end = 0;
    std::size_t line = 0;  // 0-based
    std::size_t sentence = 0;
    Role role = Role::location;
    std::optional<gazetteer::Place> place;  // nullopt: found but not resolved
    Resolution resolution = Resolution::exact;
    double confidence = 0;       // 0..1
    std::size_t candidates = 0;  // how many gazetteer candidates there were
    bool admin_word = false;     // the mention carried "region", "Oblast" ...
};

struct GeoparseResult {
    std::vector<Mention> mentions;  // in text order
    std::vector<std::string> warnings;
    std::string focus_country;  // ISO alpha-2 the document is mostly about, or ""
};

// One part of a long text and where it starts in the whole.
struct TextPart {
    std::string_view text;
    std::size_t byte_offset = 0, cp_offset = 0, line_offset = 0, sentence_offset = 0;
    bool whole = true;  // the part is the whole text
    // text::tokenize(text), as the geoparser read it: a caller working on the part's text
    // (the event coder) takes these instead of tokenizing it again.
    std::vector<text::Token> tokens;

    // Offsets of a result for this part made offsets into the whole text.
    void to_whole_text(GeoparseResult& r) const;
};

class Geoparser {
public:
    Geoparser(const gazetteer::Gazetteer& gazetteer, Lexicon lexicon);

    // Throws text::TextError naming `source` when the text is not valid UTF-8.
    GeoparseResult parse(std::string_view text, const std::string& source = "-") const;

    // The same, handing over the result part by part (about 1 MiB of text each, cut at
    // paragraph breaks) so that a caller can stream a long input in bounded memory. Offsets
    // are into the whole text.
    void parse_parts(std::string_view text, const std::string& source,
                     const std::function<void(GeoparseResult&&)>& sink) const;

    // The same parts with offsets into the part itself, for a caller that works on the part's
    // text next (the event coder); `TextPart::to_whole_text` shifts them afterwards.
    void parse_each_part(std::string_view text, const std::string& source,
                         const std::function<void(const TextPart&, GeoparseResult&&)>& sink) const;

private:
    const gazetteer::Gazetteer& gazetteer_;
    Lexicon lexicon_;
};

}  // namespace mapwire::geoparse
