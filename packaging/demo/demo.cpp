// SPDX-License-Identifier: GPL-3.0-or-later
// `make demo`: Poplar against a private Dovecot on 127.0.0.1, with a sample mailbox and a
// throw-away profile that already knows the account and trusts the server's certificate.
// Closing Poplar (or Ctrl+C here) stops the server and removes what the demo made.
#include "DovecotServer.h"
#include "accounts/AccountStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto ignored = ::write(signalPipe[1], &byte, 1);
}

void say(const QString &text)
{
    std::fprintf(stderr, "demo: %s\n", qPrintable(text));
}

/// A long thread, so the list has a conversation to show: every reply names its parent.
QList<QByteArray> hikeThread()
{
    const QList<std::pair<const char *, const char *>> turns{
        {"Bob <bob@poplar.example>", "Anyone up for a hike on Saturday? The weather looks good."},
        {"Carol <carol@poplar.example>", "Yes! Which trail?"},
        {"Bob <bob@poplar.example>", "The ridge loop: 14 km, about five hours."},
        {"Dave <dave@poplar.example>", "Count me in. Shall I bring the stove?"},
        {"Carol <carol@poplar.example>", "Please do. I'll bring tea."},
        {"=?UTF-8?B?5p2O5piO?= <liming@poplar.example>", "我也去！几点出发？"},
        {"Bob <bob@poplar.example>", "8:00 at the station. Li, welcome along!"},
        {"Dave <dave@poplar.example>", "Forecast changed: some snow above 1200 m."},
        {"Carol <carol@poplar.example>", "Then boots, not trainers. Still on?"},
        {"Bob <bob@poplar.example>", "Still on. Photos and the plan are in my other mail."},
    };
    QList<QByteArray> messages;
    QByteArray references;
    const QDateTime start(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    for (qsizetype i = 0; i < turns.size(); ++i) {
        const QByteArray id = "<hike-" + QByteArray::number(i + 1) + "@poplar.example>";
        QByteArray m;
        m += "From: " + QByteArray(turns[i].first) + "\r\n";
        m += "To: Hiking group <hiking@poplar.example>\r\n";
        m += QByteArray(i == 0 ? "Subject: Weekend hike\r\n" : "Subject: Re: Weekend hike\r\n");
        m += "Date: " + start.addSecs(i * 47 * 60).toString(Qt::RFC2822Date).toLatin1() + "\r\n";
        m += "Message-ID: " + id + "\r\n";
        if (i > 0) {
            m += "In-Reply-To: <hike-" + QByteArray::number(i) + "@poplar.example>\r\n";
            m += "References:" + references + "\r\n";
        }
        m += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
             "Content-Transfer-Encoding: 8bit\r\n\r\n";
        m += QByteArray(turns[i].second) + "\r\n";
        references += " " + id;
        messages.append(m);
    }
    return messages;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString poplar = QStringLiteral(POPLAR_GUI_PATH);
    const QDir mailDir(QStringLiteral(POPLAR_DEMO_MAIL_DIR));

    poplar::test::DovecotServer server;
    QString error;
    say(QStringLiteral("starting a private Dovecot on 127.0.0.1"));
    if (!server.start(&error)) {
        say(QStringLiteral("Dovecot did not start: %1").arg(error));
        return 1;
    }
    int count = 0;
    for (const QString &name :
         mailDir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        QFile file(mailDir.filePath(name));
        if (!file.open(QIODevice::ReadOnly) || server.addMessage(file.readAll()).isEmpty()) {
            say(QStringLiteral("cannot deliver %1").arg(file.fileName()));
            return 1;
        }
        ++count;
    }
    for (const QByteArray &message : hikeThread()) {
        if (server.addMessage(message).isEmpty()) {
            say(QStringLiteral("cannot deliver the sample thread"));
            return 1;
        }
        ++count;
    }

    QTemporaryDir profile;
    if (!profile.isValid()) {
        say(QStringLiteral("cannot make a temporary profile"));
        return 1;
    }
    // The demo server's password is made up and dies with it; a password command reads it
    // from a private file, as a real setup would read a password manager.
    const QString passwordFile = profile.filePath(QStringLiteral("demo-password"));
    QFile secret(passwordFile);
    if (!secret.open(QIODevice::WriteOnly) ||
        !secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        secret.write(server.password().toUtf8() + '\n') < 0) {
        say(QStringLiteral("cannot write %1").arg(passwordFile));
        return 1;
    }
    secret.close();
    poplar::Account account;
    account.name = QStringLiteral("Demo");
    account.emailAddress = QStringLiteral("alice@poplar.example");
    account.host = server.host();
    account.port = server.tlsPort();
    account.security = poplar::Security::Tls;
    account.user = server.user();
    account.passwordSource = poplar::PasswordSource::Command;
    account.passwordCommand = QStringLiteral("cat '%1'").arg(passwordFile);
    account.caFile = server.caFile(); // trusts the server's self-signed certificate
    account.checkOnStartup = true;
    auto added = poplar::AccountStore(profile.filePath(QStringLiteral("poplar.ini"))).add(account);
    if (!added) {
        say(QStringLiteral("cannot add the demo account: %1").arg(added.error().message()));
        return 1;
    }

    // Ctrl+C or a kill stops Poplar and then the server, not just this process.
    if (::pipe(signalPipe) != 0)
        return 1;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QSocketNotifier signalNotifier(signalPipe[0], QSocketNotifier::Read);

    QProcess gui;
    gui.setProcessChannelMode(QProcess::ForwardedChannels);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &gui,
                     [&gui] { gui.terminate(); });
    QObject::connect(&gui, &QProcess::finished, &app, [&app] { app.quit(); });
    QObject::connect(&gui, &QProcess::errorOccurred, &app, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            say(QStringLiteral("cannot start %1: %2").arg(poplar, gui.errorString()));
            app.exit(1);
        }
    });
    say(QStringLiteral("%1 messages on pop3s://127.0.0.1:%2 (user %3); opening Poplar")
            .arg(count)
            .arg(server.tlsPort())
            .arg(server.user()));
    gui.start(poplar, {QStringLiteral("--profile"), profile.path()});
    const int status = app.exec();
    say(QStringLiteral("Poplar closed; stopping the server"));
    server.stop();
    return status;
}
