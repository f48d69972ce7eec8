// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncProgressPanel.h"

#include "util/DataSize.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace poplar::ui {

namespace {

// A QProgressBar counts in int: byte counts are scaled to this many steps.
constexpr int byteSteps = 1000;

} // namespace

SyncProgressPanel::SyncProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("syncProgressPanel"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    hide();
}

QString SyncProgressPanel::progressText(int done, int total, qint64 bytesDone, qint64 bytesTotal)
{
    const QLocale locale;
    const QString messages =
        tr("%1 of %2 messages").arg(locale.toString(done), locale.toString(total));
    if (bytesTotal <= 0)
        return messages;
    return tr("%1 of %2, %3")
        .arg(dataSizeText(bytesDone, locale), dataSizeText(bytesTotal, locale), messages);
}

void SyncProgressPanel::accountStarted(const QString &accountId, const QString &name)
{
    if (m_entries.contains(accountId))
        return;
    Entry e;
    e.name = name;
    e.box = new QWidget(this);
    e.box->setObjectName(QStringLiteral("syncEntry-%1").arg(accountId));
    auto *row = new QHBoxLayout(e.box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    e.label = new QLabel(tr("%1: connecting…").arg(name), e.box);
    e.bar = new QProgressBar(e.box);
    e.bar->setRange(0, 0); // busy until the server has said how much there is
    e.bar->setTextVisible(false);
    e.bar->setMaximumWidth(120);
    e.bar->setMaximumHeight(e.label->sizeHint().height());
    e.cancel = new QToolButton(e.box);
    e.cancel->setObjectName(QStringLiteral("cancelSync"));
    e.cancel->setAutoRaise(true);
    e.cancel->setIcon(QIcon::fromTheme(QStringLiteral("process-stop"),
                                       style()->standardIcon(QStyle::SP_BrowserStop)));
    e.cancel->setToolTip(tr("Stop checking %1 (what was received is kept)").arg(name));
    e.cancel->setAccessibleName(tr("Stop"));
    connect(e.cancel, &QToolButton::clicked, this, [this, accountId] {
        if (auto it = m_entries.constFind(accountId); it != m_entries.constEnd()) {
            it->cancel->setEnabled(false); // once is enough; the sync ends shortly
            it->label->setText(tr("%1: stopping…").arg(it->name));
        }
        Q_EMIT cancelRequested(accountId);
    });
    row->addWidget(e.label);
    row->addWidget(e.bar);
    row->addWidget(e.cancel);
    m_layout->addWidget(e.box);
    m_entries.insert(accountId, e);
    show();
}

void SyncProgressPanel::accountProgress(const QString &accountId, int done, int total,
                                        qint64 bytesDone, qint64 bytesTotal)
{
    const auto it = m_entries.constFind(accountId);
    if (it == m_entries.constEnd() || !it->cancel->isEnabled())
        return;
    if (bytesTotal > 0) {
        it->bar->setRange(0, byteSteps);
        it->bar->setValue(int(std::min(bytesDone, bytesTotal) * byteSteps / bytesTotal));
    } else {
        it->bar->setRange(0, std::max(total, 1));
        it->bar->setValue(std::min(done, total));
    }
    it->label->setText(
        tr("%1: %2").arg(it->name, progressText(done, total, bytesDone, bytesTotal)));
}

void SyncProgressPanel::accountWaiting(const QString &accountId, int secondsLeft)
{
    const auto it = m_entries.constFind(accountId);
    if (it == m_entries.constEnd() || !it->cancel->isEnabled())
        return;
    it->label->setText(
        secondsLeft == 1
            ? tr("%1: the server allows the next login in 1 second…").arg(it->name)
            : tr("%1: the server allows the next login in %n seconds…", nullptr, secondsLeft)
                  .arg(it->name));
}

void SyncProgressPanel::accountFinished(const QString &accountId)
{
    const Entry e = m_entries.take(accountId);
    if (e.box) {
        // Later: this may run inside the entry's own cancel click (a sync stopped while
        // its password was still being fetched ends at once).
        e.box->hide();
        e.box->deleteLater();
    }
    if (m_entries.isEmpty())
        hide();
}

QString SyncProgressPanel::entryText(const QString &accountId) const
{
    const auto it = m_entries.constFind(accountId);
    return it == m_entries.constEnd() ? QString() : it->label->text();
}

QToolButton *SyncProgressPanel::cancelButton(const QString &accountId) const
{
    const auto it = m_entries.constFind(accountId);
    return it == m_entries.constEnd() ? nullptr : it->cancel;
}

QProgressBar *SyncProgressPanel::progressBar(const QString &accountId) const
{
    const auto it = m_entries.constFind(accountId);
    return it == m_entries.constEnd() ? nullptr : it->bar;
}

} // namespace poplar::ui
