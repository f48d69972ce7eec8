// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QTranslator>

namespace poplar {

/// Qt's own words and Poplar's in one language, installed on the running application for as
/// long as this object lives. Poplar's catalogue is the :/i18n resource of the
/// poplar-translations library (resources/CMakeLists.txt), which every program links: the
/// window, poplarctl and the tests that look at translated text load the same words.
class Translations {
public:
    /// Installs the catalogues for `locale` (the user's language when not given). A language
    /// without a catalogue leaves the English source text.
    explicit Translations(const QLocale &locale = QLocale());
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;
    /// Uninstalls them (QTranslator's destructor does).
    ~Translations() = default;

    /// Whether Poplar's own catalogue for the language was found and installed.
    [[nodiscard]] bool poplarInstalled() const { return m_poplarInstalled; }

private:
    QTranslator m_qt;
    QTranslator m_poplar;
    bool m_poplarInstalled = false;
};

} // namespace poplar
