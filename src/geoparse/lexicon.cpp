// The word list behind Lexicon, in a hash set: the geoparser asks about nearly every
// capitalised word, and a hash probe costs far fewer cache misses than a binary search.
#include "geoparse/lexicon.hpp"

#include <fstream>

#include "base/error.hpp"

namespace mapwire::geoparse {

Lexicon Lexicon::load(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::move(Error("cannot open the word list", ExitCode::missing_data,
                              "rebuild the dataset with scripts/setup.sh")
                            .in_file(path));
    std::vector<std::string> words;
    words.reserve(110000);
    for (std::string w; std::getline(in, w);)
        if (!w.empty()) words.push_back(std::move(w));
    return from_words(std::move(words));
}

Lexicon Lexicon::from_words(std::vector<std::string> words) {
    Lexicon l;
    l.words_.reserve(words.size());
    for (auto& w : words) l.words_.insert(std::move(w));
    return l;
}

bool Lexicon::common(std::string_view word) const {
    std::string lower(word);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return words_.count(lower) != 0;
}

}  // namespace mapwire::geoparse
