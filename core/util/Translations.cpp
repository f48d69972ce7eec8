// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace poplar {

Translations::Translations(const QLocale &locale)
{
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    if (m_poplar.load(locale, QStringLiteral("poplar"), QStringLiteral("_"),
                      QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&m_poplar);
        m_poplarInstalled = true;
    }
}

} // namespace poplar
