// The word lists behind Lexicon: whole files and a hash table of the words in them.
#include "geoparse/lexicon.hpp"

#include <filesystem>
#include <fstream>

#include "base/error.hpp"
#include "geoparse/detail/word_table.hpp"

namespace mapwire::geoparse {
namespace {

std::string read_all(std::ifstream& in) {
    // One read into a string of the file's size (a string stream copied the bytes twice).
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0, std::ios::beg);
    std::string bytes(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) (out += w) += '\n';
    return out;
}

}  // namespace

void Lexicon::WordList::index(std::string bytes) {
    text = std::make_unique<const std::string>(std::move(bytes));
    std::vector<std::string_view> words;
    std::string_view rest = *text;
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        std::string_view w = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
        // Longer lines are no words (the table keeps lengths in 16 bits).
        if (!w.empty() && w.size() < 0x10000) words.push_back(w);
    }
    empty = words.empty();
    std::size_t size = 16;
    while (size * 2 < words.size() * 3) size *= 2;
    slots.assign(size, Slot{});
    for (const std::string_view w : words) {
        const std::uint64_t h = detail::word_hash(w);
        const auto tag = static_cast<std::uint16_t>(h >> 48);
        for (std::size_t i = h & (size - 1);; i = (i + 1) & (size - 1)) {
            Slot& s = slots[i];
            if (s.length == 0) {
                s = {static_cast<std::uint32_t>(w.data() - text->data()),
                     static_cast<std::uint16_t>(w.size()), tag};
                break;
            }
            if (s.tag == tag && std::string_view(text->data() + s.offset, s.length) == w)
                break;  // listed twice
        }
    }
}

bool Lexicon::WordList::contains(std::string_view word) const {
    if (word.empty() || slots.empty()) return false;
    const std::uint64_t h = detail::word_hash(word);
    const auto tag = static_cast<std::uint16_t>(h >> 48);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& s = slots[i];
        if (s.length == 0) return false;
        if (s.tag == tag && s.length == word.size() &&
            std::string_view(text->data() + s.offset, s.length) == word)
            return true;
    }
}

Lexicon Lexicon::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::move(Error("cannot open the word list", ExitCode::missing_data,
                              "rebuild the dataset with scripts/setup.sh")
                            .in_file(path));
    Lexicon l;
    l.words_.index(read_all(in));
    // Optional: a dataset built without name lists only loses the first-name cue.
    std::ifstream names(std::filesystem::path(path).parent_path() / "first_names.txt",
                        std::ios::binary);
    if (names) {
        l.first_names_.index(read_all(names));
    }
    return l;
}

Lexicon Lexicon::from_words(std::vector<std::string> words, std::vector<std::string> first_names) {
    Lexicon l;
    l.words_.index(joined(words));
    l.first_names_.index(joined(first_names));
    return l;
}

bool Lexicon::common(std::string_view word) const {
    // Words are short: lower-case them on the stack, not in a heap string.
    char buffer[64];
    if (word.size() > sizeof buffer) return false;  // no English word is this long
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return words_.contains(std::string_view(buffer, word.size()));
}

bool Lexicon::first_name(std::string_view word) const {
    return first_names_.contains(word);
}

}  // namespace mapwire::geoparse
