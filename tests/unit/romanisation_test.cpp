// Romanisation of local scripts and the endonym rule for towns, on real GeoNames names.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "geodata/build.hpp"
#include "geodata/detail/romanisation.hpp"

namespace mapwire::geodata {
namespace {

using detail::Romanisation;

const std::map<std::string, Romanisation>& tables() {
    static const auto t =
        Romanisation::read(std::string(MAPWIRE_TEST_DATA) + "/../../geodata/romanisation.tsv");
    return t;
}

std::string latin(const char* language, const char* name) {
    return tables().at(language).romanise(name).value_or("(none)");
}

TEST(Romanisation, UkrainianNationalSystem) {
    EXPECT_EQ(latin("uk", "Харків"), "Kharkiv");
    EXPECT_EQ(latin("uk", "Запоріжжя"), "Zaporizhzhia");
    EXPECT_EQ(latin("uk", "Їжакевичі"), "Yizhakevychi");  // ї at a word's start
    EXPECT_EQ(latin("uk", "Згурівка"), "Zghurivka");      // зг is zgh
    EXPECT_EQ(latin("uk", "Знам’янка"), "Znamianka");     // the apostrophe is not written
    EXPECT_EQ(latin("uk", "Харьков"), "Kharkov");         // the Russian form spells otherwise
    EXPECT_EQ(latin("uk", "Кыив"), "(none)");             // ы is no Ukrainian letter
}

TEST(Romanisation, RussianBgnPcgn) {
    EXPECT_EQ(latin("ru", "Воронеж"), "Voronezh");
    EXPECT_EQ(latin("ru", "Екатеринбург"), "Yekaterinburg");            // е at a word's start
    EXPECT_EQ(latin("ru", "Набережные Челны"), "Naberezhnyye Chelny");  // е after a vowel
    EXPECT_EQ(latin("ru", "Нижний Новгород"), "Nizhniy Novgorod");
    EXPECT_EQ(latin("ru", "Тольятти"), "Tol\u02B9yatti");
    EXPECT_EQ(latin("ru", "Орёл"), "Orël");
    EXPECT_EQ(latin("ru", "Київ"), "(none)");
}

TEST(Romanisation, BelarusianBulgarianSerbian) {
    EXPECT_EQ(latin("be", "Магілёў"), "Mahilyow");
    EXPECT_EQ(latin("be", "Віцебск"), "Vitsyebsk");
    EXPECT_EQ(latin("be", "Минск"), "(none)");  // Russian: Belarusian has no и
    EXPECT_EQ(latin("bg", "София"), "Sofia");   // -ия at a word's end
    EXPECT_EQ(latin("bg", "Хасково"), "Haskovo");
    EXPECT_EQ(latin("bg", "Търговище"), "Targovishte");
    EXPECT_EQ(latin("sr", "Чачак"), "Čačak");
    EXPECT_EQ(latin("sr", "Љубовија"), "Ljubovija");
    EXPECT_EQ(latin("sr", "Нови Београд"), "Novi Beograd");
}

std::string town(const char* language, std::vector<std::string> alternates,
                 std::vector<std::string> names) {
    return detail::local_town_name(tables().at(language), alternates, names).value_or("(none)");
}

TEST(LocalTownName, TheAlternateThatRomanisesToTheName) {
    // cities500's alternates of each town, in their order there.
    EXPECT_EQ(town("uk", {"Харков", "Харків", "Харьков"}, {"Kharkiv"}), "Харків");
    EXPECT_EQ(town("uk", {"Одеса", "Одесс", "Одесса"}, {"Odesa"}), "Одеса");
    EXPECT_EQ(town("uk", {"Киев", "Київ", "Кыив"}, {"Kyiv"}), "Київ");
    // Its display name or GeoNames' (Kryvyy Rih, in an older system).
    EXPECT_EQ(town("uk", {"Кривой Рог", "Кривий Ріг"}, {"Kryvyi Rih", "Kryvyy Rih"}), "Кривий Ріг");
    // Equal romanisations: the fuller spelling (ь is not written).
    EXPECT_EQ(town("uk", {"Хмельницкий", "Хмельницький"}, {"Khmelnytskyi", "Khmel'nyts'kyy"}),
              "Хмельницький");
    EXPECT_EQ(town("ru", {"Курск", "Курськ"}, {"Kursk"}), "Курск");      // the marks too
    EXPECT_EQ(town("ru", {"Орел", "Орёл"}, {"Oryol", "Orël"}), "Орёл");  // letter for letter
    EXPECT_EQ(town("be", {"Минск", "Мінск", "Мінськ"}, {"Minsk"}), "Мінск");
    EXPECT_EQ(town("bg", {"Софи", "София", "Софія"}, {"Sofia"}), "София");
    // None romanises to an English name: no guess.
    EXPECT_EQ(town("ru", {"Москва", "Москов"}, {"Moscow"}), "(none)");
    EXPECT_EQ(town("uk", {"Kyiv", "Kiev"}, {"Kyiv"}), "(none)");
}

TEST(Romanisation, BadRowsNameTheirLine) {
    const auto path = std::filesystem::temp_directory_path() / "mapwire-romanisation-test.tsv";
    std::ofstream(path) << "# comment\nlanguage\tletters\tlatin\twhere\topens\n"
                        << "uk\tа\ta\t\t\nuk\tб\tb\tsomewhere\t\n";
    try {
        Romanisation::read(path.string());
        FAIL() << "expected GeodataError";
    } catch (const GeodataError& e) {
        EXPECT_EQ(e.context().line, 4);
        EXPECT_NE(e.message().find("somewhere"), std::string::npos) << e.message();
    }
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace mapwire::geodata
