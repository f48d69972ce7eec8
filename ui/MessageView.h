// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/RenderedMessage.h"

#include <QByteArray>
#include <QWidget>

class QLabel;
class QTextBrowser;

namespace poplar::ui {

/// Shows one message: a header block (subject, from, to, date in local time), the body as
/// plain text, and the attachment names. GUI thread; the MIME parsing runs on the thread
/// pool, so a large or hostile message never blocks the window. Nothing in a message can
/// reach out: the body is plain text, links do not open and no resource is loaded.
class MessageView : public QWidget {
    Q_OBJECT

public:
    explicit MessageView(QWidget *parent = nullptr);

    /// Parses `raw` off the GUI thread and shows it when done. A result for a message that
    /// is no longer the one asked for is dropped.
    void showMessage(qint64 id, const QByteArray &raw);
    /// Shows nothing, and drops any parse still running.
    void clear();

    /// The message shown or being parsed; 0 when none.
    [[nodiscard]] qint64 messageId() const { return m_messageId; }
    [[nodiscard]] QString subjectText() const;
    [[nodiscard]] QString bodyText() const;
    [[nodiscard]] QString attachmentText() const;

Q_SIGNALS:
    /// The message `id` is now on screen.
    void rendered(qint64 id);

private:
    void display(const mime::RenderedMessage &message);
    static QString joinAddresses(const QList<mime::MailAddress> &addresses);

    QWidget *m_header = nullptr;
    QLabel *m_subject = nullptr;
    QLabel *m_from = nullptr;
    QLabel *m_toCaption = nullptr;
    QLabel *m_to = nullptr;
    QLabel *m_ccCaption = nullptr;
    QLabel *m_cc = nullptr;
    QLabel *m_date = nullptr;
    QLabel *m_attachments = nullptr;
    QLabel *m_notice = nullptr;
    QTextBrowser *m_body = nullptr;
    qint64 m_messageId = 0;
    quint64 m_generation = 0; ///< bumped on each request; older results are stale
};

} // namespace poplar::ui
