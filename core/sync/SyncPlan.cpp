// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncPlan.h"

#include <algorithm>

namespace poplar::sync {

using store::DownloadRecord;
using store::DownloadState;

QList<ListedMessage> mergeListings(const QList<pop3::UidlEntry> &uidls,
                                   const QHash<int, qint64> &sizes)
{
    QList<ListedMessage> listing;
    listing.reserve(uidls.size());
    // One pass that counts each UIDL; a second only for a listing that repeats one.
    QHash<QByteArray, int> seen;
    seen.reserve(uidls.size());
    bool repeats = false;
    for (const pop3::UidlEntry &e : uidls) {
        int &n = seen[e.uidl];
        repeats = repeats || n > 0;
        ++n;
        listing.append({e.number, e.uidl, sizes.value(e.number, -1), false});
    }
    if (repeats) {
        QHash<QByteArray, int> occurrence;
        for (ListedMessage &m : listing) {
            const QByteArray uidl = m.uidl;
            m.sharedUidl = seen.value(uidl) > 1;
            const int n = ++occurrence[uidl];
            if (n > 1)
                m.uidl = uidl + '#' + QByteArray::number(n);
        }
    }
    auto byNumber = [](const ListedMessage &a, const ListedMessage &b) {
        return a.number < b.number;
    };
    if (!std::is_sorted(listing.cbegin(), listing.cend(), byNumber))
        std::sort(listing.begin(), listing.end(), byNumber);
    return listing;
}

bool uidlsAreNumbers(const QList<ListedMessage> &listing)
{
    if (listing.isEmpty())
        return false;
    return std::all_of(listing.cbegin(), listing.cend(), [](const ListedMessage &m) {
        return m.uidl == QByteArray::number(m.number);
    });
}

bool isMateriallyShort(const QByteArray &body, qint64 listedSize)
{
    if (listedSize <= 0)
        return false;
    qint64 counted = body.size();
    for (qsizetype i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
        if (i == 0 || body.at(i - 1) != '\r')
            ++counted;
    }
    // Servers estimate (Exchange counts what it stores, not what it sends): a tenth is noise,
    // a cut-off message is missing much more.
    return counted + listedSize / 10 + 64 < listedSize;
}

namespace {

// "uidl#2" -> "uidl": the name mergeListings gave a later message listed under one UIDL.
QByteArray sharedBase(const QByteArray &uidl)
{
    if (uidl.isEmpty() || uidl.back() < '0' || uidl.back() > '9')
        return {}; // most UIDLs: no scan
    const qsizetype hash = uidl.lastIndexOf('#');
    if (hash <= 0 || hash + 1 >= uidl.size())
        return {};
    for (qsizetype i = hash + 1; i < uidl.size(); ++i) {
        if (uidl.at(i) < '0' || uidl.at(i) > '9')
            return {};
    }
    return uidl.left(hash);
}

} // namespace

SyncPlan::SyncPlan(QList<ListedMessage> listing, Records records)
    : m_listing(std::move(listing))
    , m_records(std::move(records))
{
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
        if (const QByteArray base = sharedBase(it.key()); !base.isEmpty())
            m_sharedBefore.insert(base);
    }
}

const DownloadRecord *SyncPlan::byId(qint64 id) const
{
    // Built when first asked: most checks never need it (100,000 inserts).
    if (m_byId.isEmpty() && !m_records.isEmpty()) {
        m_byId.reserve(m_records.size());
        for (auto it = m_records.cbegin(); it != m_records.cend(); ++it)
            m_byId.insert(it.value().id, &it.value());
    }
    return m_byId.value(id);
}

SyncPlan::Look SyncPlan::look(const ListedMessage &listed, const DownloadRecord &record) const
{
    bool sizeDiffers = false;
    if (listed.size >= 0) {
        if (record.listedSize >= 0)
            sizeDiffers = record.listedSize != listed.size;
        else if (record.state == DownloadState::Stored && record.receivedSize >= 0)
            sizeDiffers = record.receivedSize != listed.size; // a record from before v10
    }
    const bool wasAway =
        record.state == DownloadState::DeletedOnServer || record.state == DownloadState::Gone;
    bool shared = listed.sharedUidl;
    if (!shared && !m_sharedBefore.isEmpty()) {
        const QByteArray base = sharedBase(listed.uidl);
        shared = m_sharedBefore.contains(base.isEmpty() ? listed.uidl : base);
    }
    if (m_numbers || wasAway || sizeDiffers || shared)
        return Look::Doubtful;
    return record.state == DownloadState::Incomplete ? Look::Refetch : Look::Known;
}

void SyncPlan::triage()
{
    m_numbers = uidlsAreNumbers(m_listing);
    QList<int> fresh;
    for (int i = 0; i < m_listing.size(); ++i) {
        const ListedMessage &listed = m_listing.at(i);
        const auto it = m_records.constFind(listed.uidl);
        if (it == m_records.constEnd()) {
            fresh.append(i);
            continue;
        }
        switch (look(listed, it.value())) {
        case Look::Known:
            m_claims.insert(i, it.value().id);
            m_claimed.insert(it.value().id);
            if (it.value().listedSize < 0 && listed.size >= 0) {
                // Its received size is LIST's: as good a proof as it had when it came.
                m_sizeUpdates.append({it.value().id, listed.size});
                m_confirmed.insert(i);
            }
            break;
        case Look::Refetch:
            m_claims.insert(i, it.value().id);
            m_claimed.insert(it.value().id);
            m_toRefetch.append(i);
            break;
        case Look::Doubtful:
            m_doubtful.append(i);
            m_toCheck.append(i);
            break;
        }
    }
    // Messages the cache holds that this listing may show under new names.
    QSet<qint64> sizes;
    bool unknownSize = false;
    for (const DownloadRecord &r : std::as_const(m_records)) {
        if (m_claimed.contains(r.id) || r.state == DownloadState::Gone ||
            r.state == DownloadState::DeletedOnServer || r.headerKey.isEmpty())
            continue;
        if (r.listedSize >= 0)
            sizes.insert(r.listedSize);
        else
            unknownSize = true;
    }
    for (const int i : std::as_const(fresh)) {
        const qint64 size = m_listing.at(i).size;
        if (unknownSize || (size < 0 && !sizes.isEmpty()) || sizes.contains(size))
            m_toCheck.append(i);
        else
            m_toFetch.append(i);
    }
    std::sort(m_toCheck.begin(), m_toCheck.end());
}

void SyncPlan::resolve(const QHash<int, QByteArray> &headerKeys)
{
    QSet<qint64> released;
    QList<int> unmatched;
    for (const int i : std::as_const(m_doubtful)) {
        const ListedMessage &listed = m_listing.at(i);
        const DownloadRecord &r = m_records.value(listed.uidl);
        const QByteArray key = headerKeys.value(i);
        if (!key.isEmpty() && key == r.headerKey) {
            m_claims.insert(i, r.id);
            m_claimed.insert(r.id);
            m_confirmed.insert(i);
            if (r.state == DownloadState::Gone || r.state == DownloadState::DeletedOnServer)
                m_renames.append({r.id, listed.uidl, listed.size}); // back: Stored again
            else if (listed.size >= 0 && listed.size != r.listedSize)
                m_sizeUpdates.append({r.id, listed.size});
            if (r.state == DownloadState::Incomplete)
                m_toRefetch.append(i);
        } else {
            released.insert(r.id);
            unmatched.append(i);
        }
    }
    for (const int i : std::as_const(m_toCheck)) {
        if (!m_doubtful.contains(i))
            unmatched.append(i);
    }
    std::sort(unmatched.begin(), unmatched.end());

    // The same headers under another name: a rename. Records of a proven-same size first.
    QMultiHash<QByteArray, const DownloadRecord *> byKey;
    for (const DownloadRecord &r : std::as_const(m_records)) {
        if (!m_claimed.contains(r.id) && !r.headerKey.isEmpty())
            byKey.insert(r.headerKey, &r);
    }
    for (const int i : std::as_const(unmatched)) {
        const ListedMessage &listed = m_listing.at(i);
        const QByteArray key = headerKeys.value(i);
        const DownloadRecord *match = nullptr;
        if (!key.isEmpty()) {
            for (auto it = byKey.constFind(key); it != byKey.cend() && it.key() == key; ++it) {
                if (m_claimed.contains(it.value()->id))
                    continue;
                if (!match || it.value()->listedSize == listed.size)
                    match = it.value();
            }
        }
        if (!match) {
            m_toFetch.append(i);
            continue;
        }
        m_claims.insert(i, match->id);
        m_claimed.insert(match->id);
        m_confirmed.insert(i);
        released.remove(match->id);
        m_renames.append({match->id, listed.uidl, listed.size});
        if (match->state == DownloadState::Incomplete)
            m_toRefetch.append(i);
    }
    for (const qint64 id : std::as_const(released)) {
        if (!m_claimed.contains(id))
            m_retired.append(id);
    }
    std::sort(m_toFetch.begin(), m_toFetch.end());
    std::sort(m_toRefetch.begin(), m_toRefetch.end());
    std::sort(m_retired.begin(), m_retired.end());
    m_mayHaveRenamed = !m_retired.isEmpty() || !unlisted().isEmpty();
}

std::optional<qint64> SyncPlan::recordOf(int index) const
{
    const auto it = m_claims.constFind(index);
    if (it == m_claims.constEnd())
        return std::nullopt;
    return it.value();
}

std::optional<store::DownloadRecord> SyncPlan::record(qint64 id) const
{
    const DownloadRecord *r = byId(id);
    if (!r)
        return std::nullopt;
    return *r;
}

QList<qint64> SyncPlan::unlisted() const
{
    QList<qint64> out;
    const QSet<qint64> retired(m_retired.cbegin(), m_retired.cend());
    for (const DownloadRecord &r : std::as_const(m_records)) {
        if (!m_claimed.contains(r.id) && !retired.contains(r.id) &&
            r.state == DownloadState::Stored)
            out.append(r.id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void SyncPlan::stored(int index, bool whole)
{
    m_storedWhole.insert(index, whole);
}

bool SyncPlan::isWhole(int index) const
{
    const auto stored = m_storedWhole.constFind(index);
    if (stored != m_storedWhole.constEnd())
        return stored.value();
    const auto claim = m_claims.constFind(index);
    if (claim == m_claims.constEnd())
        return false;
    const DownloadRecord *r = byId(claim.value());
    if (!r)
        return false;
    const ListedMessage &listed = m_listing.at(index);
    switch (r->state) {
    case DownloadState::Stored:
        return m_confirmed.contains(index) || r->listedSize == listed.size;
    case DownloadState::Gone:
    case DownloadState::DeletedOnServer:
        // It was stored whole before it went away; back, it must prove it is that message.
        return m_confirmed.contains(index);
    case DownloadState::HeadersOnly:
    case DownloadState::Incomplete:
    case DownloadState::Truncated:
        break;
    }
    return false;
}

QList<PlannedDeletion> SyncPlan::deletions(const Account &account,
                                           const QList<store::PendingDeletion> &queued,
                                           const QList<store::PendingDeletion> &expired) const
{
    QSet<qint64> queuedIds;
    for (const store::PendingDeletion &p : queued)
        queuedIds.insert(p.downloadId);
    QSet<qint64> expiredIds;
    if (account.leaveOnServer && account.deleteFromServerAfterDays > 0) {
        for (const store::PendingDeletion &p : expired)
            expiredIds.insert(p.downloadId);
    }
    QList<PlannedDeletion> plan;
    for (int i = 0; i < m_listing.size(); ++i) {
        const ListedMessage &listed = m_listing.at(i);
        // A UIDL listed twice cannot say which copy is which; a message without a LIST size
        // cannot prove it is the one stored.
        if (listed.sharedUidl || listed.size < 0)
            continue;
        const qint64 record = m_claims.value(i, 0);
        std::optional<store::DeletionReason> reason;
        if (record != 0 && queuedIds.contains(record))
            reason = store::DeletionReason::DeletedHere;
        else if (!account.leaveOnServer)
            reason = store::DeletionReason::NotLeftOnServer;
        else if (record != 0 && expiredIds.contains(record))
            reason = store::DeletionReason::OlderThan;
        if (reason && isWhole(i))
            plan.append({listed.number, QString::fromLatin1(listed.uidl), *reason});
    }
    return plan;
}

} // namespace poplar::sync
