// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessagePrintout.h"

#include "mime/TextLimits.h"
#include "util/DataSize.h"

#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>

namespace poplar::ui {

namespace {

QString addresses(const QList<mime::MailAddress> &list)
{
    QStringList shown;
    for (const mime::MailAddress &a : list)
        shown.append(a.display());
    return shown.join(QStringLiteral(", "));
}

QString row(const QString &caption, const QString &value)
{
    return QStringLiteral("<tr><td style=\"padding-right: 8px; color: #555555;\">%1</td>"
                          "<td>%2</td></tr>")
        .arg(caption.toHtmlEscaped(), value.toHtmlEscaped());
}

/// Images are decoded while the document is built, as the viewer's body is: the layout for
/// the pages then finds them cached.
void decodeImages(BodyDocument &document)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                (void)document.resource(QTextDocument::ImageResource,
                                        QUrl(format.toImageFormat().name()));
        }
    }
}

} // namespace

QString MessagePrintout::headerHtml(const mime::MessageHeaders &h)
{
    const QString subject =
        h.subject.isEmpty() ? tr("(no subject)") : mime::shownSubject(h.subject);
    QString rows = row(tr("From:"), h.from.display());
    if (!h.to.isEmpty())
        rows += row(tr("To:"), addresses(h.to));
    if (!h.cc.isEmpty())
        rows += row(tr("Cc:"), addresses(h.cc));
    rows += row(tr("Date:"), h.date.isValid()
                                 ? QLocale().toString(h.date.toLocalTime(), QLocale::LongFormat)
                                 : tr("(no date)"));
    return QStringLiteral("<p style=\"font-size: large; font-weight: bold;\">%1</p>"
                          "<table cellspacing=\"0\" cellpadding=\"1\">%2</table><hr/>")
        .arg(subject.toHtmlEscaped(), rows);
}

QString MessagePrintout::attachmentsHtml(const QList<mime::AttachmentInfo> &attachments)
{
    if (attachments.isEmpty())
        return {};
    QString items;
    for (const mime::AttachmentInfo &a : attachments) {
        const QString name = a.filename.isEmpty() ? tr("(unnamed %1)").arg(a.mimeType) : a.filename;
        items += QStringLiteral("<li>%1 (%2)</li>")
                     .arg(name.toHtmlEscaped(), dataSizeText(a.size).toHtmlEscaped());
    }
    return QStringLiteral("<hr/><p><b>%1</b></p><ul>%2</ul>")
        .arg(tr("Attachments (%n)", nullptr, int(attachments.size())).toHtmlEscaped(), items);
}

std::unique_ptr<BodyDocument> MessagePrintout::document(const mime::RenderedMessage &m,
                                                        BodyDocument::Resolver resolver)
{
    auto document = std::make_unique<BodyDocument>(std::move(resolver));
    document->setUndoRedoEnabled(false);
    QTextCursor cursor(document.get());
    cursor.insertHtml(headerHtml(m.headers));
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat()); // not the rule above
    // As the viewer: a huge plain text as text (the HTML path would cost more, for nothing).
    if (!m.html && m.text.size() > plainLayoutAbove)
        cursor.insertText(mime::breakLongWords(m.text));
    else
        cursor.insertHtml(m.htmlBody);
    if (const QString list = attachmentsHtml(m.attachments); !list.isEmpty()) {
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat()); // not the rule above
        cursor.insertHtml(list);
    }
    decodeImages(*document);
    return document;
}

void MessagePrintout::print(const mime::RenderedMessage &m, BodyDocument::Resolver resolver,
                            QPagedPaintDevice &device)
{
    document(m, std::move(resolver))->print(&device);
}

Status MessagePrintout::writePdf(const mime::RenderedMessage &m, BodyDocument::Resolver resolver,
                                 const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{
            Error::Code::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()), {}};
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Poplar"));
        writer.setTitle(mime::shownSubject(m.headers.subject));
        writer.setPageSize(QPageSize(QLocale().measurementSystem() == QLocale::ImperialUSSystem
                                         ? QPageSize::Letter
                                         : QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        print(m, std::move(resolver), writer);
    } // the writer finishes the PDF as it goes
    if (!file.commit())
        return Error{
            Error::Code::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()), {}};
    return {};
}

} // namespace poplar::ui
