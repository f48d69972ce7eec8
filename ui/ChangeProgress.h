// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace poplar::ui {

class CacheChangeQueue;

/// The status bar's word on a long change to the cache (CacheChangeQueue): what it does and
/// how far it is, as the sync's progress shows ("Emptying the Trash of Home: 4,000 of
/// 100,000 messages", and a bar). Shown only once a change has run for a moment, so a quick
/// one does not flash it; hidden again when the queue is idle. GUI thread.
class ChangeProgress : public QWidget {
    Q_OBJECT

public:
    /// `queue` must outlive this widget.
    explicit ChangeProgress(CacheChangeQueue *queue, QWidget *parent = nullptr);

    /// What the label says now (tests, accessibility); empty while nothing runs.
    [[nodiscard]] QString text() const;
    [[nodiscard]] QProgressBar *bar() const { return m_bar; }

    /// How long a change runs before it is shown.
    static constexpr int showAfterMs = 300;

private:
    void started(const QString &description);
    void progressed(qint64 done, qint64 total);
    void idle();
    void updateText();

    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QTimer *m_showLater = nullptr;
    QString m_description;
    qint64 m_done = 0;
    qint64 m_total = 0;
};

} // namespace poplar::ui
