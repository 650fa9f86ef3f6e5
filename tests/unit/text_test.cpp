// Name folding, transliteration-insensitive keys and UTF-8 checks.
#include <gtest/gtest.h>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace mapwire::text {

TEST(Utf8, UnwritableCharactersAreReplacedInPlace) {
    std::string t =
        "a\x01"
        "b\tc\nd\x1f\xef\xbf\xbe\xef\xbf\xbf\xc3\xa9";
    const std::size_t size = t.size();
    replace_unwritable(t);
    EXPECT_EQ(t, "a b\tc\nd \xef\xbf\xbd\xef\xbf\xbd\xc3\xa9");
    EXPECT_EQ(t.size(), size) << "offsets stay where they were";
}

// The word-at-a-time skip misses nothing: a character to replace at any offset of a long
// text, next to plain ASCII, tabs and other UTF-8, is replaced as in a short one.
TEST(Utf8, UnwritableCharactersAreFoundAtAnyOffset) {
    const std::string plain = "Kharkiv \xc3\xa9\tregion\n\xef\xbc\x81 struck again.";
    for (const std::string& bad : {std::string("\x01"), std::string("\x7f\x1f"),
                                   std::string("\xef\xbf\xbe"), std::string("\xef\xbf\xbf")}) {
        const std::string good = bad == "\x01" ? " " : bad == "\x7f\x1f" ? "\x7f " : "\xef\xbf\xbd";
        for (std::size_t at = 0; at <= plain.size(); ++at) {
            std::string t = plain.substr(0, at) + bad + plain.substr(at);
            replace_unwritable(t);
            EXPECT_EQ(t, plain.substr(0, at) + good + plain.substr(at)) << at;
        }
    }
    std::string untouched = plain + plain;
    replace_unwritable(untouched);
    EXPECT_EQ(untouched, plain + plain);
}

TEST(Fold, CaseDiacriticsAndApostrophes) {
    EXPECT_EQ(fold("Donets'k"), "donetsk");
    EXPECT_EQ(fold("Donets’k"), "donetsk");
    EXPECT_EQ(fold("DONETSK"), "donetsk");
    EXPECT_EQ(fold("Nuevo León"), "nuevo leon");
    EXPECT_EQ(fold("Ivano-Frankivs'k"), "ivano frankivsk");
    EXPECT_EQ(fold("  Kyiv,  Ukraine "), "kyiv ukraine");
}

TEST(Fold, CyrillicUkrainianAndRussianLettersMeet) {
    // Київ (Ukrainian) and Киев (Russian) stay different words, but і/ї/и and й/и fold.
    EXPECT_EQ(fold("Київ"), fold("Киив"));
    EXPECT_EQ(fold("Донецьк"), "донецк");
    EXPECT_EQ(fold("Донецк"), "донецк");
    EXPECT_EQ(fold("Запорізька"), fold("Запоризька"));
}

TEST(Fold, EmptyAndPunctuationOnly) {
    EXPECT_EQ(fold(""), "");
    EXPECT_EQ(fold(" - ' "), "");
}

TEST(LooseKey, RomanisationVariantsMeet) {
    EXPECT_EQ(loose_key(fold("Zaporizhzhya")), loose_key(fold("Zaporizhzhia")));
    EXPECT_EQ(loose_key(fold("Avdiyivka")), loose_key(fold("Avdiivka")));
    EXPECT_EQ(loose_key(fold("Luhansk")), loose_key(fold("Lugansk")));
    EXPECT_EQ(loose_key(fold("Khmelnytskyy")), loose_key(fold("Khmelnytskyi")));
    EXPECT_EQ(loose_key(fold("Odessa")), loose_key(fold("Odesa")));
    EXPECT_EQ(loose_key(fold("Vinnytsya")), loose_key(fold("Vinnytsia")));
}

TEST(LooseKey, KeepsDifferentPlacesApart) {
    EXPECT_NE(loose_key(fold("Kursk")), loose_key(fold("Kharkiv")));
    EXPECT_NE(loose_key(fold("Sumy")), loose_key(fold("Sudzha")));
    EXPECT_EQ(loose_key(fold("Київ")), "");  // Latin rules only
}

TEST(Utf8, FindsInvalidBytes) {
    EXPECT_FALSE(find_invalid_utf8("Київ and Kyiv").has_value());
    const std::string bad = std::string("ok\nab") + static_cast<char>(0xE9) + "t";
    ASSERT_TRUE(find_invalid_utf8(bad).has_value());
    EXPECT_EQ(*find_invalid_utf8(bad), 5u);
    try {
        require_utf8(bad, "article.txt");
        FAIL() << "expected TextError";
    } catch (const TextError& e) {
        EXPECT_EQ(e.context().file, "article.txt");
        EXPECT_EQ(e.context().line, 2);
        EXPECT_EQ(e.context().column, 3);
        EXPECT_NE(e.describe().find("0xE9"), std::string::npos);
    }
}

TEST(Utf8, CountsCodePoints) {
    EXPECT_EQ(count_code_points("Київ"), 4u);
    EXPECT_EQ(count_code_points("Kyiv"), 4u);
    EXPECT_EQ(count_code_points("中国"), 2u);
}

}  // namespace mapwire::text

#include "text/tokenize.hpp"

namespace mapwire::text {

TEST(Tokenize, WordsPossessivesAndOffsets) {
    const std::string s = "Київ’s mayor met Ivano-Frankivs'k officials in the U.S. on Monday.";
    const auto t = tokenize(s);
    ASSERT_GE(t.size(), 10u);
    EXPECT_EQ(t[0].text, "Київ");
    EXPECT_TRUE(t[0].possessive);
    EXPECT_EQ(t[0].cp_begin, 0u);
    EXPECT_EQ(t[0].cp_end, 4u);
    EXPECT_TRUE(t[0].capitalized);
    EXPECT_TRUE(t[0].sentence_start);
    EXPECT_EQ(t[3].text, "Ivano-Frankivs'k");
    EXPECT_EQ(t[3].cp_begin, 17u);  // code points, not bytes: Київ’s is 6 code points
    EXPECT_EQ(t[7].text, "U.S");
    EXPECT_EQ(t[7].sentence, 0u);  // "U.S." does not end the sentence
    EXPECT_FALSE(t[9].sentence_start);
}

TEST(Tokenize, SentencesAndHeadings) {
    const auto t =
        tokenize("Heading Without Stop\nFirst sentence. Second one! \"Quoted\" third?\n\nNew para");
    std::vector<std::size_t> starts;
    for (const auto& x : t)
        if (x.sentence_start) starts.push_back(x.sentence);
    EXPECT_EQ(starts, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(t.back().line, 3u);
    EXPECT_TRUE(tokenize("ALL CAPS")[0].all_caps);
}

// Characters beyond ASCII where the tokenizer decodes them itself: a no-break space between
// words, a Unicode hyphen inside one, capitals with diacritics, and a stray byte (callers
// validate UTF-8, but the tokenizer must still step over it by one byte).
TEST(Tokenize, DecodesBeyondAscii) {
    const std::string s = "ÉLYSÉE\u00a0Kyiv\u2010Pechersk \xff’s";
    const auto t = tokenize(s);
    ASSERT_EQ(t.size(), 5u);
    EXPECT_EQ(t[0].text, "ÉLYSÉE");
    EXPECT_TRUE(t[0].all_caps);
    EXPECT_TRUE(t[0].capitalized);
    EXPECT_EQ(t[1].text, "Kyiv\u2010Pechersk");  // one word across the hyphen
    EXPECT_EQ(t[1].cp_begin, 7u);
    EXPECT_EQ(t[1].cp_end, 20u);
    EXPECT_EQ(t[2].text, "\xff");  // a symbol of one byte
    EXPECT_FALSE(t[2].word);
    EXPECT_EQ(t[3].text, "’");  // no word before it: not a possessive
    EXPECT_EQ(t[4].text, "s");
    EXPECT_FALSE(t[4].possessive);
    EXPECT_EQ(t[4].byte_end, s.size());
}

TEST(UpperCase, EveryScript) {
    EXPECT_EQ(text::upper_case("Côte d'Ivoire"), "CÔTE D'IVOIRE");
    EXPECT_EQ(text::upper_case("Ukraine / Україна"), "UKRAINE / УКРАЇНА");
    EXPECT_EQ(text::upper_case("Łódź"), "ŁÓDŹ");
    EXPECT_EQ(text::upper_case(std::string("a\xff")), std::string("A\xff"));
}

}  // namespace mapwire::text
