// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/DeletionPlan.h"

#include <gtest/gtest.h>

using namespace poplar;
using namespace poplar::sync;
using store::DeletionReason;
using store::PendingDeletion;

namespace {

const QHash<QString, int> onServer{
    {QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}, {QStringLiteral("c"), 3}};

PendingDeletion pending(const char *uidl, DeletionReason reason = DeletionReason::DeletedHere)
{
    PendingDeletion p;
    p.accountId = QStringLiteral("1");
    p.uidl = QString::fromLatin1(uidl);
    p.reason = reason;
    return p;
}

Account leaving(int days = 0)
{
    Account a;
    a.leaveOnServer = true;
    a.deleteFromServerAfterDays = days;
    return a;
}

TEST(DeletionPlan, LeavingMailDeletesOnlyWhatWasQueued)
{
    const auto plan = planDeletions(leaving(), onServer, {QStringLiteral("a"), QStringLiteral("b")},
                                    {pending("b")}, {});
    EXPECT_EQ(plan,
              (QList<PlannedDeletion>{{2, QStringLiteral("b"), DeletionReason::DeletedHere}}));
}

TEST(DeletionPlan, NeverDeletesWhatIsNotCommittedHere)
{
    // "c" is queued and old, but its bytes are not in the cache.
    Account notLeaving;
    notLeaving.leaveOnServer = false;
    const auto plan = planDeletions(notLeaving, onServer, {QStringLiteral("a")}, {pending("c")},
                                    {pending("c", DeletionReason::OlderThan)});
    EXPECT_EQ(plan,
              (QList<PlannedDeletion>{{1, QStringLiteral("a"), DeletionReason::NotLeftOnServer}}));
}

TEST(DeletionPlan, AgeLimitAppliesOnlyWhenLeavingMailWithALimit)
{
    const QList<PendingDeletion> old{pending("a", DeletionReason::OlderThan)};
    const QSet<QString> all{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    EXPECT_TRUE(planDeletions(leaving(0), onServer, all, {}, old).isEmpty());
    EXPECT_EQ(planDeletions(leaving(7), onServer, all, {}, old),
              (QList<PlannedDeletion>{{1, QStringLiteral("a"), DeletionReason::OlderThan}}));
}

TEST(DeletionPlan, EachMessageOnceInServerOrderWithTheUsersReasonFirst)
{
    const QSet<QString> all{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    const auto plan = planDeletions(
        leaving(1), onServer, all, {pending("c"), pending("a")},
        {pending("a", DeletionReason::OlderThan), pending("b", DeletionReason::OlderThan)});
    EXPECT_EQ(plan,
              (QList<PlannedDeletion>{{1, QStringLiteral("a"), DeletionReason::DeletedHere},
                                      {2, QStringLiteral("b"), DeletionReason::OlderThan},
                                      {3, QStringLiteral("c"), DeletionReason::DeletedHere}}));
}

TEST(DeletionPlan, GoneFromTheServerMeansNothingToDo)
{
    EXPECT_TRUE(planDeletions(leaving(), {}, {QStringLiteral("a")}, {pending("a")}, {}).isEmpty());
}

} // namespace
