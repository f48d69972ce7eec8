// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl check and compact: the cache file itself.
#include "CtlSupport.h"

#include "Profile.h"
#include "store/CacheCheck.h"
#include "store/CacheCompactor.h"
#include "util/DataSize.h"

#include <QJsonArray>
#include <QJsonObject>

namespace poplar::ctl {

int check(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        Words::tr(
            "poplarctl check: look the mail cache over without changing it: SQLite's integrity "
            "check, then Poplar's own (every message has its bytes, every downloaded message "
            "its download record, deleted mail has left the search index). Exit 0 when it is "
            "healthy, 1 when it is not."),
        args);
    cl.addFormat();
    if (auto code = cl.parse())
        return *code;
    auto profile = Profile::open(profileDir);
    if (!profile)
        return fail(profile.error());
    const store::CacheCheck::Report report = store::CacheCheck::run(profile.value().cachePath());
    if (cl.format() == QLatin1String("json")) {
        QJsonArray problems;
        for (const store::CacheCheck::Problem &p : report.problems) {
            problems.append(QJsonObject{{QStringLiteral("code"), p.code},
                                        {QStringLiteral("count"), p.count},
                                        {QStringLiteral("text"), p.text}});
        }
        printJson(QJsonObject{
            {QStringLiteral("path"), report.path},
            {QStringLiteral("healthy"), report.healthy()},
            {QStringLiteral("readable"), report.readable},
            {QStringLiteral("schemaVersion"), report.schemaVersion},
            {QStringLiteral("messages"), report.messages},
            {QStringLiteral("indexedMessages"), report.indexedMessages},
            {QStringLiteral("bytes"), report.fileBytes},
            {QStringLiteral("unusedBytes"), report.unusedBytes},
            {QStringLiteral("problems"), problems},
        });
    } else {
        const QStringList sentences = report.sentences();
        for (qsizetype i = 0; i < sentences.size(); ++i) {
            // The verdict, then what was found, indented under it.
            printOut((i == 0 ? QString() : QStringLiteral("  ")) + sentences.at(i) +
                     QLatin1Char('\n'));
        }
    }
    return report.healthy() ? Success : Failure;
}

int compact(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(
        Words::tr(
            "poplarctl compact: give the space deleted mail left inside the mail cache back to "
            "the disk (SQLite's VACUUM). Needs free disk space about twice the mail kept, checks "
            "for it first, and changes nothing if it is not there. Poplar must not be running "
            "on the profile."),
        args);
    cl.addFormat();
    if (auto code = cl.parse())
        return *code;
    auto profile = Profile::open(profileDir);
    if (!profile)
        return fail(profile.error());
    // VACUUM makes every writer wait: not while Poplar syncs on this profile.
    if (Status s = profile.value().lock(); !s)
        return fail(s.error());
    auto db = store::Database::open(profile.value().cachePath(), QStringLiteral("poplarctl"));
    if (!db)
        return fail(db.error());
    store::CacheCompactor compactor(db.value()->connection(), db.value()->path());
    auto done = compactor.compact();
    if (!done)
        return fail(done.error());
    const qint64 before = done.value().bytesBefore;
    const qint64 after = done.value().bytesAfter;
    if (cl.format() == QLatin1String("json")) {
        printJson(QJsonObject{{QStringLiteral("bytesBefore"), before},
                              {QStringLiteral("bytesAfter"), after}});
    } else {
        printOut(Words::tr("Compacted the mail cache: %1 before, %2 after (%3 given back to "
                           "the disk)")
                     .arg(dataSizeText(before), dataSizeText(after),
                          dataSizeText(std::max<qint64>(before - after, 0))) +
                 QLatin1Char('\n'));
    }
    return Success;
}

} // namespace poplar::ctl
