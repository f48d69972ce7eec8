// SPDX-License-Identifier: GPL-3.0-or-later
// Mail the filters filed (and junk) in the window: each account's filed folders after its
// Inbox, the Inbox without them, and the line above the viewer that says why a message is
// where it is.
#include "WindowFixture.h"

#include "FolderTree.h"
#include "MessageListModel.h"

#include "filters/JunkVerdict.h"
#include "sync/HeaderFacts.h"

#include <QLabel>
#include <QTableView>
#include <QTreeWidget>

using namespace poplar;

namespace {

class FiledFoldersTest : public test::WindowFixture {
protected:
    qint64 store(const QString &account, const QString &subject, const QString &localFolder,
                 const QString &rule = {}, int line = 0, bool junk = false)
    {
        store::IncomingMessage m;
        m.accountId = account;
        m.uidl = subject;
        m.raw = test::rfc5322(subject, QStringLiteral("a@example.org"), at(1, 1),
                              QStringLiteral("Text"));
        m.headers = sync::headerFacts(m.raw);
        m.localFolder = localFolder;
        m.filedBy = rule;
        m.filedByLine = line;
        m.junk = junk;
        m.junkReason = junk ? QStringLiteral("X-Spam-Flag: YES") : QString();
        auto id = m_store->insert(m);
        EXPECT_TRUE(id.ok());
        return id.ok() ? id.value() : 0;
    }
};

} // namespace

TEST_F(FiledFoldersTest, FiledFoldersFollowTheInboxAndSayWhyAMessageIsThere)
{
    const QString account = addAccount(QStringLiteral("Home"));
    const qint64 plain = store(account, QStringLiteral("Plain"), {});
    const qint64 invoice = store(account, QStringLiteral("Invoice 7"), QStringLiteral("Invoices"),
                                 QStringLiteral("Invoices"), 4);
    store(account, QStringLiteral("Post"), QStringLiteral("Lists"), QStringLiteral("Lists"), 9);
    const qint64 spam =
        store(account, QStringLiteral("Pills"), filters::JunkVerdict::folderName(), {}, 0, true);
    ui::MainWindow &window = makeWindow();

    QTreeWidget *tree = window.folderTree();
    ASSERT_EQ(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *home = tree->topLevelItem(0);
    // Filed folders by name after the Inbox, Junk last of them, next to Trash.
    ASSERT_EQ(home->childCount(), 5);
    EXPECT_EQ(home->child(0)->text(0), QStringLiteral("Inbox"));
    EXPECT_EQ(home->child(1)->text(0), QStringLiteral("Invoices"));
    EXPECT_EQ(home->child(2)->text(0), QStringLiteral("Lists"));
    EXPECT_EQ(home->child(3)->text(0), QStringLiteral("Junk"));
    EXPECT_EQ(home->child(4)->text(0), QStringLiteral("Trash"));

    // The Inbox holds only what no rule filed.
    window.showFolder(account, store::Folder::Inbox);
    ui::MessageListModel *model = window.messageModel();
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->summaryAt(0).id, plain);

    auto *label = window.findChild<QLabel *>(QStringLiteral("filedByLabel"));
    ASSERT_NE(label, nullptr);
    selectMessage(window, plain);
    EXPECT_FALSE(label->isVisible());

    window.showLocalFolder(QStringLiteral("Invoices"), account);
    EXPECT_EQ(tree->currentItem(), home->child(1));
    ASSERT_EQ(model->rowCount(), 1);
    selectMessage(window, invoice);
    EXPECT_TRUE(label->isVisible());
    EXPECT_EQ(label->text(), QStringLiteral("Filed by rule 'Invoices' (line 4 of filters.sieve)"));

    tree->setCurrentItem(home->child(3));
    ASSERT_EQ(model->rowCount(), 1);
    selectMessage(window, spam);
    EXPECT_TRUE(label->text().contains(QStringLiteral("X-Spam-Flag: YES")))
        << qPrintable(label->text());

    // Back to the Inbox from a filed folder of the same account.
    tree->setCurrentItem(home->child(0));
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->summaryAt(0).id, plain);
}
