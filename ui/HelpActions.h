// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace poplar {
class Profile;
}

namespace poplar::ui {

/// Help ▸ About Poplar (version, licence, where the profile lives) and Help ▸ Getting
/// Started (the first steps, in a few sentences). GUI thread; `profile` must outlive it.
class HelpActions : public QObject {
    Q_OBJECT

public:
    HelpActions(const Profile &profile, QWidget *window);

    [[nodiscard]] QAction *aboutAction() const { return m_about; }
    [[nodiscard]] QAction *gettingStartedAction() const { return m_gettingStarted; }

    /// What About Poplar says, as rich text (the paths escaped).
    [[nodiscard]] static QString aboutText(const Profile &profile);
    /// What Getting Started says, as rich text.
    [[nodiscard]] static QString gettingStartedText();

private:
    void showAbout();
    void showGettingStarted();

    const Profile &m_profile;
    QWidget *m_window = nullptr;
    QAction *m_about = nullptr;
    QAction *m_gettingStarted = nullptr;
};

} // namespace poplar::ui
