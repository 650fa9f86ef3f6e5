// The web map's layers: clipped to the scene's bounds, simplified to web scale, lines joined end
// to end, and packed as delta-encoded fixed-point paths.
#include "render/web_layers.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <thread>

namespace mapwire::render {
namespace {

// Layers keep detail down to this share of a static map's pixel: zoomed in twice, edges still
// look smooth; the seed article's page stays well under 3 MB.
constexpr double kDetailPx = 0.5;

using Fixed = std::array<long long, 2>;  // lon, lat in fixed-point units
using Path = std::vector<Fixed>;

// Lines that meet end to end become one (admin-1 borders come in thousands of pieces): fewer,
// longer paths for the browser to project and clip, and each shared end written once. Greedy,
// in input order, so the same lines give the same paths.
std::vector<Path> joined(std::vector<Path> lines) {
    std::multimap<Fixed, std::size_t> ends;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ends.insert({lines[i].front(), i});
        ends.insert({lines[i].back(), i});
    }
    std::vector<bool> used(lines.size(), false);
    auto next_at = [&](const Fixed& end) -> std::size_t {
        const auto [lo, hi] = ends.equal_range(end);
        for (auto it = lo; it != hi; ++it)
            if (!used[it->second]) return it->second;
        return lines.size();
    };
    std::vector<Path> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (used[i]) continue;
        used[i] = true;
        Path chain = std::move(lines[i]);
        for (int side = 0; side < 2; ++side) {  // grow the back, then (reversed) the front
            for (std::size_t j; (j = next_at(chain.back())) < lines.size();) {
                used[j] = true;
                Path& more = lines[j];
                if (more.front() != chain.back()) std::reverse(more.begin(), more.end());
                chain.insert(chain.end(), more.begin() + 1, more.end());
            }
            std::reverse(chain.begin(), chain.end());
        }
        out.push_back(std::move(chain));
    }
    return out;
}

class Simplifier {
public:
    enum class Keep { all, areas, lines, points };

    Simplifier(const LonLatBox& bounds, double degrees_per_px)
        : box_{bounds.min_lon, bounds.min_lat, bounds.max_lon, bounds.max_lat},
          tolerance_(degrees_per_px * kDetailPx),
          // Units a tenth of the detail kept, 10^3 to 10^6 a degree (clamped as a double: a
          // zero tolerance gives infinity, which no int holds).
          scale_(std::pow(10.0, std::clamp(std::ceil(-std::log10(tolerance_)) + 1, 3.0, 6.0))) {}

    double scale() const { return scale_; }

    std::string paths(const std::vector<geometry::Geometry>& shapes, Keep keep = Keep::all) const {
        std::vector<Path> kept, lines;
        for (const auto& g : shapes) {
            if (g.empty()) continue;
            for (const auto& p : g.clipped(box_).simplified_fast(tolerance_).paths()) {
                const bool point = p.points.size() == 1;
                if ((keep == Keep::areas && !p.closed) || (keep == Keep::points && !point) ||
                    (keep == Keep::lines && (p.closed || point)))
                    continue;
                Path f = fixed(p.points);
                // Rings need three corners, lines two distinct points.
                if (p.closed ? f.size() >= 4 : point || f.size() >= 2)
                    (p.closed || point ? kept : lines).push_back(std::move(f));
            }
        }
        for (auto& line : joined(std::move(lines))) kept.push_back(std::move(line));
        std::string out = "[";
        for (const auto& p : kept) out += (out.size() > 1 ? "," : "") + encode(p);
        return out + "]";
    }

private:
    // The points in fixed-point units, each repeated one (the same once rounded) left out.
    Path fixed(const std::vector<geometry::Point>& points) const {
        Path out;
        for (const auto& p : points) {
            const Fixed f{std::llround(p.lon * scale_), std::llround(p.lat * scale_)};
            if (out.empty() || out.back() != f) out.push_back(f);
        }
        return out;
    }
    static std::string encode(const Path& path) {
        std::string out = "[";
        Fixed last{0, 0};
        for (const auto& f : path) {
            out += (out.size() > 1 ? "," : "") + std::to_string(f[0] - last[0]) + "," +
                   std::to_string(f[1] - last[1]);
            last = f;
        }
        return out + "]";
    }

    geometry::Box box_;
    double tolerance_, scale_;
};

}  // namespace

std::string web_layers_json(const WebScene& s) {
    using Keep = Simplifier::Keep;
    const Simplifier simplify(s.bounds, s.degrees_per_px);
    static const std::vector<geometry::Geometry> none;
    const auto& b = s.base;
    struct Job {
        std::string name;
        const std::vector<geometry::Geometry>* shapes;
        Keep keep = Keep::all;
        std::string out;
    };
    std::vector<Job> jobs = {{"land", b ? &b->land : &none},
                             {"admin1", b ? &b->admin1_lines : &none},
                             {"borders", b ? &b->borders : &none},
                             {"control", &s.control},
                             {"countries", b ? &b->other_countries : &none},
                             {"focus", b ? &b->focus_country : &none},
                             {"highlight", b ? &b->highlight : &none},
                             {"lakes", b ? &b->lakes : &none},
                             {"occupied", b ? &b->occupied : &none},
                             {"rivers", b ? &b->rivers : &none}};
    const std::size_t aggregate_at = jobs.size();  // an aggregate's classes, then user layers
    for (const auto& cells : s.aggregate) jobs.push_back({"", &cells, Keep::areas});
    for (std::size_t i = 0; i < s.layers.size(); ++i)
        for (Keep k : {Keep::areas, Keep::lines, Keep::points})
            jobs.push_back({"", &s.layers[i], k});
    {
        // Land alone (a continent-sized polygon) takes as long as the rest, on a thread of its
        // own: no other layer holds its geometries (highlighted and occupied units may share
        // one, so the rest stay on this thread).
        std::thread land([&] { jobs[0].out = simplify.paths(*jobs[0].shapes); });
        for (std::size_t i = 1; i < jobs.size(); ++i)
            jobs[i].out = simplify.paths(*jobs[i].shapes, jobs[i].keep);
        land.join();
    }
    std::string out = "{\"scale\":" + std::to_string(std::llround(simplify.scale()));
    std::size_t i = 0;
    for (; i < aggregate_at; ++i) out += ",\"" + jobs[i].name + "\":" + jobs[i].out;
    out += ",\"aggregate\":[";
    for (; i < aggregate_at + s.aggregate.size(); ++i)
        out += std::string(i > aggregate_at ? "," : "") + jobs[i].out;
    out += "],\"user\":[";
    for (std::size_t first = i; i + 2 < jobs.size(); i += 3)
        out += std::string(i > first ? "," : "") + "{\"areas\":" + jobs[i].out +
               ",\"lines\":" + jobs[i + 1].out + ",\"points\":" + jobs[i + 2].out + "}";
    return out + "]}";
}

}  // namespace mapwire::render
