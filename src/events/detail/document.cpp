// Sentences, paragraphs, headlines and clauses of the text.
#include "events/detail/document.hpp"

#include "text/normalize.hpp"

namespace mapwire::events::detail {

namespace {

// Lines with three or more long words, most of them capitalised, and no closing punctuation.
std::vector<bool> headline_lines(const std::vector<text::Token>& tokens) {
    const std::size_t lines = tokens.empty() ? 0 : tokens.back().line + 1;
    std::vector<int> words(lines), caps(lines);
    std::vector<bool> closed(lines, false);
    for (const auto& tk : tokens) {
        if (tk.word && tk.text.size() >= 4) {
            ++words[tk.line];
            if (tk.capitalized) ++caps[tk.line];
        }
        closed[tk.line] =
            !tk.word && (tk.text == "." || tk.text == "!" || tk.text == "?" || tk.text == ":");
        if (tk.word) closed[tk.line] = false;
    }
    std::vector<bool> out(lines, false);
    for (std::size_t l = 0; l < lines; ++l)
        out[l] = !closed[l] && words[l] >= 3 && caps[l] * 10 >= words[l] * 7;
    return out;
}

}  // namespace

Document::Document(std::string_view text, const std::vector<text::Token>& tokens,
                   const geoparse::GeoparseResult& places, const Tables& tables)
    : text_(text), places_(places), tables_(tables), tokens_(tokens) {
    // One lower-case copy of the text (ASCII lower case keeps every byte where it is), not a
    // string per token.
    lowered_text_ = text::ascii_lower(text_);
    words_.reserve(tokens_.size());
    for (const auto& tk : tokens_)
        words_.push_back(std::string_view(lowered_text_).substr(tk.byte_begin, tk.text.size()));
    std::size_t paragraph = 0;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        if (i > 0 && tokens_[i].line > tokens_[i - 1].line &&
            text_.substr(tokens_[i - 1].byte_end, tokens_[i].byte_begin - tokens_[i - 1].byte_end)
                    .find("\n\n") != std::string_view::npos)
            ++paragraph;
        if (sentences_.empty() || tokens_[i].sentence != tokens_[sentences_.back().first].sentence)
            sentences_.push_back(
                {i, i, tokens_[i].byte_begin, 0, tokens_[i].cp_begin, 0, paragraph});
        auto& s = sentences_.back();
        s.last = i + 1;
        s.byte_end = tokens_[i].byte_end;
        s.cp_end = tokens_[i].cp_end;
    }
    headline_ = headline_lines(tokens_);
    token_mention_.assign(tokens_.size(), -1);
    std::size_t t = 0;
    for (std::size_t m = 0; m < places_.mentions.size(); ++m) {
        const auto& x = places_.mentions[m];
        while (t < tokens_.size() && tokens_[t].byte_end <= x.byte_start) ++t;
        for (std::size_t k = t; k < tokens_.size() && tokens_[k].byte_begin < x.byte_end; ++k)
            if (tokens_[k].byte_begin >= x.byte_start && tokens_[k].byte_end <= x.byte_end)
                token_mention_[k] = static_cast<int>(m);
    }
}

const geoparse::Mention* Document::mention_at(std::size_t t) const {
    return token_mention_[t] >= 0 ? &places_.mentions[static_cast<std::size_t>(token_mention_[t])]
                                  : nullptr;
}

bool Document::mention_starts(std::size_t t) const {
    return token_mention_[t] >= 0 && (t == 0 || token_mention_[t - 1] != token_mention_[t]);
}

std::string_view Document::slice(std::size_t first, std::size_t last) const {
    return text_.substr(tokens_[first].byte_begin,
                        tokens_[last - 1].byte_end - tokens_[first].byte_begin);
}

std::vector<std::string_view> Document::words(const Span& s) const {
    std::vector<std::string_view> out;
    for (std::size_t k = s.first; k < s.last; ++k)
        if (tokens_[k].word) out.push_back(tokens_[k].text);
    return out;
}

bool Document::any_in(std::size_t from, std::size_t to, List list) const {
    for (std::size_t k = from; k < to && k < tokens_.size(); ++k)
        if (in(list, k)) return true;
    return false;
}

std::vector<Span> split_clauses(const Document& doc, const Span& sentence) {
    std::vector<Span> clauses;
    Span clause = sentence;
    for (std::size_t k = sentence.first; k + 1 < sentence.last; ++k) {
        const std::string_view next = doc.word(k + 1);
        const bool boundary = doc.token(k).text == ";" ||
                              (doc.token(k).text == "," && (next == "and" || next == "while" ||
                                                            next == "but" || next == "whereas"));
        if (!boundary) continue;
        clause.last = k;
        clauses.push_back(clause);
        clause.first = k + 1;
    }
    clause.last = sentence.last;
    clauses.push_back(clause);
    return clauses;
}

}  // namespace mapwire::events::detail
