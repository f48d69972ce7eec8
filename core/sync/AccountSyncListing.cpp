// SPDX-License-Identifier: GPL-3.0-or-later
// AccountSync's listing stage: the whole listing (UIDL and LIST), the quick one of a large
// mailbox (QuickListing.h), and a server without UIDL. The rest of the class is in
// AccountSync.cpp.
#include "sync/AccountSync.h"

#include "store/DeletionQueue.h"
#include "store/DownloadRecords.h"
#include "sync/HeaderFacts.h"
#include "sync/QuickListing.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace poplar::sync {

namespace {

// "UIDL n" and "LIST n" answer on their status line, "n uid" / "n octets": read as a line
// of the full listing would be, and only for the message asked about.
std::optional<pop3::UidlEntry> uidlOfOne(const pop3::Reply &r, int number)
{
    if (!r.isOk())
        return std::nullopt;
    const auto entry = pop3::parseUidlListing(r.text + "\r\n");
    if (!entry || entry.value().size() != 1 || entry.value().front().number != number)
        return std::nullopt;
    return entry.value().front();
}

std::optional<qint64> sizeOfOne(const pop3::Reply &r, int number)
{
    if (!r.isOk())
        return std::nullopt;
    const auto sizes = pop3::parseSizeListing(r.text + "\r\n");
    if (!sizes || !sizes.value().contains(number))
        return std::nullopt;
    return sizes.value().value(number);
}

} // namespace

// --- list ------------------------------------------------------------------------------

void AccountSync::list()
{
    m_stage = Stage::Listing;
    const pop3::Capabilities &caps = m_client->capabilities();
    m_result.serverExpireDays = caps.expireDays;
    m_result.loginDelaySeconds = caps.loginDelaySeconds;
    // A cache still pending has no snapshot to list quickly against: it is new.
    if (!m_openCache && mayListQuickly())
        listQuickly();
    else
        listWhole();
    // The server works on the commands meanwhile.
    if (!openPendingCache())
        return;
    // Written while the server works on the commands, not before they go out.
    store::ServerPolicy policy{m_clock(), caps.loginDelaySeconds, caps.expireDays};
    if (Status s = store::ServerPolicyStore(m_db).save(m_account.id, policy); !s)
        m_result.warnings.append(s.error().message());
}

bool AccountSync::mayListQuickly()
{
    // Without pipelining each probe is a round trip of its own; deleting on the server needs
    // every message's number, so it needs the whole listing.
    if (m_completeId > 0 || !m_account.leaveOnServer || !m_client->pipelining() ||
        !quicklisting::worthTrying(m_snapshot, m_clock()))
        return false;
    store::DeletionQueue queue(m_db);
    auto queued = queue.queued(m_account.id);
    if (!queued || !queued.value().isEmpty())
        return false;
    if (m_account.deleteFromServerAfterDays > 0) {
        auto expired = queue.downloadedBefore(
            m_account.id, m_clock().addDays(-m_account.deleteFromServerAfterDays));
        if (!expired || !expired.value().isEmpty())
            return false;
    }
    return true;
}

void AccountSync::listQuickly()
{
    // STAT and the probes in one round trip; their answers come back in order.
    askStatus();
    auto uidls = std::make_shared<QHash<int, QByteArray>>();
    const auto &probes = m_snapshot->probes;
    for (qsizetype i = 0; i < probes.size(); ++i) {
        const int number = probes.at(i).first;
        const bool last = i + 1 == probes.size();
        m_client->command("UIDL " + QByteArray::number(number), pop3::ReplyShape::StatusLine,
                          [this, uidls, number, last](const pop3::Reply &r) {
                              if (const auto entry = uidlOfOne(r, number))
                                  uidls->insert(number, entry->uidl);
                              if (last)
                                  listNewAfter(*uidls);
                          });
    }
}

void AccountSync::listNewAfter(const QHash<int, QByteArray> &probeUidls)
{
    if (!m_status || !quicklisting::mayListNewOnly(*m_snapshot, *m_status, probeUidls)) {
        qCDebug(lcSync) << "account" << m_account.id << "listing changed: listing it whole";
        listWhole();
        return;
    }
    const int first = int(m_snapshot->count) + 1;
    const int last = m_status->count;
    auto uidls = std::make_shared<QList<pop3::UidlEntry>>();
    auto sizes = std::make_shared<QHash<int, qint64>>();
    auto listed = [this, uidls, sizes] {
        QList<ListedMessage> tail = mergeListings(*uidls, *sizes);
        // Also false when a message is missing from the answers.
        if (!quicklisting::octetsAgree(*m_snapshot, *m_status, tail)) {
            listWhole();
            return;
        }
        m_quick = true;
        plan(std::move(tail));
    };
    if (first > last) {
        listed();
        return;
    }
    for (int number = first; number <= last; ++number) {
        m_client->command("UIDL " + QByteArray::number(number), pop3::ReplyShape::StatusLine,
                          [uidls, number](const pop3::Reply &r) {
                              if (const auto entry = uidlOfOne(r, number))
                                  uidls->append(*entry);
                          });
        m_client->command("LIST " + QByteArray::number(number), pop3::ReplyShape::StatusLine,
                          [sizes, number, last, listed](const pop3::Reply &r) {
                              if (const auto size = sizeOfOne(r, number))
                                  sizes->insert(number, *size);
                              if (number == last)
                                  listed(); // a message missing from either shows in the count
                          });
    }
}

void AccountSync::askStatus()
{
    m_client->command("STAT", pop3::ReplyShape::StatusLine, [this](const pop3::Reply &r) {
        if (r.isOk())
            m_status = pop3::parseMaildropStatus(r.text);
    });
}

void AccountSync::listWhole()
{
    // STAT tells whether this server's octets are the sum of its LIST, which a later quick
    // check relies on; asked only where it costs no round trip of its own.
    if (m_client->pipelining() && !m_status)
        askStatus();
    // UIDL and LIST go out together (pipelined when the server allows): one round trip.
    auto uidls = std::make_shared<std::optional<Result<QList<pop3::UidlEntry>>>>();
    m_client->command("UIDL", pop3::ReplyShape::MultiLine, [uidls](const pop3::Reply &r) {
        if (r.isOk())
            *uidls = pop3::parseUidlListing(r.body);
    });
    m_client->command("LIST", pop3::ReplyShape::MultiLine, [this, uidls](const pop3::Reply &r) {
        Result<QHash<int, qint64>> sizes = QHash<int, qint64>{};
        if (r.isOk())
            sizes = pop3::parseSizeListing(r.body);
        else
            m_result.warnings.append(tr("The server did not list message sizes, so Poplar "
                                        "deletes nothing on it this time (server said: %1)")
                                         .arg(serverWords(r)));
        if (!sizes) {
            abandon(sizes.error());
            return;
        }
        if (!uidls->has_value()) {
            identifyWithoutUidl(sizes.value());
            return;
        }
        if (!uidls->value()) {
            abandon(uidls->value().error());
            return;
        }
        plan(mergeListings(uidls->value().value(), sizes.value()));
    });
    // A server takes a while before the first line of a large mailbox's listing (Dovecot:
    // 0.35 s for 100,000 messages on a quiet machine, more on a busy one), and reading what
    // is known of that mailbox takes 0.1 s: done meanwhile, the commands being on the wire
    // (the transport flushes what it writes).
    m_prefetchRecords = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_prefetchRecords) // not if the listing came first and plan() read them
                readRecords();
        },
        Qt::QueuedConnection);
}

void AccountSync::readRecords()
{
    if (m_records)
        return;
    auto named = store::DownloadRecords(m_db).named(m_account.id, m_mailboxId);
    if (named)
        m_records = KnownRecords::of(std::move(named).value());
    else
        m_records = named.error();
}

void AccountSync::identifyWithoutUidl(const QHash<int, qint64> &sizes)
{
    // A server without UIDL (RFC 1939 makes it optional): each message is known by a digest of
    // its Message-ID, Date and size, read with TOP n 0. These are the same in every session,
    // so such a server still gets no duplicates. The headers read serve as the check too.
    if (sizes.isEmpty()) {
        plan({});
        return;
    }
    auto tops = std::make_shared<QMap<int, QByteArray>>();
    auto remaining = std::make_shared<qsizetype>(sizes.size());
    auto failed = std::make_shared<bool>(false);
    QList<int> numbers = sizes.keys();
    std::sort(numbers.begin(), numbers.end());
    for (const int number : std::as_const(numbers)) {
        m_client->command(
            "TOP " + QByteArray::number(number) + " 0", pop3::ReplyShape::MultiLine,
            [this, number, sizes, tops, remaining, failed](const pop3::Reply &top) {
                if (*failed)
                    return;
                if (!top.isOk()) {
                    *failed = true;
                    abandon({Error::Code::ServerRejected,
                             tr("The server supports neither UIDL nor TOP, so Poplar cannot "
                                "tell which messages it already has"),
                             serverWords(top)});
                    return;
                }
                tops->insert(number, top.body);
                if (--*remaining > 0)
                    return;
                // Identical messages get the same digest: number them apart, in order.
                QList<pop3::UidlEntry> entries;
                QHash<QByteArray, int> seen;
                QHash<int, QByteArray> keys;
                for (auto i = tops->cbegin(); i != tops->cend(); ++i) {
                    const store::HeaderSummary h = headerFacts(i.value());
                    const qint64 size = sizes.value(i.key());
                    const QByteArray material =
                        h.messageId.isEmpty()
                            ? i.value()
                            : h.messageId.toUtf8() + '\n' + h.date.toString(Qt::ISODate).toUtf8();
                    const QByteArray id =
                        "~" + QCryptographicHash::hash(material + '\n' + QByteArray::number(size),
                                                       QCryptographicHash::Sha256)
                                  .toHex()
                                  .left(40);
                    const int n = ++seen[id];
                    entries.append({i.key(), n == 1 ? id : id + '-' + QByteArray::number(n)});
                }
                QList<ListedMessage> listing = mergeListings(entries, sizes);
                for (int index = 0; index < listing.size(); ++index) {
                    keys.insert(index, store::DownloadRecords::headerKey(
                                           headerFacts(tops->value(listing.at(index).number))));
                }
                plan(std::move(listing), keys);
            });
    }
}

} // namespace poplar::sync
