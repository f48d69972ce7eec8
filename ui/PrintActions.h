// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace poplar::ui {

class MessageView;

/// File ▸ Print (Ctrl+P, with a preview) and Export as PDF of the message the viewer shows,
/// as it shows it (MessagePrintout): the remote images it has loaded, none it has not. The
/// PDF is laid out and written on a pool thread; the preview lays out the pages it shows.
class PrintActions : public QObject {
    Q_OBJECT

public:
    /// `view` must outlive this; `dialogParent` parents the dialogs and owns this.
    PrintActions(MessageView *view, QWidget *dialogParent);

    [[nodiscard]] QAction *printAction() const { return m_print; }
    [[nodiscard]] QAction *exportPdfAction() const { return m_exportPdf; }

    /// Opens the print preview (window-modal, not waited for); printing starts from there.
    void print();
    /// Writes the message shown to `path` as a PDF, off the GUI thread.
    void exportPdf(const QString &path);
    /// PDFs still being written.
    [[nodiscard]] int running() const { return m_running; }

    /// What asks for the PDF's file name (given a suggestion; empty means cancel): a file
    /// dialog unless a test puts something else here.
    void setFileChooser(std::function<QString(const QString &)> choose);

Q_SIGNALS:
    /// One line for the status bar.
    void notice(const QString &message);
    void failed(const QString &message);

private:
    void askExportPdf();
    void setAvailable(bool available);

    MessageView *m_view;
    QWidget *m_dialogParent;
    QAction *m_print = nullptr;
    QAction *m_exportPdf = nullptr;
    std::function<QString(const QString &)> m_choose;
    int m_running = 0;
};

} // namespace poplar::ui
