// Owning handles that release Cairo, Pango and GObject objects on every path out.
//
// Owning handles for Cairo, Pango and GObject objects: each is released by its own function when
// the handle goes, on every path out (a throw while drawing included).
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace mapwire::render::detail {

template <typename T, void (*Release)(T*)>
struct Releaser {
    void operator()(T* p) const {
        if (p) Release(p);
    }
};

using CairoPtr = std::unique_ptr<cairo_t, Releaser<cairo_t, cairo_destroy>>;
using SurfacePtr =
    std::unique_ptr<cairo_surface_t, Releaser<cairo_surface_t, cairo_surface_destroy>>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t,
                                       Releaser<cairo_font_options_t, cairo_font_options_destroy>>;
using FontDescriptionPtr =
    std::unique_ptr<PangoFontDescription,
                    Releaser<PangoFontDescription, pango_font_description_free>>;
using AttrListPtr = std::unique_ptr<PangoAttrList, Releaser<PangoAttrList, pango_attr_list_unref>>;
using LayoutIterPtr =
    std::unique_ptr<PangoLayoutIter, Releaser<PangoLayoutIter, pango_layout_iter_free>>;

// Pango's layouts and contexts are GObjects, released by dropping their reference.
struct Unref {
    void operator()(gpointer p) const {
        if (p) g_object_unref(p);
    }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, Unref>;

}  // namespace mapwire::render::detail
