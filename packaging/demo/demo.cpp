// SPDX-License-Identifier: GPL-3.0-or-later
// `make demo`: Poplar against two private Dovecots on 127.0.0.1, with sample mailboxes and a
// throw-away profile that already knows the two accounts and trusts the servers'
// certificates. Closing Poplar (or Ctrl+C here) stops the servers and removes what the demo
// made.
#include "DovecotServer.h"
#include "accounts/AccountStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
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

    // Two accounts on two private servers, so the Unified Inbox has something to unify:
    // "Home" gets the sample thread and most of the mail, "Work" the rest.
    poplar::test::DovecotServer home;
    poplar::test::DovecotServer work;
    QString error;
    say(QStringLiteral("starting two private Dovecots on 127.0.0.1"));
    if (!home.start(&error) || !work.start(&error)) {
        say(QStringLiteral("Dovecot did not start: %1").arg(error));
        return 1;
    }
    const QStringList forWork{QStringLiteral("03-gb18030.eml"),
                              QStringLiteral("04-newsletter.eml")};
    int count = 0;
    for (const QString &name :
         mailDir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        QFile file(mailDir.filePath(name));
        poplar::test::DovecotServer &server = forWork.contains(name) ? work : home;
        if (!file.open(QIODevice::ReadOnly) || server.addMessage(file.readAll()).isEmpty()) {
            say(QStringLiteral("cannot deliver %1").arg(file.fileName()));
            return 1;
        }
        ++count;
    }
    for (const QByteArray &message : hikeThread()) {
        if (home.addMessage(message).isEmpty()) {
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
    // The demo servers' passwords are made up and die with them; a password command reads
    // each from a private file, as a real setup would read a password manager.
    const auto addAccount = [&profile](const poplar::test::DovecotServer &server,
                                       const QString &name, const QString &address) {
        const QString passwordFile = profile.filePath(name + QStringLiteral("-password"));
        QFile secret(passwordFile);
        if (!secret.open(QIODevice::WriteOnly) ||
            !secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            secret.write(server.password().toUtf8() + '\n') < 0) {
            say(QStringLiteral("cannot write %1").arg(passwordFile));
            return false;
        }
        secret.close();
        poplar::Account account;
        account.name = name;
        account.emailAddress = address;
        account.host = server.host();
        account.port = server.tlsPort();
        account.security = poplar::Security::Tls;
        account.user = server.user();
        account.passwordSource = poplar::PasswordSource::Command;
        account.passwordCommand = QStringLiteral("cat '%1'").arg(passwordFile);
        account.caFile = server.caFile(); // trusts the server's self-signed certificate
        account.checkOnStartup = true;
        auto added =
            poplar::AccountStore(profile.filePath(QStringLiteral("poplar.ini"))).add(account);
        if (!added)
            say(QStringLiteral("cannot add the demo account: %1").arg(added.error().message()));
        return bool(added);
    };
    if (!addAccount(home, QStringLiteral("Home"), QStringLiteral("alice@poplar.example")) ||
        !addAccount(work, QStringLiteral("Work"), QStringLiteral("alice@work.example")))
        return 1;

    // The sample thread shows as a conversation (View ▸ Threaded Conversations).
    QSettings(profile.filePath(QStringLiteral("poplar.ini")), QSettings::IniFormat)
        .setValue(QStringLiteral("window/threaded"), true);

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
    say(QStringLiteral("%1 messages on pop3s://127.0.0.1:%2 and :%3 (user %4); opening Poplar")
            .arg(count)
            .arg(home.tlsPort())
            .arg(work.tlsPort())
            .arg(home.user()));
    gui.start(poplar, {QStringLiteral("--profile"), profile.path()});
    const int status = app.exec();
    say(QStringLiteral("Poplar closed; stopping the servers"));
    work.stop();
    home.stop();
    return status;
}
