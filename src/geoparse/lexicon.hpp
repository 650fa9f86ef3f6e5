// English words that the geoparser must not mistake for place names ("Source", "Mandarin"),
// and first names that mark personal names ("Mary Kelly").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mapwire::geoparse {

class Lexicon {
public:
    Lexicon() = default;
    Lexicon(const Lexicon&) = delete;  // the views point into text_
    Lexicon& operator=(const Lexicon&) = delete;
    Lexicon(Lexicon&&) noexcept = default;
    Lexicon& operator=(Lexicon&&) noexcept = default;

    // Reads the sorted word list that the geodata pipeline writes (lexicon.txt), and the
    // first names (first_names.txt) beside it when the dataset has them.
    static Lexicon load(const std::string& path);
    static Lexicon from_words(std::vector<std::string> words,
                              std::vector<std::string> first_names = {});

    // True when the lower-case form is an English word ("source", "forces", "china").
    bool common(std::string_view word) const;
    bool empty() const { return words_.sorted.empty(); }
    // True when the word, as written, is a first name ("Mary", "Scott").
    bool first_name(std::string_view word) const;

private:
    // One word a line, kept whole; the sorted views into it are searched by bisection. Loading
    // costs one read and no allocation per word, which matters for a whole `mapwire geocode`
    // process on one article.
    struct WordList {
        std::unique_ptr<const std::string> text;  // on the heap: moves keep the views valid
        std::vector<std::string_view> sorted;
        // sorted[start[k], start[k + 1]) begin with the two bytes k (see bucket()): a search
        // bisects a few dozen words, and the index costs one pass to build.
        std::vector<std::uint32_t> start;
        // The first eight bytes of each sorted word as a number that sorts as the words do:
        // the bisection compares these, in one contiguous array, and reads a word's bytes
        // only where they tie (a bisection over the views missed the cache at every step).
        std::vector<std::uint64_t> heads;
        void index(std::string bytes);
        bool contains(std::string_view word) const;
    };
    WordList words_;
    WordList first_names_;
};

}  // namespace mapwire::geoparse
