// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/AddressSuggestions.h"

#include "mime/MessageBuilder.h"
#include "store/StoreSql.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace poplar::smtp {

namespace {

struct Tally {
    mime::MailAddress address;
    int count = 0;
    int firstSeen = 0; ///< ties keep the order the rows came in (newest first)
};

/// Adds each address of `list` to `tallies` (keyed by the lowered address).
void count(QHash<QString, Tally> &tallies, const QList<mime::MailAddress> &list, int &order)
{
    for (const mime::MailAddress &a : list) {
        const QString key = a.address.trimmed().toLower();
        if (!key.contains(QLatin1Char('@')))
            continue;
        auto it = tallies.find(key);
        if (it == tallies.end())
            it = tallies.insert(key, {{a.name.trimmed(), a.address.trimmed()}, 0, order++});
        else if (it->address.name.isEmpty())
            it->address.name = a.name.trimmed(); // a name once given is worth keeping
        ++it->count;
    }
}

QList<mime::MailAddress> ranked(const QHash<QString, Tally> &tallies)
{
    QList<Tally> list = tallies.values();
    std::sort(list.begin(), list.end(), [](const Tally &a, const Tally &b) {
        return a.count != b.count ? a.count > b.count : a.firstSeen < b.firstSeen;
    });
    QList<mime::MailAddress> out;
    out.reserve(list.size());
    for (const Tally &t : list)
        out.append(t.address);
    return out;
}

} // namespace

Result<QList<mime::MailAddress>>
AddressSuggestions::load(const QSqlDatabase &db, const QStringList &ownAddresses, int limit)
{
    QSet<QString> own;
    for (const QString &a : ownAddresses)
        own.insert(a.trimmed().toLower());

    // Written to: the To and Cc of what the user sent or is sending.
    QHash<QString, Tally> writtenTo;
    int order = 0;
    QSqlQuery sent(db);
    sent.setForwardOnly(true);
    if (!sent.exec(QStringLiteral("SELECT to_text, cc_text FROM messages "
                                  "WHERE folder IN ('sent', 'outbox') ORDER BY id DESC")))
        return store::sql::queryError(QStringLiteral("Cannot read the addresses written to"), sent);
    while (sent.next()) {
        for (int column : {0, 1}) {
            const QString text = sent.value(column).toString();
            if (!text.isEmpty())
                count(writtenTo, mime::MessageBuilder::parseAddresses(text.toUtf8()), order);
        }
    }

    // Mail came from: counted by SQLite, most frequent first. Junk is not correspondence.
    // An address met in several spellings is shown in the one that sorts last (lower case
    // for ASCII): a bare column would take any row's, and which one changed with the
    // query plan.
    QSqlQuery senders(db);
    senders.setForwardOnly(true);
    senders.prepare(QStringLiteral(
        "SELECT max(from_name), max(from_address), count(*) AS n FROM messages "
        "WHERE folder IN ('inbox', 'trash') AND junk = 0 AND from_address LIKE '%@%' "
        "GROUP BY lower(from_address) ORDER BY n DESC LIMIT ?"));
    senders.addBindValue(limit);
    if (!senders.exec())
        return store::sql::queryError(QStringLiteral("Cannot read the senders"), senders);

    QList<mime::MailAddress> frequent;
    QHash<QString, QString> namesFrom; // lowered address -> the name its mail gave
    while (senders.next()) {
        const mime::MailAddress a{senders.value(0).toString().trimmed(),
                                  senders.value(1).toString().trimmed()};
        frequent.append(a);
        if (!a.name.isEmpty())
            namesFrom.insert(a.address.toLower(), a.name);
    }

    QList<mime::MailAddress> out;
    QSet<QString> seen = own;
    auto add = [&](mime::MailAddress a) {
        const QString key = a.address.trimmed().toLower();
        if (out.size() >= limit || seen.contains(key))
            return;
        seen.insert(key);
        if (a.name.isEmpty())
            a.name = namesFrom.value(key); // written to by address alone, named in their mail
        out.append(a);
    };
    for (const mime::MailAddress &a : ranked(writtenTo))
        add(a);
    for (const mime::MailAddress &a : frequent)
        add(a);
    return out;
}

} // namespace poplar::smtp
