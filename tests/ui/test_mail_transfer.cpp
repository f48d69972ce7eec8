// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowFixture.h"

#include "FolderTree.h"
#include "MailTransfer.h"
#include "MessageListModel.h"

#include "store/MailboxReader.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>

using namespace poplar;
using poplar::store::Folder;
using poplar::store::MailboxReader;

namespace {

class MailTransferTest : public test::WindowFixture {
protected:
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        return path;
    }

    bool waitForTransfers(ui::MainWindow &window)
    {
        return test::waitUntil([&] { return window.mailTransfer()->running() == 0; }, 10'000);
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

TEST_F(MailTransferTest, AnImportedMboxBecomesALocalFolderInTheTree)
{
    addAccount(QStringLiteral("Home"));
    const QString mbox = writeFile(
        QStringLiteral("Archive.mbox"),
        "From alice@example.org Mon Apr  1 10:00:00 2024\n"
        "From: Alice <alice@example.org>\nSubject: Old news\nDate: Mon, 1 Apr 2024 10:00:00 "
        "+0000\n\nFirst.\n\n"
        "From bob@example.org Tue Apr  2 10:00:00 2024\n"
        "From: Bob <bob@example.org>\nSubject: Older news\nDate: Tue, 2 Apr 2024 10:00:00 "
        "+0000\n\n>From the archive.\n\n");
    ui::MainWindow &window = makeWindow();
    QSignalSpy imported(window.mailTransfer(), &ui::MailTransfer::imported);
    QSignalSpy failed(window.mailTransfer(), &ui::MailTransfer::failed);

    window.mailTransfer()->importMailbox(
        MailboxReader::Format::Mbox, mbox,
        MailboxReader::defaultFolderName(MailboxReader::Format::Mbox, mbox));
    ASSERT_TRUE(test::waitUntil([&] { return imported.count() == 1 || !failed.isEmpty(); }));
    ASSERT_TRUE(failed.isEmpty()) << qPrintable(failed.first().first().toString());
    EXPECT_EQ(imported.first().at(0).toString(), QStringLiteral("Archive"));
    EXPECT_EQ(imported.first().at(1).toInt(), 2);

    // The tree: the account, then Local Folders with the new folder and a Trash.
    QTreeWidget *tree = window.folderTree();
    ASSERT_EQ(tree->topLevelItemCount(), 2);
    QTreeWidgetItem *local = tree->topLevelItem(1);
    EXPECT_EQ(local->text(0), QStringLiteral("Local Folders"));
    ASSERT_EQ(local->childCount(), 2);
    EXPECT_EQ(local->child(0)->text(0), QStringLiteral("Archive"));
    EXPECT_EQ(local->child(1)->text(0), QStringLiteral("Trash"));
    // ...and it is shown.
    EXPECT_EQ(tree->currentItem(), local->child(0));
    ui::MessageListModel *model = window.messageModel();
    EXPECT_EQ(model->localFolder(), QStringLiteral("Archive"));
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->summaryAt(0).subject, QStringLiteral("Older news"));

    // Importing it again adds nothing.
    window.mailTransfer()->importMailbox(MailboxReader::Format::Mbox, mbox,
                                         QStringLiteral("Archive"));
    ASSERT_TRUE(test::waitUntil([&] { return imported.count() == 2; }));
    EXPECT_EQ(imported.last().at(1).toInt(), 0);
    EXPECT_EQ(model->rowCount(), 2);

    // Delete and undo work in a local folder as anywhere.
    window.messageList()->selectionModel()->setCurrentIndex(
        model->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    window.deleteAction()->trigger();
    EXPECT_EQ(model->rowCount(), 1);
    window.folderTree()->selectFolder(store::MessageStore::localAccountId(), Folder::Trash);
    EXPECT_EQ(model->rowCount(), 1);
    window.showLocalFolder(QStringLiteral("Archive"));
    EXPECT_EQ(model->rowCount(), 1);
}

TEST_F(MailTransferTest, AMaildirImportsToo)
{
    const QString maildir = m_dir.filePath(QStringLiteral("Saved"));
    for (const char *sub : {"cur", "new", "tmp"})
        ASSERT_TRUE(QDir().mkpath(maildir + QLatin1Char('/') + QLatin1String(sub)));
    writeFile(QStringLiteral("Saved/cur/1700000000.1.host:2,S"),
              test::rfc5322(QStringLiteral("Kept"), QStringLiteral("k@example.org"), at(1, 1),
                            QStringLiteral("Body")));
    // No account at all: the local folder alone fills the window.
    ui::MainWindow &window = makeWindow();
    QSignalSpy imported(window.mailTransfer(), &ui::MailTransfer::imported);
    QSignalSpy failed(window.mailTransfer(), &ui::MailTransfer::failed);
    window.mailTransfer()->importMailbox(MailboxReader::Format::Maildir, maildir,
                                         QStringLiteral("Saved"));
    ASSERT_TRUE(test::waitUntil([&] { return imported.count() == 1 || !failed.isEmpty(); }));
    ASSERT_TRUE(failed.isEmpty()) << qPrintable(failed.first().first().toString());
    EXPECT_TRUE(window.messageList()->isVisible());
    ASSERT_EQ(window.messageModel()->rowCount(), 1);
    EXPECT_EQ(window.messageModel()->summaryAt(0).subject, QStringLiteral("Kept"));
}

TEST_F(MailTransferTest, SaveAsWritesTheRawBytesUnchanged)
{
    const QString account = addAccount(QStringLiteral("Home"));
    // Bytes a careless writer would "fix": a bare LF, 8-bit text, no final line ending.
    const QByteArray raw = "From: a@example.org\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\n"
                           "Content-Type: text/plain; charset=latin1\r\n\r\n"
                           "caf\xe9\nbare LF above\r\n.dot line\r\nno final newline";
    const qint64 id = test::storeMessage(*m_store, account, QStringLiteral("u"), raw);
    ui::MainWindow &window = makeWindow();
    window.messageList()->selectionModel()->setCurrentIndex(window.messageModel()->index(0, 0),
                                                            QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
    ASSERT_TRUE(window.mailTransfer()->saveAsAction()->isEnabled());
    EXPECT_EQ(window.mailTransfer()->saveAsAction()->shortcut(), QKeySequence(QKeySequence::Save));

    const QString path = m_dir.filePath(QStringLiteral("saved.eml"));
    window.mailTransfer()->saveMessage(id, path);
    ASSERT_TRUE(waitForTransfers(window));
    // What `poplarctl export` writes: the cache's raw bytes, as received.
    EXPECT_EQ(readFile(path), raw);
    EXPECT_EQ(readFile(path), m_store->raw(id).value());

    window.messageList()->clearSelection();
    EXPECT_FALSE(window.mailTransfer()->saveAsAction()->isEnabled());
}

TEST_F(MailTransferTest, ExportFolderWritesAnMboxThatReadsBack)
{
    const QString account = addAccount(QStringLiteral("Home"));
    test::storeMessage(*m_store, account, QStringLiteral("1"),
                       test::rfc5322(QStringLiteral("First"), QStringLiteral("a@example.org"),
                                     at(1, 8), QStringLiteral("From the start\nof it")));
    test::storeMessage(*m_store, account, QStringLiteral("2"),
                       test::rfc5322(QStringLiteral("Second"), QStringLiteral("b@example.org"),
                                     at(2, 8), QStringLiteral("Two")));
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(window.mailTransfer()->exportFolderAction()->isEnabled());

    const QString path = m_dir.filePath(QStringLiteral("inbox.mbox"));
    window.mailTransfer()->exportFolder(window.messageModel()->folderMessages(), path);
    ASSERT_TRUE(waitForTransfers(window));
    auto reader = MailboxReader::open(MailboxReader::Format::Mbox, path);
    ASSERT_TRUE(reader.ok()) << qPrintable(reader.error().message());
    QList<QByteArray> read;
    for (;;) {
        auto next = reader.value()->next();
        ASSERT_TRUE(next.ok());
        if (!next.value())
            break;
        read.append(next.value()->raw);
    }
    ASSERT_EQ(read.size(), 2);
    // Oldest first; the mbox has LF endings, and "From " in a body survives the escaping.
    QByteArray first = test::rfc5322(QStringLiteral("First"), QStringLiteral("a@example.org"),
                                     at(1, 8), QStringLiteral("From the start\nof it"));
    first.replace("\r\n", "\n");
    EXPECT_EQ(read.at(0), first);
    EXPECT_TRUE(read.at(1).contains("Subject: Second"));
}

} // namespace
