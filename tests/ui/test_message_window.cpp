// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageView.h"
#include "MessageWindow.h"
#include "UiTestUtil.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using poplar::test::waitUntil;
using poplar::ui::MessageView;
using poplar::ui::MessageWindow;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

TEST(MessageWindowTest, AnEmlFileOpensInAWindowOfItsOwn)
{
    QTemporaryDir dir;
    const QByteArray raw = poplar::test::rfc5322(
        QStringLiteral("Minutes of Monday"), QStringLiteral("Erin <erin@example.org>"),
        QDateTime::currentDateTimeUtc(), QStringLiteral("We agreed on the budget."));
    QString error;
    QPointer<MessageWindow> window =
        MessageWindow::openFile(writeFile(dir, QStringLiteral("minutes.eml"), raw), &error);
    ASSERT_TRUE(window) << qPrintable(error);
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("Minutes of Monday")));
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("minutes.eml")));
    ASSERT_TRUE(waitUntil([&] {
        return window->view()->bodyText().contains(QStringLiteral("We agreed on the budget."));
    }));
    EXPECT_EQ(window->raw(), raw);

    // Ctrl+U: the raw source, read-only.
    window->findChild<QAction *>(QStringLiteral("viewSourceAction"))->trigger();
    auto *source = window->findChild<QPlainTextEdit *>(QStringLiteral("sourceText"));
    ASSERT_NE(source, nullptr);
    EXPECT_TRUE(source->isReadOnly());
    EXPECT_TRUE(source->toPlainText().contains(QStringLiteral("Subject: Minutes of Monday")));
    window->close(); // deletes itself
    ASSERT_TRUE(waitUntil([&] { return window.isNull(); }));
}

TEST(MessageWindowTest, AFileThatCannotBeAMessageIsRefusedInWords)
{
    QTemporaryDir dir;
    QString error;
    EXPECT_EQ(MessageWindow::openFile(dir.filePath(QStringLiteral("missing.eml")), &error),
              nullptr);
    EXPECT_TRUE(error.contains(QStringLiteral("missing.eml"))) << qPrintable(error);

    EXPECT_EQ(MessageWindow::openFile(writeFile(dir, QStringLiteral("empty.eml"), {}), &error),
              nullptr);
    EXPECT_TRUE(error.contains(QStringLiteral("empty"))) << qPrintable(error);

    QFile big(dir.filePath(QStringLiteral("huge.eml")));
    ASSERT_TRUE(big.open(QIODevice::WriteOnly));
    ASSERT_TRUE(big.resize(MessageWindow::maxFileBytes + 1)); // sparse: costs no disk
    big.close();
    EXPECT_EQ(MessageWindow::openFile(big.fileName(), &error), nullptr);
    EXPECT_TRUE(error.contains(QStringLiteral("too large"))) << qPrintable(error);
}

} // namespace
