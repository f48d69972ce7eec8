// SPDX-License-Identifier: GPL-3.0-or-later
// The composition root of the desktop reader: parse the command line, open the profile and
// the cache, make the services, show the window.
#include "CacheUpkeep.h"
#include "DamagedCachePrompt.h"
#include "InstanceChannel.h"
#include "MainWindow.h"
#include "MessageWindow.h"
#include "Services.h"
#include "TrayNotifier.h"

#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "smtp/OutboxController.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MessageStore.h"
#include "sync/MessageActions.h"
#include "sync/SyncController.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QStatusBar>

#include <cstdio>

namespace {

/// Whether there is a screen to ask the user on (not under offscreen tests).
bool interactive()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

/// Tells the user why Poplar cannot start, then gives the exit code.
int fail(const QString &title, const QString &message)
{
    std::fprintf(stderr, "poplar: %s\n", qUtf8Printable(message));
    if (interactive())
        QMessageBox::critical(nullptr, title, message);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace poplar;

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("poplar"));
    QApplication::setApplicationDisplayName(QStringLiteral("Poplar"));
    QApplication::setApplicationVersion(QStringLiteral(POPLAR_VERSION));
    // The desktop entry's name: window managers match windows to the menu entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.poplarmail.Poplar"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.poplarmail.Poplar.svg")));

    // The system's language: Qt's own strings and Poplar's (built in, see resources/).
    const Translations translations;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A fast, light and safe POP3 mail reader."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate("main", "Keep accounts, settings and mail in DIR."),
        QCoreApplication::translate("main", "DIR"));
    parser.addOption(profileOption);
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QCoreApplication::translate("main", "Message files (.eml) to show."),
        QStringLiteral("[FILE.eml...]"));
    parser.process(app);
    QStringList files;
    for (const QString &file : parser.positionalArguments())
        files.append(QFileInfo(file).absoluteFilePath()); // the running instance has its own cwd

    const QString cannotStart = QCoreApplication::translate("main", "Poplar cannot start");
    Result<Profile> opened = Profile::open(parser.value(profileOption));
    if (!opened)
        return fail(cannotStart, opened.error().message());
    Profile profile = std::move(opened).value();
    ui::InstanceChannel instance(profile.lockPath());
    if (Status locked = profile.lock(); !locked) {
        // Poplar already runs on this profile: bring that one to the front instead.
        if (instance.sendToRunning(files))
            return 0;
        return fail(cannotStart, locked.error().message());
    }
    if (QString why; !instance.listen(&why))
        std::fprintf(stderr, "poplar: %s\n",
                     qUtf8Printable(QCoreApplication::translate(
                                        "main", "a second launch cannot reach this one: %1")
                                        .arg(why)));

    // The GUI opens the cache first and in the user's language: its lists sort that way.
    const auto openCache = [&profile] {
        return store::Database::open(profile.cachePath(), QStringLiteral("poplar-gui"),
                                     store::Database::SortLanguage::User);
    };
    Result<std::unique_ptr<store::Database>> database = openCache();
    if (!database && database.error().code == Error::Code::CacheDamaged && interactive()) {
        // Check the file and say what is wrong, then offer the way out; nothing is
        // overwritten: the damaged file is kept beside.
        if (ui::DamagedCachePrompt::ask(profile.cachePath(), database.error().message())) {
            auto aside =
                store::moveCacheAside(profile.cachePath(), QDateTime::currentDateTimeUtc());
            if (!aside)
                return fail(cannotStart, aside.error().message());
            database = openCache();
        }
    }
    if (!database)
        return fail(cannotStart, database.error().message());
    const std::unique_ptr<store::Database> cache = std::move(database).value();
    // A compaction the user asked for at the last run (an old cache cannot give space back
    // while Poplar runs): now, before anything else writes.
    const QString compacted =
        ui::CacheUpkeep::compactAtStartIfAsked(cache->connection(), profile.cachePath());
    store::MessageStore messages(cache->connection());

    AccountStore accounts(profile.iniPath());
    KeychainSecretStore secrets;
    PasswordProvider passwords(secrets);
    sync::SyncController sync(profile.cachePath(), passwords);
    sync.setFiltersPath(profile.filtersPath());

    store::DeletionQueue deletions(cache->connection());
    sync::MessageActions actions(messages, deletions, accounts);
    // Sending on a thread of its own, with the same passwords (and prompt) as checking.
    smtp::OutboxController outbox(profile.cachePath(), passwords);

    ui::MainWindow window(
        ui::Services{profile, accounts, secrets, passwords, messages, sync, actions, outbox});
    window.show();
    if (!compacted.isEmpty())
        window.statusBar()->showMessage(compacted);
    ui::TrayNotifier tray(&window, messages, sync);
    // Message files open in windows of their own, beside the main window, and are read as
    // its viewer reads mail (plain text or HTML, trusted senders).
    auto openFiles = [&window](const QStringList &paths) {
        for (const QString &path : paths) {
            QString error;
            if (!ui::MessageWindow::openFile(path, &error, window.readingPreferences(), &window))
                QMessageBox::warning(&window, QCoreApplication::translate("main", "Open Message"),
                                     error);
        }
    };
    QObject::connect(&instance, &ui::InstanceChannel::activationRequested, &window,
                     [&window, openFiles](const QStringList &paths) {
                         window.setWindowState(window.windowState() & ~Qt::WindowMinimized);
                         window.raise();
                         window.activateWindow();
                         openFiles(paths);
                     });
    openFiles(files);
    window.startScheduledChecks();
    return app.exec();
}
