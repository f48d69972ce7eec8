// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace poplar::ui {

/// What happens when the cache will not open because it looks damaged: Poplar checks it
/// (store::CacheCheck, on a pool thread while a busy dialog shows), says what the check
/// found, and asks whether to move the file aside and start with an empty cache. GUI
/// thread, before the main window exists.
class DamagedCachePrompt {
    Q_DECLARE_TR_FUNCTIONS(poplar::ui::DamagedCachePrompt)

public:
    /// The error the open gave and what a check of the file finds, as the question shows
    /// them. Reads the whole file: call it off the GUI thread.
    [[nodiscard]] static QString findings(const QString &cachePath, const QString &openError);
    /// Checks, then asks. True when the user chose to move the damaged file aside.
    [[nodiscard]] static bool ask(const QString &cachePath, const QString &openError);
};

} // namespace poplar::ui
