// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageView.h"

#include "BodyDocument.h"
#include "PlainToolTip.h"
#include "ThemedIcon.h"

#include "mime/AttachmentFiles.h"
#include "mime/BodyResources.h"
#include "mime/MailtoLink.h"
#include "mime/MessageRenderer.h"
#include "mime/SenderAuthentication.h"
#include "mime/TextLimits.h"
#include "util/DataSize.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPalette>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBoundaryFinder>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace poplar::ui {

namespace detail {

/// The body. Resources come only from the message (cid:, data:) or, once the user allowed
/// it for this message, from the net; never from local files, whatever the HTML says.
class MessageBrowser : public QTextBrowser {
public:
    MessageBrowser(MessageView *view, QWidget *parent)
        : QTextBrowser(parent)
        , m_view(view)
    {}

    QVariant loadResource(int type, const QUrl &name) override
    {
        // Never an invalid answer: for that, QTextDocument goes on to decode data: URLs and
        // to read local files itself.
        if (type != QTextDocument::ImageResource)
            return QVariant(QByteArray());
        return m_view->resource(name);
    }

protected:
    /// Our own tooltip only: a link's real target, as text. Qt's would show a title (HTML
    /// when it looks like HTML) that could come from the message.
    bool viewportEvent(QEvent *event) override
    {
        if (event->type() != QEvent::ToolTip)
            return QTextBrowser::viewportEvent(event);
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString anchor = anchorAt(help->pos());
        if (anchor.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), plainToolTip(QUrl(anchor).toDisplayString()),
                               viewport());
        return true;
    }

    /// What is copied is the message's text: without the break opportunities (U+200B)
    /// the sanitizer put into long words so that they lay out quickly.
    QMimeData *createMimeDataFromSelection() const override
    {
        auto *data = new QMimeData;
        QString text = textCursor().selection().toPlainText();
        data->setText(text.remove(mime::TextBreaker::zeroWidthSpace));
        return data;
    }

private:
    MessageView *m_view;
};

} // namespace detail

namespace {

/// A label for text that came from a message: never interpreted as HTML, selectable.
QLabel *contentLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

QToolButton *toolButton(const QString &objectName, const QString &text, const char *icon,
                        QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setIcon(themedIcon({QLatin1String(icon)}));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

/// The text with a zero-width space every few characters inside long runs without a space
/// (a file name, a URL, run-together words), so a word-wrapping label can break them instead
/// of cutting them off at its edge. Breaks fall between grapheme clusters only.
QString breakableText(const QString &text)
{
    constexpr int longestRun = 24;
    QString out;
    out.reserve(text.size() + text.size() / longestRun);
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    qsizetype start = 0;
    int run = 0;
    for (qsizetype end = graphemes.toNextBoundary(); end > 0; end = graphemes.toNextBoundary()) {
        const QStringView cluster = QStringView(text).mid(start, end - start);
        if (cluster.front().isSpace()) {
            run = 0;
        } else if (++run > longestRun) {
            out += QChar(0x200B);
            run = 1;
        }
        out += cluster;
        start = end;
    }
    return out;
}

QString sizeText(qint64 size)
{
    return dataSizeText(size);
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
    , m_confirmOpen([this](const QString &name) {
        return QMessageBox::warning(
                   this, tr("Open Attachment"),
                   tr("“%1” is a program or a script: opening it may run it, with your "
                      "rights. Open it only if you trust the sender and expected this file.")
                       .arg(name),
                   QMessageBox::Open | QMessageBox::Cancel,
                   QMessageBox::Cancel) == QMessageBox::Open;
    })
    , m_offerSave([this](const QString &name, const QString &type) {
        return QMessageBox::information(
                   this, tr("Open Attachment"),
                   tr("No application on this computer opens “%1” (%2). Save it instead?")
                       .arg(name, type),
                   QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save) == QMessageBox::Save;
    })
{
    m_header = new QFrame(this);
    m_header->setObjectName(QStringLiteral("messageHeader"));
    m_header->setAutoFillBackground(true);
    m_header->setBackgroundRole(QPalette::AlternateBase);

    m_subject = contentLabel(QStringLiteral("subjectLabel"), m_header);
    QFont subjectFont = m_subject->font();
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.35);
    subjectFont.setBold(true);
    m_subject->setFont(subjectFont);

    m_from = contentLabel(QStringLiteral("fromLabel"), m_header);
    m_to = contentLabel(QStringLiteral("toLabel"), m_header);
    m_cc = contentLabel(QStringLiteral("ccLabel"), m_header);
    m_date = contentLabel(QStringLiteral("dateLabel"), m_header);
    m_notice = contentLabel(QStringLiteral("noticeLabel"), m_header);
    QPalette noticePalette = m_notice->palette();
    noticePalette.setColor(QPalette::WindowText, QColor(0x8a, 0x5a, 0x00));
    m_notice->setPalette(noticePalette);

    auto *fields = new QFormLayout;
    fields->setContentsMargins(0, 0, 0, 0);
    fields->setHorizontalSpacing(12);
    fields->setVerticalSpacing(2);
    fields->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_toCaption = new QLabel(tr("To:"), m_header);
    m_ccCaption = new QLabel(tr("Cc:"), m_header);
    fields->addRow(tr("From:"), m_from);
    fields->addRow(m_toCaption, m_to);
    fields->addRow(m_ccCaption, m_cc);
    fields->addRow(tr("Date:"), m_date);

    // The bar that says what was held back, and lets the user have it for this message.
    m_remoteBar = new QFrame(m_header);
    m_remoteBar->setObjectName(QStringLiteral("remoteContentBar"));
    m_remoteText = new QLabel(m_remoteBar);
    m_remoteText->setObjectName(QStringLiteral("remoteContentText"));
    m_remoteButton = new QPushButton(tr("Load remote content"), m_remoteBar);
    m_remoteButton->setObjectName(QStringLiteral("loadRemoteContentButton"));
    m_trustButton = new QPushButton(tr("Always for This Sender"), m_remoteBar);
    m_trustButton->setObjectName(QStringLiteral("trustSenderButton"));
    auto *remoteLayout = new QHBoxLayout(m_remoteBar);
    remoteLayout->setContentsMargins(0, 0, 0, 0);
    remoteLayout->addWidget(m_remoteText, 1);
    remoteLayout->addWidget(m_remoteButton);
    remoteLayout->addWidget(m_trustButton);
    connect(m_remoteButton, &QPushButton::clicked, this, &MessageView::loadRemoteContent);
    connect(m_trustButton, &QPushButton::clicked, this, &MessageView::trustSender);

    m_attachmentBox = new QWidget(m_header);
    m_attachmentList = new QTreeWidget(m_attachmentBox);
    m_attachmentList->setObjectName(QStringLiteral("attachmentList"));
    m_attachmentList->setAccessibleName(tr("Attachments"));
    m_attachmentList->setColumnCount(2);
    m_attachmentList->setHeaderLabels({tr("Attachment"), tr("Size")});
    m_attachmentList->setRootIsDecorated(false);
    m_attachmentList->setMaximumHeight(110);
    m_attachmentList->header()->setStretchLastSection(false);
    m_attachmentList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_open =
        toolButton(QStringLiteral("openAttachment"), tr("Open"), "document-open", m_attachmentBox);
    m_save =
        toolButton(QStringLiteral("saveAttachment"), tr("Save…"), "document-save", m_attachmentBox);
    m_saveAll = toolButton(QStringLiteral("saveAllAttachments"), tr("Save All…"),
                           "document-save-all", m_attachmentBox);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addWidget(m_saveAll);
    buttons->addStretch();
    auto *attachmentLayout = new QHBoxLayout(m_attachmentBox);
    attachmentLayout->setContentsMargins(0, 0, 0, 0);
    attachmentLayout->addWidget(m_attachmentList, 1);
    attachmentLayout->addLayout(buttons);
    connect(m_open, &QToolButton::clicked, this, [this] { openAttachment(currentAttachment()); });
    connect(m_save, &QToolButton::clicked, this, &MessageView::saveCurrent);
    connect(m_saveAll, &QToolButton::clicked, this, &MessageView::saveAll);
    connect(m_attachmentList, &QTreeWidget::itemActivated, this,
            [this] { openAttachment(currentAttachment()); });

    auto *headerLayout = new QVBoxLayout(m_header);
    headerLayout->setContentsMargins(10, 8, 10, 8);
    headerLayout->setSpacing(6);
    headerLayout->addWidget(m_subject);
    headerLayout->addLayout(fields);
    headerLayout->addWidget(m_attachmentBox);
    headerLayout->addWidget(m_notice);
    headerLayout->addWidget(m_remoteBar);

    m_resources = new mime::BodyResources(this);
    m_body = new detail::MessageBrowser(this, this);
    m_body->setObjectName(QStringLiteral("messageBody"));
    m_body->setAccessibleName(tr("Message text"));
    // Links are ours to handle: shown first, opened outside only on a click.
    m_body->setOpenLinks(false);
    m_body->setOpenExternalLinks(false);
    m_body->setUndoRedoEnabled(false);
    m_body->setFrameShape(QFrame::NoFrame);
    m_body->setLineWrapMode(QTextEdit::WidgetWidth);
    m_body->document()->setDocumentMargin(10);
    m_body->setPlaceholderText(tr("Select a message to read it."));
    connect(m_body, &QTextBrowser::anchorClicked, this, &MessageView::linkClicked);
    connect(m_body, qOverload<const QUrl &>(&QTextBrowser::highlighted), this,
            &MessageView::linkHovered);
    // A remote image arrived: lay the body out again, now with it.
    connect(m_resources, &mime::BodyResources::fetched, this, &MessageView::rebuildBody);

    m_loadingLabel = new QLabel(tr("Loading…"), this);
    m_loadingLabel->setObjectName(QStringLiteral("loadingLabel"));
    m_loadingLabel->setContentsMargins(10, 6, 10, 6);
    m_loadingLabel->hide();

    m_linkTarget = new QLabel(this);
    m_linkTarget->setObjectName(QStringLiteral("linkTargetLabel"));
    m_linkTarget->setTextFormat(Qt::PlainText);
    m_linkTarget->setContentsMargins(10, 2, 10, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_loadingLabel);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_linkTarget);

    clear();
}

MessageView::~MessageView() = default;

void MessageView::showMessage(qint64 id, const QByteArray &raw)
{
    m_remoteAllowed = false;
    render(id, raw, false);
}

void MessageView::render(qint64 id, const QByteArray &raw, bool allowRemote)
{
    m_messageId = id;
    m_raw = raw;
    const quint64 generation = ++m_generation;
    setLoading(true);
    struct Rendered {
        mime::RenderedMessage message;
        std::unique_ptr<BodyDocument> body;
    };
    auto *watcher = new QFutureWatcher<Rendered>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, id] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer message was asked for meanwhile; its document goes too
        Rendered result = watcher->future().takeResult();
        display(result.message, std::move(result.body));
        Q_EMIT rendered(id);
    });
    mime::RenderOptions options;
    options.allowRemoteContent = allowRemote;
    options.preferHtml = !m_preferPlain;
    const QSet<QString> trusted = m_trustedSenders;
    const BodyLayout layout{m_body->font(), qreal(m_body->viewport()->width()), 10};
    QThread *gui = thread();
    watcher->setFuture(QtConcurrent::run([raw, options, trusted, layout, gui] {
        Rendered r;
        r.message = mime::MessageRenderer::render(raw, options);
        // Trust is for the sender, and a From line is easy to forge: a message the receiving
        // server could not verify as theirs gets a warning, and no remote content unasked.
        const QStringList failed = senderChecksFailed(raw, r.message.headers.from.address);
        // A trusted sender's remote content loads at once; the sender is known only now.
        if (r.message.remoteContentBlocked > 0 && failed.isEmpty() &&
            trusted.contains(r.message.headers.from.address.toLower())) {
            mime::RenderOptions allow = options;
            allow.allowRemoteContent = true;
            r.message = mime::MessageRenderer::render(raw, allow);
        }
        if (!failed.isEmpty())
            r.message.warnings.append(unverifiedSenderText(failed));
        // Parsing the HTML and decoding images is work for this thread too, not the GUI's.
        r.body = layOutBody(r.message, layout, inlineImageResolver(r.message.inlineResources), gui);
        return r;
    }));
}

void MessageView::rebuildBody()
{
    if (m_messageId == 0)
        return;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<std::unique_ptr<BodyDocument>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            setBody(watcher->future().takeResult());
    });
    const mime::RenderedMessage message = m_message;
    const BodyLayout layout{m_body->font(), qreal(m_body->viewport()->width()), 10};
    QThread *gui = thread();
    watcher->setFuture(QtConcurrent::run([message, layout, gui] {
        return layOutBody(message, layout, inlineImageResolver(message.inlineResources), gui);
    }));
}

void MessageView::setBody(std::unique_ptr<BodyDocument> body)
{
    if (!body)
        return;
    // Images the worker could not give (remote, missing) come from the view from now on.
    body->setResolver([this](const QUrl &url) { return resource(url); });
    body->setParent(m_body);
    BodyDocument *old = m_document;
    m_document = body.release();
    m_body->setDocument(m_document);
    delete old;
}

void MessageView::setLoading(bool loading)
{
    m_loading = loading;
    if (!loading) {
        m_loadingLabel->hide();
        return;
    }
    // Only when it takes long enough to notice: a quick message shows without a flash.
    const quint64 generation = m_generation;
    QTimer::singleShot(150, this, [this, generation] {
        if (m_loading && generation == m_generation)
            m_loadingLabel->show();
    });
}

void MessageView::loadRemoteContent()
{
    if (m_messageId == 0 || m_remoteAllowed)
        return;
    m_remoteAllowed = true;
    render(m_messageId, m_raw, true);
}

void MessageView::setTrustedSenders(const QSet<QString> &addresses)
{
    m_trustedSenders.clear();
    for (const QString &a : addresses)
        m_trustedSenders.insert(a.toLower());
}

QStringList MessageView::senderChecksFailed(const QByteArray &raw, const QString &fromAddress)
{
    return mime::failedSenderChecks(
        mime::MessageRenderer::headerValues(raw, "Authentication-Results"), fromAddress);
}

QString MessageView::unverifiedSenderText(const QStringList &failedChecks)
{
    return tr("The receiving server could not confirm that this message comes from its "
              "sender (%1 failed): the sender may be forged. Remote content does not load "
              "for it by itself.")
        .arg(failedChecks.join(QStringLiteral(", ")).toUpper());
}

void MessageView::trustSender()
{
    const QString address = m_message.headers.from.address.toLower();
    if (address.isEmpty() || m_senderUnverified)
        return; // a forged From would make everyone's mail from that address trusted
    m_trustedSenders.insert(address);
    Q_EMIT senderTrusted(address);
    loadRemoteContent();
}

BodyDocument::Resolver MessageView::shownImages() const
{
    // What the viewer decoded, then the message's own parts it has not decoded yet; a remote
    // image not loaded stays blank, as on screen.
    return [decoded = m_decoded,
            parts = inlineImageResolver(m_message.inlineResources)](const QUrl &url) -> QVariant {
        if (const auto it = decoded.constFind(url); it != decoded.cend())
            return *it;
        return parts(url);
    };
}

void MessageView::clear()
{
    ++m_generation;
    setLoading(false);
    m_messageId = 0;
    m_raw.clear();
    m_message = {};
    m_senderUnverified = false;
    m_remoteAllowed = false;
    m_resources->reset({}, false);
    m_images.reset();
    m_decoded.clear();
    m_subjectText.clear();
    for (QLabel *label : {m_subject, m_from, m_to, m_cc, m_date, m_notice, m_linkTarget})
        label->clear();
    m_attachmentList->clear();
    m_body->clear();
    m_header->hide();
    m_linkTarget->hide();
    Q_EMIT cleared();
}

QString MessageView::subjectText() const
{
    return m_subjectText;
}

QString MessageView::bodyText() const
{
    return m_body->toPlainText();
}

QString MessageView::attachmentText() const
{
    if (m_message.attachments.isEmpty())
        return {};
    QStringList names;
    for (int i = 0; i < m_attachmentList->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_attachmentList->topLevelItem(i);
        names.append(tr("%1 (%2)").arg(item->text(0), item->text(1)));
    }
    return tr("Attachments: %1").arg(names.join(QStringLiteral(", ")));
}

QString MessageView::linkTarget() const
{
    return m_linkTarget->text();
}

void MessageView::display(const mime::RenderedMessage &message, std::unique_ptr<BodyDocument> body)
{
    setLoading(false);
    m_message = message;
    // Rendered with remote content: asked for, or a trusted sender's.
    m_remoteAllowed =
        m_remoteAllowed || (message.remoteContentBlocked == 0 &&
                            m_trustedSenders.contains(message.headers.from.address.toLower()));
    m_resources->reset(message.inlineResources, m_remoteAllowed);
    m_images.reset();
    m_decoded.clear();
    const mime::MessageHeaders &h = message.headers;
    m_subjectText = h.subject.isEmpty() ? tr("(no subject)") : mime::shownSubject(h.subject);
    m_subject->setText(breakableText(m_subjectText));
    m_from->setText(h.from.display());
    m_to->setText(joinAddresses(h.to));
    m_cc->setText(joinAddresses(h.cc));
    m_toCaption->setVisible(!h.to.isEmpty());
    m_to->setVisible(!h.to.isEmpty());
    m_ccCaption->setVisible(!h.cc.isEmpty());
    m_cc->setVisible(!h.cc.isEmpty());
    m_date->setText(h.date.isValid() ? QLocale().toString(h.date.toLocalTime(), QLocale::LongFormat)
                                     : tr("(no date)"));
    showAttachments();

    QStringList notices;
    if (message.isSigned)
        notices.append(tr("This message is signed; the signature was not checked."));
    notices.append(message.warnings);
    m_notice->setText(notices.join(QLatin1Char('\n')));
    m_notice->setVisible(!notices.isEmpty());

    const int blocked = message.remoteContentBlocked;
    m_remoteText->setText(blocked == 1 ? tr("1 remote resource was not loaded, to protect your "
                                            "privacy.")
                                       : tr("%1 remote resources were not loaded, to protect "
                                            "your privacy.")
                                             .arg(blocked));
    m_remoteBar->setVisible(blocked > 0 && !m_remoteAllowed);
    m_senderUnverified = !senderChecksFailed(m_raw, h.from.address).isEmpty();
    m_trustButton->setEnabled(!h.from.address.isEmpty() && !m_senderUnverified);
    m_trustButton->setToolTip(m_senderUnverified
                                  ? tr("The sender could not be verified, so it cannot be "
                                       "trusted for every message.")
                                  : QString());

    m_header->show();
    setBody(std::move(body));
}

void MessageView::showAttachments()
{
    m_attachmentList->clear();
    const QMimeDatabase mimes;
    for (const mime::AttachmentInfo &a : m_message.attachments) {
        auto *item = new QTreeWidgetItem(m_attachmentList);
        item->setText(0, a.filename.isEmpty() ? tr("(unnamed %1)").arg(a.mimeType) : a.filename);
        item->setText(1, sizeText(a.size));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        const QMimeType type = mimes.mimeTypeForName(a.mimeType);
        item->setIcon(0, themedIcon({type.iconName(), type.genericIconName(),
                                     QStringLiteral("text-x-generic")}));
        // The name and the type are the sender's words: as text, never as HTML.
        item->setToolTip(0, plainToolTip(tr("%1\n%2").arg(item->text(0), a.mimeType)));
    }
    if (m_attachmentList->topLevelItemCount() > 0)
        m_attachmentList->setCurrentItem(m_attachmentList->topLevelItem(0));
    m_attachmentBox->setVisible(!m_message.attachments.isEmpty());
}

int MessageView::currentAttachment() const
{
    QTreeWidgetItem *item = m_attachmentList->currentItem();
    return item ? m_attachmentList->indexOfTopLevelItem(item) : -1;
}

QString MessageView::saveAttachment(int index, const QString &path)
{
    if (index < 0 || index >= m_message.attachments.size())
        return {};
    const mime::AttachmentInfo &a = m_message.attachments.at(index);
    if (!a.dataComplete)
        return {};
    const mime::SavedFile saved = mime::saveToPath(path, a.data);
    if (saved.path.isEmpty())
        qWarning("Saving an attachment failed: %s", qPrintable(saved.error));
    return saved.path;
}

QStringList MessageView::saveAllAttachments(const QString &folder)
{
    QStringList paths;
    for (const mime::AttachmentInfo &a : m_message.attachments) {
        if (!a.dataComplete)
            continue;
        const mime::SavedFile saved = mime::saveIntoFolder(folder, a.filename, a.mimeType, a.data);
        if (!saved.path.isEmpty())
            paths.append(saved.path);
    }
    return paths;
}

QString MessageView::temporaryCopy(int index)
{
    if (index < 0 || index >= m_message.attachments.size())
        return {};
    if (!m_tempDir || !m_tempDir->isValid())
        m_tempDir = std::make_unique<QTemporaryDir>();
    if (!m_tempDir->isValid())
        return {};
    // One folder per copy: two attachments with one name must not meet.
    const QString folder = m_tempDir->filePath(QString::number(index) + QLatin1Char('-') +
                                               QString::number(m_generation));
    if (!QDir().mkpath(folder))
        return {};
    const mime::AttachmentInfo &a = m_message.attachments.at(index);
    return mime::saveIntoFolder(folder, a.filename, a.mimeType, a.data).path;
}

void MessageView::openAttachment(int index)
{
    if (index < 0 || index >= m_message.attachments.size())
        return;
    const mime::AttachmentInfo &a = m_message.attachments.at(index);
    // A program, a script or a desktop entry would run, not show: the user decides.
    if (mime::opensAsProgram(mime::attachmentFileName(a.filename, a.mimeType), a.mimeType,
                             a.data) &&
        !m_confirmOpen(mime::attachmentFileName(a.filename, a.mimeType)))
        return;
    const QString path = temporaryCopy(index);
    if (path.isEmpty())
        return;
    // The desktop has nothing for this type: say so, never nothing at all, and offer Save.
    if (!m_openUrl(QUrl::fromLocalFile(path)) &&
        m_offerSave(mime::attachmentFileName(a.filename, a.mimeType), a.mimeType))
        saveAs(index);
}

void MessageView::saveCurrent()
{
    saveAs(currentAttachment());
}

void MessageView::saveAs(int index)
{
    if (index < 0 || index >= m_message.attachments.size())
        return;
    const mime::AttachmentInfo &a = m_message.attachments.at(index);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Attachment"),
        QDir(folder).filePath(mime::attachmentFileName(a.filename, a.mimeType)));
    if (!path.isEmpty() && saveAttachment(index, path).isEmpty())
        QMessageBox::warning(this, tr("Save Attachment"), tr("%1 could not be saved.").arg(path));
}

void MessageView::saveAll()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Save All Attachments"),
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    if (folder.isEmpty())
        return;
    const QStringList saved = saveAllAttachments(folder);
    if (saved.size() != m_message.attachments.size())
        QMessageBox::warning(this, tr("Save All Attachments"),
                             tr("%1 of %2 attachments could not be saved.")
                                 .arg(m_message.attachments.size() - saved.size())
                                 .arg(m_message.attachments.size()));
}

void MessageView::setUrlOpener(std::function<bool(const QUrl &)> opener)
{
    m_openUrl = std::move(opener);
}

void MessageView::setOpenConfirmer(std::function<bool(const QString &)> confirm)
{
    m_confirmOpen = std::move(confirm);
}

void MessageView::setSaveOffer(std::function<bool(const QString &, const QString &)> offer)
{
    m_offerSave = std::move(offer);
}

void MessageView::linkClicked(const QUrl &url)
{
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment()) {
        m_body->scrollToAnchor(url.fragment()); // an in-page link stays in the page
        return;
    }
    // The sanitizer keeps only these schemes; checked again, the click is the last door.
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("ftp"))
        m_openUrl(url);
    else if (scheme == QLatin1String("mailto"))
        m_openUrl(mime::mailtoForDesktop(url)); // no attach=/etc/passwd for the mail program
}

void MessageView::linkHovered(const QUrl &url)
{
    m_linkTarget->setText(url.isEmpty() ? QString() : url.toDisplayString());
    m_linkTarget->setVisible(!url.isEmpty());
}

QVariant MessageView::resource(const QUrl &url)
{
    if (const auto it = m_decoded.constFind(url); it != m_decoded.cend())
        return *it;
    const mime::BodyResources::Bytes bytes = m_resources->image(url);
    if (!bytes.data.isEmpty()) {
        // Decoded once per message: the body is laid out again as remote images arrive.
        const QImage image = m_images.decode(bytes.data, bytes.declaredType);
        if (!image.isNull()) {
            m_decoded.insert(url, image);
            return image;
        }
    }
    // A blocked (no source left), remote, refused or missing image: empty space of the size
    // the HTML gave, not Qt's broken-image icon stretched over it, and never "nothing", which
    // would let QTextDocument look for the image itself (in local files).
    QImage blank(1, 1, QImage::Format_ARGB32);
    blank.fill(Qt::transparent);
    return blank;
}

QString MessageView::joinAddresses(const QList<mime::MailAddress> &addresses)
{
    QStringList parts;
    parts.reserve(addresses.size());
    for (const mime::MailAddress &a : addresses)
        parts.append(a.display());
    return parts.join(QStringLiteral(", "));
}

} // namespace poplar::ui
