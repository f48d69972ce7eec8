// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QToolButton;

namespace poplar::ui {

/// The status bar's view of the syncs that run: one entry per account, with messages and
/// bytes done of the total and a button that stops that account's sync (what was received
/// is kept). Hidden while nothing runs. GUI thread.
class SyncProgressPanel : public QWidget {
    Q_OBJECT

public:
    explicit SyncProgressPanel(QWidget *parent = nullptr);

    void accountStarted(const QString &accountId, const QString &name);
    void accountProgress(const QString &accountId, int done, int total, qint64 bytesDone,
                         qint64 bytesTotal);
    /// Shows the countdown to a login the server's LOGIN-DELAY allows.
    void accountWaiting(const QString &accountId, int secondsLeft);
    void accountFinished(const QString &accountId);
    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }

    /// What the entry says, as the user reads it (tests, accessibility).
    [[nodiscard]] QString entryText(const QString &accountId) const;
    /// The entry's cancel button, or null.
    [[nodiscard]] QToolButton *cancelButton(const QString &accountId) const;
    [[nodiscard]] QProgressBar *progressBar(const QString &accountId) const;

    /// "1.2 MB of 3.4 MB, 12 of 40 messages" and the like.
    [[nodiscard]] static QString progressText(int done, int total, qint64 bytesDone,
                                              qint64 bytesTotal);

Q_SIGNALS:
    void cancelRequested(const QString &accountId);

private:
    struct Entry {
        QWidget *box = nullptr;
        QLabel *label = nullptr;
        QProgressBar *bar = nullptr;
        QToolButton *cancel = nullptr;
        QString name;
    };

    QHBoxLayout *m_layout = nullptr;
    QHash<QString, Entry> m_entries;
};

} // namespace poplar::ui
