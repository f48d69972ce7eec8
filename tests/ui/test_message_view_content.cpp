// SPDX-License-Identifier: GPL-3.0-or-later
// The viewer and hostile content: remote resources wait for the user (a real listener on
// 127.0.0.1 counts what reaches it), links show their
// real target and open outside only on a click, attachments open and save safely.
#include "MessageView.h"

#include "UiTestUtil.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::ui::MessageView;

namespace {

QByteArray htmlMessage(const QByteArray &html)
{
    return "From: News <news@shop.example>\r\nTo: me@example.org\r\nSubject: Offers\r\n"
           "Date: Mon, 06 May 2024 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/html; charset=utf-8\r\n\r\n" +
           html + "\r\n";
}

bool showAndWait(MessageView &view, qint64 id, const QByteArray &raw)
{
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(id, raw);
    return test::waitUntil([&] { return rendered.count() >= 1; });
}

/// A web server on 127.0.0.1 that answers every request with one small PNG and counts the
/// connections made to it: what proves whether the viewer reached out.
class PixelServer {
public:
    PixelServer()
    {
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(Qt::green);
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n"))
                        return;
                    m_request.clear();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                                  "Connection: close\r\nContent-Length: " +
                                  QByteArray::number(m_png.size()) + "\r\n\r\n" + m_png);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    ~PixelServer() { m_server.close(); }
    PixelServer(const PixelServer &) = delete;
    PixelServer &operator=(const PixelServer &) = delete;

    [[nodiscard]] QByteArray url(const char *path) const
    {
        return "http://127.0.0.1:" + QByteArray::number(m_server.serverPort()) + path;
    }
    [[nodiscard]] int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    QByteArray m_png;
    QByteArray m_request;
    int m_connections = 0;
};

TEST(MessageViewContent, RemoteImagesWaitForTheLoadRemoteContentBar)
{
    // A real listener: a fetch before the click would be counted, not silently refused.
    PixelServer server;
    const QByteArray pixel = server.url("/pixel.png");
    MessageView view;
    view.resize(600, 400);
    view.show();
    ASSERT_TRUE(showAndWait(view, 1,
                            htmlMessage("<p>Sale!</p><img src=\"" + pixel +
                                        "\"><script>alert(1)</script>"
                                        "<div style=\"background:url(" +
                                        server.url("/bg.png") + ")\">x</div>")));
    auto *bar = view.findChild<QWidget *>(QStringLiteral("remoteContentBar"));
    auto *button = view.findChild<QPushButton *>(QStringLiteral("loadRemoteContentButton"));
    auto *text = view.findChild<QLabel *>(QStringLiteral("remoteContentText"));
    ASSERT_TRUE(bar && button && text);
    EXPECT_FALSE(bar->isHidden());
    EXPECT_FALSE(text->text().isEmpty());
    EXPECT_FALSE(view.bodyHtml().contains(QStringLiteral("127.0.0.1")));
    EXPECT_FALSE(view.bodyHtml().contains(QStringLiteral("script")));
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("Sale!")));
    // The blocked image's place is left empty, not filled with a broken-image icon.
    auto *browser = view.findChild<QTextBrowser *>();
    ASSERT_NE(browser, nullptr);
    const QVariant blank = browser->loadResource(QTextDocument::ImageResource, QUrl());
    ASSERT_EQ(blank.metaType(), QMetaType::fromType<QImage>());
    EXPECT_EQ(blank.value<QImage>().pixelColor(0, 0).alpha(), 0);
    // Shown, laid out, painted, asked for the URL by hand: still no connection.
    browser->viewport()->repaint();
    EXPECT_TRUE(
        browser->loadResource(QTextDocument::ImageResource, QUrl(QString::fromLatin1(pixel)))
            .value<QImage>()
            .width() <= 1);
    EXPECT_FALSE(test::waitUntil([&] { return server.connections() > 0; }, 500));
    EXPECT_EQ(server.connections(), 0);

    QSignalSpy rendered(&view, &MessageView::rendered);
    button->click();
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    EXPECT_TRUE(view.remoteContentAllowed());
    EXPECT_TRUE(bar->isHidden());
    EXPECT_TRUE(view.bodyHtml().contains(QString::fromLatin1(pixel)));
    // Now it is fetched, and shown (decoded like any mail image).
    ASSERT_TRUE(test::waitUntil([&] { return server.connections() >= 1; }));
    EXPECT_TRUE(test::waitUntil([&] {
        return browser->loadResource(QTextDocument::ImageResource, QUrl(QString::fromLatin1(pixel)))
                   .value<QImage>()
                   .size() == QSize(4, 4);
    }));

    // The next message is blocked again: the permission was for that message only.
    const int before = server.connections();
    ASSERT_TRUE(showAndWait(view, 2, htmlMessage("<img src=\"" + server.url("/x.png") + "\">")));
    EXPECT_FALSE(view.remoteContentAllowed());
    EXPECT_FALSE(bar->isHidden());
    EXPECT_FALSE(test::waitUntil([&] { return server.connections() > before; }, 300));
}

TEST(MessageViewContent, TrustedSendersLoadRemoteContentWithoutAsking)
{
    MessageView view;
    QSignalSpy trusted(&view, &MessageView::senderTrusted);
    ASSERT_TRUE(showAndWait(view, 1, htmlMessage("<img src=\"http://127.0.0.1:1/a.gif\">")));
    auto *trust = view.findChild<QPushButton *>(QStringLiteral("trustSenderButton"));
    ASSERT_NE(trust, nullptr);
    QSignalSpy rendered(&view, &MessageView::rendered);
    trust->click();
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    ASSERT_EQ(trusted.count(), 1);
    EXPECT_EQ(trusted.first().first().toString(), QStringLiteral("news@shop.example"));
    EXPECT_TRUE(view.remoteContentAllowed());

    // Another message from the same sender: loaded at once, no bar.
    ASSERT_TRUE(showAndWait(view, 2, htmlMessage("<img src=\"http://127.0.0.1:1/b.gif\">")));
    EXPECT_TRUE(view.remoteContentAllowed());
    EXPECT_TRUE(view.bodyHtml().contains(QStringLiteral("http://127.0.0.1:1/b.gif")));
    EXPECT_TRUE(view.findChild<QWidget *>(QStringLiteral("remoteContentBar"))->isHidden());

    // A sender nobody trusted is asked again.
    MessageView other;
    other.setTrustedSenders({QStringLiteral("someone@else.example")});
    ASSERT_TRUE(showAndWait(other, 3, htmlMessage("<img src=\"http://127.0.0.1:1/c.gif\">")));
    EXPECT_FALSE(other.remoteContentAllowed());
    EXPECT_FALSE(other.bodyHtml().contains(QStringLiteral("127.0.0.1")));
}

TEST(MessageViewContent, LinksShowTheirTargetAndOpenOnlyOnClick)
{
    MessageView view;
    QList<QUrl> opened;
    view.setUrlOpener([&](const QUrl &url) {
        opened.append(url);
        return true;
    });
    ASSERT_TRUE(showAndWait(view, 1,
                            htmlMessage("<a href=\"https://evil.example/login\">https://bank."
                                        "example</a> <a href=\"javascript:alert(1)\">js</a>")));
    EXPECT_TRUE(opened.isEmpty()); // showing a message opens nothing
    EXPECT_FALSE(view.bodyHtml().contains(QStringLiteral("javascript")));
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    EXPECT_FALSE(body->openLinks());

    Q_EMIT body->highlighted(QUrl(QStringLiteral("https://evil.example/login")));
    EXPECT_EQ(view.linkTarget(), QStringLiteral("https://evil.example/login"));
    Q_EMIT body->anchorClicked(QUrl(QStringLiteral("https://evil.example/login")));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.first(), QUrl(QStringLiteral("https://evil.example/login")));
    // Whatever reaches the click handler, only web and mail links go out.
    Q_EMIT body->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    Q_EMIT body->anchorClicked(QUrl(QStringLiteral("javascript:alert(1)")));
    EXPECT_EQ(opened.size(), 1);
}

TEST(MessageViewContent, CidImagesAreShownFromTheMessage)
{
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QByteArray raw =
        "From: a@example.org\r\nSubject: Logo\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/related; boundary=\"r\"\r\n\r\n--r\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Logo <img src=\"cid:logo@x\"></p>\r\n"
        "--r\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" +
        png.toBase64() + "\r\n--r--\r\n";
    MessageView view;
    ASSERT_TRUE(showAndWait(view, 1, raw));
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    const QImage shown =
        body->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("cid:logo@x")))
            .value<QImage>();
    EXPECT_EQ(shown.size(), QSize(4, 4));
    EXPECT_TRUE(view.attachments().isEmpty());
    // Local files are never a resource, whatever the HTML asks for: empty space instead
    // (an invalid answer would send QTextDocument to read the file itself).
    const QImage local = body->loadResource(QTextDocument::ImageResource,
                                            QUrl(QStringLiteral("file:///etc/hostname")))
                             .value<QImage>();
    EXPECT_EQ(local.size(), QSize(1, 1));
    EXPECT_EQ(local.pixelColor(0, 0).alpha(), 0);
}

QByteArray attachmentMessage()
{
    return "From: Dan <dan@example.org>\r\nTo: me@example.org\r\nSubject: Files\r\n"
           "Date: Mon, 06 May 2024 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee attached.\r\n"
           "--b1\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n"
           "Content-Disposition: attachment; filename=\"../../report.pdf\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n"
           "--b1\r\nContent-Type: text/plain\r\n"
           "Content-Disposition: attachment; filename=\"/home/user/.bashrc\"\r\n\r\n"
           "rm -rf ~\r\n--b1--\r\n";
}

TEST(MessageViewContent, OpenWithNoApplicationSaysSoAndOffersSave)
{
    MessageView view;
    bool opens = false;
    view.setUrlOpener([&](const QUrl &) { return opens; });
    QStringList offered;
    view.setSaveOffer([&](const QString &name, const QString &type) {
        offered.append(name + QLatin1Char('|') + type);
        return false; // the user declines: nothing more happens
    });
    ASSERT_TRUE(showAndWait(view, 1, attachmentMessage()));

    view.openAttachment(0); // the desktop has nothing for application/pdf
    ASSERT_EQ(offered.size(), 1);
    EXPECT_EQ(offered.first(), QStringLiteral("report.pdf|application/pdf"));

    opens = true;
    view.openAttachment(0);
    EXPECT_EQ(offered.size(), 1) << "an attachment that opens is not offered for saving";
}

TEST(MessageViewContent, AttachmentListOpensAndSavesInsideTheFolder)
{
    MessageView view;
    QList<QUrl> opened;
    view.setUrlOpener([&](const QUrl &url) {
        opened.append(url);
        return true;
    });
    ASSERT_TRUE(showAndWait(view, 1, attachmentMessage()));
    auto *list = view.findChild<QTreeWidget *>(QStringLiteral("attachmentList"));
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->topLevelItemCount(), 2);
    EXPECT_EQ(list->topLevelItem(0)->text(0), QStringLiteral("../../report.pdf"));
    EXPECT_FALSE(list->topLevelItem(0)->text(1).isEmpty()); // the size
    EXPECT_TRUE(view.attachmentText().contains(QStringLiteral("report.pdf")));

    // Open: a temporary copy under a safe name, handed to the desktop.
    view.openAttachment(0);
    ASSERT_EQ(opened.size(), 1);
    const QFileInfo copy(opened.first().toLocalFile());
    EXPECT_EQ(copy.fileName(), QStringLiteral("report.pdf"));
    EXPECT_TRUE(copy.exists());
    EXPECT_EQ(copy.size(), 9);

    QTemporaryDir parent;
    ASSERT_TRUE(parent.isValid());
    ASSERT_TRUE(QDir(parent.path()).mkdir(QStringLiteral("chosen")));
    const QString folder = QDir(parent.path()).filePath(QStringLiteral("chosen"));
    const QStringList saved = view.saveAllAttachments(folder);
    ASSERT_EQ(saved.size(), 2);
    for (const QString &path : saved)
        EXPECT_EQ(QFileInfo(path).absolutePath(), QDir(folder).absolutePath()) << qPrintable(path);
    EXPECT_EQ(QDir(parent.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
              QStringList{QStringLiteral("chosen")});
    EXPECT_EQ(QFileInfo(saved.at(1)).fileName(), QStringLiteral("bashrc"));

    const QString one =
        view.saveAttachment(0, QDir(parent.path()).filePath(QStringLiteral("x.pdf")));
    EXPECT_TRUE(QFileInfo::exists(one));
}

TEST(MessageViewContent, AlternativeShowsHtmlUnlessPlainTextIsPreferred)
{
    const QByteArray raw = "From: a@example.org\r\nSubject: Alt\r\nMIME-Version: 1.0\r\n"
                           "Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n--a\r\n"
                           "Content-Type: text/plain\r\n\r\nPlain version\r\n--a\r\n"
                           "Content-Type: text/html\r\n\r\n<p><b>Rich</b> version</p>\r\n--a--\r\n";
    MessageView view;
    ASSERT_TRUE(showAndWait(view, 1, raw));
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("Rich version")));
    view.setPreferPlainText(true);
    ASSERT_TRUE(showAndWait(view, 1, raw));
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("Plain version")));
    EXPECT_FALSE(view.bodyText().contains(QStringLiteral("Rich")));
}

// (How fast is for benchmarks; this one says a 100,000-line text is shown whole and as text.)
TEST(MessageViewContent, HugePlainTextIsShownWholeAsText)
{
    QByteArray body;
    for (int i = 0; i < 100000; ++i)
        body += "line " + QByteArray::number(i) + " of a log someone mailed <b>\r\n";
    const QByteArray raw = "From: a@example.org\r\nSubject: Log\r\n\r\n" + body;
    MessageView view;
    ASSERT_TRUE(showAndWait(view, 1, raw));
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("line 99999 of a log someone mailed <b>")));
}

TEST(MessageViewContent, SignedMailSaysItIsSigned)
{
    const QByteArray raw =
        "From: Frank <frank@example.org>\r\nSubject: Signed\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; "
        "boundary=\"s\"\r\n\r\n--s\r\nContent-Type: text/plain\r\n\r\nSigned words.\r\n"
        "--s\r\nContent-Type: application/pgp-signature\r\n\r\nSIG\r\n--s--\r\n";
    MessageView view;
    ASSERT_TRUE(showAndWait(view, 1, raw));
    auto *notice = view.findChild<QLabel *>(QStringLiteral("noticeLabel"));
    ASSERT_NE(notice, nullptr);
    EXPECT_TRUE(notice->text().contains(QStringLiteral("signed"))) << qPrintable(notice->text());
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("Signed words.")));
    EXPECT_TRUE(view.attachments().isEmpty());
}

} // namespace

namespace {

TEST(MessageViewContent, OpeningAProgramOrScriptAsksFirst)
{
    const QByteArray raw =
        "From: Dan <dan@example.org>\r\nSubject: Files\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
        "--b1\r\nContent-Type: application/octet-stream\r\n"
        "Content-Disposition: attachment; filename=\"invoice.desktop\"\r\n\r\n"
        "[Desktop Entry]\r\nType=Application\r\nExec=sh -c 'rm -rf ~'\r\n"
        "--b1\r\nContent-Type: text/plain\r\n"
        "Content-Disposition: attachment; filename=\"update.sh\"\r\n\r\n#!/bin/sh\r\n"
        "--b1\r\nContent-Type: application/pdf\r\n"
        "Content-Disposition: attachment; filename=\"report.pdf\"\r\n\r\n%PDF-1.4\r\n--b1--\r\n";
    MessageView view;
    QList<QUrl> opened;
    view.setUrlOpener([&](const QUrl &url) {
        opened.append(url);
        return true;
    });
    QStringList asked;
    bool answer = false;
    view.setOpenConfirmer([&](const QString &name) {
        asked.append(name);
        return answer;
    });
    ASSERT_TRUE(showAndWait(view, 1, raw));
    ASSERT_EQ(view.attachments().size(), 3);

    view.openAttachment(0); // declined: nothing is written or opened
    view.openAttachment(1);
    EXPECT_EQ(asked, (QStringList{QStringLiteral("invoice.desktop"), QStringLiteral("update.sh")}));
    EXPECT_TRUE(opened.isEmpty());

    answer = true; // the user said Open
    view.openAttachment(1);
    ASSERT_EQ(opened.size(), 1);
    const QFileInfo copy(opened.first().toLocalFile());
    EXPECT_EQ(copy.fileName(), QStringLiteral("update.sh"));
    EXPECT_FALSE(copy.permissions() & (QFileDevice::ExeOwner | QFileDevice::ExeUser |
                                       QFileDevice::ExeGroup | QFileDevice::ExeOther));

    asked.clear();
    view.openAttachment(2); // a document opens without a question
    EXPECT_TRUE(asked.isEmpty());
    EXPECT_EQ(opened.size(), 2);
}

TEST(MessageViewContent, MailtoLinksReachTheDesktopWithoutAttachments)
{
    MessageView view;
    QList<QUrl> opened;
    view.setUrlOpener([&](const QUrl &url) {
        opened.append(url);
        return true;
    });
    ASSERT_TRUE(showAndWait(view, 1, htmlMessage("<a href=\"mailto:a@example.org\">m</a>")));
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    Q_EMIT body->anchorClicked(
        QUrl(QStringLiteral("mailto:a@example.org?subject=Hi&attach=/etc/passwd")));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.first().path(), QStringLiteral("a@example.org"));
    EXPECT_TRUE(opened.first().toString().contains(QStringLiteral("subject=Hi")));
    EXPECT_FALSE(opened.first().toString().contains(QStringLiteral("passwd")));
}

TEST(MessageViewContent, AForgedTrustedSenderIsWarnedAboutAndNotLoaded)
{
    MessageView view;
    view.setTrustedSenders({QStringLiteral("news@shop.example")});
    QSignalSpy trusted(&view, &MessageView::senderTrusted);
    const QByteArray forged =
        "Authentication-Results: mx.me.example; dkim=fail header.d=shop.example; "
        "dmarc=fail header.from=shop.example\r\n" +
        htmlMessage("<img src=\"http://127.0.0.1:1/a.gif\">");
    ASSERT_TRUE(showAndWait(view, 1, forged));
    EXPECT_TRUE(view.senderUnverified());
    EXPECT_FALSE(view.remoteContentAllowed()); // trusted address, but not loaded unasked
    EXPECT_FALSE(view.bodyHtml().contains(QStringLiteral("127.0.0.1")));
    auto *notice = view.findChild<QLabel *>(QStringLiteral("noticeLabel"));
    ASSERT_NE(notice, nullptr);
    EXPECT_TRUE(notice->text().contains(QStringLiteral("DKIM, DMARC")))
        << qPrintable(notice->text());
    auto *trust = view.findChild<QPushButton *>(QStringLiteral("trustSenderButton"));
    ASSERT_NE(trust, nullptr);
    EXPECT_FALSE(trust->isEnabled());
    view.trustSender();
    EXPECT_EQ(trusted.count(), 0);
    EXPECT_FALSE(view.remoteContentAllowed());

    // The same sender, verified: loaded as before.
    ASSERT_TRUE(showAndWait(view, 2,
                            "Authentication-Results: mx.me.example; dkim=pass "
                            "header.d=shop.example\r\n" +
                                htmlMessage("<img src=\"http://127.0.0.1:1/b.gif\">")));
    EXPECT_FALSE(view.senderUnverified());
    EXPECT_TRUE(view.remoteContentAllowed());
}

} // namespace
