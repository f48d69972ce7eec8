// SPDX-License-Identifier: GPL-3.0-or-later
// Mail content cannot reach out or run (DESIGN.md promise 4), attachment names cannot
// escape the folder, and hostile sizes and depths stay cheap (promise 5).
#include "mime/AttachmentFiles.h"
#include "mime/BodyResources.h"
#include "mime/HtmlDocument.h"
#include "mime/HtmlSanitizer.h"
#include "mime/HtmlText.h"
#include "mime/MailtoLink.h"
#include "mime/MessageRenderer.h"
#include "mime/SafeFileName.h"
#include "mime/SenderAuthentication.h"

#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace poplar::mime;
using poplar::test::testData;

namespace {

TEST(HtmlSafety, HostilePageRendersWithNothingActive)
{
    const RenderedMessage m =
        MessageRenderer::render(testData(QStringLiteral("mime/html-hostile.eml")));
    const QString html = m.htmlBody.toLower();
    for (const char *banned :
         {"<script", "alert(", "onload", "onclick", "<iframe", "<object", "<embed", "<form",
          "<input", "<meta", "refresh", "<link", "<style", "javascript", "evil.example"})
        EXPECT_FALSE(html.contains(QLatin1String(banned))) << banned << "\n" << qPrintable(html);
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("Visible text")));
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("color: red")));
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("src=\"cid:inline@example.org\"")));
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("href=\"https://example.org/real\"")));
    // Remote: stylesheet link, <style> url(), style attribute url(), <img>, <iframe>,
    // <object data>, <embed src>.
    EXPECT_EQ(m.remoteContentBlocked, 7);
    EXPECT_TRUE(m.text.contains(QStringLiteral("Form text")));
    EXPECT_FALSE(m.text.contains(QStringLiteral("alert")));
}

TEST(HtmlSafety, RemoteContentStaysWhenTheUserAllowsIt)
{
    RenderOptions options;
    options.allowRemoteContent = true;
    const RenderedMessage m = MessageRenderer::render(
        testData(QStringLiteral("mime/html-only-remote-image.eml")), options);
    EXPECT_EQ(m.remoteContentBlocked, 0);
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("https://tracker.example/pixel.gif")));
    const RenderedMessage blocked =
        MessageRenderer::render(testData(QStringLiteral("mime/html-only-remote-image.eml")));
    EXPECT_EQ(blocked.remoteContentBlocked, 1);
    EXPECT_FALSE(blocked.htmlBody.contains(QStringLiteral("tracker.example")));
}

TEST(HtmlSafety, LinksKeepTheirRealTargetVisible)
{
    const SanitizedHtml s = sanitizeHtml(QStringLiteral(
        "<a href=\"https://evil.example/x\" onmouseover=\"x()\">https://bank.example</a>"));
    EXPECT_TRUE(s.html.contains(QStringLiteral("href=\"https://evil.example/x\"")))
        << qPrintable(s.html);
    // No title: Qt would show it as a rich-text tooltip; the viewer shows the target itself.
    EXPECT_FALSE(s.html.contains(QStringLiteral("title"))) << qPrintable(s.html);
    const SanitizedHtml titled =
        sanitizeHtml(QStringLiteral("<a href=\"https://x.example/<img src=/etc/hostname>\" "
                                    "title=\"<img src=/dev/zero>\">a</a><p title=\"<b>x</b>\">p</p>"
                                    "<img title=\"<img src=/x>\" alt=\"y\">"));
    EXPECT_FALSE(titled.html.contains(QStringLiteral("title"))) << qPrintable(titled.html);
    EXPECT_FALSE(titled.html.contains(QStringLiteral("<img src=/"))) << qPrintable(titled.html);
    EXPECT_FALSE(s.html.contains(QStringLiteral("onmouseover")));
    const SanitizedHtml data =
        sanitizeHtml(QStringLiteral("<a href=\"data:text/html,<script>\">x</a>"));
    EXPECT_FALSE(data.html.contains(QStringLiteral("data:"))) << qPrintable(data.html);
}

TEST(HtmlSafety, PlainTextIsNeverMarkup)
{
    const RenderedMessage m = MessageRenderer::render(poplar::test::makeMessage(
        QStringLiteral("x"), QStringLiteral("a@example.org"),
        QStringLiteral("<script>alert(1)</script> see https://example.org/a.\n> quoted")));
    EXPECT_FALSE(m.htmlBody.contains(QStringLiteral("<script>")));
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("&lt;script&gt;")));
    EXPECT_TRUE(m.htmlBody.contains(QStringLiteral("<a href=\"https://example.org/a\"")))
        << qPrintable(m.htmlBody);
    // Links found in plain text carry no title either: a tooltip would be rich text.
    EXPECT_FALSE(m.htmlBody.contains(QStringLiteral("title="))) << qPrintable(m.htmlBody);
}

TEST(HtmlSafety, AttachmentNamesCannotLeaveTheFolder)
{
    const RenderedMessage m =
        MessageRenderer::render(testData(QStringLiteral("mime/hostile-filenames.eml")));
    ASSERT_EQ(m.attachments.size(), 3);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (const AttachmentInfo &a : m.attachments) {
        const QString name = safeFileName(a.filename);
        const QFileInfo target(QDir(dir.path()).filePath(name));
        EXPECT_EQ(target.absoluteDir().canonicalPath(), QDir(dir.path()).canonicalPath())
            << qPrintable(a.filename) << " -> " << qPrintable(name);
        EXPECT_FALSE(name.contains(QLatin1Char('/')));
        EXPECT_FALSE(name.contains(QLatin1Char('\\')));
        EXPECT_FALSE(name.startsWith(QLatin1Char('.')));
    }
    EXPECT_EQ(safeFileName(QStringLiteral("../../.bashrc")), QStringLiteral("bashrc"));
    EXPECT_EQ(safeFileName(QStringLiteral("/etc/passwd")), QStringLiteral("passwd"));
    EXPECT_EQ(safeFileName(QStringLiteral("..\\..\\windows\\evil.exe")),
              QStringLiteral("evil.exe"));
    EXPECT_EQ(safeFileName(QStringLiteral("..")), QStringLiteral("attachment"));
    EXPECT_EQ(safeFileName(QStringLiteral("CON.txt")), QStringLiteral("_CON.txt"));
    EXPECT_EQ(safeFileName(QStringLiteral("a\x01\nb.txt")), QStringLiteral("ab.txt"));
    EXPECT_EQ(safeFileName(QStringLiteral("invoice\u202Etxt.exe")),
              QStringLiteral("invoicetxt.exe"));
    EXPECT_EQ(safeFileName(QString(), QStringLiteral("report.pdf")), QStringLiteral("report.pdf"));
}

TEST(HtmlSafety, SavingIntoAFolderStaysInsideAndOverwritesNothing)
{
    const RenderedMessage m =
        MessageRenderer::render(testData(QStringLiteral("mime/hostile-filenames.eml")));
    QTemporaryDir parent;
    ASSERT_TRUE(parent.isValid());
    ASSERT_TRUE(QDir(parent.path()).mkdir(QStringLiteral("inbox")));
    const QString folder = QDir(parent.path()).filePath(QStringLiteral("inbox"));
    for (const AttachmentInfo &a : m.attachments) {
        const SavedFile saved = saveIntoFolder(folder, a.filename, a.mimeType, a.data);
        ASSERT_TRUE(saved.error.isEmpty()) << qPrintable(saved.error);
        EXPECT_EQ(QFileInfo(saved.path).absolutePath(), QDir(folder).absolutePath());
    }
    // Nothing was written beside the folder, and the three files are all inside it.
    EXPECT_EQ(QDir(parent.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
              QStringList{QStringLiteral("inbox")});
    EXPECT_EQ(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 3);
    const SavedFile again =
        saveIntoFolder(folder, QStringLiteral("/etc/passwd"), QStringLiteral("text/plain"), "x");
    EXPECT_EQ(QFileInfo(again.path).fileName(), QStringLiteral("passwd (2)"));
    const SavedFile unnamed =
        saveIntoFolder(folder, QString(), QStringLiteral("application/pdf"), "%PDF");
    EXPECT_EQ(QFileInfo(unnamed.path).fileName(), QStringLiteral("attachment.pdf"));
}

TEST(HtmlSafety, BodyImagesComeOnlyFromTheMessageUnlessRemoteIsAllowed)
{
    BodyResources resources;
    resources.reset({{QStringLiteral("cid:a@b"), {QStringLiteral("image/png"), "PNGDATA"}}}, false);
    EXPECT_EQ(resources.image(QUrl(QStringLiteral("cid:a@b"))).data, QByteArray("PNGDATA"));
    EXPECT_EQ(resources.image(QUrl(QStringLiteral("data:image/gif;base64,R0lG"))).data,
              QByteArray("GIF"));
    EXPECT_TRUE(resources.image(QUrl(QStringLiteral("file:///etc/passwd"))).data.isEmpty());
    EXPECT_TRUE(resources.image(QUrl(QStringLiteral("/etc/passwd"))).data.isEmpty());
    EXPECT_TRUE(resources.image(QUrl(QStringLiteral("http://127.0.0.1:1/x.png"))).data.isEmpty());
    EXPECT_EQ(dataUrlBytes(QUrl(QStringLiteral("data:,a%20b"))), QByteArray("a b"));
    // The type each one claims goes along, for the decoder to check against the bytes.
    EXPECT_EQ(resources.image(QUrl(QStringLiteral("cid:a@b"))).declaredType,
              QStringLiteral("image/png"));
    EXPECT_EQ(
        resources.image(QUrl(QStringLiteral("data:IMAGE/SVG+xml;base64,PHN2Zz4="))).declaredType,
        QStringLiteral("image/svg+xml"));
    EXPECT_EQ(dataUrlType(QUrl(QStringLiteral("data:,x"))), QString());
}

// How fast these are is measured in tests/bench (bench_render.cpp); here, that the caps
// that make them fast are in place.
TEST(RenderLimits, DeeplyNestedHtmlIsFlattened)
{
    QString html;
    for (int i = 0; i < 20000; ++i)
        html += QStringLiteral("<div>");
    html += QStringLiteral("deep text");
    const SanitizedHtml s = sanitizeHtml(html);
    const HtmlText t = htmlToText(html);
    EXPECT_TRUE(s.flattened);
    EXPECT_TRUE(s.html.contains(QStringLiteral("deep text")));
    EXPECT_TRUE(t.text.contains(QStringLiteral("deep text")));
    bool changed = false;
    EXPECT_EQ(limitNesting("<div><div><div>x</div></div></div>", 2, &changed),
              QByteArray("<div><div>x</div></div>"));
    EXPECT_TRUE(changed);
    EXPECT_EQ(limitNesting("<script>\"<div><div>\"</script><p>a", 1, &changed),
              QByteArray("<script>\"<div><div>\"</script><p>a"));
    EXPECT_FALSE(changed);
}

QByteArray nestedMultiparts(int depth)
{
    QByteArray out = "From: a@example.org\nSubject: deep\nMIME-Version: 1.0\n";
    for (int i = 0; i < depth; ++i)
        out += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\n\n--b" +
               QByteArray::number(i) + "\n";
    out += "Content-Type: text/plain\n\ninnermost\n";
    for (int i = depth - 1; i >= 0; --i)
        out += "--b" + QByteArray::number(i) + "--\n";
    return out;
}

TEST(RenderLimits, NestingPastTheCapIsCutWithAWarning)
{
    RenderOptions options;
    options.limits.maxDepth = 10;
    const RenderedMessage shallow = MessageRenderer::render(nestedMultiparts(5), options);
    EXPECT_TRUE(shallow.text.contains(QStringLiteral("innermost")));
    EXPECT_TRUE(shallow.warnings.isEmpty()) << qPrintable(shallow.warnings.join(u'\n'));
    const RenderedMessage deep = MessageRenderer::render(nestedMultiparts(40), options);
    EXPECT_FALSE(deep.text.contains(QStringLiteral("innermost")));
    EXPECT_FALSE(deep.warnings.isEmpty());
    EXPECT_EQ(deep.headers.subject, QStringLiteral("deep"));
}

TEST(RenderLimits, HundredThousandNestedMultipartsStopAtTheBoundaryCap)
{
    // GMime checks each line against every open boundary; past 256 declarations the
    // boundaries are renamed, so the cost stops growing with the depth.
    const RenderedMessage m = MessageRenderer::render(nestedMultiparts(100000));
    EXPECT_EQ(m.headers.subject, QStringLiteral("deep"));
    EXPECT_TRUE(m.warnings.join(u'\n').contains(QStringLiteral("boundaries")))
        << qPrintable(m.warnings.join(u'\n'));
}

TEST(RenderLimits, PartCountAndDecodedSizeAreCapped)
{
    QByteArray raw = "From: a@example.org\nSubject: many\nMIME-Version: 1.0\n"
                     "Content-Type: multipart/mixed; boundary=\"m\"\n\n";
    for (int i = 0; i < 50; ++i)
        raw += "--m\nContent-Type: application/octet-stream; name=\"f" + QByteArray::number(i) +
               ".bin\"\n\n" + QByteArray(1000, 'x') + "\n";
    raw += "--m--\n";
    RenderOptions options;
    options.limits.maxParts = 20;
    options.limits.maxDecodedBytes = 5000;
    const RenderedMessage m = MessageRenderer::render(raw, options);
    EXPECT_LT(m.attachments.size(), 20);
    EXPECT_GE(m.warnings.size(), 2) << qPrintable(m.warnings.join(u'\n'));
    qint64 kept = 0;
    for (const AttachmentInfo &a : m.attachments)
        kept += a.data.size();
    EXPECT_LE(kept, 5000);
    EXPECT_FALSE(m.attachments.last().dataComplete);
    EXPECT_GT(m.attachments.last().size, 0); // the size is still told
}

} // namespace

namespace {

bool endsInsideCharacter(const QString &name)
{
    return !name.isEmpty() && name.back().isHighSurrogate();
}

} // namespace

TEST(SafeFileNames, LongCjkAndEmojiNamesAreCutByBytesBetweenCharacters)
{
    // 300 CJK characters: 900 bytes of UTF-8 (but only 300 UTF-16 units).
    const QString cjk = QString(300, QChar(0x4E2D)) + QStringLiteral(".pdf");
    const QString cut = safeFileName(cjk);
    EXPECT_LE(cut.toUtf8().size(), maxFileNameBytes);
    EXPECT_GT(cut.toUtf8().size(), maxFileNameBytes - 4);
    EXPECT_TRUE(cut.endsWith(QStringLiteral(".pdf"))) << qPrintable(cut);
    EXPECT_EQ(cut.toUtf8().size(), 83 * 3 + 4); // whole characters only (251 / 3)

    // Emoji are surrogate pairs, 4 bytes each; odd offsets everywhere.
    for (int prefix = 0; prefix < 4; ++prefix) {
        QString emoji = QString(prefix, QLatin1Char('x'));
        for (int i = 0; i < 120; ++i)
            emoji += QString::fromUtf8("😀");
        const QString name = safeFileName(emoji + QStringLiteral(".png"));
        EXPECT_LE(name.toUtf8().size(), maxFileNameBytes) << prefix;
        EXPECT_TRUE(name.endsWith(QStringLiteral(".png")));
        const QString stem = name.chopped(4);
        EXPECT_FALSE(endsInsideCharacter(stem)) << prefix;
        EXPECT_EQ(QString::fromUtf8(stem.toUtf8()), stem); // valid UTF-8 both ways
    }
    // A family emoji (one character of several code points) is kept whole or not at all.
    const QString family = QString::fromUtf8("👨‍👩‍👧‍👦");
    QString many;
    for (int i = 0; i < 20; ++i)
        many += family;
    const QString cutFamily = cutFileName(many, 100);
    EXPECT_LE(cutFamily.toUtf8().size(), 100);
    EXPECT_EQ(cutFamily.size() % family.size(), 0);
    // Short names are untouched.
    EXPECT_EQ(safeFileName(QStringLiteral("会议纪要.docx")), QStringLiteral("会议纪要.docx"));
}

TEST(SafeFileNames, LongNamesCanBeSavedAndNumberedCopiesStillFit)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString name = QString(200, QChar(0x6587)) + QStringLiteral(".txt");
    const SavedFile first = saveIntoFolder(dir.path(), name, QStringLiteral("text/plain"), "a");
    ASSERT_FALSE(first.path.isEmpty()) << qPrintable(first.error);
    const SavedFile second = saveIntoFolder(dir.path(), name, QStringLiteral("text/plain"), "b");
    ASSERT_FALSE(second.path.isEmpty()) << qPrintable(second.error);
    EXPECT_NE(first.path, second.path);
    EXPECT_LE(QFileInfo(second.path).fileName().toUtf8().size(), maxFileNameBytes);
    EXPECT_TRUE(QFileInfo(second.path).fileName().endsWith(QStringLiteral(" (2).txt")));
}

TEST(SafeFileNames, SavedAttachmentsAreNeverExecutable)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.sh"));
    QFile existing(path);
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.write("old");
    existing.close();
    ASSERT_TRUE(existing.setPermissions(existing.permissions() | QFileDevice::ExeOwner |
                                        QFileDevice::ExeUser));
    ASSERT_EQ(saveToPath(path, "#!/bin/sh\necho hi\n").path, path);
    const QFileDevice::Permissions exec = QFileDevice::ExeOwner | QFileDevice::ExeUser |
                                          QFileDevice::ExeGroup | QFileDevice::ExeOther;
    EXPECT_FALSE(QFileInfo(path).permissions() & exec);
    const SavedFile fresh =
        saveIntoFolder(dir.path(), QStringLiteral("tool.exe"), QStringLiteral("x"), "MZ");
    EXPECT_FALSE(QFileInfo(fresh.path).permissions() & exec);
}

TEST(SafeFileNames, ProgramsScriptsAndDesktopEntriesAreKnown)
{
    for (const char *name : {"setup.exe", "run.sh", "Invoice.desktop", "a.py", "x.jar",
                             "tool.AppImage", "s.bat", "l.lnk"})
        EXPECT_TRUE(opensAsProgram(QString::fromLatin1(name), QString(), "x")) << name;
    // By declared type, or by content, when the name hides it.
    EXPECT_TRUE(
        opensAsProgram(QStringLiteral("notes"), QStringLiteral("application/x-shellscript"), "x"));
    EXPECT_TRUE(opensAsProgram(QStringLiteral("photo"), QString(), "#!/bin/sh\nrm -rf ~\n"));
    EXPECT_TRUE(opensAsProgram(QStringLiteral("readme"), QString(),
                               "[Desktop Entry]\nType=Application\nExec=sh -c x\n"));
    EXPECT_TRUE(opensAsProgram(QStringLiteral("a.bin"), QString(),
                               QByteArray("\x7f"
                                          "ELF\x02")));
    for (const char *name : {"report.pdf", "photo.jpg", "notes.txt", "table.ods"})
        EXPECT_FALSE(opensAsProgram(QString::fromLatin1(name), QString(), "plain words")) << name;
}

TEST(MailtoLinks, OnlyAddressesToCcSubjectAndBodyReachTheDesktop)
{
    const QUrl safe = mailtoForDesktop(QUrl(QStringLiteral(
        "mailto:a@example.org?subject=Hi%20there&attach=/etc/passwd&Body=Text&bcc=spy@x.example"
        "&cc=c@example.org&ATTACHMENT=file:///etc/shadow&X-Header=1")));
    EXPECT_EQ(safe.scheme(), QStringLiteral("mailto"));
    EXPECT_EQ(safe.path(), QStringLiteral("a@example.org"));
    const QUrlQuery q(safe);
    EXPECT_EQ(q.queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded),
              QStringLiteral("Hi there"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("body")), QStringLiteral("Text"));
    EXPECT_EQ(q.queryItemValue(QStringLiteral("cc")), QStringLiteral("c@example.org"));
    EXPECT_FALSE(safe.toString().contains(QStringLiteral("passwd")));
    EXPECT_FALSE(safe.toString().contains(QStringLiteral("shadow")));
    EXPECT_FALSE(safe.toString().contains(QStringLiteral("spy")));
    EXPECT_FALSE(safe.toString().contains(QStringLiteral("X-Header")));
    // Encoded keys do not slip through either.
    EXPECT_FALSE(mailtoForDesktop(QUrl(QStringLiteral("mailto:a@b.example?%61ttach=/etc/passwd")))
                     .toString()
                     .contains(QStringLiteral("passwd")));
    EXPECT_EQ(mailtoForDesktop(QUrl(QStringLiteral("https://x.example/?attach=1"))),
              QUrl(QStringLiteral("https://x.example/?attach=1")));
}

TEST(SenderAuthentication, FailedChecksOfTheFromDomainAreFound)
{
    const QString from = QStringLiteral("ceo@bank.example");
    EXPECT_TRUE(failedSenderChecks({}, from).isEmpty());
    EXPECT_TRUE(failedSenderChecks({"mx.me.example; dkim=pass header.d=bank.example; spf=pass "
                                    "smtp.mailfrom=bank.example; dmarc=pass"},
                                   from)
                    .isEmpty());
    EXPECT_EQ(
        failedSenderChecks({"mx.me.example;\r\n dkim=fail (bad signature) "
                            "header.d=bank.example;\r\n spf=softfail "
                            "smtp.mailfrom=x@bank.example; dmarc=fail header.from=bank.example"},
                           from),
        (QStringList{QStringLiteral("dkim"), QStringLiteral("spf"), QStringLiteral("dmarc")}));
    // Another domain's signature failing (a list's footer) says nothing about the From.
    EXPECT_TRUE(
        failedSenderChecks({"mx.me.example; dkim=fail header.d=lists.example"}, from).isEmpty());
    // Case, comments and several headers.
    EXPECT_EQ(
        failedSenderChecks({"mx.me.example; spf=pass", "mx2 (x; dkim=fail) ; DMARC=FAIL"}, from),
        QStringList{QStringLiteral("dmarc")});
    EXPECT_EQ(failedSenderChecks({"mx; spf=fail smtp.mailfrom=BANK.example"}, from),
              QStringList{QStringLiteral("spf")});
}

TEST(SenderAuthentication, HeaderValuesComeFromTheHeaderBlockOnly)
{
    const QByteArray raw = "From: a@b.example\r\nAuthentication-Results: mx; dkim=fail\r\n"
                           "authentication-results: mx; spf=pass\r\nSubject: x\r\n\r\n"
                           "Authentication-Results: in the body\r\n";
    const QList<QByteArray> values = MessageRenderer::headerValues(raw, "Authentication-Results");
    ASSERT_EQ(values.size(), 2);
    EXPECT_TRUE(values.at(0).contains("dkim=fail"));
    EXPECT_TRUE(values.at(1).contains("spf=pass"));
}
