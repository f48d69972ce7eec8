// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BodyDocument.h"
#include "MailImageDecoder.h"
#include "mime/RenderedMessage.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QTemporaryDir;
class QToolButton;
class QTreeWidget;

namespace poplar::mime {
class BodyResources;
}

namespace poplar::ui {

class BodyDocument;

namespace detail {
class MessageBrowser;
}

/// Shows one message: a header block (subject, from, to, date in local time), the body as
/// sanitized HTML (plain text bodies as escaped text with links and quote colours), and the
/// attachments. GUI thread; the MIME parsing runs on the thread pool, so a large or hostile
/// message never blocks the window. Nothing in a message can reach out by itself: remote
/// images wait for "Load remote content", links open in the system browser only on click
/// and show their real target first.
class MessageView : public QWidget {
    Q_OBJECT

public:
    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

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
    /// The sanitized HTML the body shows.
    [[nodiscard]] QString bodyHtml() const { return m_message.htmlBody; }
    /// The real target of the link under the mouse, as the status line shows it.
    [[nodiscard]] QString linkTarget() const;
    [[nodiscard]] bool remoteContentAllowed() const { return m_remoteAllowed; }
    /// The shown message's From failed the receiving server's checks (a warning shows).
    [[nodiscard]] bool senderUnverified() const { return m_senderUnverified; }
    /// The decoder of the shown message's images (what they cost; a test hook).
    [[nodiscard]] const MailImageDecoder &imageDecoder() const { return m_images; }
    /// A message is being parsed and its body built off the GUI thread; "Loading…" shows
    /// when that takes longer than a moment.
    [[nodiscard]] bool isLoading() const { return m_loading; }

    /// What the "Load remote content" button does: renders this message again with its
    /// remote resources kept (for this message only) and fetches its images.
    void loadRemoteContent();

    [[nodiscard]] const QList<mime::AttachmentInfo> &attachments() const
    {
        return m_message.attachments;
    }
    /// Writes attachment `index` to `path` (a path the user chose); returns it, or empty.
    QString saveAttachment(int index, const QString &path);
    /// Writes every attachment into `folder` under a safe, unique name; returns the paths.
    QStringList saveAllAttachments(const QString &folder);
    /// A copy of attachment `index` in a private temporary folder, under a safe name: what
    /// Open hands to the desktop. Empty on failure.
    QString temporaryCopy(int index);
    /// Opens attachment `index` with the desktop's application for its type.
    void openAttachment(int index);

    /// Of multipart/alternative, show the plain text rather than the HTML (a setting);
    /// applies from the next message shown.
    void setPreferPlainText(bool plain) { m_preferPlain = plain; }

    /// Senders (addresses, any case) whose remote content loads without asking.
    void setTrustedSenders(const QSet<QString> &addresses);
    [[nodiscard]] QSet<QString> trustedSenders() const { return m_trustedSenders; }
    /// What "Always for this sender" does: trusts the shown message's sender and loads;
    /// nothing when the receiving server's DKIM/SPF/DMARC checks of that sender failed.
    void trustSender();

    /// What opens a clicked link or an attachment copy; QDesktopServices::openUrl unless a
    /// test puts something else here.
    void setUrlOpener(std::function<bool(const QUrl &)> opener);
    /// What asks the user before an attachment that could run code is opened (given its
    /// name; true means open it): a warning dialog unless a test puts something else here.
    void setOpenConfirmer(std::function<bool(const QString &)> confirm);
    /// What tells the user that no application opens an attachment (given its name and
    /// type; true means save it instead): a dialog unless a test puts something else here.
    void setSaveOffer(std::function<bool(const QString &, const QString &)> offer);

    /// The message shown, as rendered (empty when none is).
    [[nodiscard]] const mime::RenderedMessage &shownMessage() const { return m_message; }
    /// Its images as they are shown (its own parts; remote ones only once loaded), for a
    /// printout of what is on screen.
    [[nodiscard]] BodyDocument::Resolver shownImages() const;

Q_SIGNALS:
    /// The message `id` is now on screen.
    void rendered(qint64 id);
    /// No message is shown any more.
    void cleared();
    /// The user trusted `address` with remote content; the settings may keep it.
    void senderTrusted(const QString &address);

private:
    friend class detail::MessageBrowser;

    void render(qint64 id, const QByteArray &raw, bool allowRemote);
    void display(const mime::RenderedMessage &message, std::unique_ptr<BodyDocument> body);
    /// Builds the shown message's body again off the GUI thread (a remote image arrived).
    void rebuildBody();
    void setBody(std::unique_ptr<BodyDocument> body);
    void setLoading(bool loading);
    void showAttachments();
    void linkClicked(const QUrl &url);
    void linkHovered(const QUrl &url);
    int currentAttachment() const;
    void saveCurrent();
    /// Asks where to save attachment `index`, and saves it there.
    void saveAs(int index);
    void saveAll();
    /// For the body: an inline (cid:) part, or a remote image once loading is allowed.
    QVariant resource(const QUrl &url);
    static QString joinAddresses(const QList<mime::MailAddress> &addresses);
    /// The Authentication-Results checks of the From address that failed (any thread).
    static QStringList senderChecksFailed(const QByteArray &raw, const QString &fromAddress);
    static QString unverifiedSenderText(const QStringList &failedChecks);

    QWidget *m_header = nullptr;
    QLabel *m_subject = nullptr;
    QString m_subjectText; // as shown, without the break hints the label carries
    QLabel *m_from = nullptr;
    QLabel *m_toCaption = nullptr;
    QLabel *m_to = nullptr;
    QLabel *m_ccCaption = nullptr;
    QLabel *m_cc = nullptr;
    QLabel *m_date = nullptr;
    QLabel *m_notice = nullptr;
    QWidget *m_remoteBar = nullptr;
    QLabel *m_remoteText = nullptr;
    QPushButton *m_remoteButton = nullptr;
    QPushButton *m_trustButton = nullptr;
    QWidget *m_attachmentBox = nullptr;
    QTreeWidget *m_attachmentList = nullptr;
    QToolButton *m_open = nullptr;
    QToolButton *m_save = nullptr;
    QToolButton *m_saveAll = nullptr;
    detail::MessageBrowser *m_body = nullptr;
    QLabel *m_linkTarget = nullptr;
    QLabel *m_loadingLabel = nullptr;
    BodyDocument *m_document = nullptr; ///< the body shown; a child of m_body
    bool m_loading = false;

    qint64 m_messageId = 0;
    quint64 m_generation = 0; ///< bumped on each request; older results are stale
    QByteArray m_raw;
    mime::RenderedMessage m_message;
    bool m_remoteAllowed = false;
    bool m_preferPlain = false;
    bool m_senderUnverified = false; ///< DKIM/SPF/DMARC failed for the shown From
    QSet<QString> m_trustedSenders;
    mime::BodyResources *m_resources = nullptr;
    MailImageDecoder m_images;     ///< every body image becomes pixels here
    QHash<QUrl, QImage> m_decoded; ///< this message's, decoded once (a relayout asks again)
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::function<bool(const QUrl &)> m_openUrl;
    std::function<bool(const QString &)> m_confirmOpen;
    std::function<bool(const QString &, const QString &)> m_offerSave;
};

} // namespace poplar::ui
