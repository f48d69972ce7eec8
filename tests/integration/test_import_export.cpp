// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl import and export-folder end to end: an mbox into a local folder and back out,
// beside mail synced from the private Dovecot.
#include "CtlTest.h"
#include "TestUtil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

namespace poplar::test {

namespace {

class ImportExportTest : public CtlTest {
protected:
    /// The raw bytes of every message in a folder, sorted (the order is the list's business).
    QList<QByteArray> exportAll(const QString &folder)
    {
        QList<QByteArray> out;
        for (const QJsonValue &row : listJson(folder)) {
            const QJsonObject o = row.toObject();
            const CtlRun e = ctl({QStringLiteral("export"),
                                  QString::number(o.value(QStringLiteral("id")).toInteger())});
            EXPECT_EQ(e.exitCode, 0) << e.err.toStdString();
            EXPECT_TRUE(e.err.isEmpty()) << e.err.toStdString();
            EXPECT_EQ(o.value(QStringLiteral("size")).toInteger(), e.out.size());
            out.append(e.out);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    static QList<QByteArray> sorted(QList<QByteArray> list)
    {
        std::sort(list.begin(), list.end());
        return list;
    }
};

// Three messages as an mbox holds them (mboxrd) and as they are once imported.
const QByteArray mbox =
    "From alice@example.org Mon Nov 23 10:00:00 2026\n"
    "From: Alice <alice@example.org>\nTo: bob@example.org\nSubject: Escapes\n"
    "Date: Mon, 23 Nov 2026 10:00:00 +0000\n\n"
    ">From the first line of a paragraph\n>>From an mbox quoted once\nFrom\n\n"
    "From carol@example.org Tue Nov 24 10:00:00 2026\n"
    "From: carol@example.org\nSubject: Blank tail\nDate: Tue, 24 Nov 2026 10:00:00 +0000\n\n"
    "ends with a blank line of its own\n\n\n"
    "From dan@example.org Wed Nov 25 10:00:00 2026\n"
    "From: Dan <dan@example.org>\nSubject: No date\n\nlast one\n\n";

const QList<QByteArray> imported{
    "From: Alice <alice@example.org>\nTo: bob@example.org\nSubject: Escapes\n"
    "Date: Mon, 23 Nov 2026 10:00:00 +0000\n\n"
    "From the first line of a paragraph\n>From an mbox quoted once\nFrom\n",
    "From: carol@example.org\nSubject: Blank tail\nDate: Tue, 24 Nov 2026 10:00:00 +0000\n\n"
    "ends with a blank line of its own\n\n",
    "From: Dan <dan@example.org>\nSubject: No date\n\nlast one\n",
};

TEST_F(ImportExportTest, MboxImportListExportAndBackAgain)
{
    const QString source = writeFile(QStringLiteral("Archive.mbox"), mbox);
    const CtlRun first = ctl({QStringLiteral("import"), QStringLiteral("mbox"), source});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_EQ(first.out, QByteArray("3 imported, 0 skipped\n"));
    const CtlRun again = ctl({QStringLiteral("import"), QStringLiteral("mbox"), source});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.out, QByteArray("0 imported, 3 skipped\n"));

    // The folder is named after the file, and its messages belong to no server.
    const QJsonArray rows = listJson(QStringLiteral("local:Archive"));
    ASSERT_EQ(rows.size(), 3);
    for (const QJsonValue &row : rows) {
        EXPECT_EQ(row[QStringLiteral("account")].toString(), QStringLiteral("local"));
        EXPECT_EQ(row[QStringLiteral("uidl")].toString(), QString());
        EXPECT_EQ(row[QStringLiteral("folder")].toString(), QStringLiteral("inbox"));
    }
    EXPECT_EQ(rows[0][QStringLiteral("subject")].toString(), QStringLiteral("Blank tail"));
    EXPECT_EQ(rows[2][QStringLiteral("subject")].toString(), QStringLiteral("No date"));
    EXPECT_EQ(exportAll(QStringLiteral("local:Archive")), sorted(imported));
    EXPECT_TRUE(listJson().isEmpty()) << "imported mail is not in the accounts' Inbox";

    // Out to an mbox and into another folder: the same messages, byte for byte.
    const QString out = m_files.filePath(QStringLiteral("out.mbox"));
    const CtlRun exported = ctl({QStringLiteral("export-folder"), QStringLiteral("Archive"),
                                 QStringLiteral("--mbox"), out});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_EQ(exported.out, QByteArray("3 exported, 0 skipped\n"));
    const CtlRun back = ctl({QStringLiteral("import"), QStringLiteral("mbox"), out,
                             QStringLiteral("--folder"), QStringLiteral("Round trip")});
    ASSERT_EQ(back.exitCode, 0) << back.err.toStdString();
    EXPECT_EQ(back.out, QByteArray("3 imported, 0 skipped\n"));
    EXPECT_EQ(exportAll(QStringLiteral("local:Round trip")), sorted(imported));

    // Oldest first, as they were imported, with mboxrd escaping on the way out.
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    EXPECT_TRUE(written.startsWith("From MAILER-DAEMON Mon Nov 23 10:00:00 2026\nFrom: Alice"));
    EXPECT_TRUE(written.contains("\n>From the first line of a paragraph\n>>From an mbox"));
    EXPECT_LT(written.indexOf("Subject: Blank tail"), written.indexOf("Subject: No date"));

    const CtlRun missing =
        ctl({QStringLiteral("list"), QStringLiteral("--folder"), QStringLiteral("local:Nothing")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains("no local folder")) << missing.err.toStdString();
    const CtlRun notMbox = ctl({QStringLiteral("import"), QStringLiteral("mbox"),
                                writeFile(QStringLiteral("x.eml"), imported.at(2))});
    EXPECT_EQ(notMbox.exitCode, 1);
    EXPECT_TRUE(notMbox.err.contains("not an mbox")) << notMbox.err.toStdString();
}

TEST_F(ImportExportTest, SyncedInboxExportsToAnMboxThatImportsBack)
{
    const QList<QByteArray> raws = seedThree();
    addAccount(QStringLiteral("tls"), server().tlsPort());
    const CtlRun sync = ctl({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    const CtlRun import = ctl({QStringLiteral("import"), QStringLiteral("mbox"),
                               writeFile(QStringLiteral("Archive.mbox"), mbox)});
    ASSERT_EQ(import.exitCode, 0) << import.err.toStdString();
    ASSERT_EQ(listJson().size(), 3) << "the Inbox holds the synced mail only";

    const QString out = m_files.filePath(QStringLiteral("inbox.mbox"));
    const CtlRun exported = ctl(
        {QStringLiteral("export-folder"), QStringLiteral("inbox"), QStringLiteral("--mbox"), out});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_EQ(exported.out, QByteArray("3 exported, 0 skipped\n"));
    const CtlRun back = ctl({QStringLiteral("import"), QStringLiteral("mbox"), out});
    ASSERT_EQ(back.exitCode, 0) << back.err.toStdString();

    // POP3 delivered CRLF; the mbox file has LF endings (MboxWriter's documented form).
    QList<QByteArray> expected;
    for (const QByteArray &raw : raws)
        expected.append(asSent(raw).replace("\r\n", "\n"));
    EXPECT_EQ(exportAll(QStringLiteral("local:inbox")), sorted(expected));
}

} // namespace

} // namespace poplar::test
