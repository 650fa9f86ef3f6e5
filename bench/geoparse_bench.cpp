// Geoparsing throughput on one core once loaded: every text of the development corpus, the
// examples and (when present) the seed article, parsed one document at a time as the CLI does.
// Run: build/bench/mapwire_geoparse_bench   (reports bytes_per_second)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geoparse/geoparser.hpp"
#include "text/tokenize.hpp"

namespace {

std::string data_dir() {
    const char* env = std::getenv("MAPWIRE_DATA");
    return env && *env ? env : MAPWIRE_DEFAULT_DATA_DIR;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> documents() {
    std::vector<std::string> docs;
    const auto corpus = nlohmann::json::parse(
        slurp(std::string(MAPWIRE_SOURCE_DIR) + "/tests/data/corpus/corpus.json"));
    for (const auto& d : corpus["documents"]) docs.push_back(d["text"].get<std::string>());
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(MAPWIRE_SOURCE_DIR) + "/examples"))
        if (e.path().extension() == ".txt") docs.push_back(slurp(e.path().string()));
    const std::string seed = std::string(MAPWIRE_SOURCE_DIR) + "/../shared/seed/article.txt";
    if (std::filesystem::exists(seed)) docs.push_back(slurp(seed));
    return docs;
}

// Parses every document once per iteration, as the CLI does, and counts bytes and documents.
void parse_each(benchmark::State& state, const std::vector<std::string>& docs) {
    const auto gaz = mapwire::gazetteer::Gazetteer::open(data_dir() + "/gazetteer.idx");
    const mapwire::geoparse::Geoparser parser(
        gaz, mapwire::geoparse::Lexicon::load(data_dir() + "/lexicon.txt"));
    std::size_t bytes = 0;
    for (const auto& d : docs) bytes += d.size();
    for (auto _ : state)
        for (const auto& d : docs) benchmark::DoNotOptimize(parser.parse(d));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["documents"] = static_cast<double>(docs.size());
}

void BM_GeoparseCorpus(benchmark::State& state) {
    parse_each(state, documents());
}
BENCHMARK(BM_GeoparseCorpus)->Unit(benchmark::kMillisecond);

// Long-form news: the seed article and the examples, each parsed whole.
void BM_GeoparseArticles(benchmark::State& state) {
    const auto gaz = mapwire::gazetteer::Gazetteer::open(data_dir() + "/gazetteer.idx");
    const mapwire::geoparse::Geoparser parser(
        gaz, mapwire::geoparse::Lexicon::load(data_dir() + "/lexicon.txt"));
    std::vector<std::string> docs;
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(MAPWIRE_SOURCE_DIR) + "/examples"))
        if (e.path().extension() == ".txt") docs.push_back(slurp(e.path().string()));
    const std::string seed = std::string(MAPWIRE_SOURCE_DIR) + "/../shared/seed/article.txt";
    if (std::filesystem::exists(seed)) docs.push_back(slurp(seed));
    std::size_t bytes = 0;
    for (const auto& d : docs) bytes += d.size();
    for (auto _ : state)
        for (const auto& d : docs) benchmark::DoNotOptimize(parser.parse(d));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_GeoparseArticles)->Unit(benchmark::kMillisecond);

// Real news that nobody here wrote: the GeoVirus articles of the shared fixtures (WikiNews,
// 229 articles, 1.7 KB on average), each parsed whole; skipped without ../shared/.
void BM_GeoparseRealNews(benchmark::State& state) {
    const std::string path =
        std::string(MAPWIRE_SOURCE_DIR) + "/../shared/fixtures/geoparse-dev/geovirus.jsonl";
    if (!std::filesystem::exists(path)) {
        state.SkipWithError("no ../shared/fixtures/geoparse-dev/geovirus.jsonl");
        return;
    }
    std::vector<std::string> docs;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) docs.push_back(nlohmann::json::parse(line)["text"].get<std::string>());
    parse_each(state, docs);
}
BENCHMARK(BM_GeoparseRealNews)->Unit(benchmark::kMillisecond);

// The tokenizer alone, for comparison with the whole parse.
void BM_TokenizeCorpus(benchmark::State& state) {
    const auto docs = documents();
    std::size_t bytes = 0;
    for (const auto& d : docs) bytes += d.size();
    for (auto _ : state)
        for (const auto& d : docs) benchmark::DoNotOptimize(mapwire::text::tokenize(d));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_TokenizeCorpus)->Unit(benchmark::kMillisecond);

void BM_LoadGazetteerAndLexicon(benchmark::State& state) {
    for (auto _ : state) {
        const auto gaz = mapwire::gazetteer::Gazetteer::open(data_dir() + "/gazetteer.idx");
        benchmark::DoNotOptimize(mapwire::geoparse::Lexicon::load(data_dir() + "/lexicon.txt"));
    }
}
BENCHMARK(BM_LoadGazetteerAndLexicon)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
