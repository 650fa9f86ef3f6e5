// `mapwire render CONFIG`: many maps from one configuration, validated first, rendered in
// parallel; a failing map is named in the summary and stops nothing else. In the GIS plugin;
// the options are in gis_commands.cpp.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/detail/gis_plugin.hpp"
#include "config/config.hpp"
#include "pipeline/pipeline.hpp"

namespace mapwire::cli::detail {

void run_render(const RenderArgs& args, Context& ctx) {
    const auto gaz = open_gazetteer(ctx);
    auto cfg = config::load(args.config, gaz, styles_dir(),
                            {.output_dir = args.output_dir, .allow_outside = args.allow_outside});
    if (!args.only.empty()) {
        std::vector<config::MapJob> kept;
        std::string names;
        for (auto& m : cfg.maps) {
            names += (names.empty() ? "" : ", ") + m.name;
            if (m.name == args.only || m.series == args.only) kept.push_back(std::move(m));
        }
        if (kept.empty())
            throw std::move(
                Error("no map named '" + args.only + "'", ExitCode::not_found, "maps: " + names)
                    .in_file(args.config));
        cfg.maps = std::move(kept);
    }
    if (args.check) {
        ctx.out << args.config << ": ok, " << cfg.maps.size()
                << (cfg.maps.size() == 1 ? " map" : " maps") << "\n";
        return;
    }
    // Styles are read before any drawing: a bad style is a configuration error.
    std::vector<style::Style> styles;
    for (const auto& m : cfg.maps) {
        style::Style st = style::load_style(m.style, styles_dir());
        for (const auto& yaml : m.style_overrides)
            st = style::with_overrides(std::move(st), yaml, cfg.path);
        styles.push_back(std::move(st));
    }
    const geoparse::Geoparser parser(gaz,
                                     geoparse::Lexicon::load(dataset_dir(ctx) + "/lexicon.txt"));

    const bool tty = ::isatty(STDERR_FILENO) == 1 && &ctx.err == &std::cerr;
    std::mutex lock;
    std::atomic<std::size_t> next{0}, done{0};
    std::vector<std::string> failures(cfg.maps.size());
    // What each map of an event table left out, said in the summary: nothing in silence.
    std::vector<std::vector<std::string>> notes(cfg.maps.size());
    auto worker = [&] {
        for (std::size_t i = next++; i < cfg.maps.size(); i = next++) {
            const auto& m = cfg.maps[i];
            const auto t0 = std::chrono::steady_clock::now();
            std::string failure;
            try {
                const pipeline::LayerOutputs layers{m.geojson, m.vector_formats, m.datasource};
                if (!m.events_table.empty())
                    notes[i] = pipeline::map_table(gaz, dataset_dir(ctx), m.events_table, m.range,
                                                   styles[i], m.options, m.output_dir, layers)
                                   .notes;
                else
                    pipeline::map_article(gaz, parser, dataset_dir(ctx),
                                          {read_input(m.article), m.article, m.date}, styles[i],
                                          m.options, m.output_dir, layers, m.per_event);
            } catch (const Error& e) {
                failure = e.describe();
            } catch (const std::exception& e) {
                failure = std::string("internal error: ") + e.what();
            }
            const double s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::lock_guard<std::mutex> g(lock);
            failures[i] = failure;
            const std::size_t n = ++done;
            char line[512];
            std::snprintf(line, sizeof line, "[%zu/%zu] %s %s (%.1f s)", n, cfg.maps.size(),
                          m.name.c_str(), failure.empty() ? "rendered" : "FAILED", s);
            if (tty) {
                // A bar redrawn in place; failures also get a line of their own.
                constexpr std::size_t kWidth = 30;
                const std::size_t filled = kWidth * n / cfg.maps.size();
                if (!failure.empty()) ctx.err << "\r\033[K" << line << "\n";
                ctx.err << "\r\033[K[" << std::string(filled, '#')
                        << std::string(kWidth - filled, ' ') << "] " << n << "/" << cfg.maps.size()
                        << " " << m.name << (n == cfg.maps.size() ? "\n" : "") << std::flush;
            } else
                ctx.err << line << "\n";
        }
    };
    unsigned jobs = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = std::min<unsigned>(jobs, static_cast<unsigned>(cfg.maps.size()));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();

    std::size_t failed = 0;
    for (std::size_t i = 0; i < cfg.maps.size(); ++i)
        if (!failures[i].empty()) ++failed;
    ctx.out << "rendered " << cfg.maps.size() - failed << " of " << cfg.maps.size() << " maps into "
            << cfg.output_dir << "\n";
    for (std::size_t i = 0; i < cfg.maps.size(); ++i)
        for (const auto& note : notes[i]) ctx.out << cfg.maps[i].name << ": " << note << "\n";
    for (std::size_t i = 0; i < cfg.maps.size(); ++i)
        if (!failures[i].empty())
            ctx.out << "failed: " << cfg.maps[i].name << ": " << failures[i] << "\n";
    if (failed)
        throw Error(std::to_string(failed) + (failed == 1 ? " map" : " maps") +
                        " failed; the others were written",
                    ExitCode::bad_input);
}

}  // namespace mapwire::cli::detail
