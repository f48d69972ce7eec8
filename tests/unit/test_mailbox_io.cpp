// SPDX-License-Identifier: GPL-3.0-or-later
// mbox and Maildir in and out: MailboxReader, MboxWriter and MailImporter.
#include "store/Database.h"
#include "store/MailboxReader.h"
#include "store/MboxWriter.h"
#include "store/MessageStore.h"
#include "sync/MailImporter.h"

#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::store;
using Format = MailboxReader::Format;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << qPrintable(f.errorString());
    ASSERT_EQ(f.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << qPrintable(path);
    return f.readAll();
}

/// Every message of a mailbox; a skipped one appears as "SKIPPED: <reason>".
QList<QByteArray> readAll(Format format, const QString &path)
{
    auto reader = MailboxReader::open(format, path);
    EXPECT_TRUE(reader.ok()) << qPrintable(reader.error().message());
    if (!reader)
        return {};
    QList<QByteArray> out;
    for (;;) {
        auto next = reader.value()->next();
        EXPECT_TRUE(next.ok());
        if (!next || !next.value())
            break;
        const MailboxMessage &m = *next.value();
        out.append(m.skipReason.isEmpty() ? m.raw : "SKIPPED: " + m.skipReason.toUtf8());
    }
    return out;
}

/// What MboxWriter documents a message comes back as: LF endings, ending in LF.
QByteArray normalised(QByteArray raw)
{
    raw.replace("\r\n", "\n");
    if (!raw.endsWith('\n'))
        raw += '\n';
    return raw;
}

Error openError(Format format, const QString &path)
{
    auto reader = MailboxReader::open(format, path);
    EXPECT_FALSE(reader.ok());
    return reader ? Error{} : reader.error();
}

} // namespace

TEST(MboxWriter, SeparatorLineIsAsctimeInUtc)
{
    EXPECT_EQ(MboxWriter::separatorLine(QDateTime::fromSecsSinceEpoch(0, Qt::UTC)),
              QByteArray("From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n"));
    const QDateTime cet = QDateTime(QDate(2026, 11, 23), QTime(1, 2, 3), QTimeZone(3600));
    EXPECT_EQ(MboxWriter::separatorLine(cet),
              QByteArray("From MAILER-DAEMON Mon Nov 23 00:02:03 2026\n"));
}

TEST(MboxWriter, EscapesEveryLineAReaderWouldTakeForASeparator)
{
    EXPECT_EQ(MboxWriter::escaped("From x\r\n>From y\n>>From z\nFromage\n> From a\n From b"),
              QByteArray(">From x\n>>From y\n>>>From z\nFromage\n> From a\n From b\n"));
}

TEST(MailboxIo, MboxRoundTripGivesTheMessagesBack)
{
    const QList<QByteArray> messages{
        // LF, with lines that look like separators or escaped separators.
        QByteArray("From: a@example.org\nSubject: lf\n\nFrom the start\n>From quoted\n"
                   ">>From twice\nFrom\nFromage\n"),
        // CRLF, as POP3 delivers it.
        test::makeMessage(QStringLiteral("crlf"), QStringLiteral("b@example.org"),
                          QStringLiteral("From here\r\n>From there\r\n")),
        // No line ending at the end.
        QByteArray("Subject: unterminated\n\nno newline at the end"),
        // Blank lines at the end are the message's own, not the separator's.
        QByteArray("Subject: blank tail\n\nbody\n\n\n"),
        QByteArray("Subject: crlf blank tail\r\n\r\nbody\r\n\r\n"),
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.mbox"));
    {
        MboxWriter writer(path);
        ASSERT_TRUE(writer.open().ok());
        for (const QByteArray &m : messages)
            ASSERT_TRUE(writer.write(m, QDateTime::fromSecsSinceEpoch(0, Qt::UTC)).ok());
        ASSERT_TRUE(writer.commit().ok());
    }
    const QByteArray file = readFile(path);
    EXPECT_FALSE(file.contains('\r')) << "the file has LF line endings";
    EXPECT_TRUE(file.startsWith("From MAILER-DAEMON Thu Jan  1 00:00:00 1970\nFrom: a@"));
    EXPECT_TRUE(file.contains("\n>From the start\n>>From quoted\n>>>From twice\nFrom\n"));
    EXPECT_TRUE(file.contains("no newline at the end\n\nFrom MAILER-DAEMON"));

    const QList<QByteArray> back = readAll(Format::Mbox, path);
    ASSERT_EQ(back.size(), messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i)
        EXPECT_EQ(back.at(i), normalised(messages.at(i))) << "message " << i;
}

// The reader reads lines in 64 KB chunks and looked for mboxrd's ^>+From  in the first one
// only: a line of 70,000 '>' before "From " kept the '>' the writer had added. Found by the
// mbox fuzzer's invariant that the file can be rebuilt from the messages.
TEST(MailboxIo, UnescapesAFromLineBehindMoreThanAChunkOfQuotes)
{
    const QByteArray message = "Subject: quotes\n\n" + QByteArray(70'000, '>') + "From x\n" +
                               QByteArray(65'531, '>') + "From y\n";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("quotes.mbox"));
    {
        MboxWriter writer(path);
        ASSERT_TRUE(writer.open().ok());
        ASSERT_TRUE(writer.write(message, QDateTime::fromSecsSinceEpoch(0, Qt::UTC)).ok());
        ASSERT_TRUE(writer.commit().ok());
    }
    const QList<QByteArray> back = readAll(Format::Mbox, path);
    ASSERT_EQ(back.size(), 1);
    EXPECT_EQ(back.at(0), message);
}

TEST(MailboxIo, ReadsACrlfMboxKeepingItsLineEndings)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crlf.mbox"));
    writeFile(path, "From someone@example.org Mon Nov 23 10:00:00 2026\r\n"
                    "Subject: one\r\n\r\nbody\r\n>From quoted\r\n\r\n"
                    "From someone@example.org Mon Nov 23 10:00:01 2026\r\n"
                    "Subject: two\r\n\r\nlast\r\n\r\n");
    const QList<QByteArray> back = readAll(Format::Mbox, path);
    ASSERT_EQ(back.size(), 2);
    EXPECT_EQ(back.at(0), QByteArray("Subject: one\r\n\r\nbody\r\nFrom quoted\r\n"));
    EXPECT_EQ(back.at(1), QByteArray("Subject: two\r\n\r\nlast\r\n"));
}

TEST(MailboxIo, MboxWithoutBlankLinesBeforeSeparatorsAndWithoutAFinalNewline)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tight.mbox"));
    writeFile(path, "From a\nSubject: one\n\nx\nFrom b\nSubject: two\n\ny");
    const QList<QByteArray> back = readAll(Format::Mbox, path);
    ASSERT_EQ(back.size(), 2);
    EXPECT_EQ(back.at(0), QByteArray("Subject: one\n\nx\n"));
    EXPECT_EQ(back.at(1), QByteArray("Subject: two\n\ny"));
}

TEST(MailboxIo, ClearErrorsForWhatIsNotAMailbox)
{
    QTemporaryDir dir;
    EXPECT_TRUE(openError(Format::Mbox, dir.filePath(QStringLiteral("missing")))
                    .message()
                    .contains(QStringLiteral("does not exist")));

    const QString eml = dir.filePath(QStringLiteral("message.eml"));
    writeFile(eml, "Subject: not an mbox\n\nbody\n");
    EXPECT_TRUE(openError(Format::Mbox, eml).message().contains(QStringLiteral("not an mbox")));
    EXPECT_TRUE(openError(Format::Mbox, dir.path()).message().contains(QStringLiteral("folder")));
    EXPECT_TRUE(
        openError(Format::Maildir, dir.path()).message().contains(QStringLiteral("not a Maildir")));
    EXPECT_TRUE(openError(Format::Maildir, eml).message().contains(QStringLiteral("file")));
}

TEST(MailboxIo, ClearErrorForAnUnreadableMbox)
{
    QTemporaryDir dir;
    const QString unreadable = dir.filePath(QStringLiteral("locked.mbox"));
    writeFile(unreadable, "From a\n\nbody\n");
    QFile::setPermissions(unreadable, QFileDevice::Permissions{});
    QFile probe(unreadable);
    if (probe.open(QIODevice::ReadOnly))
        GTEST_SKIP() << "running as root: permissions do not stop reading";
    EXPECT_TRUE(
        openError(Format::Mbox, unreadable).message().contains(QStringLiteral("Cannot read")));
}

TEST(MailboxIo, AnEmptyMboxHoldsNoMessages)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.mbox"));
    writeFile(path, {});
    EXPECT_TRUE(readAll(Format::Mbox, path).isEmpty());
}

TEST(MailboxIo, MaildirIsReadInFileNameOrderFromCurAndNew)
{
    QTemporaryDir dir;
    const QDir root(dir.filePath(QStringLiteral("Archive")));
    for (const char *sub : {"cur", "new", "tmp"})
        ASSERT_TRUE(root.mkpath(QString::fromLatin1(sub)));
    writeFile(root.filePath(QStringLiteral("cur/1700000003.M3.host:2,S")), "Subject: 3\n\n3\n");
    writeFile(root.filePath(QStringLiteral("new/1700000001.M1.host")), "Subject: 1\r\n\r\n1\r\n");
    writeFile(root.filePath(QStringLiteral("cur/1700000002.M2.host:2,")), "Subject: 2\n\n2");
    writeFile(root.filePath(QStringLiteral("tmp/1700000000.M0.host")), "being delivered");
    writeFile(root.filePath(QStringLiteral("cur/.hidden")), "not a message");

    const QList<QByteArray> back = readAll(Format::Maildir, root.path());
    ASSERT_EQ(back.size(), 3);
    EXPECT_EQ(back.at(0), QByteArray("Subject: 1\r\n\r\n1\r\n")) << "kept byte for byte";
    EXPECT_EQ(back.at(1), QByteArray("Subject: 2\n\n2"));
    EXPECT_EQ(back.at(2), QByteArray("Subject: 3\n\n3\n"));
    EXPECT_EQ(MailboxReader::defaultFolderName(Format::Maildir, root.path() + QLatin1Char('/')),
              QStringLiteral("Archive"));
    EXPECT_EQ(MailboxReader::defaultFolderName(Format::Mbox, QStringLiteral("/x/old.mail.mbox")),
              QStringLiteral("old.mail"));
}

TEST(MboxWriter, AnExportThatIsNotCommittedLeavesNoFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("half.mbox"));
    {
        MboxWriter writer(path);
        ASSERT_TRUE(writer.open().ok());
        ASSERT_TRUE(writer.write("Subject: x\n\ny\n").ok());
    }
    EXPECT_FALSE(QFile::exists(path));
    MboxWriter nowhere(dir.filePath(QStringLiteral("no/such/folder/x.mbox")));
    EXPECT_FALSE(nowhere.open().ok() && nowhere.commit().ok());
}

class MailImporterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = Database::open(QStringLiteral(":memory:"), QStringLiteral("import-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
    }
    void TearDown() override
    {
        m_store.reset();
        m_db.reset();
    }

    sync::ImportResult import(Format format, const QString &path, const QString &folder)
    {
        sync::MailImporter importer(*m_store);
        auto result = importer.importMailbox(format, path, folder);
        EXPECT_TRUE(result.ok()) << qPrintable(result.error().message());
        return result ? result.value() : sync::ImportResult{};
    }

    qint64 countRows(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        EXPECT_TRUE(q.exec(sql) && q.next());
        return q.value(0).toLongLong();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::optional<MessageStore> m_store;
};

TEST_F(MailImporterTest, ImportingTwiceAddsNothing)
{
    // More than one batch, and the same message twice in one mailbox.
    QByteArray mbox;
    constexpr int count = sync::MailImporter::batchMessages * 2 + 50;
    for (int i = 0; i < count; ++i) {
        mbox += "From sender@example.org Mon Nov 23 10:00:00 2026\n";
        mbox += QStringLiteral("From: Sender %1 <s%1@example.org>\nSubject: Message %1\n"
                               "Date: Mon, 23 Nov 2026 10:%2:00 +0000\n\n>From body %1\n\n")
                    .arg(i)
                    .arg(i % 60, 2, 10, QLatin1Char('0'))
                    .toUtf8();
    }
    mbox += "From x Mon Nov 23 10:00:00 2026\nSubject: Message 0 again\n\nsame\n\n";
    mbox += "From x Mon Nov 23 10:00:00 2026\nSubject: Message 0 again\n\nsame\n\n";
    const QString path = m_dir.filePath(QStringLiteral("archive.mbox"));
    writeFile(path, mbox);

    const sync::ImportResult first = import(Format::Mbox, path, QStringLiteral("archive"));
    EXPECT_EQ(first.imported, count + 1);
    EXPECT_EQ(first.duplicates, 1);
    EXPECT_EQ(first.skipped, 0);
    EXPECT_TRUE(first.warnings.isEmpty());

    const sync::ImportResult second = import(Format::Mbox, path, QStringLiteral("archive"));
    EXPECT_EQ(second.imported, 0);
    EXPECT_EQ(second.duplicates, count + 2);

    auto rows = m_store->localFolder(QStringLiteral("archive"));
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value().size(), count + 1);
    EXPECT_EQ(rows.value().constLast().subject, QStringLiteral("Message 0 again")) << "no date";
    const MessageSummary &newest = rows.value().constFirst();
    EXPECT_EQ(newest.accountId, MessageStore::localAccountId());
    EXPECT_TRUE(newest.uidl.isEmpty());
    EXPECT_TRUE(newest.fromAddress.startsWith(QLatin1Char('s')));
    auto raw = m_store->raw(newest.id);
    ASSERT_TRUE(raw.ok());
    EXPECT_TRUE(raw.value().contains("\n\nFrom body ")) << "un-escaped body line";

    // Another folder is another folder; nothing reached the server bookkeeping.
    EXPECT_EQ(import(Format::Mbox, path, QStringLiteral("copy")).imported, count + 1);
    auto folders = m_store->localFolders();
    ASSERT_TRUE(folders.ok());
    EXPECT_EQ(folders.value(), (QStringList{QStringLiteral("archive"), QStringLiteral("copy")}));
    EXPECT_EQ(countRows(QStringLiteral("SELECT count(*) FROM downloads")), 0);
    auto known = m_store->knownUidls(MessageStore::localAccountId());
    ASSERT_TRUE(known.ok());
    EXPECT_TRUE(known.value().isEmpty());
}

TEST_F(MailImporterTest, ImportsAMaildir)
{
    const QDir root(m_dir.filePath(QStringLiteral("Maildir")));
    ASSERT_TRUE(root.mkpath(QStringLiteral("new")));
    writeFile(root.filePath(QStringLiteral("new/1.a")),
              test::makeMessage(QStringLiteral("Hello"), QStringLiteral("a@example.org"),
                                QStringLiteral("body")));
    writeFile(root.filePath(QStringLiteral("new/2.b")), {});
    const sync::ImportResult result = import(Format::Maildir, root.path(), QStringLiteral("md"));
    EXPECT_EQ(result.imported, 1);
    EXPECT_EQ(result.skipped, 1);
    ASSERT_EQ(result.warnings.size(), 1);
    EXPECT_TRUE(result.warnings.constFirst().contains(QStringLiteral("new/2.b")));
    auto rows = m_store->localFolder(QStringLiteral("md"));
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value().size(), 1);
    EXPECT_EQ(rows.value().constFirst().subject, QStringLiteral("Hello"));
}

TEST_F(MailImporterTest, AMessageOver64MegabytesIsSkippedWithAWarning)
{
    // Made here rather than kept in the repository: 70 MB of lines between two small messages.
    const QString path = m_dir.filePath(QStringLiteral("huge.mbox"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("From a Mon Nov 23 10:00:00 2026\nSubject: before\n\nsmall\n\n");
        f.write("From b Mon Nov 23 10:00:00 2026\nSubject: huge\n\n");
        const QByteArray line = QByteArray(999, 'x') + '\n';
        QByteArray megabyte;
        for (int i = 0; i < 1024 * 1024 / line.size() + 1; ++i)
            megabyte += line;
        for (int i = 0; i < 70; ++i)
            ASSERT_EQ(f.write(megabyte), megabyte.size());
        f.write("\nFrom c Mon Nov 23 10:00:00 2026\nSubject: after\n\nsmall\n\n");
    }
    const sync::ImportResult result = import(Format::Mbox, path, QStringLiteral("huge"));
    EXPECT_EQ(result.imported, 2);
    EXPECT_EQ(result.skipped, 1);
    ASSERT_EQ(result.warnings.size(), 1);
    EXPECT_TRUE(result.warnings.constFirst().contains(QStringLiteral("message 2 (line 6)")))
        << qPrintable(result.warnings.constFirst());
    EXPECT_TRUE(result.warnings.constFirst().contains(QStringLiteral("larger than 64 MB")));
    auto rows = m_store->localFolder(QStringLiteral("huge"));
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows.value().size(), 2);
    auto after = m_store->raw(rows.value().constFirst().id);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after.value(), QByteArray("Subject: after\n\nsmall\n"));
    QFile::remove(path);

    // A Maildir file that size is never read into memory at all (a sparse file: no disk).
    const QDir root(m_dir.filePath(QStringLiteral("Big")));
    ASSERT_TRUE(root.mkpath(QStringLiteral("cur")));
    QFile big(root.filePath(QStringLiteral("cur/1.big")));
    ASSERT_TRUE(big.open(QIODevice::WriteOnly) && big.resize(70LL * 1024 * 1024));
    big.close();
    const sync::ImportResult maildir = import(Format::Maildir, root.path(), QStringLiteral("big"));
    EXPECT_EQ(maildir.imported, 0);
    EXPECT_EQ(maildir.skipped, 1);
}
