// The word lists behind Lexicon: whole files and sorted views into them.
#include "geoparse/lexicon.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.hpp"

namespace mapwire::geoparse {
namespace {

std::string read_all(std::ifstream& in) {
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) (out += w) += '\n';
    return out;
}

}  // namespace

namespace {

constexpr std::size_t kBuckets = 65536;

// The first two bytes (a one-letter word has a second byte of 0): increasing in sorted order.
std::size_t bucket(std::string_view w) {
    const auto b0 = static_cast<unsigned char>(w[0]);
    const auto b1 = w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0u;
    return (std::size_t{b0} << 8) | b1;
}

// The first eight bytes, big-endian, zero-padded: a word shorter than eight bytes sorts
// before its extensions as it does as a string (words hold no zero byte).
std::uint64_t head(std::string_view w) {
    std::uint64_t h = 0;
    for (std::size_t i = 0; i < 8; ++i)
        h = (h << 8) | (i < w.size() ? static_cast<unsigned char>(w[i]) : 0u);
    return h;
}

}  // namespace

void Lexicon::WordList::index(std::string bytes) {
    text = std::make_unique<const std::string>(std::move(bytes));
    sorted.clear();
    std::string_view rest = *text;
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        std::string_view w = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
        if (!w.empty()) sorted.push_back(w);
    }
    // The pipeline writes the lists sorted; a hand-made list is sorted here.
    if (!std::is_sorted(sorted.begin(), sorted.end())) std::sort(sorted.begin(), sorted.end());
    start.assign(kBuckets + 1, static_cast<std::uint32_t>(sorted.size()));
    for (std::size_t i = sorted.size(); i-- > 0;)
        start[bucket(sorted[i])] = static_cast<std::uint32_t>(i);
    for (std::size_t b = kBuckets; b-- > 0;) start[b] = std::min(start[b], start[b + 1]);
    heads.resize(sorted.size());
    for (std::size_t i = 0; i < sorted.size(); ++i) heads[i] = head(sorted[i]);
}

bool Lexicon::WordList::contains(std::string_view word) const {
    if (word.empty() || start.empty()) return false;
    const std::size_t b = bucket(word);
    const std::uint64_t h = head(word);
    const auto first = heads.begin() + start[b], last = heads.begin() + start[b + 1];
    // Words of more than eight bytes can share a head: check each that does.
    for (auto at = std::lower_bound(first, last, h); at != last && *at == h; ++at)
        if (sorted[static_cast<std::size_t>(at - heads.begin())] == word) return true;
    return false;
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
