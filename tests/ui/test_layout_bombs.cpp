// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 item 4: messages shaped to freeze the window render, in bounded time, and
// show a bounded subject everywhere. Correctness only: the timings are the benchmark's
// (tests/bench/layout_bench.cpp), never asserted here.
#include "BodyDocument.h"
#include "MailImageDecoder.h"
#include "MessageListModel.h"
#include "MessageRowText.h"
#include "MessageView.h"
#include "MessageWindow.h"
#include "TrayNotifier.h"

#include "UiTestUtil.h"

#include "mime/TextLimits.h"

#include "LayoutBombs.h"

#include <QBuffer>
#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::ui::MessageView;

namespace {

QDateTime noon()
{
    return QDateTime(QDate(2024, 5, 6), QTime(12, 0), Qt::UTC);
}

TEST(LayoutBombs, AMegabyteSubjectIsShownCutEverywhere)
{
    const QString subject = QStringLiteral("Big ") + QString(1024 * 1024, QLatin1Char('s'));
    const QString shown = mime::shownSubject(subject);
    ASSERT_EQ(shown.size(), mime::maxShownSubjectChars + 1);

    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    const QByteArray raw =
        test::rfc5322(subject, QStringLiteral("a@example.org"), noon(), QStringLiteral("Body."));
    view.showMessage(1, raw);
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    EXPECT_EQ(view.subjectText(), shown);

    store::MessageSummary summary;
    summary.subject = subject;
    EXPECT_EQ(ui::MessageRowText::display(summary, ui::MessageListModel::SubjectColumn).toString(),
              shown);
    EXPECT_EQ(ui::MessageRowText::toolTip(summary, ui::MessageListModel::SubjectColumn).toString(),
              shown);
    summary.fromAddress = QStringLiteral("a@example.org");
    EXPECT_TRUE(ui::TrayNotifier::newMailText({summary}, 1).second.endsWith(shown));

    ui::MessageWindow window(1, raw, QString(), nullptr);
    EXPECT_EQ(window.windowTitle(), shown);
}

} // namespace

namespace {

TEST(LayoutBombs, TheBodyIsBuiltOffTheGuiThreadAndLoadingShowsMeanwhile)
{
    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    const QByteArray raw = "From: a@example.org\r\nSubject: Tables\r\nMIME-Version: 1.0\r\n"
                           "Content-Type: text/html; charset=utf-8\r\n\r\n" +
                           QStringLiteral("<table><tr><td>").repeated(30).toUtf8() + "deep" +
                           QStringLiteral("</td></tr></table>").repeated(30).toUtf8();
    view.showMessage(1, raw);
    EXPECT_TRUE(view.isLoading());
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    EXPECT_FALSE(view.isLoading());
    EXPECT_TRUE(view.bodyText().contains(QStringLiteral("deep")));
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    auto *document = dynamic_cast<ui::BodyDocument *>(body->document());
    ASSERT_NE(document, nullptr);
    EXPECT_EQ(document->thread(), view.thread());
    EXPECT_EQ(document->parent(), body);
}

TEST(LayoutBombs, ABodyDocumentReadsNoFileWhateverItsHtmlSays)
{
    QStringList asked;
    ui::BodyDocument document([&asked](const QUrl &url) {
        asked.append(url.toString());
        return QVariant();
    });
    document.setHtml(QStringLiteral("<img src=\"file:///etc/hostname\"><img src=\"/etc/hostname\">"
                                    "<img src=\"relative.png\">"));
    // Answered with a blank, never with nothing: with no answer, Qt's image handler reads
    // the file by its name itself.
    for (const QString &name : {QStringLiteral("file:///etc/hostname"),
                                QStringLiteral("/etc/hostname"), QStringLiteral("relative.png")}) {
        const QVariant answer = document.resource(QTextDocument::ImageResource, QUrl(name));
        ASSERT_EQ(answer.userType(), QMetaType::QImage) << qPrintable(name);
        EXPECT_EQ(answer.value<QImage>().size(), QSize(1, 1)) << qPrintable(name);
    }
    EXPECT_FALSE(document
                     .resource(QTextDocument::StyleSheetResource,
                               QUrl(QStringLiteral("file:///etc/hostname")))
                     .toByteArray()
                     .size());
    EXPECT_TRUE(asked.contains(QStringLiteral("file:///etc/hostname")));
}

TEST(LayoutBombs, InlineImagesAreDecodedScaledOffTheGuiThread)
{
    QImage big(3000, 3000, QImage::Format_RGB32);
    big.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(big.save(&buffer, "PNG"));
    QHash<QString, mime::InlineResource> parts;
    parts.insert(QStringLiteral("cid:big@x"), {QStringLiteral("image/png"), png});
    const QVariant image = ui::inlineImageResolver(parts)(QUrl(QStringLiteral("cid:big@x")));
    ASSERT_EQ(image.userType(), QMetaType::QImage);
    const QSize size = image.value<QImage>().size();
    EXPECT_LE(qint64(size.width()) * size.height(), ui::MailImageDecoder::maxPixels);
    EXPECT_NEAR(size.width(), size.height(), 1);
    EXPECT_FALSE(ui::inlineImageResolver(parts)(QUrl(QStringLiteral("cid:other@x"))).isValid());
}

} // namespace

namespace {

/// Every layout-bomb shape of the benchmark renders in the real viewer, and shows its text.
class LayoutBombShapes : public ::testing::TestWithParam<const char *> {};

TEST_P(LayoutBombShapes, RendersWithoutCrashing)
{
    const QList<bench::LayoutBomb> bombs = bench::layoutBombs({QString::fromLatin1(GetParam())});
    ASSERT_EQ(bombs.size(), 1);
    MessageView view;
    view.resize(900, 700);
    view.show();
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(1, bombs.first().raw);
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }, 120'000));
    EXPECT_FALSE(view.subjectText().isEmpty());
    EXPECT_LE(view.subjectText().size(), mime::maxShownSubjectChars + 1);
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    body->moveCursor(QTextCursor::End); // the whole body laid out
    body->viewport()->repaint();
    const QString text = view.bodyText();
    const QString name = QString::fromLatin1(GetParam());
    if (name.startsWith(QLatin1String("tables"))) {
        EXPECT_TRUE(text.contains(QStringLiteral("deep")));
    }
    if (name.startsWith(QLatin1String("word"))) {
        EXPECT_GE(text.count(QLatin1Char('w')), 5 * 1024 * 1024); // the whole word is there
    }
    if (name == QLatin1String("images-4x5600")) {
        EXPECT_TRUE(text.contains(QStringLiteral("Images:")));
    }
    if (name == QLatin1String("unloaded-images-width-only")) {
        EXPECT_TRUE(text.contains(QStringLiteral("Hello")));
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, LayoutBombShapes,
                         ::testing::Values("tables-nested-25", "tables-nested-10000",
                                           "table-spans-250", "word-5mb-html", "word-5mb-plain",
                                           "subject-1mb", "images-4x5600", "image-declared-huge",
                                           "unloaded-images-width-only"),
                         [](const ::testing::TestParamInfo<const char *> &info) {
                             QString name = QString::fromLatin1(info.param);
                             name.replace(QLatin1Char('-'), QLatin1Char('_'));
                             return name.toStdString();
                         });

} // namespace

namespace {

TEST(LayoutBombs, CopiedTextHasNoBreakOpportunitiesInIt)
{
    const QString word(300, QLatin1Char('w'));
    MessageView view;
    QSignalSpy rendered(&view, &MessageView::rendered);
    view.showMessage(
        1, test::rfc5322(QStringLiteral("Word"), QStringLiteral("a@example.org"), noon(), word));
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    ASSERT_NE(body, nullptr);
    EXPECT_TRUE(body->toPlainText().contains(mime::TextBreaker::zeroWidthSpace));
    body->selectAll();
    body->copy();
    EXPECT_EQ(QGuiApplication::clipboard()->text().trimmed(), word);
}

} // namespace
