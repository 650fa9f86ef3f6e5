// The word list behind Lexicon, searched by binary search.
#include "geoparse/lexicon.hpp"

#include <algorithm>
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
    // The pipeline writes the list sorted; sorting again would double the load time.
    if (!std::is_sorted(words.begin(), words.end())) std::sort(words.begin(), words.end());
    l.words_ = std::move(words);
    return l;
}

bool Lexicon::common(std::string_view word) const {
    std::string lower;
    lower.reserve(word.size());
    for (char c : word)
        lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return std::binary_search(words_.begin(), words_.end(), lower);
}

}  // namespace mapwire::geoparse
