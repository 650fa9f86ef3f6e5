// How alike a Natural Earth admin-1 name and an ISO 3166-2 name are: what matches the units
// of the two sources to each other within a country.
#pragma once

#include <string>
#include <vector>

namespace mapwire::geodata::detail {

// The common prefix of the folded, space-free names, relative to the shorter one (0 when
// fewer than four letters agree): Natural Earth and ISO mostly write one name, one of them
// with a type word ("Kharkiv", "Kharkivs'ka oblast'").
double prefix_similarity(const std::string& a, const std::string& b);

// Words that ISO names carry around a unit's own name (geodata/iso_name_words.tsv).
struct IsoNameWords {
    std::vector<std::string> words;    // removed where they stand as words
    std::vector<std::string> endings;  // removed from the end of the name, the longest first
};

// The looser comparison, for names the prefix leaves unmatched: the sources romanise
// differently ("Hilmand" / "Helmand", "Krasnoyarsk" / "Krasnojarskij kraj", "Sala ad-Din" /
// "Şalāḩ ad Dīn", "Homs (Hims)" / "Ḩimş"). One minus the edit distance over the longer
// length, of the names folded to letters, without type words and endings, with j as y and kh
// as h; a name's part in brackets counts as a name of its own. 1 is the same spelling.
double spelling_similarity(const std::string& ne_name, const std::string& iso_name,
                           const IsoNameWords& words);

}  // namespace mapwire::geodata::detail
