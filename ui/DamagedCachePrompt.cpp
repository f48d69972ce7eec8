// SPDX-License-Identifier: GPL-3.0-or-later
#include "DamagedCachePrompt.h"

#include "store/CacheCheck.h"

#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace poplar::ui {

QString DamagedCachePrompt::findings(const QString &cachePath, const QString &openError)
{
    const store::CacheCheck::Report report = store::CacheCheck::run(cachePath);
    QString text = openError;
    if (report.healthy()) {
        text += QStringLiteral("\n\n") +
                tr("A check of the file found nothing wrong with it; it may have been in use "
                   "by another program.");
        return text;
    }
    const QStringList sentences = report.sentences();
    // The verdict names the file, which the open error did already: the findings follow.
    for (qsizetype i = 1; i < sentences.size(); ++i)
        text += (i == 1 ? QStringLiteral("\n\n") : QStringLiteral("\n")) + sentences.at(i);
    return text;
}

bool DamagedCachePrompt::ask(const QString &cachePath, const QString &openError)
{
    // A large cache takes seconds to check: the busy dialog keeps the screen alive meanwhile.
    QProgressDialog busy(tr("Checking the mail cache…"), QString(), 0, 0);
    busy.setWindowTitle(QCoreApplication::translate("main", "Damaged mail cache"));
    busy.setMinimumDuration(300);
    QFutureWatcher<QString> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &busy, &QProgressDialog::reset);
    watcher.setFuture(
        QtConcurrent::run([cachePath, openError] { return findings(cachePath, openError); }));
    if (!watcher.isFinished())
        busy.exec();
    watcher.waitForFinished();
    // The question's words are main's, as they were before the check: their translations
    // stay.
    const auto answer = QMessageBox::question(
        nullptr, QCoreApplication::translate("main", "Damaged mail cache"),
        QCoreApplication::translate("main",
                                    "%1\n\nPoplar can move the damaged file aside (it is kept) "
                                    "and start with an empty cache. Mail still on your servers "
                                    "is downloaded again.\n\nMove it aside and continue?")
            .arg(watcher.result()));
    return answer == QMessageBox::Yes;
}

} // namespace poplar::ui
