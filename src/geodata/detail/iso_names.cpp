// Name comparisons between Natural Earth admin-1 units and ISO 3166-2 subdivisions.
#include "geodata/detail/iso_names.hpp"

#include <algorithm>

#include "text/normalize.hpp"

namespace mapwire::geodata::detail {

double prefix_similarity(const std::string& a, const std::string& b) {
    auto squash = [](const std::string& s) {
        std::string f = text::fold(s), out;
        for (char c : f)
            if (c != ' ') out.push_back(c);
        return out;
    };
    const std::string x = squash(a), y = squash(b);
    if (x.empty() || y.empty()) return 0;
    std::size_t n = 0;
    while (n < x.size() && n < y.size() && x[n] == y[n]) ++n;
    if (n < 4 && n != std::min(x.size(), y.size())) return 0;
    return static_cast<double>(n) / static_cast<double>(std::min(x.size(), y.size()));
}

namespace {

// One spelling of a name as compared: letters only, type words and endings removed.
std::string bare_letters(const std::string& folded, const IsoNameWords& words) {
    std::string kept;
    std::size_t at = 0;
    while (at < folded.size()) {
        const auto end = std::min(folded.find_first_of(" ,-'", at), folded.size());
        const std::string word = folded.substr(at, end - at);
        if (std::find(words.words.begin(), words.words.end(), word) == words.words.end())
            kept += word;
        at = end + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const char c = kept[i];
        if (c < 'a' || c > 'z') continue;
        if (c == 'k' && i + 1 < kept.size() && kept[i + 1] == 'h') continue;  // kh as h
        out.push_back(c == 'j' ? 'y' : c);
    }
    for (const std::string& e : words.endings)
        if (out.size() > e.size() + 2 && out.ends_with(e)) {
            out.resize(out.size() - e.size());
            break;
        }
    return out;
}

// The spellings a name offers: itself, and its part in brackets ("Homs (Hims)").
std::vector<std::string> spellings(const std::string& name, const IsoNameWords& words) {
    // Brackets found before folding, which drops them.
    std::vector<std::string> out;
    const auto open = name.find('(');
    const auto close = name.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        out.push_back(bare_letters(text::fold(name.substr(0, open)), words));
        out.push_back(bare_letters(text::fold(name.substr(open + 1, close - open - 1)), words));
    } else {
        out.push_back(bare_letters(text::fold(name), words));
    }
    std::erase(out, std::string());
    return out;
}

}  // namespace

double spelling_similarity(const std::string& ne_name, const std::string& iso_name,
                           const IsoNameWords& words) {
    double best = 0;
    for (const std::string& x : spellings(ne_name, words))
        for (const std::string& y : spellings(iso_name, words)) {
            const std::size_t longer = std::max(x.size(), y.size());
            const std::size_t d = text::edit_distance(x, y, longer);
            best = std::max(best, 1.0 - static_cast<double>(d) / static_cast<double>(longer));
        }
    return best;
}

}  // namespace mapwire::geodata::detail
