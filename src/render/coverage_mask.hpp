// Where areas lie on the map, rasterised coarsely, so that callouts and labels can be put
// where they hide least of the areas a reader needs to see.
#pragma once

#include <memory>

#include "render/canvas.hpp"
#include "render/screen.hpp"

namespace mapwire::render {

// A mask over `area`, one sample per `cell` px (Cairo, 8-bit coverage).
class CoverageMask {
public:
    explicit CoverageMask(const Rect& area, double cell = 4);
    ~CoverageMask();
    CoverageMask(const CoverageMask&) = delete;
    CoverageMask& operator=(const CoverageMask&) = delete;
    void add(const Paths& areas);  // filled even-odd
    // The covered share (0 to 1) of a box.
    double share(const Rect& box) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace mapwire::render
