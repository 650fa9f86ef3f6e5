// The coverage mask: areas filled on a coarse A8 surface, queried through a summed-area table.
#include "render/coverage_mask.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/detail/cairo_canvas.hpp"
#include "render/detail/cairo_handles.hpp"

namespace mapwire::render {

struct CoverageMask::Impl {
    double x, y, cell;
    detail::SurfacePtr surface;
    detail::CairoPtr cr;  // after the surface: released before it
    // Summed-area table of the mask, (w + 1) x (h + 1), built on the first query after a
    // change, so that any box's coverage costs four lookups.
    std::vector<double> sums;
    int w = 0, h = 0;
    void build() {
        cairo_surface_t* s = surface.get();
        cairo_surface_flush(s);
        w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        sums.assign(static_cast<std::size_t>(w + 1) * static_cast<std::size_t>(h + 1), 0);
        for (int j = 0; j < h; ++j) {
            double row = 0;
            for (int i = 0; i < w; ++i) {
                row += data[static_cast<std::ptrdiff_t>(j) * stride + i] / 255.0;
                at(i + 1, j + 1) = at(i + 1, j) + row;
            }
        }
    }
    double& at(int i, int j) {
        return sums[static_cast<std::size_t>(j) * static_cast<std::size_t>(w + 1) +
                    static_cast<std::size_t>(i)];
    }
};

CoverageMask::CoverageMask(const Rect& area, double cell) : impl_(std::make_unique<Impl>()) {
    impl_->x = area.x, impl_->y = area.y, impl_->cell = cell;
    impl_->surface.reset(cairo_image_surface_create(
        CAIRO_FORMAT_A8, std::max(1, static_cast<int>(std::ceil(area.w / cell))),
        std::max(1, static_cast<int>(std::ceil(area.h / cell)))));
    impl_->cr.reset(cairo_create(impl_->surface.get()));
    cairo_t* cr = impl_->cr.get();
    cairo_scale(cr, 1 / cell, 1 / cell);
    cairo_translate(cr, -area.x, -area.y);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
}

CoverageMask::~CoverageMask() = default;

void CoverageMask::add(const Paths& areas) {
    cairo_t* cr = impl_->cr.get();
    cairo_new_path(cr);
    detail::add_paths(cr, areas);
    cairo_fill(cr);
    impl_->sums.clear();
}

double CoverageMask::share(const Rect& box) const {
    Impl& m = *impl_;
    if (m.sums.empty()) m.build();
    const int x0 = std::clamp(static_cast<int>((box.x - m.x) / m.cell), 0, m.w),
              y0 = std::clamp(static_cast<int>((box.y - m.y) / m.cell), 0, m.h),
              x1 = std::clamp(static_cast<int>(std::ceil((box.x + box.w - m.x) / m.cell)), 0, m.w),
              y1 = std::clamp(static_cast<int>(std::ceil((box.y + box.h - m.y) / m.cell)), 0, m.h);
    if (x1 <= x0 || y1 <= y0) return 0;
    const double sum = m.at(x1, y1) - m.at(x0, y1) - m.at(x1, y0) + m.at(x0, y0);
    return sum / (static_cast<double>(x1 - x0) * (y1 - y0));
}

}  // namespace mapwire::render
