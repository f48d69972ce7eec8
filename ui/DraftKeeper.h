// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/MessageBuilder.h"

#include <QObject>

#include <functional>

class QTimer;

namespace poplar::smtp {
class OutboxController;
}

namespace poplar::ui {

/// Keeps what is being written in Drafts: a few seconds after the first change not yet
/// saved, the message (as `snapshot` gives it) is saved in the cache through the sending
/// thread, replacing the copy saved before, so a crash loses at most those few seconds.
/// One save at a time: a change during a save is saved after it. GUI thread.
class DraftKeeper : public QObject {
    Q_OBJECT

public:
    /// How long after a change the draft is saved.
    static constexpr int autosaveMs = 3000;

    /// `snapshot` gives the account id and the message as it stands. `draftId` is the
    /// draft being edited again (0: a new message).
    DraftKeeper(smtp::OutboxController &outbox,
                std::function<std::pair<QString, mime::OutgoingMessage>()> snapshot,
                qint64 draftId = 0, QObject *parent = nullptr);

    /// The message changed: it is saved in a few seconds.
    void touch();
    /// Saves now (when there is something new to save).
    void saveNow();
    /// A change not yet in the cache (being saved counts as not yet).
    [[nodiscard]] bool hasUnsavedChanges() const { return m_dirty || m_saving; }
    /// A change no save has taken yet.
    [[nodiscard]] bool isDirty() const { return m_dirty; }
    /// The draft in the cache now (0: none yet).
    [[nodiscard]] qint64 draftId() const { return m_draftId; }
    /// Once no save is under way (at once when none is), runs `then` with the draft id.
    /// Nothing is autosaved after this is called: the caller is taking the message over.
    void whenSettled(std::function<void(qint64 draftId)> then);
    /// Autosaves again after whenSettled() (the caller could not take the message over).
    void resume();

Q_SIGNALS:
    void saved(qint64 draftId);
    void failed(const QString &message);

private:
    void save();
    void onSaved(quint64 request, qint64 id, const QString &error);

    smtp::OutboxController &m_outbox;
    std::function<std::pair<QString, mime::OutgoingMessage>()> m_snapshot;
    QTimer *m_timer;
    qint64 m_draftId = 0;
    quint64 m_request = 0; ///< the save under way; 0 when none
    bool m_saving = false;
    bool m_dirty = false;
    bool m_stopped = false;
    std::function<void(qint64)> m_settled;
};

} // namespace poplar::ui
