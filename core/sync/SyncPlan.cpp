// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncPlan.h"

#include <algorithm>
#include <vector>

namespace poplar::sync {

using store::DownloadRecord;
using store::DownloadState;

namespace {

// Whether a UIDL is listed twice: by sorting the UIDLs' hashes, which for a listing of
// 100,000 costs a fifth of counting them in a QHash (a check reads one every time).
bool repeatsAUidl(const QList<pop3::UidlEntry> &uidls)
{
    std::vector<std::pair<size_t, qsizetype>> hashes;
    hashes.reserve(size_t(uidls.size()));
    for (qsizetype i = 0; i < uidls.size(); ++i)
        hashes.emplace_back(qHash(uidls.at(i).uidl), i);
    std::sort(hashes.begin(), hashes.end());
    for (size_t run = 0; run < hashes.size();) {
        size_t end = run + 1;
        while (end < hashes.size() && hashes[end].first == hashes[run].first)
            ++end;
        for (size_t a = run; a < end; ++a) { // equal hashes: compare the UIDLs themselves
            for (size_t b = a + 1; b < end; ++b) {
                if (uidls.at(hashes[a].second).uidl == uidls.at(hashes[b].second).uidl)
                    return true;
            }
        }
        run = end;
    }
    return false;
}

} // namespace

QList<ListedMessage> mergeListings(const QList<pop3::UidlEntry> &uidls,
                                   const QHash<int, qint64> &sizes)
{
    QList<ListedMessage> listing;
    listing.reserve(uidls.size());
    for (const pop3::UidlEntry &e : uidls)
        listing.append({e.number, e.uidl, sizes.value(e.number, -1), false});
    if (repeatsAUidl(uidls)) {
        QHash<QByteArray, int> seen;
        for (const ListedMessage &m : std::as_const(listing))
            ++seen[m.uidl];
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

// A message under a new name may be `r`: it is still here, and its headers are known.
bool mayBeRenamed(const DownloadRecord &r)
{
    return r.state != DownloadState::Gone && r.state != DownloadState::DeletedOnServer &&
           !r.headerKey.isEmpty();
}

} // namespace

KnownRecords KnownRecords::of(QHash<QByteArray, DownloadRecord> records)
{
    KnownRecords known;
    known.records = std::move(records);
    for (auto it = known.records.cbegin(); it != known.records.cend(); ++it) {
        if (const QByteArray base = sharedBase(it.key()); !base.isEmpty())
            known.sharedBefore.insert(base);
        if (mayBeRenamed(it.value()))
            ++known.renameSizes[std::max<qint64>(-1, it.value().listedSize)];
        if (it.value().state == DownloadState::Stored)
            ++known.stored;
    }
    return known;
}

SyncPlan::SyncPlan(QList<ListedMessage> listing, Records records)
    : SyncPlan(std::move(listing), KnownRecords::of(std::move(records)))
{}

SyncPlan::SyncPlan(QList<ListedMessage> listing, KnownRecords known)
    : m_listing(std::move(listing))
    , m_known(std::move(known))
    , m_claims(m_listing.size(), 0)
{
    m_claimed.reserve(m_listing.size());
}

void SyncPlan::claim(int index, const DownloadRecord &r)
{
    m_claims[index] = r.id;
    const qsizetype before = m_claimed.size();
    m_claimed.insert(r.id);
    if (m_claimed.size() > before && r.state == DownloadState::Stored)
        ++m_claimedStored;
}

const DownloadRecord *SyncPlan::byId(qint64 id) const
{
    // Built when first asked: most checks never need it (100,000 inserts).
    if (m_byId.isEmpty() && !m_known.records.isEmpty()) {
        m_byId.reserve(m_known.records.size());
        for (auto it = m_known.records.cbegin(); it != m_known.records.cend(); ++it)
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
    if (!shared && !m_known.sharedBefore.isEmpty()) {
        const QByteArray base = sharedBase(listed.uidl);
        shared = m_known.sharedBefore.contains(base.isEmpty() ? listed.uidl : base);
    }
    if (m_numbers || wasAway || sizeDiffers || shared || m_everyRecordInDoubt)
        return Look::Doubtful;
    return record.state == DownloadState::Incomplete ? Look::Refetch : Look::Known;
}

void SyncPlan::triage()
{
    m_numbers = uidlsAreNumbers(m_listing);
    QList<int> fresh;
    // The sizes a message under a new name may have: those of the records no listed UIDL
    // claims (counted down from all the candidates', which were counted beforehand).
    QHash<qint64, qsizetype> sizes = m_tail ? QHash<qint64, qsizetype>{} : m_known.renameSizes;
    const auto claimedSize = [&sizes](const DownloadRecord &r) {
        if (!mayBeRenamed(r))
            return;
        const auto size = sizes.find(std::max<qint64>(-1, r.listedSize));
        if (size != sizes.end() && --size.value() == 0)
            sizes.erase(size);
    };
    for (int i = 0; i < m_listing.size(); ++i) {
        const ListedMessage &listed = m_listing.at(i);
        const auto it = m_known.records.constFind(listed.uidl);
        if (it == m_known.records.constEnd()) {
            fresh.append(i);
            continue;
        }
        switch (look(listed, it.value())) {
        case Look::Known:
            claim(i, it.value());
            claimedSize(it.value());
            if (it.value().listedSize < 0 && listed.size >= 0) {
                // Its received size is LIST's: as good a proof as it had when it came.
                m_sizeUpdates.append({it.value().id, listed.size});
                m_confirmed.insert(i);
            }
            break;
        case Look::Refetch:
            claim(i, it.value());
            claimedSize(it.value());
            m_toRefetch.append(i);
            break;
        case Look::Doubtful:
            m_doubtful.append(i);
            m_toCheck.append(i);
            break;
        }
    }
    const bool unknownSize = sizes.contains(-1);
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
        const DownloadRecord &r = m_known.records.value(listed.uidl);
        const QByteArray key = headerKeys.value(i);
        if (!key.isEmpty() && key == r.headerKey) {
            claim(i, r);
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
    if (!unmatched.isEmpty()) { // a check that found only new names needs none of it
        for (const DownloadRecord &r : std::as_const(m_known.records)) {
            if (!m_claimed.contains(r.id) && !r.headerKey.isEmpty())
                byKey.insert(r.headerKey, &r);
        }
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
        claim(i, *match);
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
    const qint64 id = index >= 0 && index < m_claims.size() ? m_claims.at(index) : 0;
    if (id == 0)
        return std::nullopt;
    return id;
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
    if (m_tail || m_claimedStored == m_known.stored)
        return out; // every stored record is listed (the usual check)
    const QSet<qint64> retired(m_retired.cbegin(), m_retired.cend());
    for (const DownloadRecord &r : std::as_const(m_known.records)) {
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

qsizetype SyncPlan::settledPrefix() const
{
    qsizetype settled = 0;
    for (; settled < m_listing.size(); ++settled) {
        const int i = int(settled);
        const auto stored = m_storedWhole.constFind(i);
        if (stored != m_storedWhole.constEnd()) {
            // Stored this session: only whole is final (headers only or incomplete is
            // decided again by the next full listing).
            if (!stored.value())
                break;
            continue;
        }
        // Not stored this session: known already (an incomplete copy is claimed for
        // fetching again, so it is in m_toRefetch), or still wanted.
        if (!recordOf(i) || std::binary_search(m_toRefetch.cbegin(), m_toRefetch.cend(), i))
            break;
    }
    return settled;
}

bool SyncPlan::isWhole(int index) const
{
    const auto stored = m_storedWhole.constFind(index);
    if (stored != m_storedWhole.constEnd())
        return stored.value();
    const std::optional<qint64> claim = recordOf(index);
    if (!claim)
        return false;
    const DownloadRecord *r = byId(*claim);
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

bool SyncPlan::mayDelete(const Account &account, bool anyQueued)
{
    return anyQueued || !account.leaveOnServer || account.deleteFromServerAfterDays > 0;
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
        const qint64 record = m_claims.at(i);
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
