// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThemedIcon.h"

#include <QFile>

namespace poplar::ui {

namespace {

QString fallbackPath(const QString &name)
{
    return QStringLiteral(":/icons/fallback/%1.svg").arg(name);
}

} // namespace

bool hasFallbackIcon(const QString &name)
{
    return !name.isEmpty() && QFile::exists(fallbackPath(name));
}

QIcon themedIcon(const QStringList &names)
{
    for (const QString &name : names) {
        if (!name.isEmpty() && QIcon::hasThemeIcon(name))
            return QIcon::fromTheme(name);
    }
    for (const QString &name : names) {
        if (hasFallbackIcon(name))
            return QIcon(fallbackPath(name));
    }
    return {};
}

} // namespace poplar::ui
