// The text the coder works on: tokens with their lower-case words, the geoparser's mention on
// each token, sentences with their paragraph, and the clauses a sentence splits into.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events/detail/tables.hpp"
#include "geoparse/geoparser.hpp"
#include "text/tokenize.hpp"

namespace mapwire::events::detail {

// A run of tokens [first, last) with its byte and code-point extent.
struct Span {
    std::size_t first = 0, last = 0;
    std::size_t byte_begin = 0, byte_end = 0, cp_begin = 0, cp_end = 0;
    std::size_t paragraph = 0;  // paragraphs are separated by blank lines
};

class Document {
public:
    // `tokens`: text::tokenize(text) (the geoparser's, TextPart::tokens), kept by reference.
    Document(std::string_view text, const std::vector<text::Token>& tokens,
             const geoparse::GeoparseResult& places, const Tables& tables);

    std::string_view text() const { return text_; }
    const Tables& tables() const { return tables_; }
    const std::vector<text::Token>& tokens() const { return tokens_; }
    const text::Token& token(std::size_t t) const { return tokens_[t]; }
    std::string_view word(std::size_t t) const { return words_[t]; }  // lower case
    bool in(List list, std::size_t t) const { return tables_.in(list, words_[t]); }
    // The mention covering token t, or nullptr.
    const geoparse::Mention* mention_at(std::size_t t) const;
    // The first token of a mention (where a mention is counted once).
    bool mention_starts(std::size_t t) const;
    // True for tokens on a title-case line without closing punctuation (a headline).
    bool in_headline(std::size_t t) const { return headline_[tokens_[t].line]; }
    const std::vector<Span>& sentences() const { return sentences_; }
    // The bytes from token `first` to token `last - 1`.
    std::string_view slice(std::size_t first, std::size_t last) const;
    // The words of a span as written.
    std::vector<std::string_view> words(const Span& s) const;
    // Any token of [from, to) in the list.
    bool any_in(std::size_t from, std::size_t to, List list) const;

private:
    std::string_view text_;
    const geoparse::GeoparseResult& places_;
    const Tables& tables_;
    const std::vector<text::Token>& tokens_;
    std::string lowered_text_;             // the text in ASCII lower case, byte for byte
    std::vector<std::string_view> words_;  // each token in it
    std::vector<Span> sentences_;
    std::vector<int> token_mention_;
    std::vector<bool> headline_;  // per line
};

// Clauses joined by ";" or ", and" / ", while" / ", but" / ", whereas" each report their own
// event ("... around Pokrovsk, and a strike on a market in Kherson killed two civilians").
// `next_words` are the lower-case words after each token (one per token of the sentence).
std::vector<Span> split_clauses(const Document& doc, const Span& sentence);

}  // namespace mapwire::events::detail
