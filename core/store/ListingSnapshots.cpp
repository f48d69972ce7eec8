// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ListingSnapshots.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace poplar::store {

namespace {

// "number uidl" per line: a UIDL is printable ASCII without blanks (RFC 1939 §7).
QByteArray encodeProbes(const QList<std::pair<int, QByteArray>> &probes)
{
    QByteArray out;
    for (const auto &[number, uidl] : probes)
        out += QByteArray::number(number) + ' ' + uidl + '\n';
    return out;
}

std::optional<QList<std::pair<int, QByteArray>>> decodeProbes(const QByteArray &text)
{
    QList<std::pair<int, QByteArray>> probes;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        const qsizetype blank = line.indexOf(' ');
        bool ok = false;
        const int number = blank > 0 ? line.left(blank).toInt(&ok) : 0;
        if (!ok || number <= 0 || blank + 1 >= line.size())
            return std::nullopt;
        probes.append({number, line.mid(blank + 1)});
    }
    return probes;
}

} // namespace

ListingSnapshots::ListingSnapshots(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<std::optional<ListingSnapshot>> ListingSnapshots::load(qint64 mailboxId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT message_count, octets, probes, taken FROM listing_snapshots "
                             "WHERE mailbox_id = ?"));
    q.addBindValue(mailboxId);
    if (!q.exec())
        return storageError(QCoreApplication::translate("poplar::store::ListingSnapshots",
                                                        "Cannot read what the last listing showed"),
                            q.lastError().text());
    if (!q.next())
        return std::optional<ListingSnapshot>{};
    ListingSnapshot s;
    s.count = q.value(0).toLongLong();
    s.octets = q.value(1).toLongLong();
    s.taken = QDateTime::fromSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    auto probes = decodeProbes(q.value(2).toByteArray());
    // A row that does not read back whole is no proof of anything: as if there were none,
    // and the next check lists the whole mailbox.
    if (!probes || probes->isEmpty() || s.count <= 0 || s.octets < 0)
        return std::optional<ListingSnapshot>{};
    s.probes = std::move(*probes);
    return std::optional<ListingSnapshot>{std::move(s)};
}

Status ListingSnapshots::save(qint64 mailboxId, const ListingSnapshot &snapshot)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO listing_snapshots (mailbox_id, message_count, "
                             "octets, probes, taken) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(mailboxId);
    q.addBindValue(qint64(snapshot.count));
    q.addBindValue(snapshot.octets);
    q.addBindValue(encodeProbes(snapshot.probes));
    q.addBindValue(snapshot.taken.toSecsSinceEpoch());
    if (!q.exec())
        return storageError(QCoreApplication::translate("poplar::store::ListingSnapshots",
                                                        "Cannot record what the listing showed"),
                            q.lastError().text());
    return {};
}

Status ListingSnapshots::forget(qint64 mailboxId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM listing_snapshots WHERE mailbox_id = ?"));
    q.addBindValue(mailboxId);
    if (!q.exec())
        return storageError(QCoreApplication::translate("poplar::store::ListingSnapshots",
                                                        "Cannot record what the listing showed"),
                            q.lastError().text());
    return {};
}

} // namespace poplar::store
