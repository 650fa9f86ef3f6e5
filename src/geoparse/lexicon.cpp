// The word list behind Lexicon, in a hash set: the geoparser asks about nearly every
// capitalised word, and a hash probe costs far fewer cache misses than a binary search.
#include "geoparse/lexicon.hpp"

#include <filesystem>
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
    std::vector<std::string> names;
    // Optional: a dataset built without name lists only loses the first-name cue.
    std::ifstream names_in(std::filesystem::path(path).parent_path() / "first_names.txt");
    for (std::string w; std::getline(names_in, w);)
        if (!w.empty()) names.push_back(std::move(w));
    return from_words(std::move(words), std::move(names));
}

Lexicon Lexicon::from_words(std::vector<std::string> words, std::vector<std::string> first_names) {
    Lexicon l;
    l.words_.reserve(words.size());
    for (auto& w : words) l.words_.insert(std::move(w));
    l.first_names_.reserve(first_names.size());
    for (auto& w : first_names) l.first_names_.insert(std::move(w));
    return l;
}

bool Lexicon::common(std::string_view word) const {
    std::string lower(word);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return words_.count(lower) != 0;
}

}  // namespace mapwire::geoparse
