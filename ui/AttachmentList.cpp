// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttachmentList.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeData>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace poplar::ui {

AttachmentList::AttachmentList(QWidget *parent)
    : QListWidget(parent)
{
    setAccessibleName(tr("Attachments"));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setAcceptDrops(true);
    setDropIndicatorShown(false);
}

void AttachmentList::setAttachments(const QList<mime::OutgoingAttachment> &attachments)
{
    clear();
    m_items.clear();
    for (const mime::OutgoingAttachment &a : attachments)
        append(a);
    Q_EMIT changed();
}

void AttachmentList::append(const mime::OutgoingAttachment &a)
{
    m_items.append(a);
    const QString size = QLocale().formattedDataSize(a.data.size(), 1, QLocale::DataSizeSIFormat);
    auto *item = new QListWidgetItem(tr("%1 (%2)").arg(a.fileName, size), this);
    item->setIcon(QFileIconProvider().icon(QFileInfo(a.fileName)));
    item->setToolTip(a.isMessage ? tr("The original message, attached as it is") : a.fileName);
}

void AttachmentList::addFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    struct Read {
        QList<mime::OutgoingAttachment> files;
        QStringList problems;
    };
    ++m_reading;
    auto *watcher = new QFutureWatcher<Read>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        --m_reading;
        const Read read = watcher->result();
        for (const mime::OutgoingAttachment &a : read.files)
            append(a);
        for (const QString &problem : read.problems)
            Q_EMIT failed(problem);
        Q_EMIT changed();
    });
    watcher->setFuture(QtConcurrent::run([paths] {
        Read read;
        for (const QString &path : paths) {
            QFile file(path);
            const QString name = QFileInfo(path).fileName();
            if (QFileInfo(path).isDir()) {
                read.problems.append(tr("%1 is a folder; only files can be attached").arg(name));
                continue;
            }
            if (file.size() > maxFileBytes) {
                read.problems.append(tr("%1 is too large to send by mail").arg(name));
                continue;
            }
            if (!file.open(QIODevice::ReadOnly)) {
                read.problems.append(tr("Cannot read %1: %2").arg(name, file.errorString()));
                continue;
            }
            read.files.append({name, {}, file.readAll(), false});
        }
        return read;
    }));
}

void AttachmentList::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && currentRow() >= 0)
        rows.append(currentRow());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows) {
        delete takeItem(row);
        m_items.removeAt(row);
    }
    Q_EMIT changed();
}

QStringList AttachmentList::localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

void AttachmentList::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        removeSelected();
        return;
    }
    QListWidget::keyPressEvent(event);
}

void AttachmentList::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void AttachmentList::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void AttachmentList::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(files);
}

} // namespace poplar::ui
