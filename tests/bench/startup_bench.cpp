// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 6's and 14's speed targets, measured on the real window:
//   - from process start to the first painted list of a 100,000-message folder of each
//     kind (an account's Inbox or Trash, the Unified Inbox over two accounts, a local
//     folder of imported mail), and the resident memory then;
//   - opening a message in the viewer (selection to the rendered message).
//
//   poplar-startup-bench [--messages N] [--runs N] [--folder inbox|trash|unified|local|all]
//
// The parent fills a profile once (not timed), then starts itself with --measure for each
// run: the time runs from QProcess::start (exec, dynamic linking and Qt's start-up
// included) to the child's line saying the list has painted. The window is the one
// `poplar` shows, on the offscreen platform, built as app/poplar/main.cpp builds it.
#include "BenchMessages.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "ProcFigures.h"
#include "Services.h"

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

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace poplar;

namespace {

qint64 residentKb()
{
    return bench::procNumber("status", "VmRSS:");
}

/// The kinds of folder the window shows.
const QStringList folderKinds{QStringLiteral("inbox"), QStringLiteral("trash"),
                              QStringLiteral("unified"), QStringLiteral("local")};
const QString localFolderName = QStringLiteral("Archive");

/// Not timed: a profile whose folder of kind `kind` holds `count` small messages: one
/// account's Inbox or Trash, two accounts' Inboxes (half each, for the Unified Inbox), or a
/// local folder beside an empty account.
bool fillProfile(const QString &dir, int count, const QString &kind)
{
    auto profile = Profile::open(dir);
    if (!profile)
        return false;
    Account account;
    account.name = QStringLiteral("Bench");
    account.host = QStringLiteral("127.0.0.1");
    account.user = QStringLiteral("bench");
    account.passwordSource = PasswordSource::Command;
    account.passwordCommand = QStringLiteral("true");
    account.checkOnStartup = false;
    AccountStore accounts(profile.value().iniPath());
    auto id = accounts.add(account);
    if (!id)
        return false;
    QString second;
    if (kind == QLatin1String("unified")) {
        account.name = QStringLiteral("Bench 2");
        auto other = accounts.add(account);
        if (!other)
            return false;
        second = other.value();
    }
    auto db = store::Database::open(profile.value().cachePath(), QStringLiteral("fill"));
    if (!db)
        return false;
    store::Transaction txn(db.value()->connection());
    store::MessageStore::Inserter inserter(db.value()->connection());
    const QDateTime start = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    const bool local = kind == QLatin1String("local");
    for (int i = 0; i < count; ++i) {
        store::IncomingMessage m;
        m.accountId = local                        ? store::MessageStore::localAccountId()
                      : !second.isEmpty() && i % 2 ? second
                                                   : id.value();
        if (local)
            m.localFolder = localFolderName;
        else
            m.uidl = QStringLiteral("u%1").arg(i);
        m.raw = bench::makeMessage(std::uint32_t(i), 2048);
        m.headers = sync::headerFacts(m.raw);
        m.headers.date = start.addSecs(qint64(i) * 600); // distinct dates, newest last
        m.receivedAt = m.headers.date;
        if (!inserter.insert(m))
            return false;
    }
    if (kind == QLatin1String("trash")) {
        QSqlQuery trash(db.value()->connection());
        if (!trash.exec(QStringLiteral("UPDATE messages SET folder = 'trash'")))
            return false;
    }
    return txn.commit().ok();
}

/// Whether the list shows the folder of kind `kind`.
bool showsKind(const ui::MessageListModel &model, const QString &kind)
{
    if (kind == QLatin1String("unified"))
        return model.isUnifiedInbox();
    if (kind == QLatin1String("local"))
        return model.localFolder() == localFolderName;
    return !model.isUnifiedInbox() && model.localFolder().isEmpty() &&
           model.folder() ==
               (kind == QLatin1String("trash") ? store::Folder::Trash : store::Folder::Inbox);
}

/// The child: the window as `poplar` builds it; prints "painted MS_SINCE_MAIN RSS_KB" at
/// the first paint of a filled list, then "opened MS" once the first message is shown.
int measure(int argc, char **argv, const QString &dir, const QString &kind)
{
    QApplication app(argc, argv);
    auto profile = Profile::open(dir);
    if (!profile || !profile.value().lock())
        return 2;
    auto db = store::Database::open(profile.value().cachePath(), QStringLiteral("poplar-gui"));
    if (!db)
        return 2;
    store::MessageStore messages(db.value()->connection());
    AccountStore accounts(profile.value().iniPath());
    KeychainSecretStore secrets;
    PasswordProvider passwords(secrets);
    sync::SyncController sync(profile.value().cachePath(), passwords);
    store::DeletionQueue deletions(db.value()->connection());
    sync::MessageActions actions(messages, deletions, accounts);
    smtp::OutboxController outbox(profile.value().cachePath(), passwords);
    ui::MainWindow window(ui::Services{profile.value(), accounts, secrets, passwords, messages,
                                       sync, actions, outbox});

    // The folder, chosen before the window shows, as a click on it would.
    if (kind == QLatin1String("trash"))
        window.showFolder(accounts.accounts().first().id, store::Folder::Trash);
    else if (kind == QLatin1String("unified"))
        window.showUnifiedInbox();
    else if (kind == QLatin1String("local"))
        window.showLocalFolder(localFolderName);

    struct PaintWatch : QObject {
        ui::MainWindow *window = nullptr;
        QString kind;
        bool done = false;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (!done && event->type() == QEvent::Paint &&
                showsKind(*window->messageModel(), kind) &&
                window->messageModel()->rowCount() > 0) {
                done = true;
                std::printf("painted %lld\n", residentKb());
                std::fflush(stdout);
                // Then open the newest message, as a click would.
                QMetaObject::invokeMethod(
                    window,
                    [w = window] {
                        QElapsedTimer opening;
                        opening.start();
                        QObject::connect(
                            w->messageView(), &ui::MessageView::rendered, w, [opening] {
                                std::printf("opened %.2f\n", double(opening.nsecsElapsed()) / 1e6);
                                std::fflush(stdout);
                                QCoreApplication::quit();
                            });
                        w->messageList()->selectRow(0);
                    },
                    Qt::QueuedConnection);
            }
            return QObject::eventFilter(watched, event);
        }
    } watch;
    watch.window = &window;
    watch.kind = kind;
    window.messageList()->viewport()->installEventFilter(&watch);
    window.show();
    return app.exec();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

/// Fills a profile for `kind` and measures `runs` starts of the window on it.
bool measureKind(const QString &kind, int count, int runs)
{
    // POPLAR_BENCH_KEEP=DIR keeps the profiles in DIR/KIND for a profiler (`--measure
    // DIR/KIND KIND` then starts the window on one), and reuses them.
    QTemporaryDir temporary;
    const QString keep = qEnvironmentVariable("POPLAR_BENCH_KEEP");
    const QString path = keep.isEmpty() ? temporary.path() : keep + QLatin1Char('/') + kind;
    const bool filled = !keep.isEmpty() && QFile::exists(path + QStringLiteral("/poplar.ini"));
    std::printf("%s: filling a profile with %d messages (not timed)...\n", qPrintable(kind), count);
    std::fflush(stdout);
    if (!filled && (path.isEmpty() || !fillProfile(path, count, kind))) {
        std::fprintf(stderr, "cannot fill the profile\n");
        return false;
    }
    QList<double> painted;
    QList<double> opened;
    QList<double> rss;
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--measure"), path, kind});
        double paintMs = -1;
        while (child.state() != QProcess::NotRunning || child.canReadLine()) {
            if (!child.canReadLine() && !child.waitForReadyRead(30'000))
                break;
            while (child.canReadLine()) {
                const QList<QByteArray> words = child.readLine().trimmed().split(' ');
                if (words.value(0) == "painted") {
                    paintMs = double(clock.nsecsElapsed()) / 1e6;
                    painted.append(paintMs);
                    rss.append(words.value(1).toDouble() / 1024.0);
                } else if (words.value(0) == "opened") {
                    opened.append(words.value(1).toDouble());
                }
            }
        }
        child.waitForFinished(10'000);
        if (paintMs < 0) {
            std::fprintf(stderr, "run %d: the list never painted: %s\n", run + 1,
                         child.readAllStandardError().constData());
            return false;
        }
    }
    std::printf("%s, %d messages, median of %d runs:\n", qPrintable(kind), count, runs);
    std::printf("  process start to first painted list: %.0f ms (target < 300 ms)\n",
                median(painted));
    std::printf("  resident memory then:                %.0f MB (target < 200 MB)\n", median(rss));
    std::printf("  opening a message in the viewer:     %.1f ms (target < 50 ms)\n",
                median(opened));
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i + 2 < argc; ++i) {
        if (qstrcmp(argv[i], "--measure") == 0)
            return measure(argc, argv, QString::fromLocal8Bit(argv[i + 1]),
                           QString::fromLatin1(argv[i + 2]));
    }
    QCoreApplication app(argc, argv);
    int count = 100'000;
    int runs = 5;
    QStringList kinds = folderKinds;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (qstrcmp(argv[i], "--messages") == 0)
            count = QByteArray(argv[i + 1]).toInt();
        else if (qstrcmp(argv[i], "--runs") == 0)
            runs = QByteArray(argv[i + 1]).toInt();
        else if (qstrcmp(argv[i], "--folder") == 0 && qstrcmp(argv[i + 1], "all") != 0)
            kinds = {QString::fromLatin1(argv[i + 1])};
    }
    for (const QString &kind : kinds) {
        if (!folderKinds.contains(kind)) {
            std::fprintf(stderr, "--folder takes inbox, trash, unified, local or all\n");
            return 2;
        }
        if (!measureKind(kind, count, runs))
            return 1;
    }
    return 0;
}
