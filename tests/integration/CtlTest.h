// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs the real poplarctl binary against a private server: Dovecot (CtlTest), or another
// (CtlTestOn<MailutilsTest>).

#include "CtlRunner.h"
#include "DovecotServer.h"
#include "MailutilsServer.h"
#include "TestUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QTemporaryDir>

namespace poplar::test {

/// `ServerTest` is the fixture that runs the server: it has server(), with host(), user(),
/// password() and caFile().
template<class ServerTest> class CtlTestOn : public ServerTest {
protected:
    /// Writes `bytes` to a file of that name in this test's own folder; returns its path.
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        return writeTestFile(QDir(m_files.path()), name, bytes);
    }

    CtlRun ctl(const QStringList &args) { return runPoplarctl(m_profile.path(), args, {}, 60'000); }

    QString passwordCommand(const QString &password) const
    {
        return QStringLiteral("printf '%s\\n' '") + password + QLatin1Char('\'');
    }

    /// Adds the test account; returns its id.
    QString addAccount(const QString &security, quint16 port, bool trustCa = true,
                       const QStringList &extra = {})
    {
        QStringList args{QStringLiteral("account"),
                         QStringLiteral("add"),
                         QStringLiteral("--name"),
                         QStringLiteral("Test"),
                         QStringLiteral("--host"),
                         this->server().host(),
                         QStringLiteral("--port"),
                         QString::number(port),
                         QStringLiteral("--security"),
                         security,
                         QStringLiteral("--user"),
                         this->server().user(),
                         QStringLiteral("--password-command"),
                         passwordCommand(this->server().password())};
        if (trustCa)
            args += {QStringLiteral("--ca-file"), this->server().caFile()};
        const CtlRun r = ctl(args + extra);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QString::fromUtf8(r.out.trimmed());
    }

    /// poplarctl `args` with `--format json`, which must succeed: the array it prints.
    QJsonArray jsonOf(const QStringList &args)
    {
        const CtlRun r =
            ctl(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out).array();
    }

    QJsonArray listJson(const QString &folder = QStringLiteral("inbox"))
    {
        return jsonOf({QStringLiteral("list"), QStringLiteral("--folder"), folder});
    }

    /// The subjects of `rows` (as `list` prints them), sorted.
    static QStringList sortedSubjects(const QJsonArray &rows)
    {
        QStringList out;
        for (const QJsonValue &row : rows)
            out.append(row[QStringLiteral("subject")].toString());
        out.sort();
        return out;
    }

    /// Three messages, one with lines POP3 must dot-stuff and one with bare LF endings.
    QList<QByteArray> seedThree()
    {
        QList<QByteArray> raws{
            makeMessage(QStringLiteral("First"), QStringLiteral("Bob <bob@example.org>"),
                        QStringLiteral("Hello Alice.\n")),
            makeMessage(QStringLiteral("Dots"), QStringLiteral("carol@example.org"),
                        QStringLiteral(".leading dot\n..two dots\n.\nafter a lone dot\n"),
                        QStringLiteral("Tue, 03 Nov 2026 10:00:00 +0000")),
            QByteArray("From: Dan <dan@example.org>\nTo: alice@example.org\nSubject: LF only\n"
                       "Date: Wed, 04 Nov 2026 10:00:00 +0000\n\nBare line feeds here.\n"),
        };
        for (const QByteArray &raw : raws)
            EXPECT_FALSE(this->server().addMessage(raw).isEmpty());
        return raws;
    }

    /// What POP3 transmits for a Maildir file: every line ending as CRLF.
    static QByteArray asSent(QByteArray raw)
    {
        raw.replace("\r\n", "\n");
        raw.replace("\n", "\r\n");
        return raw;
    }

    QTemporaryDir m_profile;
    QTemporaryDir m_files; ///< files a test hands to poplarctl
};

using CtlTest = CtlTestOn<DovecotTest>;

} // namespace poplar::test
