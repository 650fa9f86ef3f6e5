// The PNG's drawing recorded, then replayed band by band on several threads.
#include "render/detail/recording_canvas.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <variant>

#include "render/detail/cairo_canvas.hpp"
#include "render/detail/cairo_handles.hpp"

namespace mapwire::render::detail {

class Recording::Commands : public Canvas {
public:
    void fill(const Paths& paths, Color c) override { ops_.emplace_back(Fill{paths, c}); }
    void stroke(const Paths& paths, Color c, double width,
                const std::vector<double>& dash) override {
        ops_.emplace_back(Stroke{paths, c, width, dash});
    }
    void hatch(const Paths& paths, Color c, double spacing, double angle, double width) override {
        ops_.emplace_back(Hatch{paths, c, spacing, angle, width});
    }
    void text(double x, double y, const std::string& s, const Font& font, Color color,
              std::optional<Color> halo, double halo_width, double wrap_width) override {
        ops_.emplace_back(Text{x, y, s, font, color, halo, halo_width, wrap_width});
    }
    void clip(const Rect& box) override { ops_.emplace_back(box); }
    void unclip() override { ops_.emplace_back(Unclip{}); }

    void replay(Canvas& c) const {
        for (const auto& op : ops_) {
            if (const auto* f = std::get_if<Fill>(&op)) {
                c.fill(f->paths, f->color);
            } else if (const auto* s = std::get_if<Stroke>(&op)) {
                c.stroke(s->paths, s->color, s->width, s->dash);
            } else if (const auto* h = std::get_if<Hatch>(&op)) {
                c.hatch(h->paths, h->color, h->spacing, h->angle, h->width);
            } else if (const auto* t = std::get_if<Text>(&op)) {
                c.text(t->x, t->y, t->text, t->font, t->color, t->halo, t->halo_width,
                       t->wrap_width);
            } else if (const auto* r = std::get_if<Rect>(&op)) {
                c.clip(*r);
            } else {
                c.unclip();
            }
        }
    }

private:
    struct Fill {
        Paths paths;
        Color color;
    };
    struct Stroke {
        Paths paths;
        Color color;
        double width;
        std::vector<double> dash;
    };
    struct Hatch {
        Paths paths;
        Color color;
        double spacing, angle, width;
    };
    struct Text {
        double x, y;
        std::string text;
        Font font;
        Color color;
        std::optional<Color> halo;
        double halo_width, wrap_width;
    };
    struct Unclip {};
    std::vector<std::variant<Fill, Stroke, Hatch, Text, Rect, Unclip>> ops_;  // Rect: a clip
};

Recording::Recording() : commands_(std::make_unique<Commands>()) {}

Recording::~Recording() = default;

Canvas& Recording::canvas() {
    return *commands_;
}

void Recording::replay(Canvas& c) const {
    commands_->replay(c);
}

void rasterise(const Recording& recording, cairo_surface_t* surface, double scale) {
    const int w = cairo_image_surface_get_width(surface),
              h = cairo_image_surface_get_height(surface),
              stride = cairo_image_surface_get_stride(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    constexpr int kBandRows = 384;  // small images are one band: threads would cost more
    const int bands = std::clamp(h / kBandRows, 1, 4);
    std::atomic<int> next{0};
    auto work = [&] {
        for (int b; (b = next.fetch_add(1)) < bands;) {
            const int y0 = h * b / bands, y1 = h * (b + 1) / bands;
            const SurfacePtr band(
                cairo_image_surface_create_for_data(data + static_cast<std::ptrdiff_t>(y0) * stride,
                                                    CAIRO_FORMAT_ARGB32, w, y1 - y0, stride));
            {
                const CairoPtr cr(cairo_create(band.get()));
                cairo_translate(cr.get(), 0, -y0);
                cairo_scale(cr.get(), scale, scale);
                recording.replay(*cairo_canvas(cr.get()));
            }
            cairo_surface_finish(band.get());
        }
    };
    const int threads =
        std::min(bands, std::max(1, static_cast<int>(std::thread::hardware_concurrency())));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    cairo_surface_mark_dirty(surface);
}

}  // namespace mapwire::render::detail
