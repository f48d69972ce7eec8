// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboxBar.h"

#include "CacheTask.h"

#include "accounts/AccountStore.h"
#include "smtp/OutboxController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>

namespace poplar::ui {

using store::OutgoingRecord;
using store::OutgoingState;

OutboxBar::OutboxBar(smtp::OutboxController &outbox, AccountStore &accounts, QString cachePath,
                     QWidget *parent)
    : QFrame(parent)
    , m_outbox(outbox)
    , m_accounts(accounts)
    , m_cachePath(std::move(cachePath))
{
    setObjectName(QStringLiteral("outboxBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(
        QIcon::fromTheme(QStringLiteral("mail-send"), style()->standardIcon(QStyle::SP_ArrowRight))
            .pixmap(size, size));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("outboxText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // the server's words are untrusted
    m_sendNow = new QPushButton(tr("Send &Now"), this);
    m_sendNow->setObjectName(QStringLiteral("sendNowButton"));
    m_retry = new QPushButton(tr("&Try Again"), this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_discard = new QPushButton(tr("&Discard"), this);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_discard->setToolTip(tr("Delete this message without sending it"));
    connect(m_sendNow, &QPushButton::clicked, this, &OutboxBar::sendNow);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        for (qint64 id : m_selection)
            m_outbox.retry(id);
        sendNow();
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        for (qint64 id : m_selection)
            m_outbox.discard(id);
    });
    connect(&m_outbox, &smtp::OutboxController::edited, this,
            [this](quint64, qint64, const Error &error) {
                if (!error.detail.isEmpty())
                    Q_EMIT failed(error.message());
                refresh();
            });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_discard);
    layout->addWidget(m_sendNow);
    hide();
}

void OutboxBar::setFolder(const QString &accountId, store::Folder folder)
{
    m_accountId = accountId;
    m_folder = folder;
    m_selection.clear();
    if (folder == store::Folder::Outbox && !accountId.isEmpty())
        refresh();
    showState();
}

void OutboxBar::setSelection(const QList<qint64> &ids)
{
    m_selection = ids;
    showState();
}

void OutboxBar::refresh()
{
    const quint64 read = ++m_reads;
    runOnCache<QList<OutgoingRecord>>(
        this, m_cachePath,
        [](const QSqlDatabase &db) { return store::OutboxStore(db).records(false); },
        [this, read](Result<QList<OutgoingRecord>> records) {
            if (read != m_reads)
                return; // a later read is under way
            if (!records) {
                Q_EMIT failed(records.error().message());
                return;
            }
            m_records.clear();
            for (const OutgoingRecord &r : records.value())
                m_records.insert(r.messageId, r);
            showState();
            Q_EMIT refreshed();
        });
}

std::optional<OutgoingRecord> OutboxBar::record(qint64 id) const
{
    const auto it = m_records.constFind(id);
    return it == m_records.constEnd() ? std::nullopt : std::optional(*it);
}

QString OutboxBar::describe(const OutgoingRecord &r)
{
    QString why = r.lastError;
    if (!r.serverText.isEmpty())
        why = tr("%1 (the server said: %2)").arg(why, r.serverText);
    QString text;
    switch (r.state) {
    case OutgoingState::Sending:
        text = tr("Being sent now.");
        break;
    case OutgoingState::Failed:
        text = tr("The server refused this message: %1. It stays here until you try again or "
                  "discard it.")
                   .arg(why);
        break;
    case OutgoingState::Queued:
    case OutgoingState::Sent:
        if (r.attempts == 0 && why.isEmpty()) {
            text = tr("Waits to be sent.");
        } else if (r.nextAttempt.isValid() && r.nextAttempt > QDateTime::currentDateTimeUtc()) {
            text = tr("Not sent yet: %1. Next attempt at %2, or at the next check.")
                       .arg(why, QLocale().toString(r.nextAttempt.toLocalTime().time(),
                                                    QLocale::ShortFormat));
        } else {
            text = tr("Not sent yet: %1. It goes at the next chance.").arg(why);
        }
        break;
    }
    if (r.maybeSent)
        text += QLatin1Char(' ') +
                tr("It may have arrived already: the connection dropped after the whole "
                   "message had gone out, so sending it again may deliver it twice.");
    return text;
}

void OutboxBar::showState()
{
    QList<OutgoingRecord> mine;
    for (const OutgoingRecord &r : std::as_const(m_records)) {
        if (r.accountId == m_accountId)
            mine.append(r);
    }
    if (m_folder != store::Folder::Outbox || m_accountId.isEmpty() || mine.isEmpty()) {
        hide();
        return;
    }
    QList<OutgoingRecord> chosen;
    for (qint64 id : m_selection) {
        if (const auto r = record(id); r && r->accountId == m_accountId)
            chosen.append(*r);
    }
    const bool refused = std::any_of(chosen.begin(), chosen.end(), [](const OutgoingRecord &r) {
        return r.state == OutgoingState::Failed;
    });
    const bool waiting = std::any_of(chosen.begin(), chosen.end(), [](const OutgoingRecord &r) {
        return r.state != OutgoingState::Sending;
    });
    if (chosen.size() == 1) {
        m_text->setText(describe(chosen.first()));
    } else {
        const int failed = int(std::count_if(mine.begin(), mine.end(), [](const auto &r) {
            return r.state == OutgoingState::Failed;
        }));
        QString text = mine.size() == 1 ? tr("1 message waits to be sent.")
                                        : tr("%1 messages wait to be sent.").arg(mine.size());
        if (failed == 1)
            text += QLatin1Char(' ') + tr("The server refused one of them; select it to see why.");
        else if (failed > 1)
            text += QLatin1Char(' ') +
                    tr("The server refused %1 of them; select one to see why.").arg(failed);
        m_text->setText(text);
    }
    m_retry->setVisible(refused);
    m_discard->setVisible(waiting && !chosen.isEmpty());
    const auto account = m_accounts.account(m_accountId);
    m_sendNow->setEnabled(account && account->canSend());
    show();
}

void OutboxBar::sendNow()
{
    const auto account = m_accounts.account(m_accountId);
    if (!account)
        return;
    m_outbox.sendWaiting({*account}, true);
}

} // namespace poplar::ui
