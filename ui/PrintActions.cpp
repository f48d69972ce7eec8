// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrintActions.h"

#include "MessagePrintout.h"
#include "MessageView.h"
#include "SaveLocation.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QtConcurrent>

namespace poplar::ui {

PrintActions::PrintActions(MessageView *view, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_view(view)
    , m_dialogParent(dialogParent)
{
    m_print = new QAction(QIcon::fromTheme(QStringLiteral("document-print")), tr("&Print…"), this);
    m_print->setShortcut(QKeySequence::Print);
    m_print->setStatusTip(tr("Print the message shown, with a preview first"));
    connect(m_print, &QAction::triggered, this, &PrintActions::print);
    m_exportPdf = new QAction(tr("Export as P&DF…"), this);
    m_exportPdf->setStatusTip(tr("Save the message shown as a PDF file"));
    connect(m_exportPdf, &QAction::triggered, this, &PrintActions::askExportPdf);
    connect(m_view, &MessageView::rendered, this, [this] { setAvailable(true); });
    connect(m_view, &MessageView::cleared, this, [this] { setAvailable(false); });
    setAvailable(m_view->messageId() > 0);
}

void PrintActions::setAvailable(bool available)
{
    m_print->setEnabled(available);
    m_exportPdf->setEnabled(available);
}

void PrintActions::setFileChooser(std::function<QString(const QString &)> choose)
{
    m_choose = std::move(choose);
}

void PrintActions::print()
{
    if (m_view->messageId() <= 0)
        return;
    auto *dialog = new QPrintPreviewDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Print Preview"));
    // A copy: the viewer may move on to another message while the preview is open.
    connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
            [message = m_view->shownMessage(), images = m_view->shownImages()](QPrinter *printer) {
                MessagePrintout::print(message, images, *printer);
            });
    dialog->open();
}

void PrintActions::askExportPdf()
{
    if (m_view->messageId() <= 0)
        return;
    const QString suggested = suggestedSavePath(m_view->shownMessage().headers.subject,
                                                tr("message"), QStringLiteral(".pdf"));
    const QString path = m_choose
                             ? m_choose(suggested)
                             : QFileDialog::getSaveFileName(m_dialogParent, tr("Export as PDF"),
                                                            suggested, tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

void PrintActions::exportPdf(const QString &path)
{
    if (m_view->messageId() <= 0)
        return;
    ++m_running;
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        --m_running;
        const Status written = watcher->result();
        if (!written)
            Q_EMIT failed(written.error().message());
        else
            Q_EMIT notice(tr("Saved the message as a PDF: %1").arg(QDir::toNativeSeparators(path)));
    });
    watcher->setFuture(
        QtConcurrent::run([message = m_view->shownMessage(), images = m_view->shownImages(), path] {
            return MessagePrintout::writePdf(message, images, path);
        }));
}

} // namespace poplar::ui
