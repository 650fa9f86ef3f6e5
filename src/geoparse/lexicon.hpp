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
    // Reads the sorted word list that the geodata pipeline writes (lexicon.txt).
    static Lexicon load(const std::string& path);
    static Lexicon from_words(std::vector<std::string> words);

    // True when the lower-case form is an English word ("source", "forces", "china").
    bool common(std::string_view word) const;
    bool empty() const { return words_.empty(); }

private:
    std::unordered_set<std::string> words_;
};

}  // namespace mapwire::geoparse
