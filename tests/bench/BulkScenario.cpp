// SPDX-License-Identifier: GPL-3.0-or-later
#include "BulkScenario.h"

#include "BenchMessages.h"
#include "CacheChangeQueue.h"
#include "DovecotServer.h"
#include "FolderTree.h"
#include "MailActions.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "ProcFigures.h"
#include "ServerDeletions.h"
#include "Services.h"
#include "SettingsDialog.h"
#include "StallMeter.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "smtp/OutboxController.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"
#include "sync/HeaderFacts.h"
#include "sync/MessageActions.h"
#include "sync/SyncController.h"
#include "sync/SyncResult.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace poplar::bench {

namespace {

qint64 peakRssMb()
{
    const qint64 kb = procNumber("status", "VmHWM:");
    return kb < 0 ? -1 : kb / 1024;
}

/// What this process has written so far with write(2), pwrite(2) and their kin, every thread
/// of it (Linux's /proc/self/io, wchar), in MB; -1 where that is unknown. SQLite writes
/// each changed page in whole, so this is what a change costs the disk before the kernel
/// merges anything: the figure that showed bulk deletion writing 30 GB.
qint64 writtenMb()
{
    const qint64 bytes = procNumber("io", "wchar:");
    return bytes < 0 ? -1 : bytes / (1024 * 1024);
}

/// Runs the event loop until `done` or `ms` have passed; returns `done()`. An event loop
/// that sleeps between events, as the application's does: polling processEvents() would
/// keep the GUI thread busy, and the scheduler would then treat it as a CPU hog and let it
/// wait for a core behind the others (stalls of 300 ms that Poplar itself never has).
bool spin(int ms, const std::function<bool()> &done = {})
{
    if (done && done())
        return true;
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if ((done && done()) || t.elapsed() >= ms)
            loop.quit();
    });
    check.start();
    loop.exec();
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

/// Clicks Yes (or the button named `buttonName`) of the question `boxName` once it is up.
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

/// POPLAR_BENCH_TRACE=1: prints each event after which the loop was away for over 30 ms
/// (a diagnosis aid: which handler took the time).
class EventTrace : public QObject {
public:
    bool eventFilter(QObject *receiver, QEvent *event) override
    {
        if (m_clock.isValid() && m_clock.elapsed() - m_last > 30)
            std::fprintf(stderr, "  after event %d to %s: %lld ms\n", m_lastType,
                         m_lastReceiver.constData(),
                         static_cast<long long>(m_clock.elapsed() - m_last));
        if (!m_clock.isValid())
            m_clock.start();
        m_last = m_clock.elapsed();
        m_lastType = int(event->type());
        m_lastReceiver = receiver->metaObject()->className();
        return false;
    }

private:
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    int m_lastType = 0;
    QByteArray m_lastReceiver;
};

/// POPLAR_BENCH_TRACE: while the GUI thread has not ticked for 60 ms, says what it is
/// doing in the kernel (its system call and kernel stack, read from /proc), once a stall.
class StallWatchdog {
public:
    explicit StallWatchdog(const StallMeter &meter)
        : m_meter(meter)
        , m_gui(static_cast<long>(syscall(SYS_gettid)))
    {
        m_thread = std::thread([this] { run(); });
    }
    ~StallWatchdog()
    {
        m_stop = true;
        m_thread.join();
    }
    StallWatchdog(const StallWatchdog &) = delete;
    StallWatchdog &operator=(const StallWatchdog &) = delete;

private:
    void run()
    {
        qint64 reported = 0;
        while (!m_stop) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            const qint64 last = m_meter.lastTickNs.load();
            const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
            if (last == 0 || now - last < 60'000'000 || last == reported)
                continue;
            reported = last;
            const auto read = [this](const char *what) {
                QFile f(
                    QStringLiteral("/proc/self/task/%1/%2").arg(m_gui).arg(QLatin1String(what)));
                return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
            };
            std::fprintf(stderr, "  GUI thread stalled %lld ms: syscall %s\n%s\n",
                         static_cast<long long>((now - last) / 1'000'000),
                         read("syscall").constData(), read("stack").constData());
        }
    }

    const StallMeter &m_meter;
    long m_gui;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

struct Figures {
    bool finished = false;
    double workMs = -1;
    QString note;
};

/// The window over the profile, and the scenario's steps.
class Run {
public:
    Run(Profile &profile, const BulkScenario &scenario)
        : m_profile(profile)
        , m_scenario(scenario)
        , m_accounts(profile.iniPath())
        , m_benchId(m_accounts.accounts().value(0).id)
    {}

    /// Not measured: the server for `sync`, the Trash for `empty-trash`, the window.
    bool prepare()
    {
        if (m_scenario.name == QLatin1String("sync") && !startServer())
            return false;
        auto db = store::Database::open(m_profile.cachePath(), QStringLiteral("poplar-gui"),
                                        store::Database::SortLanguage::User);
        if (!db)
            return false;
        m_db = std::move(db).value();
        if (m_scenario.name == QLatin1String("empty-trash")) {
            QSqlQuery q(m_db->connection());
            if (!q.exec(QStringLiteral("UPDATE messages SET folder = 'trash' "
                                       "WHERE account_id = '%1'")
                            .arg(m_benchId)))
                return false;
        }
        m_messages = std::make_unique<store::MessageStore>(m_db->connection());
        m_passwords = std::make_unique<PasswordProvider>(m_secrets);
        m_sync = std::make_unique<sync::SyncController>(m_profile.cachePath(), *m_passwords);
        m_deletions = std::make_unique<store::DeletionQueue>(m_db->connection());
        m_actions = std::make_unique<sync::MessageActions>(*m_messages, *m_deletions, m_accounts);
        m_outbox = std::make_unique<smtp::OutboxController>(m_profile.cachePath(), *m_passwords);
        m_window = std::make_unique<ui::MainWindow>(ui::Services{m_profile, m_accounts, m_secrets,
                                                                 *m_passwords, *m_messages, *m_sync,
                                                                 *m_actions, *m_outbox});
        m_window->resize(1200, 800);
        m_window->show();
        if (m_scenario.name == QLatin1String("empty-trash"))
            m_window->showFolder(m_benchId, store::Folder::Trash);
        else if (m_scenario.name == QLatin1String("sync"))
            m_window->folderTree()->selectUnifiedInbox();
        else
            m_window->showFolder(m_benchId, store::Folder::Inbox);
        spin(1500); // the window settles: first paint, the deletion queue read, the tray
        m_rowsBefore = model()->rowCount();
        return true;
    }

    Figures measure(StallMeter &meter)
    {
        const QString &name = m_scenario.name;
        if (name == QLatin1String("delete") || name == QLatin1String("select-all"))
            return deleteRows(meter, name == QLatin1String("delete")
                                         ? std::min(m_scenario.deleteCount, m_rowsBefore)
                                         : m_rowsBefore);
        if (name == QLatin1String("empty-trash"))
            return emptyTrash(meter);
        if (name == QLatin1String("remove"))
            return removeAccount(meter);
        if (name == QLatin1String("sync"))
            return syncMail(meter);
        return {};
    }

private:
    ui::MessageListModel *model() const { return m_window->messageModel(); }

    bool settled() const
    {
        return !m_window->cacheChanges()->isBusy() && !m_window->serverDeletions()->isBusy();
    }

    qint64 count(store::Folder folder, const QString &accountId) const
    {
        auto n = m_messages->count(folder, accountId);
        return n ? n.value() : -1;
    }

    bool startServer()
    {
        m_dovecot = std::make_unique<test::DovecotServer>();
        QString why;
        if (!m_dovecot->start(&why)) {
            std::fprintf(stderr, "dovecot: %s\n", qPrintable(why));
            return false;
        }
        // Delivered once Dovecot has made its Maildir.
        for (int i = 0; i < m_scenario.syncMessages; ++i) {
            const QByteArray raw = makeMessage(std::uint32_t(100'000 + i), 20 * 1024);
            if (m_dovecot->addMessage(raw, QStringLiteral("m%1").arg(i)).isEmpty())
                return false;
        }
        Account server = benchAccount(QStringLiteral("Dovecot"));
        server.port = m_dovecot->tlsPort();
        server.user = m_dovecot->user();
        server.passwordCommand = QStringLiteral("echo %1").arg(m_dovecot->password());
        server.caFile = m_dovecot->caFile();
        auto id = m_accounts.add(server);
        if (!id)
            return false;
        m_syncId = id.value();
        return true;
    }

    Figures deleteRows(StallMeter &meter, int rows)
    {
        Figures f;
        QItemSelectionModel *selection = m_window->messageList()->selectionModel();
        StallMeter selecting;
        selecting.start();
        selection->setCurrentIndex(model()->index(0, 0), QItemSelectionModel::NoUpdate);
        if (rows < m_rowsBefore)
            selection->select(
                QItemSelection(model()->index(0, 0),
                               model()->index(rows - 1, ui::MessageListModel::ColumnCount - 1)),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            m_window->messageList()->selectAll();
        spin(300);
        selecting.stop();

        QElapsedTimer work;
        meter.start();
        work.start();
        m_window->deleteAction()->trigger();
        f.finished = spin(600'000, [this] { return settled(); });
        f.workMs = double(work.elapsed());
        spin(500);
        meter.stop();
        f.note = QStringLiteral("selecting %1 rows: longest stall %2 ms; rows %3 -> %4; "
                                "in Trash %5")
                     .arg(rows)
                     .arg(selecting.longestMs(), 0, 'f', 0)
                     .arg(m_rowsBefore)
                     .arg(model()->rowCount())
                     .arg(count(store::Folder::Trash, m_benchId));
        return f;
    }

    Figures emptyTrash(StallMeter &meter)
    {
        Figures f;
        int emptied = -1;
        QObject::connect(m_window->mailActions(), &ui::MailActions::trashEmptied,
                         [&emptied](const QString &, int n) { emptied = n; });
        QElapsedTimer work;
        meter.start();
        work.start();
        answerQuestion(m_window.get(), QStringLiteral("emptyTrashQuestion"),
                       QStringLiteral("confirmEmptyTrash"));
        m_window->mailActions()->emptyTrashAction()->trigger();
        f.finished = spin(600'000, [&] { return emptied >= 0 && settled(); });
        f.workMs = double(work.elapsed());
        spin(500);
        meter.stop();
        f.note = QStringLiteral("emptied %1 of %2; left in Trash %3")
                     .arg(emptied)
                     .arg(m_rowsBefore)
                     .arg(count(store::Folder::Trash, m_benchId));
        return f;
    }

    Figures removeAccount(StallMeter &meter)
    {
        Figures f;
        QElapsedTimer work;
        meter.start();
        work.start();
        m_window->openSettings();
        spin(2000, [this] { return m_window->findChild<ui::SettingsDialog *>() != nullptr; });
        auto *settings = m_window->findChild<ui::SettingsDialog *>();
        if (!settings)
            return f;
        settings->findChild<QListWidget *>(QStringLiteral("accountList"))->setCurrentRow(0);
        answerQuestion(settings, QStringLiteral("removeConfirmation"), QString());
        settings->removeAccount();
        f.finished = spin(
            600'000, [this] { return !m_accounts.account(m_benchId).has_value() && settled(); });
        f.workMs = double(work.elapsed());
        settings->close();
        spin(500);
        meter.stop();
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM messages WHERE account_id = '%1'), "
                              "(SELECT COUNT(*) FROM downloads WHERE account_id = '%1')")
                   .arg(m_benchId));
        q.next();
        f.note = QStringLiteral("removed %1 messages; left of the account: %2 messages, "
                                "%3 download records")
                     .arg(m_rowsBefore)
                     .arg(q.value(0).toLongLong())
                     .arg(q.value(1).toLongLong());
        return f;
    }

    Figures syncMail(StallMeter &meter)
    {
        Figures f;
        bool done = false;
        QString error;
        QObject::connect(m_sync.get(), &sync::SyncController::finished,
                         [&](const sync::SyncResult &result) {
                             if (result.accountId != m_syncId)
                                 return;
                             done = true;
                             if (!result.ok())
                                 error = result.error->message();
                         });
        QElapsedTimer work;
        meter.start();
        work.start();
        // Only the account on Dovecot (as its own check would): the others have no server.
        m_sync->syncAccount(m_accounts.account(m_syncId).value());
        f.finished = spin(600'000, [&] { return done && m_sync->isIdle(); });
        f.workMs = double(work.elapsed());
        spin(500);
        meter.stop();
        f.finished = f.finished && error.isEmpty();
        f.note = QStringLiteral("stored %1 of %2 beside %3 in the Unified Inbox; rows %4 -> %5 %6")
                     .arg(count(store::Folder::Inbox, m_syncId))
                     .arg(m_scenario.syncMessages)
                     .arg(m_rowsBefore)
                     .arg(m_rowsBefore)
                     .arg(model()->rowCount())
                     .arg(error);
        return f;
    }

    Profile &m_profile;
    const BulkScenario &m_scenario;
    AccountStore m_accounts;
    QString m_benchId;
    QString m_syncId;
    std::unique_ptr<test::DovecotServer> m_dovecot;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::MessageStore> m_messages;
    KeychainSecretStore m_secrets;
    std::unique_ptr<PasswordProvider> m_passwords;
    std::unique_ptr<sync::SyncController> m_sync;
    std::unique_ptr<store::DeletionQueue> m_deletions;
    std::unique_ptr<sync::MessageActions> m_actions;
    std::unique_ptr<smtp::OutboxController> m_outbox;
    std::unique_ptr<ui::MainWindow> m_window;
    int m_rowsBefore = 0;
};

} // namespace

int runBulkScenario(int argc, char **argv, const BulkScenario &scenario)
{
    QApplication app(argc, argv);
    EventTrace trace;
    if (qEnvironmentVariableIsSet("POPLAR_BENCH_TRACE"))
        app.installEventFilter(&trace);
    auto profile = Profile::open(scenario.profileDir);
    if (!profile || !profile.value().lock()) {
        std::fprintf(stderr, "cannot open the profile %s\n", qPrintable(scenario.profileDir));
        return 2;
    }
    Run run(profile.value(), scenario);
    if (!run.prepare()) {
        std::fprintf(stderr, "%s: cannot prepare the window\n", qPrintable(scenario.name));
        return 2;
    }
    StallMeter meter;
    std::unique_ptr<StallWatchdog> watchdog;
    if (qEnvironmentVariableIsSet("POPLAR_BENCH_TRACE"))
        watchdog = std::make_unique<StallWatchdog>(meter);
    const qint64 writtenBefore = writtenMb();
    const Figures f = run.measure(meter);
    const qint64 written = writtenBefore < 0 ? -1 : writtenMb() - writtenBefore;
    watchdog.reset();
    std::fprintf(stderr,
                 "%-12s %s longest stall %.0f ms (GUI thread CPU in it %.0f ms), "
                 "work %.0f ms, written %lld MB, peak RSS %lld MB (%s)\n",
                 qPrintable(scenario.name), f.finished ? "done" : "UNFINISHED", meter.longestMs(),
                 meter.longestCpuMs(), f.workMs, static_cast<long long>(written),
                 static_cast<long long>(peakRssMb()), qPrintable(f.note));
    std::printf("RESULT finished=%d stall_ms=%.1f stall_cpu_ms=%.1f work_ms=%.0f "
                "written_mb=%lld peak_rss_mb=%lld\n",
                f.finished ? 1 : 0, meter.longestMs(), meter.longestCpuMs(), f.workMs,
                static_cast<long long>(written), static_cast<long long>(peakRssMb()));
    std::fflush(stdout);
    return f.finished ? 0 : 1;
}

bool fillBulkProfile(const QString &dir, int messages)
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
        m.raw = makeMessage(std::uint32_t(i), 4096);
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
    return store(bench.value(), messages) && store(other.value(), 100);
}

} // namespace poplar::bench
