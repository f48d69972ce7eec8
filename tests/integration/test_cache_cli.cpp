// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl check, compact and search's pages, on a profile filled by importing an mbox.
#include "CtlTest.h"

#include "store/Database.h"

#include <QFile>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::test;

namespace {

QByteArray mboxEntry(int n, const QByteArray &subject, const QByteArray &body)
{
    // One day apart, the later ones newer; the mbox order is not the date order.
    const QByteArray day = QByteArray::number(1 + n);
    return "From bob@example.org Mon Nov 30 10:00:00 2026\nFrom: Bob <bob@example.org>\n"
           "To: alice@example.org\nSubject: " +
           subject + "\nDate: " + day + " Nov 2026 10:00:00 +0000\n\n" + body + "\n\n";
}

class CacheCliTest : public CtlTest {
protected:
    /// Imports `entries` into local:Mail; returns the ids, newest (latest date) first.
    QList<qint64> import(const QByteArray &mbox)
    {
        const CtlRun r = ctl({QStringLiteral("import"), QStringLiteral("mbox"),
                              writeFile(QStringLiteral("Mail.mbox"), mbox)});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QList<qint64> ids;
        for (const QJsonValue &row : listJson(QStringLiteral("local:Mail")))
            ids.append(row[QStringLiteral("id")].toInteger());
        return ids;
    }

    static QList<qint64> idsIn(const QByteArray &json)
    {
        QList<qint64> ids;
        for (const QJsonValue &row : QJsonDocument::fromJson(json).array())
            ids.append(row[QStringLiteral("id")].toInteger());
        return ids;
    }

    QString cachePath() const { return m_profile.filePath(QStringLiteral("cache.sqlite")); }
};

TEST_F(CacheCliTest, CheckSaysHealthyAndThenDamagedWithoutCrashing)
{
    QByteArray mbox;
    for (int i = 0; i < 40; ++i)
        mbox += mboxEntry(i, "Note " + QByteArray::number(i), QByteArray(3000, 'a' + i % 26));
    ASSERT_EQ(import(mbox).size(), 40);

    const CtlRun healthy = ctl({QStringLiteral("check")});
    EXPECT_EQ(healthy.exitCode, 0) << healthy.out.toStdString() << healthy.err.toStdString();
    EXPECT_TRUE(healthy.out.contains("is healthy")) << healthy.out.toStdString();
    EXPECT_TRUE(healthy.out.contains("40 messages")) << healthy.out.toStdString();
    const CtlRun json =
        ctl({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(json.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    EXPECT_TRUE(report[QStringLiteral("healthy")].toBool());
    EXPECT_EQ(report[QStringLiteral("messages")].toInteger(), 40);
    EXPECT_EQ(report[QStringLiteral("schemaVersion")].toInt(), store::Database::schemaVersion);
    EXPECT_TRUE(report[QStringLiteral("problems")].toArray().isEmpty());

    {
        // Bytes flipped at the start of every page but the first: their headers.
        QFile file(cachePath());
        ASSERT_TRUE(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / 65536;
        ASSERT_GT(pages, 2);
        for (qint64 page = 1; page < pages; ++page) {
            ASSERT_TRUE(file.seek(page * 65536));
            QByteArray head = file.read(16);
            for (char &c : head)
                c = char(~c);
            ASSERT_TRUE(file.seek(page * 65536));
            ASSERT_EQ(file.write(head), head.size());
        }
    }
    const CtlRun damaged = ctl({QStringLiteral("check")});
    EXPECT_EQ(damaged.exitCode, 1) << damaged.out.toStdString() << damaged.err.toStdString();
    EXPECT_TRUE(damaged.out.contains("has problems")) << damaged.out.toStdString();
    EXPECT_TRUE(damaged.out.contains("SQLite found the file damaged")) << damaged.out.toStdString();
    const CtlRun damagedJson =
        ctl({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(damagedJson.exitCode, 1);
    const QJsonObject bad = QJsonDocument::fromJson(damagedJson.out).object();
    EXPECT_FALSE(bad[QStringLiteral("healthy")].toBool());
    ASSERT_FALSE(bad[QStringLiteral("problems")].toArray().isEmpty());
    EXPECT_EQ(bad[QStringLiteral("problems")].toArray().at(0)[QStringLiteral("code")].toString(),
              QStringLiteral("damaged-file"));
}

TEST_F(CacheCliTest, CompactGivesBackWhatEmptyingTheTrashLeft)
{
    QByteArray mbox;
    for (int i = 0; i < 24; ++i)
        mbox += mboxEntry(i, "Big " + QByteArray::number(i), QByteArray(400 * 1024, 'x'));
    const QList<qint64> ids = import(mbox);
    ASSERT_EQ(ids.size(), 24);
    for (qsizetype i = 0; i < 20; ++i)
        ASSERT_EQ(ctl({QStringLiteral("delete"), QString::number(ids.at(i))}).exitCode, 0);
    ASSERT_EQ(ctl({QStringLiteral("empty-trash")}).exitCode, 0);

    const CtlRun compacted =
        ctl({QStringLiteral("compact"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(compacted.exitCode, 0) << compacted.err.toStdString();
    const QJsonObject sizes = QJsonDocument::fromJson(compacted.out).object();
    const qint64 before = sizes[QStringLiteral("bytesBefore")].toInteger();
    const qint64 after = sizes[QStringLiteral("bytesAfter")].toInteger();
    EXPECT_GT(before, 8 * 1024 * 1024);
    EXPECT_LT(after, before - 6 * 1024 * 1024);
    EXPECT_EQ(listJson(QStringLiteral("local:Mail")).size(), 4);
    EXPECT_EQ(ctl({QStringLiteral("check")}).exitCode, 0);

    const CtlRun again = ctl({QStringLiteral("compact")});
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.startsWith("Compacted the mail cache: ")) << again.out.toStdString();
}

TEST_F(CacheCliTest, SearchPagesNewestFirstAndSaysHowFarIndexingIs)
{
    QByteArray mbox;
    // Dates 1..5 November, stored in the order 3, 1, 5, 2, 4.
    for (const int day : {3, 1, 5, 2, 4})
        mbox += mboxEntry(day, "Marmalade " + QByteArray::number(day), "Oranges and sugar.");
    mbox += mboxEntry(6, "Unrelated", "Nothing here.");
    ASSERT_EQ(import(mbox).size(), 6);
    const auto search = [this](const QStringList &more) {
        return ctl(QStringList{QStringLiteral("search"), QStringLiteral("marmalade"),
                               QStringLiteral("--format"), QStringLiteral("json")} +
                   more);
    };
    const auto subjects = [](const QByteArray &json) {
        QStringList out;
        for (const QJsonValue &row : QJsonDocument::fromJson(json).array())
            out.append(row[QStringLiteral("subject")].toString());
        return out;
    };

    // Nothing indexed yet, and no time given to index: an answer at once, and why it is empty.
    const CtlRun unindexed = search({QStringLiteral("--index-seconds"), QStringLiteral("0")});
    EXPECT_EQ(unindexed.exitCode, 0);
    EXPECT_TRUE(QJsonDocument::fromJson(unindexed.out).array().isEmpty());
    EXPECT_TRUE(unindexed.err.contains("0 of 6 messages are indexed so far"))
        << unindexed.err.toStdString();

    const CtlRun first = search({QStringLiteral("--limit"), QStringLiteral("2")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_EQ(subjects(first.out),
              (QStringList{QStringLiteral("Marmalade 5"), QStringLiteral("Marmalade 4")}));
    EXPECT_TRUE(first.err.contains("5 messages match; these are 1-2, newest first"))
        << first.err.toStdString();
    EXPECT_FALSE(first.err.contains("indexed so far")) << first.err.toStdString();
    const CtlRun last = search({QStringLiteral("--limit"), QStringLiteral("2"),
                                QStringLiteral("--page"), QStringLiteral("3")});
    EXPECT_EQ(subjects(last.out), QStringList{QStringLiteral("Marmalade 1")});
    EXPECT_TRUE(last.err.contains("these are 5-5")) << last.err.toStdString();

    // Everything on one page: stderr stays quiet; the JSON keeps its shape.
    const CtlRun all = search({QStringLiteral("--wait-for-index")});
    EXPECT_EQ(all.exitCode, 0);
    EXPECT_TRUE(all.err.isEmpty()) << all.err.toStdString();
    const QJsonArray rows = QJsonDocument::fromJson(all.out).array();
    ASSERT_EQ(rows.size(), 5);
    for (const char *key :
         {"id", "account", "uidl", "folder", "from", "subject", "date", "size", "seen", "partial"})
        EXPECT_TRUE(rows.at(0).toObject().contains(QLatin1String(key))) << key;

    EXPECT_EQ(search({QStringLiteral("--limit"), QStringLiteral("0")}).exitCode, 2);
    EXPECT_EQ(search({QStringLiteral("--page"), QStringLiteral("x")}).exitCode, 2);
}

} // namespace
