// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageView.h"

#include "mime/MessageRenderer.h"

#include <QFormLayout>
#include <QFrame>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace poplar::ui {

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

mime::RenderedMessage renderMessage(const QByteArray &raw)
{
    return mime::MessageRenderer::render(raw);
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
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
    m_attachments = contentLabel(QStringLiteral("attachmentsLabel"), m_header);
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

    auto *headerLayout = new QVBoxLayout(m_header);
    headerLayout->setContentsMargins(10, 8, 10, 8);
    headerLayout->setSpacing(6);
    headerLayout->addWidget(m_subject);
    headerLayout->addLayout(fields);
    headerLayout->addWidget(m_attachments);
    headerLayout->addWidget(m_notice);

    m_body = new QTextBrowser(this);
    m_body->setObjectName(QStringLiteral("messageBody"));
    m_body->setOpenLinks(false);
    m_body->setOpenExternalLinks(false);
    m_body->setUndoRedoEnabled(false);
    m_body->setFrameShape(QFrame::NoFrame);
    m_body->setLineWrapMode(QTextEdit::WidgetWidth);
    m_body->document()->setDocumentMargin(10);
    m_body->setPlaceholderText(tr("Select a message to read it."));
    QFont bodyFont = m_body->font();
    bodyFont.setStyleHint(QFont::TypeWriter); // mail bodies are often laid out in columns
    bodyFont.setFamily(QStringLiteral("monospace"));
    m_body->setFont(bodyFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_body, 1);

    clear();
}

void MessageView::showMessage(qint64 id, const QByteArray &raw)
{
    m_messageId = id;
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<mime::RenderedMessage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, id] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer message was asked for meanwhile
        display(watcher->result());
        Q_EMIT rendered(id);
    });
    watcher->setFuture(QtConcurrent::run(renderMessage, raw));
}

void MessageView::clear()
{
    ++m_generation;
    m_messageId = 0;
    for (QLabel *label : {m_subject, m_from, m_to, m_cc, m_date, m_attachments, m_notice})
        label->clear();
    m_body->clear();
    m_header->hide();
}

QString MessageView::subjectText() const
{
    return m_subject->text();
}

QString MessageView::bodyText() const
{
    return m_body->toPlainText();
}

QString MessageView::attachmentText() const
{
    return m_attachments->isHidden() ? QString() : m_attachments->text();
}

void MessageView::display(const mime::RenderedMessage &message)
{
    const mime::MessageHeaders &h = message.headers;
    m_subject->setText(h.subject.isEmpty() ? tr("(no subject)") : h.subject);
    m_from->setText(h.from.display());
    m_to->setText(joinAddresses(h.to));
    m_cc->setText(joinAddresses(h.cc));
    m_toCaption->setVisible(!h.to.isEmpty());
    m_to->setVisible(!h.to.isEmpty());
    m_ccCaption->setVisible(!h.cc.isEmpty());
    m_cc->setVisible(!h.cc.isEmpty());
    m_date->setText(h.date.isValid() ? QLocale().toString(h.date.toLocalTime(), QLocale::LongFormat)
                                     : tr("(no date)"));

    QStringList names;
    for (const mime::AttachmentInfo &a : message.attachments) {
        const QString name = a.filename.isEmpty() ? tr("(unnamed %1)").arg(a.mimeType) : a.filename;
        names.append(tr("%1 (%2)").arg(
            name, QLocale().formattedDataSize(a.size, 0, QLocale::DataSizeTraditionalFormat)));
    }
    m_attachments->setText(tr("Attachments: %1").arg(names.join(QStringLiteral(", "))));
    m_attachments->setVisible(!names.isEmpty());

    QStringList notices;
    if (message.remoteContentBlocked > 0)
        notices.append(
            message.remoteContentBlocked == 1
                ? tr("1 remote resource was not loaded.")
                : tr("%1 remote resources were not loaded.").arg(message.remoteContentBlocked));
    notices.append(message.warnings);
    m_notice->setText(notices.join(QLatin1Char('\n')));
    m_notice->setVisible(!notices.isEmpty());

    m_header->show();
    m_body->setPlainText(message.text);
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
