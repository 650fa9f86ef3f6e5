// Streams of articles as NDJSON (see detail/ndjson.hpp): batches of lines read, worked on by
// N threads, written back in input order.
#include "cli/detail/ndjson.hpp"

#include <algorithm>
#include <exception>
#include <fstream>
#include <iostream>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include "base/error.hpp"
#include "cli/detail/stream_record.hpp"
#include "json/scan.hpp"
#include "text/utf8.hpp"

namespace mapwire::cli::detail {
namespace {

struct Line {
    std::size_t number = 0;
    std::string text;
};

struct Output {
    std::string line;
    bool failed = false;
};

Output failure(std::size_t line, const std::optional<std::string>& id, const std::string& message) {
    return {error_output(line, id, message), true};
}

// The output line for one input line; never throws for bad input.
Output process(const Line& line, const ArticleWriter& work, ResultFields& result) {
    // Checked first: the JSON reader passes bytes of invalid UTF-8 through, and the writer
    // then refuses them.
    StreamRecord record;
    try {
        text::require_utf8(line.text, "line " + std::to_string(line.number));
        record = read_record(line.text);
    } catch (const Error& e) {
        return failure(line.number, std::nullopt, e.message());
    }
    if (!record.object || !record.text)
        return failure(line.number, record.id, "a record needs a string \"text\"");
    StreamArticle article{line.number, std::move(*record.text), {}};
    const auto date = std::find_if(record.fields.begin(), record.fields.end(),
                                   [](const auto& f) { return f.first == "date"; });
    if (date != record.fields.end() && !json::scan_string(date->second, article.date))
        return failure(line.number, record.id, "\"date\" must be a string YYYY-MM-DD");
    text::replace_unwritable(article.text);  // as for an article read from a file
    result.clear();
    try {
        work(article, result);
    } catch (const Error& e) {
        return failure(line.number, record.id, e.message());
    } catch (const std::exception& e) {
        return failure(line.number, record.id, e.what());
    }
    return {record_output(record, result), false};
}

}  // namespace

json::Writer& ResultFields::field(std::string name) {
    starts_.emplace_back(std::move(name), values_.size());
    return values_;
}

std::string_view ResultFields::value(std::size_t i) const {
    const std::size_t end = i + 1 < starts_.size() ? starts_[i + 1].second : values_.size();
    return std::string_view(values_.str()).substr(starts_[i].second, end - starts_[i].second);
}

void ResultFields::clear() {
    values_.clear();
    starts_.clear();
}

StreamCounts run_stream(std::istream& in, std::ostream& out, unsigned jobs,
                        const ArticleWriter& work) {
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
            ResultFields fields;  // one per thread, its buffer reused line after line
            for (std::size_t i = t; i < batch.size(); i += jobs)
                results[i] = process(batch[i], work, fields);
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
