// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 item 4: messages shaped to freeze the window render, in bounded time, and
// show a bounded subject everywhere. Correctness only: the timings are the benchmark's
// (tests/bench/layout_bench.cpp), never asserted here.
#include "MessageListModel.h"
#include "MessageRowText.h"
#include "MessageView.h"
#include "MessageWindow.h"
#include "TrayNotifier.h"

#include "UiTestUtil.h"

#include "mime/TextLimits.h"

#include <QSignalSpy>

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
