// Streams of articles as NDJSON (see detail/ndjson.hpp): batches of lines read, worked on by
// N threads, written back in input order.
#include "cli/detail/ndjson.hpp"

#include <algorithm>
#include <exception>
#include <fstream>
#include <iostream>
#include <istream>
#include <memory>
#include <ostream>
#include <thread>
#include <vector>

#include "base/error.hpp"
#include "text/utf8.hpp"

namespace mapwire::cli::detail {
namespace {

struct Line {
    std::size_t number = 0;
    std::string text;
};

nlohmann::ordered_json error_record(std::size_t line, const nlohmann::json* id,
                                    const std::string& message) {
    nlohmann::ordered_json r;
    r["line"] = line;
    if (id) r["id"] = *id;
    r["error"] = message;
    return r;
}

struct Output {
    std::string line;
    bool failed = false;
};

Output failure(std::size_t line, const nlohmann::json* id, const std::string& message) {
    return {error_record(line, id, message).dump(), true};
}

// The output line for one input line; never throws for bad input.
Output process(const Line& line, const ArticleWork& work) {
    // Checked first: the JSON reader passes bytes of invalid UTF-8 through, and the writer
    // then refuses them.
    try {
        text::require_utf8(line.text, "line " + std::to_string(line.number));
    } catch (const Error& e) {
        return failure(line.number, nullptr, e.message());
    }
    nlohmann::json record;
    try {
        record = nlohmann::json::parse(line.text);
    } catch (const nlohmann::json::parse_error& e) {
        return failure(line.number, nullptr, std::string("not JSON: ") + e.what());
    }
    const nlohmann::json* id =
        record.is_object() && record.contains("id") ? &record["id"] : nullptr;
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string())
        return failure(line.number, id, "a record needs a string \"text\"");
    if (record.contains("date") && !record["date"].is_string())
        return failure(line.number, id, "\"date\" must be a string YYYY-MM-DD");
    StreamArticle article{line.number, record["text"].get<std::string>(),
                          record.value("date", std::string())};
    text::replace_unwritable(article.text);  // as for an article read from a file
    nlohmann::ordered_json result;
    try {
        result = work(article);
    } catch (const Error& e) {
        return failure(line.number, id, e.message());
    } catch (const std::exception& e) {
        return failure(line.number, id, e.what());
    }
    nlohmann::ordered_json out;
    out["id"] = id ? *id : nlohmann::json(nullptr);
    for (const auto& [key, value] : record.items())  // nlohmann::json: keys in sorted order
        if (key != "id" && key != "text") out[key] = value;
    for (auto& [key, value] : result.items()) out[key] = std::move(value);
    return {out.dump(), false};
}

}  // namespace

StreamCounts run_stream(std::istream& in, std::ostream& out, unsigned jobs,
                        const ArticleWork& work) {
    jobs = std::max(1u, jobs);
    StreamCounts counts;
    std::vector<Line> batch;
    std::vector<Output> results;
    std::size_t number = 0;
    for (bool more = true; more;) {
        batch.clear();
        for (std::string text; batch.size() < kStreamBatch * jobs;) {
            if (!std::getline(in, text)) {
                more = false;
                break;
            }
            ++number;
            if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
            batch.push_back({number, std::move(text)});
        }
        results.assign(batch.size(), {});
        // Line i to thread i % jobs: the batch's order is kept by index, whatever finishes
        // first.
        auto run = [&](unsigned t) {
            for (std::size_t i = t; i < batch.size(); i += jobs)
                results[i] = process(batch[i], work);
        };
        std::vector<std::thread> threads;
        for (unsigned t = 1; t < jobs && t < batch.size(); ++t) threads.emplace_back(run, t);
        run(0);
        for (auto& t : threads) t.join();
        for (const auto& r : results) {
            out << r.line << '\n';
            ++counts.articles;
            counts.failed += r.failed;
        }
        out.flush();
    }
    return counts;
}

std::unique_ptr<std::istream> open_stream(const std::string& path) {
    if (path == "-") return std::make_unique<std::istream>(std::cin.rdbuf());
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) throw std::move(IoError("cannot read the stream").in_file(path));
    return in;
}

void fail_if_any(const StreamCounts& counts) {
    if (counts.failed == 0) return;
    throw Error(
        std::to_string(counts.failed) + " of " + std::to_string(counts.articles) + " lines failed",
        ExitCode::bad_input, "their error records say why, by line");
}

}  // namespace mapwire::cli::detail
