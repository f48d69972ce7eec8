// SPDX-License-Identifier: GPL-3.0-or-later
// SyncPlan: what a session makes of a listing, given what the cache knows of the mailbox.
// Every rule behind "nothing lost, missed or doubled" in one pure place (DESIGN.md 1, 6).
#include "sync/SyncPlan.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::sync;
using store::DeletionReason;
using store::DownloadRecord;
using store::DownloadState;
using store::PendingDeletion;

namespace {

ListedMessage listed(int number, const QByteArray &uidl, qint64 size)
{
    return {number, uidl, size, false};
}

DownloadRecord record(qint64 id, const QByteArray &uidl, qint64 size, const QByteArray &key,
                      DownloadState state = DownloadState::Stored)
{
    DownloadRecord r;
    r.id = id;
    r.uidl = uidl;
    r.state = state;
    r.listedSize = size;
    r.receivedSize = size;
    r.headerKey = key;
    r.messageId = id * 10;
    return r;
}

SyncPlan::Records records(const QList<DownloadRecord> &list)
{
    SyncPlan::Records out;
    for (const DownloadRecord &r : list)
        out.insert(r.uidl, r);
    return out;
}

Account leaving(bool leave = true, int days = 0)
{
    Account a;
    a.leaveOnServer = leave;
    a.deleteFromServerAfterDays = days;
    return a;
}

PendingDeletion queuedFor(qint64 recordId, DeletionReason reason = DeletionReason::DeletedHere)
{
    PendingDeletion p;
    p.downloadId = recordId;
    p.reason = reason;
    return p;
}

QList<int> numbersOf(const SyncPlan &plan, const QList<int> &indexes)
{
    QList<int> out;
    for (const int i : indexes)
        out.append(plan.listing().at(i).number);
    return out;
}

TEST(SyncListing, ASecondMessageUnderOneUidlKeepsANameOfItsOwnAndIsNeverDeleted)
{
    const QList<ListedMessage> listing =
        mergeListings({{1, "a"}, {2, "dup"}, {3, "dup"}}, {{1, 10}, {2, 20}, {3, 30}});
    ASSERT_EQ(listing.size(), 3);
    EXPECT_EQ(listing.at(1).uidl, QByteArray("dup"));
    EXPECT_EQ(listing.at(2).uidl, QByteArray("dup#2"));
    EXPECT_TRUE(listing.at(1).sharedUidl && listing.at(2).sharedUidl);
    EXPECT_FALSE(listing.at(0).sharedUidl);
    EXPECT_EQ(listing.at(2).size, 30);

    // Both are downloaded (each is a message), neither is ever deleted: which is which?
    SyncPlan plan(listing, SyncPlan::Records{});
    plan.triage();
    plan.resolve({});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{1, 2, 3}));
    for (int i = 0; i < 3; ++i)
        plan.stored(i, true);
    const auto dele = plan.deletions(leaving(false), {}, {});
    ASSERT_EQ(dele.size(), 1);
    EXPECT_EQ(dele.at(0).number, 1);
}

TEST(SyncPlan, AUidlThatNamedTwoMessagesIsNeverTakenOnTrust)
{
    // Last time "dup" and "dup#2" were two messages; a client deleted the first, so the
    // second is listed alone as "dup", with the same size as the first.
    SyncPlan plan({listed(1, "dup", 100)},
                  records({record(1, "dup", 100, "k1"), record(2, "dup#2", 100, "k2")}));
    plan.triage();
    EXPECT_EQ(plan.toCheck(), (QList<int>{0}));
    plan.resolve({{0, "k2"}});
    EXPECT_TRUE(plan.toFetch().isEmpty());
    EXPECT_EQ(plan.recordOf(0), 2);
    EXPECT_EQ(plan.retired(), (QList<qint64>{1}));
}

TEST(SyncListing, UidlsThatAreNumbersAreTold)
{
    EXPECT_TRUE(uidlsAreNumbers(mergeListings({{1, "1"}, {2, "2"}}, {})));
    EXPECT_FALSE(uidlsAreNumbers(mergeListings({{1, "1"}, {2, "3"}}, {})));
    EXPECT_FALSE(uidlsAreNumbers({}));
}

TEST(SyncListing, ShortIsMuchShorterThanAnnouncedCountingLineEndsAsCrlf)
{
    const QByteArray crlf = QByteArray("line of text\r\n").repeated(100); // 1400 bytes
    EXPECT_FALSE(isMateriallyShort(crlf, 1400));
    const QByteArray lf = QByteArray("line of text\n").repeated(100); // 1300, 1400 with CRLF
    EXPECT_FALSE(isMateriallyShort(lf, 1400));
    EXPECT_FALSE(isMateriallyShort(crlf, 1500));          // an estimate a little off
    EXPECT_TRUE(isMateriallyShort(crlf.left(560), 1400)); // 40 %
    EXPECT_FALSE(isMateriallyShort(crlf, -1));
    EXPECT_FALSE(isMateriallyShort(crlf, 0));
}

TEST(SyncPlan, KnownMessagesAreLeftAloneAndNewOnesFetched)
{
    SyncPlan plan({listed(1, "a", 100), listed(2, "b", 200)}, records({record(1, "a", 100, "ka")}));
    plan.triage();
    EXPECT_TRUE(plan.toCheck().isEmpty());
    plan.resolve({});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{2}));
    EXPECT_EQ(plan.recordOf(0), 1);
    EXPECT_FALSE(plan.recordOf(1));
    EXPECT_TRUE(plan.renames().isEmpty());
    EXPECT_TRUE(plan.retired().isEmpty());
}

TEST(SyncPlan, NumberUidlsAfterARenumberingAreMatchedByTheirHeaders)
{
    // Messages A, B, C were 1, 2, 3. Another client deleted A and D arrived: B, C, D are now
    // 1, 2, 3 under the UIDLs "1", "2", "3".
    SyncPlan plan(
        {listed(1, "1", 200), listed(2, "2", 300), listed(3, "3", 400)},
        records({record(1, "1", 100, "kA"), record(2, "2", 200, "kB"), record(3, "3", 300, "kC")}));
    plan.triage();
    EXPECT_EQ(plan.toCheck(), (QList<int>{0, 1, 2}));
    plan.resolve({{0, "kB"}, {1, "kC"}, {2, "kD"}});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{3})); // D, and only D
    EXPECT_EQ(plan.recordOf(0), 2);
    EXPECT_EQ(plan.recordOf(1), 3);
    EXPECT_EQ(plan.retired(), (QList<qint64>{1})); // A's record loses its name
    ASSERT_EQ(plan.renames().size(), 2);
    EXPECT_EQ(plan.renames().at(0).recordId, 2);
    EXPECT_EQ(plan.renames().at(0).uidl, QByteArray("1"));
    // Leave on server off: B and C are whole here, D once stored; A is not listed.
    plan.stored(2, true);
    const auto dele = plan.deletions(leaving(false), {}, {});
    EXPECT_EQ(dele.size(), 3);
}

TEST(SyncPlan, EvenWithTheSameSizeANumberUidlIsNotTrusted)
{
    SyncPlan plan({listed(1, "1", 100)}, records({record(1, "1", 100, "kA")}));
    plan.triage();
    EXPECT_EQ(plan.toCheck(), (QList<int>{0}));
    plan.resolve({{0, "kOther"}});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{1}));
    EXPECT_EQ(plan.retired(), (QList<qint64>{1}));
    EXPECT_TRUE(plan.deletions(leaving(false), {}, {}).isEmpty()) << "not stored yet";
}

TEST(SyncPlan, AKnownUidlWithAnotherSizeIsLookedAtAndKeptWhenItsHeadersAreTheSame)
{
    // An mbox server that rewrote a Status header after the first RETR.
    SyncPlan plan({listed(1, "a", 120)}, records({record(1, "a", 100, "ka")}));
    plan.triage();
    EXPECT_EQ(plan.toCheck(), (QList<int>{0}));
    plan.resolve({{0, "ka"}});
    EXPECT_TRUE(plan.toFetch().isEmpty());
    EXPECT_EQ(plan.sizeUpdates(), (QList<std::pair<qint64, qint64>>{{1, 120}}));
    EXPECT_EQ(plan.deletions(leaving(false), {}, {}).size(), 1);
}

TEST(SyncPlan, AKnownUidlWithAnotherSizeAndOtherHeadersIsANewMessageAndTheOldIsKept)
{
    SyncPlan plan({listed(1, "a", 120)}, records({record(1, "a", 100, "ka")}));
    plan.triage();
    plan.resolve({{0, "kz"}});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{1}));
    EXPECT_EQ(plan.retired(), (QList<qint64>{1}));
    // Never deleted on the strength of the UIDL alone.
    EXPECT_TRUE(plan.deletions(leaving(false), {queuedFor(1)}, {}).isEmpty());
}

TEST(SyncPlan, RecordsMadeThroughAnotherPortCountOnlyOnceTheHeadersProveThem)
{
    // The account moved from port 110 to 995 of the same server: the same UIDLs, but a
    // server may have rewritten what it stores meanwhile, and the records were made on
    // another line. Each is looked at; those whose headers match are kept, the others are new.
    SyncPlan plan({listed(1, "a", 100), listed(2, "b", 200), listed(3, "c", 300)},
                  records({record(1, "a", 100, "ka"), record(2, "b", 200, "kb")}));
    plan.setEveryRecordInDoubt();
    plan.triage();
    EXPECT_EQ(plan.toCheck(), (QList<int>{0, 1})) << "same size and name, still looked at";
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{3}));
    plan.resolve({{0, "ka"}, {1, "kOther"}});
    EXPECT_EQ(plan.recordOf(0), 1);
    EXPECT_FALSE(plan.recordOf(1));
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{2, 3}));
    EXPECT_EQ(plan.retired(), (QList<qint64>{2}));
    plan.stored(1, true);
    plan.stored(2, true);
    EXPECT_EQ(plan.deletions(leaving(false), {}, {}).size(), 3);
}

TEST(SyncPlan, AUidlReusedAfterTheMailboxEmptiedIsANewMessage)
{
    // The server deleted "uid-1" at our request; a later message got the same name back.
    SyncPlan plan({listed(1, "uid-1", 100)},
                  records({record(1, "uid-1", 100, "kold", DownloadState::DeletedOnServer)}));
    plan.triage();
    EXPECT_EQ(plan.toCheck(), (QList<int>{0}));
    plan.resolve({{0, "knew"}});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{1}));
    // And one that went away and came back the same is not fetched again.
    SyncPlan back({listed(1, "uid-1", 100)},
                  records({record(1, "uid-1", 100, "kold", DownloadState::Gone)}));
    back.triage();
    back.resolve({{0, "kold"}});
    EXPECT_TRUE(back.toFetch().isEmpty());
    EXPECT_EQ(back.renames().size(), 1); // back to Stored under its name
}

TEST(SyncPlan, EveryUidlRenamedIsMatchedWithoutDownloadingAnything)
{
    SyncPlan plan({listed(1, "new-1", 100), listed(2, "new-2", 200), listed(3, "new-3", 300)},
                  records({record(1, "old-1", 100, "k1"), record(2, "old-2", 200, "k2"),
                           record(3, "old-3", 300, "k3", DownloadState::HeadersOnly)}));
    plan.triage();
    EXPECT_EQ(plan.toCheck(), (QList<int>{0, 1, 2}));
    plan.resolve({{0, "k1"}, {1, "k2"}, {2, "k3"}});
    EXPECT_TRUE(plan.toFetch().isEmpty());
    EXPECT_EQ(plan.renames().size(), 3);
    EXPECT_TRUE(plan.unlisted().isEmpty());
    // The headers-only copy stays headers only: never deleted on the server.
    const auto dele = plan.deletions(leaving(false), {}, {});
    EXPECT_EQ(dele.size(), 2);
}

TEST(SyncPlan, NewMailIsNotLookedAtWhenNoMissingMessageHasItsSize)
{
    // A phone deleted "old" on the server; new mail of another size needs no TOP.
    SyncPlan plan({listed(1, "new", 555)}, records({record(1, "old", 100, "k1")}));
    plan.triage();
    EXPECT_TRUE(plan.toCheck().isEmpty());
    plan.resolve({});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{1}));
    EXPECT_EQ(plan.unlisted(), (QList<qint64>{1}));
}

TEST(SyncPlan, ASizeSharedByAListedAndAMissingMessageStillSendsNewMailOfThatSizeToALook)
{
    // The sizes of missing messages are counted down from every record's beforehand
    // (KnownRecords): a listed message of size 100 must not hide a missing one of that size.
    const SyncPlan::Records known = records({record(1, "a", 100, "ka"), record(2, "b", 100, "kb"),
                                             record(3, "c", 300, "kc", DownloadState::Gone)});
    SyncPlan oneMissing({listed(1, "a", 100), listed(2, "new", 100)}, known);
    oneMissing.triage();
    EXPECT_EQ(oneMissing.toCheck(), (QList<int>{1})); // may be "b" under a new name
    oneMissing.resolve({{1, "kb"}});
    EXPECT_TRUE(oneMissing.toFetch().isEmpty());
    EXPECT_EQ(oneMissing.renames().size(), 1);

    // Both listed: nothing of size 100 is missing, and a gone record's size does not count.
    SyncPlan noneMissing(
        {listed(1, "a", 100), listed(2, "b", 100), listed(3, "new", 100), listed(4, "new2", 300)},
        KnownRecords::of(known));
    noneMissing.triage();
    EXPECT_TRUE(noneMissing.toCheck().isEmpty());
    noneMissing.resolve({});
    EXPECT_EQ(numbersOf(noneMissing, noneMissing.toFetch()), (QList<int>{3, 4}));
    EXPECT_TRUE(noneMissing.unlisted().isEmpty());
}

TEST(SyncPlan, AnIncompleteCopyIsFetchedAgainAndNeverDeleted)
{
    SyncPlan plan({listed(1, "a", 1000)},
                  records({record(1, "a", 1000, "ka", DownloadState::Incomplete)}));
    plan.triage();
    plan.resolve({});
    EXPECT_EQ(numbersOf(plan, plan.toRefetch()), (QList<int>{1}));
    EXPECT_TRUE(plan.toFetch().isEmpty());
    EXPECT_TRUE(plan.deletions(leaving(false), {}, {}).isEmpty());
    plan.stored(0, false); // still short
    EXPECT_TRUE(plan.deletions(leaving(false), {}, {}).isEmpty());
    plan.stored(0, true);
    EXPECT_EQ(plan.deletions(leaving(false), {}, {}).size(), 1);
}

TEST(SyncPlan, NothingIsDeletedThatIsNotWholeHere)
{
    SyncPlan plan(
        {listed(1, "a", 100), listed(2, "h", 9000), listed(3, "n", 50), listed(4, "x", -1)},
        records({record(1, "a", 100, "ka"), record(2, "h", 9000, "kh", DownloadState::HeadersOnly),
                 record(4, "x", 70, "kx")}));
    plan.triage();
    plan.resolve({});
    plan.stored(2, false); // "n" came incomplete
    // Queued and policy alike: only "a" may go.
    const auto dele = plan.deletions(leaving(false), {queuedFor(2)}, {});
    EXPECT_EQ(dele,
              (QList<PlannedDeletion>{{1, QStringLiteral("a"), DeletionReason::NotLeftOnServer}}));
}

TEST(SyncPlan, LeavingMailDeletesOnlyWhatWasQueuedOrExpiredWithTheUsersReasonFirst)
{
    SyncPlan plan(
        {listed(1, "a", 10), listed(2, "b", 20), listed(3, "c", 30)},
        records({record(1, "a", 10, "ka"), record(2, "b", 20, "kb"), record(3, "c", 30, "kc")}));
    plan.triage();
    plan.resolve({});
    EXPECT_EQ(plan.deletions(leaving(), {queuedFor(2)}, {}),
              (QList<PlannedDeletion>{{2, QStringLiteral("b"), DeletionReason::DeletedHere}}));
    const QList<PendingDeletion> old{queuedFor(1, DeletionReason::OlderThan),
                                     queuedFor(2, DeletionReason::OlderThan)};
    EXPECT_TRUE(plan.deletions(leaving(true, 0), {}, old).isEmpty());
    EXPECT_EQ(plan.deletions(leaving(true, 7), {queuedFor(3), queuedFor(1)}, old),
              (QList<PlannedDeletion>{{1, QStringLiteral("a"), DeletionReason::DeletedHere},
                                      {2, QStringLiteral("b"), DeletionReason::OlderThan},
                                      {3, QStringLiteral("c"), DeletionReason::DeletedHere}}));
}

TEST(SyncPlan, MayDeleteIsTrueForEveryAccountAndQueueThatDeletionsCanPlanFor)
{
    // QUIT goes out before the last commit only when mayDelete is false: it must hold
    // wherever deletions() can find something, whatever is listed, queued or expired.
    SyncPlan plan({listed(1, "a", 10), listed(2, "b", 20)},
                  records({record(1, "a", 10, "ka"), record(2, "b", 20, "kb")}));
    plan.triage();
    plan.resolve({});
    const QList<PendingDeletion> queued{queuedFor(1)};
    const QList<PendingDeletion> old{queuedFor(2, DeletionReason::OlderThan)};
    for (const Account &a : {leaving(true, 0), leaving(true, 7), leaving(false, 0)}) {
        for (const bool anyQueued : {false, true}) {
            const bool planned =
                !plan.deletions(a, anyQueued ? queued : QList<PendingDeletion>{}, old).isEmpty();
            EXPECT_TRUE(!planned || SyncPlan::mayDelete(a, anyQueued))
                << "leave " << a.leaveOnServer << ", days " << a.deleteFromServerAfterDays
                << ", queued " << anyQueued;
        }
    }
    EXPECT_FALSE(SyncPlan::mayDelete(leaving(true, 0), false)) << "left, no limit, no queue";
}

TEST(SyncPlan, AQueuedDeletionFollowsItsMessageThroughARename)
{
    SyncPlan plan({listed(1, "new-a", 10)}, records({record(1, "old-a", 10, "ka")}));
    plan.triage();
    plan.resolve({{0, "ka"}});
    EXPECT_EQ(plan.deletions(leaving(), {queuedFor(1)}, {}),
              (QList<PlannedDeletion>{{1, QStringLiteral("new-a"), DeletionReason::DeletedHere}}));
}

TEST(SyncPlan, RecordsFromBeforeSizesWereKeptAreTrustedByTheirReceivedSize)
{
    DownloadRecord legacy = record(1, "a", -1, "ka");
    legacy.receivedSize = 100;
    SyncPlan plan({listed(1, "a", 100)}, records({legacy}));
    plan.triage();
    EXPECT_TRUE(plan.toCheck().isEmpty());
    plan.resolve({});
    EXPECT_EQ(plan.sizeUpdates(), (QList<std::pair<qint64, qint64>>{{1, 100}}));
    EXPECT_EQ(plan.deletions(leaving(false), {}, {}).size(), 1);
}

TEST(SyncPlan, AMessageWithoutAMessageIdIsNeverProvenByItsHeaders)
{
    SyncPlan plan({listed(1, "a", 120)}, records({record(1, "a", 100, {})}));
    plan.triage();
    plan.resolve({{0, QByteArray()}});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{1}));
}

} // namespace

TEST(SyncPlan, TheSettledRunEndsAtTheFirstMessageALaterSessionMustStillFetchOrLookAt)
{
    // 1 known, 2 known but incomplete (fetched again), 3 new, 4 known.
    SyncPlan plan(
        {listed(1, "a", 10), listed(2, "b", 20), listed(3, "c", 30), listed(4, "d", 40)},
        records({record(1, "a", 10, "ka"), record(2, "b", 20, "kb", DownloadState::Incomplete),
                 record(4, "d", 40, "kd")}));
    plan.triage();
    plan.resolve({});
    EXPECT_EQ(plan.settledPrefix(), 1); // 2 waits to be fetched again
    plan.stored(1, false);              // ...and came incomplete again
    EXPECT_EQ(plan.settledPrefix(), 1);
    plan.stored(1, true); // whole at last
    EXPECT_EQ(plan.settledPrefix(), 2);
    plan.stored(2, true); // the new one, whole
    EXPECT_EQ(plan.settledPrefix(), 4);
}

TEST(SyncPlan, ANewMessageNotStoredEndsTheSettledRun)
{
    SyncPlan plan({listed(1, "a", 10), listed(2, "new", 20), listed(3, "b", 30)},
                  records({record(1, "a", 10, "ka"), record(3, "b", 30, "kb")}));
    plan.triage();
    plan.resolve({});
    EXPECT_EQ(plan.settledPrefix(), 1); // its RETR failed, say: the next session fetches it
}

TEST(SyncPlan, ATailListingLeavesTheRecordsBeforeItOnTheServerAndLooksAtNoNewMessage)
{
    // A quick check lists only 3 and 4; records 1 and 2 are messages 1 and 2, proven there.
    SyncPlan plan({listed(3, "c", 100), listed(4, "d", 200)},
                  records({record(1, "a", 100, "ka"), record(2, "b", 200, "kb")}));
    plan.setListingIsTail();
    plan.triage();
    // New messages of a known record's size are not taken for renamed ones (TOP for each).
    EXPECT_TRUE(plan.toCheck().isEmpty());
    plan.resolve({});
    EXPECT_EQ(numbersOf(plan, plan.toFetch()), (QList<int>{3, 4}));
    EXPECT_TRUE(plan.unlisted().isEmpty());
    EXPECT_FALSE(plan.mayHaveRenamed());

    // The same listing read as the whole mailbox: 1 and 2 are gone, and the new ones might
    // be them renamed.
    SyncPlan whole({listed(3, "c", 100), listed(4, "d", 200)},
                   records({record(1, "a", 100, "ka"), record(2, "b", 200, "kb")}));
    whole.triage();
    EXPECT_EQ(whole.toCheck(), (QList<int>{0, 1}));
    whole.resolve({});
    EXPECT_EQ(whole.unlisted(), (QList<qint64>{1, 2}));
}
