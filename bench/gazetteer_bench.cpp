// Gazetteer speed: time until the whole gazetteer answers its first lookup, and lookups per
// second on one core over a mix of names as news text spells them (hits, variants, misses).
// Run: build/bench/mapwire_bench   (dataset from MAPWIRE_DATA or the build's geodata/)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"

namespace {

std::string index_path() {
    const char* env = std::getenv("MAPWIRE_DATA");
    return std::string(env && *env ? env : MAPWIRE_DEFAULT_DATA_DIR) + "/gazetteer.idx";
}

const std::vector<std::string> kNames = {
    "Donetsk",  "Donetsk region", "Kursk Oblast", "Kyiv",      "Kiev",
    "Київ",     "Zaporizhzhya",   "Avdiyivka",    "Kurakhovo", "Kharkov",
    "Moscow",   "Beijing",        "Ukraine",      "Russia",    "United States",
    "Europe",   "Donbas",         "Crimea",       "Bakhmut",   "Pokrovsk",
    "Khartoum", "El Fasher",      "Gaza",         "Rafah",     "Aleppo",
    "Idlib",    "Goma",           "Bamako",       "Mandalay",  "Sittwe",
    "Zelensky", "Mandarin",       "Douyin",       "Le Monde",  "Security Council",
    "Tuesday",  "President",      "Lugansk",      "Odessa",    "Mykolaiv"};

void BM_OpenAndFirstLookup(benchmark::State& state) {
    const std::string path = index_path();
    for (auto _ : state) {
        const auto g = mapwire::gazetteer::Gazetteer::open(path);
        benchmark::DoNotOptimize(g.lookup("Kursk Oblast"));
    }
}
BENCHMARK(BM_OpenAndFirstLookup)->Unit(benchmark::kMillisecond);

void BM_Lookup(benchmark::State& state) {
    const auto g = mapwire::gazetteer::Gazetteer::open(index_path());
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(g.lookup(kNames[i]));
        if (++i == kNames.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Lookup);

void BM_Suggestions(benchmark::State& state) {
    const auto g = mapwire::gazetteer::Gazetteer::open(index_path());
    for (auto _ : state) benchmark::DoNotOptimize(g.suggestions("Zaporizzhia"));
}
BENCHMARK(BM_Suggestions)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
