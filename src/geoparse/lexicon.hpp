// English words that the geoparser must not mistake for place names ("Source", "Mandarin").
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace mapwire::geoparse {

class Lexicon {
public:
    Lexicon() = default;
    // Reads the sorted word list that the geodata pipeline writes (lexicon.txt), and the
    // first names (first_names.txt) beside it when the dataset has them.
    static Lexicon load(const std::string& path);
    static Lexicon from_words(std::vector<std::string> words,
                              std::vector<std::string> first_names = {});

    // True when the lower-case form is an English word ("source", "forces", "china").
    bool common(std::string_view word) const;
    bool empty() const { return words_.empty(); }
    // True when the word, as written, is a first name ("Mary", "Scott").
    bool first_name(std::string_view word) const { return first_names_.count(std::string(word)); }

private:
    std::unordered_set<std::string> words_;
    std::unordered_set<std::string> first_names_;
};

}  // namespace mapwire::geoparse
