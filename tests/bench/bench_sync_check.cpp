// SPDX-License-Identifier: GPL-3.0-or-later
// What a check costs the client over a mailbox it knows: the UIDL and LIST listings parsed,
// the mailbox's download records read, and SyncPlan's decision, for 10 new messages among
// N known (issue 14: "a check that finds 10 new among 100,000 known: at most 0.4 s", of
// which the server's UIDL listing itself takes about 0.35 s on loopback TLS).
#include "pop3/Pop3Listing.h"
#include "store/Database.h"
#include "store/DownloadRecords.h"
#include "sync/SyncPlan.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <map>
#include <memory>

using namespace poplar;

namespace {

struct KnownMailbox {
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    qint64 mailbox = 0;
    QByteArray uidlListing;
    QByteArray sizeListing;
};

QByteArray uidlOf(int n)
{
    // Dovecot's default %08Xu%08Xv shape.
    return QByteArray::number(n, 16).rightJustified(8, '0') + "5f3a9c21";
}

KnownMailbox &mailbox(int known)
{
    static std::map<int, std::unique_ptr<KnownMailbox>> made;
    auto &slot = made[known];
    if (slot)
        return *slot;
    slot = std::make_unique<KnownMailbox>();
    KnownMailbox &m = *slot;
    auto db = store::Database::open(m.dir.filePath(QStringLiteral("cache.sqlite")),
                                    QStringLiteral("bench-check-%1").arg(known));
    m.db = std::move(db).value();
    store::DownloadRecords records(m.db->connection());
    m.mailbox =
        records.mailbox(QStringLiteral("a"), {QStringLiteral("h"), 995, QStringLiteral("u")})
            .value();
    store::Transaction txn(m.db->connection());
    QSqlQuery q(m.db->connection());
    q.prepare(QStringLiteral(
        "INSERT INTO downloads (account_id, mailbox_id, uidl, state, listed_size, "
        "received_size, header_key, message_id, first_seen) VALUES ('a', ?, ?, 'stored', ?, ?, "
        "?, ?, 1700000000)"));
    for (int n = 1; n <= known; ++n) {
        q.addBindValue(m.mailbox);
        q.addBindValue(QString::fromLatin1(uidlOf(n)));
        q.addBindValue(5000 + n % 997);
        q.addBindValue(5000 + n % 997);
        q.addBindValue(QByteArray(16, char(n)));
        q.addBindValue(n);
        q.exec();
    }
    (void)txn.commit();
    for (int n = 1; n <= known + 10; ++n) {
        m.uidlListing += QByteArray::number(n) + ' ' + uidlOf(n) + "\r\n";
        m.sizeListing += QByteArray::number(n) + ' ' + QByteArray::number(5000 + n % 997) + "\r\n";
    }
    return m;
}

void BM_Check_TenNewAmongKnown(benchmark::State &state)
{
    KnownMailbox &m = mailbox(int(state.range(0)));
    int fetch = 0;
    for (auto _ : state) {
        auto uidls = pop3::parseUidlListing(m.uidlListing);
        auto sizes = pop3::parseSizeListing(m.sizeListing);
        store::DownloadRecords records(m.db->connection());
        auto named = records.named(QStringLiteral("a"), m.mailbox);
        if (!named || !uidls || !sizes) {
            state.SkipWithError("a listing or the records could not be read");
            break;
        }
        sync::SyncPlan plan(sync::mergeListings(uidls.value(), sizes.value()),
                            std::move(named).value());
        plan.triage();
        plan.resolve({});
        fetch = int(plan.toFetch().size());
        benchmark::DoNotOptimize(fetch);
    }
    if (fetch != 10)
        state.SkipWithError("the plan did not find exactly the 10 new messages");
    state.SetItemsProcessed(qint64(state.iterations()) * state.range(0));
}
BENCHMARK(BM_Check_TenNewAmongKnown)
    ->Arg(2000)
    ->Arg(20000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

// The parts, to see where the time goes.
void BM_Check_ReadRecords(benchmark::State &state)
{
    KnownMailbox &m = mailbox(int(state.range(0)));
    for (auto _ : state) {
        auto named =
            store::DownloadRecords(m.db->connection()).named(QStringLiteral("a"), m.mailbox);
        benchmark::DoNotOptimize(named.value().size());
    }
}
BENCHMARK(BM_Check_ReadRecords)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_Check_ParseListings(benchmark::State &state)
{
    KnownMailbox &m = mailbox(int(state.range(0)));
    for (auto _ : state) {
        auto uidls = pop3::parseUidlListing(m.uidlListing);
        auto sizes = pop3::parseSizeListing(m.sizeListing);
        auto listing = sync::mergeListings(uidls.value(), sizes.value());
        benchmark::DoNotOptimize(listing.size());
    }
}
BENCHMARK(BM_Check_ParseListings)->Arg(100000)->Unit(benchmark::kMillisecond);

} // namespace
