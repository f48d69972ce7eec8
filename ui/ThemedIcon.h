// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QStringList>

namespace poplar::ui {

/// The icon theme's icon for the first of `names` it has; when no theme is active or it has
/// none of them, Poplar's own drawing of the first name it ships one for (the clip and the
/// star must show on any desktop). The drawings live in the resources as
/// :/icons/fallback/<name>.svg. A null icon only when no name has either.
[[nodiscard]] QIcon themedIcon(const QStringList &names);

/// Whether Poplar ships its own drawing for that icon name.
[[nodiscard]] bool hasFallbackIcon(const QString &name);

} // namespace poplar::ui
