// SPDX-License-Identifier: GPL-3.0-or-later
#include "DraftKeeper.h"

#include "smtp/OutboxController.h"

#include <QTimer>

namespace poplar::ui {

DraftKeeper::DraftKeeper(smtp::OutboxController &outbox,
                         std::function<std::pair<QString, mime::OutgoingMessage>()> snapshot,
                         qint64 draftId, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_snapshot(std::move(snapshot))
    , m_timer(new QTimer(this))
    , m_draftId(draftId)
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(autosaveMs);
    connect(m_timer, &QTimer::timeout, this, &DraftKeeper::save);
    connect(&m_outbox, &smtp::OutboxController::draftSaved, this,
            [this](quint64 request, qint64 id, const Error &error) {
                onSaved(request, id, id > 0 ? QString() : error.message());
            });
}

void DraftKeeper::touch()
{
    if (m_stopped)
        return;
    m_dirty = true;
    // Counted from the first change not saved: steady typing still saves every few seconds.
    if (!m_timer->isActive() && !m_saving)
        m_timer->start();
}

void DraftKeeper::saveNow()
{
    if (m_stopped || !m_dirty || m_saving)
        return;
    m_timer->stop();
    save();
}

void DraftKeeper::save()
{
    if (m_stopped || !m_dirty)
        return;
    if (m_saving) {
        return; // onSaved() saves again: the change came during this save
    }
    const auto [accountId, message] = m_snapshot();
    m_dirty = false;
    m_saving = true;
    m_request = m_outbox.saveDraft(accountId, message, m_draftId);
}

void DraftKeeper::onSaved(quint64 request, qint64 id, const QString &error)
{
    if (request != m_request)
        return;
    m_request = 0;
    m_saving = false;
    if (id > 0) {
        m_draftId = id;
        Q_EMIT saved(id);
    } else {
        m_dirty = true; // still not saved
        Q_EMIT failed(error);
    }
    if (m_settled) {
        auto then = std::exchange(m_settled, {});
        then(m_draftId);
        return;
    }
    if (m_dirty && !m_stopped && !m_timer->isActive())
        m_timer->start();
}

void DraftKeeper::whenSettled(std::function<void(qint64)> then)
{
    m_timer->stop();
    m_stopped = true;
    if (!m_saving) {
        then(m_draftId);
        return;
    }
    m_settled = std::move(then);
}

void DraftKeeper::resume()
{
    m_stopped = false;
    if (m_dirty && !m_saving)
        m_timer->start();
}

} // namespace poplar::ui
