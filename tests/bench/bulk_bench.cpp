// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's target for bulk work: the GUI thread never stalls for more than 100 ms while
//   delete       10,000 selected messages of a 100,000-message Inbox are deleted,
//   select-all   the whole Inbox is selected (Ctrl+A) and deleted,
//   empty-trash  a 100,000-message Trash is emptied (the question answered),
//   remove       an account with 100,000 messages is removed (Settings ▸ Remove),
//   sync         2,000 messages of ~20 KB come from a private Dovecot over TLS into the
//                Unified Inbox, beside the 100,000.
//
//   poplar-bulk-bench [--messages N] [--sync-messages N] [--runs N] [--only SCENARIO]
//
// The parent fills a profile once (not timed): an account "Bench" with N messages of about
// 4 KB in its Inbox and an account "Other" with 100. Each run copies that profile and starts
// this program again with --measure SCENARIO DIR: the real MainWindow (as `poplar` builds
// it) on the offscreen platform, with the 100,000-row list shown. Once the window has
// settled, a 1 ms timer starts and the longest gap between its ticks is recorded (the
// longest the event loop was kept from running) from the user's action until the work is
// done and half a second has passed.
#include "BenchMessages.h"
#include "CacheChangeQueue.h"
#include "DovecotServer.h"
#include "FolderTree.h"
#include "MailActions.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "ServerDeletions.h"
#include "Services.h"
#include "SettingsDialog.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"
#include "sync/HeaderFacts.h"
#include "sync/MessageActions.h"
#include "sync/SyncController.h"
#include "sync/SyncResult.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace poplar;

namespace {

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Spins the event loop until `done` or `ms` have passed; returns `done()`.
bool spin(int ms, const std::function<bool()> &done = {})
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms && !(done && done()))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done && done();
}

Account benchAccount(const QString &name)
{
    Account account;
    account.name = name;
    account.host = QStringLiteral("127.0.0.1");
    account.user = QStringLiteral("bench");
    account.passwordSource = PasswordSource::Command;
    account.passwordCommand = QStringLiteral("true");
    account.checkOnStartup = false;
    account.checkEveryMinutes = 0;
    return account;
}

/// Not timed: "Bench" with `count` messages of ~4 KB, "Other" with 100.
bool fillProfile(const QString &dir, int count)
{
    auto profile = Profile::open(dir);
    if (!profile)
        return false;
    AccountStore accounts(profile.value().iniPath());
    auto bench = accounts.add(benchAccount(QStringLiteral("Bench")));
    auto other = accounts.add(benchAccount(QStringLiteral("Other")));
    auto db = store::Database::open(profile.value().cachePath(), QStringLiteral("fill"));
    if (!bench || !other || !db)
        return false;
    // A few hundred distinct messages, each stored many times with its own UIDL and date.
    QList<store::IncomingMessage> templates;
    for (int i = 0; i < 512; ++i) {
        store::IncomingMessage m;
        m.raw = bench::makeMessage(std::uint32_t(i), 4096);
        m.headers = sync::headerFacts(m.raw);
        templates.append(m);
    }
    const QDateTime start(QDate(2015, 1, 1), QTime(0, 0), Qt::UTC);
    const auto store = [&](const QString &accountId, int n) {
        for (int from = 0; from < n; from += 5000) {
            store::Transaction txn(db.value()->connection());
            store::MessageStore::Inserter inserter(db.value()->connection());
            for (int i = from; i < std::min(n, from + 5000); ++i) {
                store::IncomingMessage m = templates.at(i % templates.size());
                m.accountId = accountId;
                m.uidl = QStringLiteral("%1-%2").arg(accountId).arg(i);
                m.headers.date = start.addSecs(qint64(i) * 900); // newest last
                m.receivedAt = m.headers.date;
                if (!inserter.insert(m))
                    return false;
            }
            if (!txn.commit())
                return false;
        }
        return true;
    };
    return store(bench.value(), count) && store(other.value(), 100);
}

/// A profile's files, copied so that each run starts from the same cache.
bool copyProfile(const QString &from, const QString &to)
{
    for (const QString &name : QDir(from).entryList(QDir::Files)) {
        if (name.endsWith(QLatin1String(".lock")))
            continue;
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

/// The longest gap between ticks of a 1 ms timer while it runs.
class StallMeter {
public:
    StallMeter()
    {
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(1);
        QObject::connect(&m_ticker, &QTimer::timeout,
                         [this] { m_longest = std::max(m_longest, m_sinceTick.restart()); });
    }
    void start()
    {
        m_longest = 0;
        m_sinceTick.start();
        m_ticker.start();
    }
    qint64 stop()
    {
        m_ticker.stop();
        return std::max(m_longest, m_sinceTick.elapsed());
    }

private:
    QTimer m_ticker;
    QElapsedTimer m_sinceTick;
    qint64 m_longest = 0;
};

/// Clicks the button named `name` of the next modal question, once it is up.
void answerQuestion(QWidget *window, const QString &boxName, const QString &buttonName)
{
    auto *poll = new QTimer(window);
    poll->setInterval(5);
    QObject::connect(poll, &QTimer::timeout, [poll, window, boxName, buttonName] {
        for (auto *box : window->findChildren<QMessageBox *>(boxName)) {
            if (!box->isVisible())
                continue;
            if (auto *button = box->findChild<QPushButton *>(buttonName))
                button->click();
            else
                box->button(QMessageBox::Yes)->click();
            poll->deleteLater();
            return;
        }
    });
    poll->start();
}

struct Figures {
    qint64 stallMs = -1;
    qint64 workMs = -1;
    QString note;
};

/// The child: the window as `poplar` builds it, one scenario measured.
int measure(int argc, char **argv, const QString &scenario, const QString &dir, int syncCount)
{
    QApplication app(argc, argv);
    auto profile = Profile::open(dir);
    if (!profile || !profile.value().lock())
        return 2;
    AccountStore accounts(profile.value().iniPath());
    const QString benchId = accounts.accounts().value(0).id;

    std::unique_ptr<test::DovecotServer> dovecot;
    if (scenario == QLatin1String("sync")) {
        dovecot = std::make_unique<test::DovecotServer>();
        for (int i = 0; i < syncCount; ++i) {
            const QByteArray raw = bench::makeMessage(std::uint32_t(100'000 + i), 20 * 1024);
            if (dovecot->addMessage(raw, QStringLiteral("m%1").arg(i)).isEmpty())
                return 2;
        }
        QString why;
        if (!dovecot->start(&why)) {
            std::fprintf(stderr, "dovecot: %s\n", qPrintable(why));
            return 2;
        }
        Account server = benchAccount(QStringLiteral("Dovecot"));
        server.port = dovecot->tlsPort();
        server.user = dovecot->user();
        server.passwordCommand = QStringLiteral("echo %1").arg(dovecot->password());
        server.caFile = dovecot->caFile();
        if (!accounts.add(server))
            return 2;
    }
    const QString syncId = accounts.accounts().value(2).id;

    auto db = store::Database::open(profile.value().cachePath(), QStringLiteral("poplar-gui"),
                                    store::Database::SortLanguage::User);
    if (!db)
        return 2;
    if (scenario == QLatin1String("empty-trash")) {
        // Not timed: the whole Inbox was deleted before.
        QSqlQuery q(db.value()->connection());
        if (!q.exec(QStringLiteral("UPDATE messages SET folder = 'trash' WHERE account_id = '%1'")
                        .arg(benchId)))
            return 2;
    }
    store::MessageStore messages(db.value()->connection());
    KeychainSecretStore secrets;
    PasswordProvider passwords(secrets);
    sync::SyncController sync(profile.value().cachePath(), passwords);
    store::DeletionQueue deletions(db.value()->connection());
    sync::MessageActions actions(messages, deletions, accounts);
    ui::MainWindow window(
        ui::Services{profile.value(), accounts, secrets, passwords, messages, sync, actions});
    window.resize(1200, 800);
    window.show();
    if (scenario == QLatin1String("empty-trash"))
        window.showFolder(benchId, store::Folder::Trash);
    else if (scenario == QLatin1String("sync"))
        window.folderTree()->selectUnifiedInbox();
    else
        window.showFolder(benchId, store::Folder::Inbox);
    spin(1500); // the window settles: first paint, the deletion queue read, the tray
    ui::MessageListModel *model = window.messageModel();
    const int rowsBefore = model->rowCount();

    const auto settled = [&] {
        return !window.cacheChanges()->isBusy() && !window.serverDeletions()->isBusy();
    };
    Figures f;
    StallMeter meter;
    QElapsedTimer work;
    bool finished = false;
    if (scenario == QLatin1String("delete") || scenario == QLatin1String("select-all")) {
        QItemSelectionModel *selection = window.messageList()->selectionModel();
        const int last = scenario == QLatin1String("delete") ? 9999 : rowsBefore - 1;
        meter.start();
        selection->setCurrentIndex(model->index(0, 0), QItemSelectionModel::NoUpdate);
        if (scenario == QLatin1String("delete"))
            selection->select(
                QItemSelection(model->index(0, 0),
                               model->index(last, ui::MessageListModel::ColumnCount - 1)),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            window.messageList()->selectAll();
        spin(300);
        const qint64 selectStall = meter.stop();
        meter.start();
        work.start();
        window.deleteAction()->trigger();
        finished = spin(600'000, settled);
        f.workMs = work.elapsed();
        spin(500);
        f.stallMs = meter.stop();
        f.note =
            QStringLiteral("selecting %1 rows: longest stall %2 ms; rows %3 -> %4; in Trash %5")
                .arg(last + 1)
                .arg(selectStall)
                .arg(rowsBefore)
                .arg(model->rowCount())
                .arg(messages.count(store::Folder::Trash, benchId).value());
    } else if (scenario == QLatin1String("empty-trash")) {
        int emptied = -1;
        QObject::connect(window.mailActions(), &ui::MailActions::trashEmptied,
                         [&](const QString &, int count) { emptied = count; });
        meter.start();
        work.start();
        answerQuestion(&window, QStringLiteral("emptyTrashQuestion"),
                       QStringLiteral("confirmEmptyTrash"));
        window.mailActions()->emptyTrashAction()->trigger();
        finished = spin(600'000, [&] { return emptied >= 0 && settled(); });
        f.workMs = work.elapsed();
        spin(500);
        f.stallMs = meter.stop();
        f.note = QStringLiteral("emptied %1 of %2; left in Trash %3")
                     .arg(emptied)
                     .arg(rowsBefore)
                     .arg(messages.count(store::Folder::Trash, benchId).value());
    } else if (scenario == QLatin1String("remove")) {
        meter.start();
        work.start();
        window.openSettings();
        spin(2000, [&] { return window.findChild<ui::SettingsDialog *>() != nullptr; });
        auto *settings = window.findChild<ui::SettingsDialog *>();
        if (!settings)
            return 3;
        settings->findChild<QListWidget *>(QStringLiteral("accountList"))->setCurrentRow(0);
        answerQuestion(settings, QStringLiteral("removeConfirmation"), QString());
        settings->removeAccount();
        spin(2000, [&] { return !accounts.account(benchId).has_value(); });
        finished = spin(600'000, [&] {
            return !accounts.account(benchId).has_value() && settled() &&
                   !window.cacheChanges()->isBusy();
        });
        f.workMs = work.elapsed();
        settings->close();
        spin(500);
        f.stallMs = meter.stop();
        QSqlQuery q(db.value()->connection());
        q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM messages WHERE account_id = '%1'), "
                              "(SELECT COUNT(*) FROM downloads WHERE account_id = '%1')")
                   .arg(benchId));
        q.next();
        f.note = QStringLiteral("left of the account: %1 messages, %2 download records")
                     .arg(q.value(0).toLongLong())
                     .arg(q.value(1).toLongLong());
    } else if (scenario == QLatin1String("sync")) {
        bool done = false;
        QString error;
        QObject::connect(&sync, &sync::SyncController::finished,
                         [&](const sync::SyncResult &result) {
                             done = true;
                             if (!result.ok())
                                 error = result.error ? result.error->message() : QString();
                         });
        meter.start();
        work.start();
        window.getMessagesAction()->trigger();
        finished = spin(600'000, [&] { return done; });
        f.workMs = work.elapsed();
        spin(500);
        f.stallMs = meter.stop();
        f.note = QStringLiteral("stored %1 of %2; list rows %3 -> %4 %5")
                     .arg(messages.count(store::Folder::Inbox, syncId).value())
                     .arg(syncCount)
                     .arg(rowsBefore)
                     .arg(model->rowCount())
                     .arg(error);
    } else {
        return 2;
    }
    std::printf("%-12s %s longest-stall=%5lld ms  work=%7lld ms  peak-rss=%4lld MB  (%s)\n",
                qPrintable(scenario), finished ? "done" : "UNFINISHED",
                static_cast<long long>(f.stallMs), static_cast<long long>(f.workMs),
                static_cast<long long>(statusKb("VmHWM:") / 1024), qPrintable(f.note));
    std::fflush(stdout);
    return finished ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    int syncCount = 2000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--sync-messages") == 0)
            syncCount = QByteArray(argv[i + 1]).toInt();
    }
    for (int i = 1; i + 2 < argc; ++i) {
        if (qstrcmp(argv[i], "--measure") == 0) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            return measure(argc, argv, QString::fromLocal8Bit(argv[i + 1]),
                           QString::fromLocal8Bit(argv[i + 2]), syncCount);
        }
    }
    QCoreApplication app(argc, argv);
    int count = 100'000;
    int runs = 1;
    QStringList scenarios{QStringLiteral("delete"), QStringLiteral("select-all"),
                          QStringLiteral("empty-trash"), QStringLiteral("remove"),
                          QStringLiteral("sync")};
    for (int i = 1; i + 1 < argc; i += 2) {
        if (qstrcmp(argv[i], "--messages") == 0)
            count = QByteArray(argv[i + 1]).toInt();
        else if (qstrcmp(argv[i], "--runs") == 0)
            runs = QByteArray(argv[i + 1]).toInt();
        else if (qstrcmp(argv[i], "--only") == 0)
            scenarios = QString::fromLocal8Bit(argv[i + 1]).split(QLatin1Char(','));
    }
    QTemporaryDir pristine;
    std::printf("filling a profile with %d messages (not timed)...\n", count);
    std::fflush(stdout);
    QElapsedTimer filling;
    filling.start();
    if (!pristine.isValid() || !fillProfile(pristine.path(), count)) {
        std::fprintf(stderr, "cannot fill the profile\n");
        return 1;
    }
    std::printf("filled in %lld s; target: longest stall under 100 ms\n",
                static_cast<long long>(filling.elapsed() / 1000));
    std::fflush(stdout);
    int failed = 0;
    for (const QString &scenario : std::as_const(scenarios)) {
        for (int run = 0; run < runs; ++run) {
            QTemporaryDir dir;
            if (!dir.isValid() || !copyProfile(pristine.path(), dir.path()))
                return 1;
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            child.setProcessEnvironment(env);
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--sync-messages"), QString::number(syncCount),
                         QStringLiteral("--measure"), scenario, dir.path()});
            child.waitForFinished(900'000);
            failed += child.exitCode() != 0 ? 1 : 0;
        }
    }
    return failed == 0 ? 0 : 1;
}
