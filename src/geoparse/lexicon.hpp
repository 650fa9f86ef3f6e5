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

    // Reads the word list that the geodata pipeline writes (lexicon.txt), and the
    // first names (first_names.txt) beside it when the dataset has them.
    static Lexicon load(const std::string& path);
    static Lexicon from_words(std::vector<std::string> words,
                              std::vector<std::string> first_names = {});

    // True when the lower-case form is an English word ("source", "forces", "china").
    bool common(std::string_view word) const;
    bool empty() const { return words_.empty; }
    // True when the word, as written, is a first name ("Mary", "Scott").
    bool first_name(std::string_view word) const;

private:
    // One word a line, kept whole, and a flat open-addressing table of the words' places in
    // it. Loading costs one read, one allocation for the table and no allocation per word,
    // which matters for a whole `mapwire geocode` process on one article; a question costs a
    // probe or two in the table and one read of the word's bytes (a bisection over 75,000
    // sorted words missed the cache at every step, a tenth of geoparsing a long article).
    struct WordList {
        std::unique_ptr<const std::string> text;  // on the heap: moves keep the slots valid
        struct Slot {
            std::uint32_t offset = 0;  // of the word in text
            std::uint16_t length = 0;  // 0: empty
            std::uint16_t tag = 0;     // the hash's high bits: most mismatches read no bytes
        };
        std::vector<Slot> slots;  // a power of two, at most two thirds full
        bool empty = true;
        void index(std::string bytes);
        bool contains(std::string_view word) const;
    };
    WordList words_;
    WordList first_names_;
};

}  // namespace mapwire::geoparse
