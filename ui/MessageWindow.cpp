// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageWindow.h"

#include "MessageView.h"
#include "ReadingPreferences.h"

#include "mime/MessageRenderer.h"
#include "mime/TextLimits.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace poplar::ui {

MessageWindow::MessageWindow(qint64 id, const QByteArray &raw, const QString &origin,
                             ReadingPreferences *preferences, QWidget *parent)
    : QMainWindow(parent, Qt::Window)
    , m_raw(raw)
    , m_id(id)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("messageWindow"));
    m_view = new MessageView(this);
    setCentralWidget(m_view);
    if (preferences)
        preferences->apply(m_view); // before showMessage(): the choices apply when it renders

    const QString subject = mime::MessageRenderer::headers(raw).subject;
    const QString title = subject.isEmpty() ? tr("(no subject)") : mime::shownSubject(subject);
    setWindowTitle(origin.isEmpty() ? title : tr("%1 — %2").arg(title, origin));

    QMenu *messageMenu = m_messageMenu = menuBar()->addMenu(tr("&Message"));
    QAction *source =
        messageMenu->addAction(tr("View &Source"), this, qOverload<>(&MessageWindow::showSource));
    source->setObjectName(QStringLiteral("viewSourceAction"));
    source->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    messageMenu->addSeparator();
    QAction *close = messageMenu->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);

    m_view->showMessage(id > 0 ? id : -1, raw);
    resize(820, 680);
}

MessageWindow *MessageWindow::openFile(const QString &path, QString *error,
                                       ReadingPreferences *preferences, QWidget *parent)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(name, file.errorString());
        return nullptr;
    }
    if (file.size() > maxFileBytes) {
        if (error)
            *error = tr("%1 is too large to be a message (%2 MB; the limit is %3 MB)")
                         .arg(name)
                         .arg(file.size() / (1024 * 1024))
                         .arg(maxFileBytes / (1024 * 1024));
        return nullptr;
    }
    const QByteArray raw = file.read(maxFileBytes + 1);
    if (raw.isEmpty()) {
        if (error)
            *error = file.error() != QFileDevice::NoError
                         ? tr("Cannot read %1: %2").arg(name, file.errorString())
                         : tr("%1 is empty").arg(name);
        return nullptr;
    }
    auto *window = new MessageWindow(0, raw, name, preferences, parent);
    window->show();
    return window;
}

void MessageWindow::showSource()
{
    showSource(m_raw, windowTitle(), this);
}

void MessageWindow::showSource(const QByteArray &raw, const QString &title, QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("sourceDialog"));
    dialog->setWindowTitle(tr("Source of %1").arg(mime::shownSubject(title)));
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("sourceText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Headers are ASCII or UTF-8 in practice; invalid bytes show as replacement characters
    // instead of being guessed at. The bytes themselves are what File > Save As writes.
    text->setPlainText(QString::fromUtf8(raw));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(760, 600);
    dialog->show();
}

} // namespace poplar::ui
