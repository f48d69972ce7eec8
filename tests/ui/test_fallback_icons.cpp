// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15, rough edge 2: on a desktop with no icon theme the clip, the star and the
// viewer's buttons still show, drawn by Poplar.
#include "MessageListModel.h"
#include "MessageRowText.h"
#include "MessageView.h"
#include "ThemedIcon.h"
#include "WindowFixture.h"

#include "UiTestUtil.h"

#include <QIcon>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace poplar;
using poplar::ui::MessageListModel;
using poplar::ui::MessageRowText;

namespace {

/// No theme, no fallback theme, no loose icon folders: what a bare desktop gives.
class NoIconThemeTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_theme = QIcon::themeName();
        m_fallbackTheme = QIcon::fallbackThemeName();
        m_searchPaths = QIcon::fallbackSearchPaths();
        QIcon::setThemeName(QStringLiteral("poplar-no-such-theme"));
        QIcon::setFallbackThemeName(QStringLiteral("poplar-no-such-theme"));
        QIcon::setFallbackSearchPaths({});
    }
    void TearDown() override
    {
        QIcon::setThemeName(m_theme);
        QIcon::setFallbackThemeName(m_fallbackTheme);
        QIcon::setFallbackSearchPaths(m_searchPaths);
    }

private:
    QString m_theme;
    QString m_fallbackTheme;
    QStringList m_searchPaths;
};

bool drawn(const QIcon &icon)
{
    return !icon.isNull() && !icon.pixmap(16, 16).isNull();
}

TEST_F(NoIconThemeTest, TheThemeReallyHasNoIcons)
{
    EXPECT_FALSE(QIcon::hasThemeIcon(QStringLiteral("starred")));
    EXPECT_TRUE(QIcon::fromTheme(QStringLiteral("mail-attachment")).isNull());
}

TEST_F(NoIconThemeTest, ListShowsStarAndClip)
{
    store::MessageSummary s;
    s.flagged = true;
    s.hasAttachments = true;
    const QVariant star = MessageRowText::decoration(s, MessageListModel::FromColumn);
    const QVariant clip = MessageRowText::decoration(s, MessageListModel::SubjectColumn);
    ASSERT_TRUE(star.canConvert<QIcon>());
    ASSERT_TRUE(clip.canConvert<QIcon>());
    EXPECT_TRUE(drawn(star.value<QIcon>()));
    EXPECT_TRUE(drawn(clip.value<QIcon>()));
    EXPECT_NE(star.value<QIcon>().cacheKey(), clip.value<QIcon>().cacheKey());
}

TEST_F(NoIconThemeTest, ViewerButtonsAndAttachmentsHaveIcons)
{
    const QByteArray raw =
        "From: Dan <dan@example.org>\r\nTo: me@example.org\r\nSubject: Report\r\n"
        "Date: Mon, 06 May 2024 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee attached.\r\n"
        "--b1\r\nContent-Type: application/x-poplar-unknown; name=\"q1.bin\"\r\n"
        "Content-Disposition: attachment; filename=\"q1.bin\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
    ui::MessageView view;
    QSignalSpy rendered(&view, &ui::MessageView::rendered);
    view.showMessage(4, raw);
    ASSERT_TRUE(test::waitUntil([&] { return rendered.count() == 1; }));
    for (const char *name : {"openAttachment", "saveAttachment", "saveAllAttachments"}) {
        auto *button = view.findChild<QToolButton *>(QLatin1String(name));
        ASSERT_NE(button, nullptr) << name;
        EXPECT_TRUE(drawn(button->icon())) << name;
    }
    auto *list = view.findChild<QTreeWidget *>(QStringLiteral("attachmentList"));
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->topLevelItemCount(), 1);
    EXPECT_TRUE(drawn(list->topLevelItem(0)->icon(0)));
}

TEST(ThemedIconTest, PrefersTheFirstNameWithADrawing)
{
    EXPECT_TRUE(ui::hasFallbackIcon(QStringLiteral("starred")));
    EXPECT_FALSE(ui::hasFallbackIcon(QStringLiteral("no-such-icon")));
    EXPECT_TRUE(ui::themedIcon({QStringLiteral("no-such-icon")}).isNull());
}

} // namespace

namespace {

class NewMailClipTest : public poplar::test::WindowFixture {};

// Seen in the screenshots of rough edge 2: new mail showed its clip only once its folder
// was opened again, because a summary knows of attachments only after indexing.
TEST_F(NewMailClipTest, TheClipShowsOnceNewMailIsIndexedWithoutReopeningTheFolder)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const QByteArray raw =
        "From: Dan <dan@example.org>\r\nTo: me@example.org\r\nSubject: Report\r\n"
        "Date: Mon, 06 May 2024 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee attached.\r\n"
        "--b1\r\nContent-Type: application/pdf; name=\"q1.pdf\"\r\n"
        "Content-Disposition: attachment; filename=\"q1.pdf\"\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
    const qint64 id = test::storeMessage(*m_store, home, QStringLiteral("r"), raw);
    ui::MainWindow &window = makeWindow();
    window.showFolder(home, poplar::store::Folder::Inbox);
    MessageListModel *model = window.messageModel();
    const QModelIndex subject = model->index(model->rowOf(id), MessageListModel::SubjectColumn);
    ASSERT_TRUE(subject.isValid());
    EXPECT_TRUE(subject.data(Qt::DecorationRole).isNull()); // not indexed yet: not known

    m_sync->indexPending(); // as the sync thread does after a sync
    ASSERT_TRUE(test::waitUntil([&] {
        return !model->index(model->rowOf(id), MessageListModel::SubjectColumn)
                    .data(Qt::DecorationRole)
                    .isNull();
    }));
}

} // namespace
