// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeProgress.h"

#include "CacheChangeQueue.h"
#include "SyncProgressPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>

namespace poplar::ui {

namespace {

// A QProgressBar counts in int: message counts are scaled to this many steps.
constexpr int barSteps = 1000;

} // namespace

ChangeProgress::ChangeProgress(CacheChangeQueue *queue, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_showLater(new QTimer(this))
{
    setObjectName(QStringLiteral("changeProgress"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    m_bar->setRange(0, 0); // busy until the first part is done
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(120);
    m_bar->setMaximumHeight(m_label->sizeHint().height());
    row->addWidget(m_label);
    row->addWidget(m_bar);
    m_showLater->setSingleShot(true);
    m_showLater->setInterval(showAfterMs);
    connect(m_showLater, &QTimer::timeout, this, &QWidget::show);
    connect(queue, &CacheChangeQueue::started, this, &ChangeProgress::started);
    connect(queue, &CacheChangeQueue::progress, this, &ChangeProgress::progressed);
    connect(queue, &CacheChangeQueue::idle, this, &ChangeProgress::idle);
    hide();
}

QString ChangeProgress::text() const
{
    return m_label->text();
}

void ChangeProgress::started(const QString &description)
{
    m_description = description;
    m_done = 0;
    m_total = 0;
    m_bar->setRange(0, 0);
    updateText();
    if (isHidden() && !m_showLater->isActive())
        m_showLater->start();
}

void ChangeProgress::progressed(qint64 done, qint64 total)
{
    m_done = done;
    m_total = total;
    if (total > 0) {
        m_bar->setRange(0, barSteps);
        m_bar->setValue(int(std::min(done, total) * barSteps / total));
    }
    updateText();
}

void ChangeProgress::idle()
{
    m_showLater->stop();
    m_description.clear();
    m_label->clear();
    hide();
}

void ChangeProgress::updateText()
{
    if (m_total <= 0) {
        m_label->setText(tr("%1…").arg(m_description));
        return;
    }
    m_label->setText(tr("%1: %2").arg(
        m_description, SyncProgressPanel::progressText(int(m_done), int(m_total), 0, 0)));
}

} // namespace poplar::ui
