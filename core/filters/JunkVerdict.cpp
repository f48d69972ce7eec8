// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/JunkVerdict.h"

#include "filters/FilterMessage.h"
#include "junk/JunkClassifier.h"
#include "mime/SenderAuthentication.h"

#include <QLocale>

namespace poplar::filters {

namespace {

bool startsWithWord(const QByteArray &value, const char *word)
{
    const QByteArray v = value.trimmed().toLower();
    const QByteArray w(word);
    return v.startsWith(w) && (v.size() == w.size() || !std::isalnum(uchar(v.at(w.size()))));
}

QString reasonOf(const char *name, const QByteArray &value)
{
    return QString::fromLatin1(name) + QStringLiteral(": ") +
           QString::fromUtf8(value.trimmed().left(80));
}

} // namespace

JunkVerdict JunkVerdict::of(const FilterMessage &message)
{
    for (const QByteArray &v : message.rawValues(QStringLiteral("x-spam-flag"))) {
        if (startsWithWord(v, "yes"))
            return {true, reasonOf("X-Spam-Flag", v)};
    }
    for (const QByteArray &v : message.rawValues(QStringLiteral("x-spam-status"))) {
        if (startsWithWord(v, "yes"))
            return {true, reasonOf("X-Spam-Status", v)};
    }
    for (const QByteArray &v : message.rawValues(QStringLiteral("x-spam"))) {
        if (startsWithWord(v, "yes"))
            return {true, reasonOf("X-Spam", v)};
    }
    for (const QByteArray &v : message.rawValues(QStringLiteral("x-rspamd-action"))) {
        const QByteArray action = v.trimmed().toLower();
        if (action == "reject" || action == "add header" || action == "rewrite subject")
            return {true, reasonOf("X-Rspamd-Action", v)};
    }
    const QList<QByteArray> results = message.rawValues(QStringLiteral("authentication-results"));
    if (!results.isEmpty()) {
        const QStringList from = message.addresses(QStringLiteral("from"));
        const QStringList failed =
            mime::failedSenderChecks(results, from.isEmpty() ? QString() : from.front());
        const bool dmarc = failed.contains(QStringLiteral("dmarc"));
        if (dmarc ||
            (failed.contains(QStringLiteral("spf")) && failed.contains(QStringLiteral("dkim"))))
            return {true, QStringLiteral("Authentication-Results: ") +
                              failed.join(QStringLiteral(", ")) + QStringLiteral(" failed")};
    }
    return {};
}

QString JunkVerdict::describe(const QString &reason)
{
    if (reason.isEmpty())
        return {};
    if (reason == byUser())
        return tr("Junk: you marked it so");
    if (const std::optional<double> spamicity = junk::JunkClassifier::spamicityIn(reason))
        return tr("Junk by Poplar's filter (spamicity %1)")
            .arg(QLocale().toString(*spamicity, 'f', 2));
    return tr("Junk: the server said so (%1)").arg(reason);
}

} // namespace poplar::filters
