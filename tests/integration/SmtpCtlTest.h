// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs the real poplarctl binary against the private SMTP server of SmtpServerTest.

#include "CtlRunner.h"
#include "SmtpServer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

namespace poplar::test {

using SendRun = CtlRun;

class SmtpCtlTest : public SmtpServerTest {
protected:
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        return writeTestFile(QDir(m_files.path()), name, bytes);
    }

    SendRun ctl(const QStringList &args, const QProcessEnvironment &env = {})
    {
        return runPoplarctl(m_profile.path(), args, env);
    }

    /// Adds an account whose POP3 server is nowhere (these tests only send) and whose
    /// outgoing server is the test server's STARTTLS port (or `port`, `security`).
    QString addAccount(quint16 port = 0, const QString &security = QStringLiteral("starttls"),
                       const QStringList &extra = {})
    {
        const SendRun r = ctl(
            QStringList{QStringLiteral("account"),
                        QStringLiteral("add"),
                        QStringLiteral("--name"),
                        QStringLiteral("Alice"),
                        QStringLiteral("--email"),
                        smtp().user(),
                        QStringLiteral("--host"),
                        QStringLiteral("127.0.0.1"),
                        QStringLiteral("--port"),
                        QStringLiteral("9"),
                        QStringLiteral("--security"),
                        QStringLiteral("tls"),
                        QStringLiteral("--user"),
                        smtp().user(),
                        QStringLiteral("--password-command"),
                        QStringLiteral("printf '%s\\n' '") + smtp().password() + QLatin1Char('\''),
                        QStringLiteral("--ca-file"),
                        smtp().caFile(),
                        QStringLiteral("--from-name"),
                        QStringLiteral("Alice Liddell"),
                        QStringLiteral("--smtp-host"),
                        QStringLiteral("127.0.0.1"),
                        QStringLiteral("--smtp-port"),
                        QString::number(port ? port : smtp().startTlsPort()),
                        QStringLiteral("--smtp-security"),
                        security} +
            extra);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QString::fromUtf8(r.out.trimmed());
    }

    /// Puts `raw` into the cache as a local folder's message (a Maildir import keeps its
    /// bytes); returns its id.
    qint64 importMessage(const QByteArray &raw)
    {
        const QString maildir = m_files.filePath(QStringLiteral("import-maildir"));
        for (const char *sub : {"cur", "new", "tmp"})
            QDir().mkpath(maildir + QLatin1Char('/') + QLatin1String(sub));
        QFile f(maildir + QStringLiteral("/cur/1.eml:2,S"));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly) && f.write(raw) == raw.size());
        f.close();
        const SendRun r = ctl({QStringLiteral("import"), QStringLiteral("maildir"), maildir,
                               QStringLiteral("--folder"), QStringLiteral("received")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        const QJsonArray rows = listJson(QStringLiteral("local:received"));
        EXPECT_EQ(rows.size(), 1);
        return rows.isEmpty() ? 0 : rows.at(0).toObject().value(QStringLiteral("id")).toInteger();
    }

    QJsonArray listJson(const QString &folder)
    {
        const SendRun r = ctl({QStringLiteral("list"), QStringLiteral("--folder"), folder,
                               QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out).array();
    }

    QJsonArray outboxJson(bool all = false)
    {
        QStringList args{QStringLiteral("outbox"), QStringLiteral("--format"),
                         QStringLiteral("json")};
        if (all)
            args << QStringLiteral("--all");
        const SendRun r = ctl(args);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out).array();
    }

    QByteArray exported(qint64 id)
    {
        const SendRun r = ctl({QStringLiteral("export"), QString::number(id)});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.out;
    }

    /// "sent N" / "queued N" on stdout: the message's id.
    static qint64 idFrom(const SendRun &r)
    {
        return r.out.trimmed().split(' ').value(1).toLongLong();
    }

    QTemporaryDir m_profile;
    QTemporaryDir m_files;
};

} // namespace poplar::test
