// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Only for core/mime/*.cpp: includes glib. Never include from a header outside core/mime.

#include <glib-object.h>

#include <memory>

namespace poplar::mime {

struct GObjectUnref {
    void operator()(gpointer object) const
    {
        if (object)
            g_object_unref(object);
    }
};

/// Owns one GObject reference. adopt() takes a "transfer full" pointer, ref() a borrowed one.
template<typename T> class GObjectPtr {
public:
    GObjectPtr() = default;
    static GObjectPtr adopt(T *owned) { return GObjectPtr(owned); }
    static GObjectPtr ref(T *borrowed)
    {
        if (borrowed)
            g_object_ref(borrowed);
        return GObjectPtr(borrowed);
    }

    [[nodiscard]] T *get() const { return m_ptr.get(); }
    explicit operator bool() const { return m_ptr != nullptr; }

private:
    explicit GObjectPtr(T *p)
        : m_ptr(p)
    {}
    std::unique_ptr<T, GObjectUnref> m_ptr;
};

struct GFree {
    void operator()(gpointer p) const { g_free(p); }
};
/// Owns a string GLib allocated (a non-const char* result).
using GCharPtr = std::unique_ptr<char, GFree>;

} // namespace poplar::mime
