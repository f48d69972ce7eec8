// SPDX-License-Identifier: GPL-3.0-or-later
// A profile whose cache holds nesting bombs (issue 12 item 3) stays usable from poplarctl:
// the bombs show and render without a crash, and everything else is indexed and found.
#include "CtlTest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

/// `unit` repeated to about `bytes`, in lines of 800 bytes or so, as mail carries it.
QByteArray repeatedLines(const QByteArray &unit, qsizetype bytes)
{
    QByteArray out;
    out.reserve(bytes + bytes / 800 + 16);
    qsizetype line = 0;
    while (out.size() < bytes) {
        out += unit;
        line += unit.size();
        if (line >= 800) {
            out += '\n';
            line = 0;
        }
    }
    return out;
}

QByteArray mboxEntry(const QByteArray &from, const QByteArray &subject, const QByteArray &type,
                     const QByteArray &body)
{
    return "From " + from + " Mon Nov 30 10:00:00 2026\nFrom: " + from +
           "\nTo: alice@example.org\nSubject: " + subject +
           "\nDate: Mon, 30 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: " + type +
           "; charset=utf-8\n\n" + body + "\n\n";
}

class HostileProfileTest : public CtlTest {
protected:
    /// Subject -> id of the messages in local:`folder`.
    QHash<QString, QString> idsBySubject(const QString &folder)
    {
        QHash<QString, QString> ids;
        for (const QJsonValue &row : listJson(QStringLiteral("local:") + folder)) {
            ids.insert(row[QStringLiteral("subject")].toString(),
                       QString::number(row[QStringLiteral("id")].toInteger()));
        }
        return ids;
    }

    QStringList searchIds(const QString &query)
    {
        // --wait-for-index: the bombs take longer to index than a search waits by default.
        const CtlRun r = ctl({QStringLiteral("search"), query, QStringLiteral("--wait-for-index"),
                              QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(r.exitCode, 0) << query.toStdString() << ": " << r.err.toStdString();
        QStringList ids;
        for (const QJsonValue &row : QJsonDocument::fromJson(r.out).array())
            ids.append(QString::number(row[QStringLiteral("id")].toInteger()));
        return ids;
    }
};

TEST_F(HostileProfileTest, NestingBombsRenderAndEverythingElseIsIndexed)
{
    // gumbo nests every <q/> (the "/>" is ignored) and ends "<!-->" at once: each body is a
    // tree a quarter of a million levels deep unless it is bounded where gumbo builds it.
    const QByteArray qBomb = repeatedLines("<q/>", 1024 * 1024) + "<p>qbombtail</p>";
    const QByteArray commentBomb =
        "<!-->" + repeatedLines("<span>", 1024 * 1024) + "commentbombtail-->";
    const QByteArray mbox =
        mboxEntry("bob@example.org", "Before", "text/plain",
                  "The marmalade recipe you asked for.") +
        mboxEntry("mallory@example.net", "Quotes", "text/html", qBomb) +
        mboxEntry("mallory@example.net", "Comments", "text/html", commentBomb) +
        mboxEntry("carol@example.org", "After", "text/html",
                  "<html><body><p>See you at the <b>quokka</b> enclosure.</p></body></html>");
    const CtlRun imported = ctl({QStringLiteral("import"), QStringLiteral("mbox"),
                                 writeFile(QStringLiteral("Hostile.mbox"), mbox)});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    ASSERT_EQ(imported.out, QByteArray("4 imported, 0 skipped\n"));
    const QHash<QString, QString> ids = idsBySubject(QStringLiteral("Hostile"));
    ASSERT_EQ(ids.size(), 4);

    // The first search indexes the whole cache: the bombs do not stop it or crash it.
    EXPECT_EQ(searchIds(QStringLiteral("marmalade")),
              QStringList{ids.value(QStringLiteral("Before"))});
    EXPECT_EQ(searchIds(QStringLiteral("quokka")), QStringList{ids.value(QStringLiteral("After"))});
    EXPECT_EQ(searchIds(QStringLiteral("Quotes")),
              QStringList{ids.value(QStringLiteral("Quotes"))});
    EXPECT_EQ(searchIds(QStringLiteral("Comments")),
              QStringList{ids.value(QStringLiteral("Comments"))});
    EXPECT_EQ(searchIds(QStringLiteral("marmalade")),
              QStringList{ids.value(QStringLiteral("Before"))})
        << "a second run, with everything indexed, finds the same";

    for (const QString &subject : {QStringLiteral("Quotes"), QStringLiteral("Comments")}) {
        const QString id = ids.value(subject);
        // Shown from the profile: exits normally (a crash reads as -1) with the body's end.
        const CtlRun shown =
            ctl({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json")});
        ASSERT_EQ(shown.exitCode, 0) << subject.toStdString() << ": " << shown.err.toStdString();
        const QJsonObject m = QJsonDocument::fromJson(shown.out).object();
        EXPECT_EQ(m[QStringLiteral("subject")].toString(), subject);
        if (subject == QLatin1String("Quotes")) {
            EXPECT_TRUE(m[QStringLiteral("text")].toString().contains(QStringLiteral("qbombtail")));
        }

        // The same bytes as a file, through `render`, which needs no profile.
        const CtlRun raw = ctl({QStringLiteral("export"), id});
        ASSERT_EQ(raw.exitCode, 0) << raw.err.toStdString();
        EXPECT_GT(raw.out.size(), 1024 * 1024);
        const CtlRun rendered =
            ctl({QStringLiteral("render"), writeFile(subject + QStringLiteral(".eml"), raw.out),
                 QStringLiteral("--format"), QStringLiteral("text")});
        EXPECT_EQ(rendered.exitCode, 0)
            << subject.toStdString() << ": " << rendered.err.toStdString();
        EXPECT_TRUE(rendered.out.contains(subject.toUtf8()));
    }
}

} // namespace

} // namespace poplar::test
