// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/AccountSync.h"

#include "filters/FilterRules.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/DownloadRecords.h"
#include "store/ServerPolicyStore.h"
#include "sync/CacheWriter.h"
#include "sync/HeaderFacts.h"
#include "sync/QuickListing.h"
#include "util/DataSize.h"
#include "util/FaultPoint.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QTimer>

#include <memory>
#include <utility>

Q_LOGGING_CATEGORY(lcSync, "poplar.sync", QtInfoMsg)

namespace poplar::sync {

namespace {

// A batch is committed when it holds AccountSync::batchMessages messages or this many
// bytes: one fsync per batch instead of per message, and little is held in memory. The
// writer thread commits while the next batch arrives, so what a sync waits for at its end
// is the last batch alone: 4 MB keeps that tail short (200 x 500 KB: poplar/mpop 0.78-0.95
// against 0.92-1.08 with 16 MB batches, on 2 cores).
constexpr qint64 batchBytes = 4 * 1024 * 1024;
// Progress between commits at most this often: a batch of 100 small messages on a slow line
// takes long enough that a bar moving only per batch looks stuck.
constexpr int progressIntervalMs = 100;
// A check asked for sooner than the server's LOGIN-DELAY allows waits this long at most;
// beyond it, it logs in anyway (see start()).
constexpr qint64 maxLoginDelayWaitMs = 60'000;

store::MailboxAddress mailboxOf(const Account &account)
{
    return {account.host, account.port, account.user};
}

} // namespace

QString AccountSync::serverWords(const pop3::Reply &r)
{
    return QString::fromUtf8(r.text).left(300);
}

AccountSync::AccountSync(Account account, QString password, QSqlDatabase db, CacheWriter *writer,
                         pop3::Pop3Client::Options options, Clock clock,
                         pop3::TransportFactory transports, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_password(std::move(password))
    , m_db(db)
    , m_store(std::move(db))
    , m_writer(writer)
    , m_options(options)
    , m_clock(std::move(clock))
    , m_transports(std::move(transports))
{
    m_result.accountId = m_account.id;
}

AccountSync::~AccountSync()
{
    // Every way to an end goes through finish(), which waits for the writer; this is the
    // safety net, so no callback can be queued for an object that is gone.
    if (m_commitsPending > 0)
        m_writer->waitForAll(this);
}

void AccountSync::setFilters(std::shared_ptr<const filters::FilterRules> rules,
                             const QString &problem)
{
    m_filters = std::move(rules);
    if (!problem.isEmpty()) {
        m_result.filtersError = problem;
        m_result.warnings.append(
            tr("Filters did not run, so new mail stays in the Inbox: %1").arg(problem));
    }
}

void AccountSync::setCompleteOnly(qint64 messageId)
{
    m_completeId = messageId;
    // The user asked for this one message, whatever its size; it is still held in memory once.
    m_options.limits.maxBlock = std::max(m_options.limits.maxBlock, maxRequestedMessage);
}

// --- wait ------------------------------------------------------------------------------

Status AccountSync::readMailbox()
{
    store::DownloadRecords records(m_db);
    // Read through another port until now: the same maildrop, whose records count once the
    // headers prove them (see plan()); its last listing proves nothing about this one.
    auto moved = records.sameMaildropOnAnotherPort(m_account.id, mailboxOf(m_account));
    if (!moved)
        return moved.error();
    if (moved.value()) {
        m_mailboxId = *moved.value();
        m_portChanged = true;
        return {};
    }
    auto mailbox = records.mailbox(m_account.id, mailboxOf(m_account));
    if (!mailbox)
        return mailbox.error();
    m_mailboxId = mailbox.value();
    // A snapshot that cannot be read only means the whole listing is read.
    if (auto snapshot = store::ListingSnapshots(m_db).load(m_mailboxId); snapshot)
        m_snapshot = std::move(snapshot).value();
    return {};
}

bool AccountSync::openPendingCache()
{
    if (!m_openCache)
        return true;
    const Status ready = [this]() -> Status {
        auto db = std::exchange(m_openCache, {})();
        if (!db)
            return db.error();
        m_db = db.value();
        m_store = store::MessageStore(m_db);
        m_writer->prepare();
        return readMailbox();
    }();
    if (!ready) {
        m_prefetchRecords = false; // nothing to read them from, and the session ends
        abandon(ready.error());
        return false;
    }
    return true;
}

void AccountSync::start()
{
    if (m_openCache) {
        logIn(); // a cache being created holds no delay to wait out
        return;
    }
    // LOGIN-DELAY (RFC 2449 §6.5). Scheduled checks are spaced by it (CheckScheduler), so a
    // check that comes early was asked for: a short wait is waited out, with a countdown; a
    // long one logs in anyway (servers advertise delays they do not enforce), and a refusal
    // then says when to try again.
    auto policy = store::ServerPolicyStore(m_db).load(m_account.id);
    if (!policy) {
        finish(policy.error());
        return;
    }
    m_policy = policy.value();
    if (Status s = readMailbox(); !s) {
        finish(s.error());
        return;
    }
    const QDateTime allowed = m_policy.nextLoginAllowed();
    const qint64 wait = allowed.isValid() ? m_clock().msecsTo(allowed) : 0;
    if (wait > 0 && wait <= maxLoginDelayWaitMs) {
        m_stage = Stage::Waiting;
        m_loginAt = allowed;
        m_waitTimer = new QTimer(this);
        connect(m_waitTimer, &QTimer::timeout, this, &AccountSync::waitForLogin);
        m_waitTimer->start(1000);
        waitForLogin();
        return;
    }
    logIn();
}

void AccountSync::waitForLogin()
{
    const qint64 left = m_clock().msecsTo(m_loginAt);
    if (left <= 0) {
        m_waitTimer->stop();
        logIn();
        return;
    }
    Q_EMIT waitingForLogin(m_account.id, int((left + 999) / 1000));
    // The timer ticks each second; the last tick is shortened to the moment itself.
    if (left < 1000)
        m_waitTimer->start(int(left));
}

QString AccountSync::describeInterval(int seconds)
{
    // English has no plural rule without a catalogue: the singular is a sentence of its own.
    if (seconds < 120)
        return seconds == 1 ? tr("1 second") : tr("%n seconds", nullptr, seconds);
    if (seconds < 2 * 3600)
        return tr("%n minutes", nullptr, (seconds + 30) / 60);
    return tr("%n hours", nullptr, (seconds + 1800) / 3600);
}

// --- log in ----------------------------------------------------------------------------

void AccountSync::logIn()
{
    m_stage = Stage::LoggingIn;
    // The writer opens its connection while the server answers, not when mail has come
    // (with a cache still pending, once it is ready).
    if (!m_openCache)
        m_writer->prepare();
    openClient();
}

void AccountSync::openClient()
{
    m_client = new pop3::Pop3Client(m_transports(), this);
    connect(m_client, &pop3::Pop3Client::failed, this, [this](const Error &e) {
        // Before the password nothing was asked of the server: the line is opened again
        // once the password is here, and a failure that lasts is reported then.
        if (m_passwordPending) {
            dropEarlyClient(false);
            return;
        }
        finish(withLoginDelayAdvice(e)); // what was fully received is still committed
    });
    // Only when someone listens: otherwise every line would still be built and forwarded.
    if (isSignalConnected(QMetaMethod::fromSignal(&AccountSync::protocolLine))) {
        connect(m_client, &pop3::Pop3Client::protocolLine, this,
                [this](bool fromClient, const QByteArray &line) {
                    Q_EMIT protocolLine(m_account.id, fromClient, line);
                });
    }
    connect(m_client, &pop3::Pop3Client::loggedIn, this, &AccountSync::list);
    if (!m_passwordPending) {
        m_client->open(m_account, m_password, m_options);
        m_password.clear();
        return;
    }
    connect(m_client, &pop3::Pop3Client::readyForPassword, this, [this] {
        if (!m_passwordWait) {
            m_passwordWait = new QTimer(this);
            m_passwordWait->setSingleShot(true);
            connect(m_passwordWait, &QTimer::timeout, this, [this] {
                if (m_passwordPending && m_client && !m_finished)
                    dropEarlyClient(true);
            });
        }
        m_passwordWait->start(m_options.passwordWaitMs);
    });
    m_client->openBeforePassword(m_account, m_options);
}

void AccountSync::dropEarlyClient(bool politely)
{
    pop3::Pop3Client *client = std::exchange(m_client, nullptr);
    client->disconnect(this); // how it ends is no longer this session's business
    if (!politely) {
        client->deleteLater(); // it is still in the call that reported the failure
        return;
    }
    connect(client, &pop3::Pop3Client::failed, client, &QObject::deleteLater);
    client->quit([client](bool) { client->deleteLater(); });
}

void AccountSync::givePassword(const QString &password)
{
    if (!std::exchange(m_passwordPending, false) || m_finished)
        return;
    if (m_passwordWait)
        m_passwordWait->stop();
    if (m_client) {
        m_client->providePassword(password);
        return;
    }
    m_password = password;
    // The early line was lost or closed: a new one, now with the password. Before the login
    // stage (a LOGIN-DELAY being waited out) logIn() takes the password when it comes.
    if (m_stage == Stage::LoggingIn)
        openClient();
}

void AccountSync::passwordFailed(const Error &error)
{
    if (m_finished)
        return;
    m_passwordPending = false;
    abandon(error);
}

Error AccountSync::withLoginDelayAdvice(Error error) const
{
    if (error.responseCode != "LOGIN-DELAY")
        return error;
    // The server enforced the delay it advertised: say when the next login may work.
    const QDateTime allowed = m_policy.nextLoginAllowed();
    if (allowed.isValid() && m_policy.loginDelaySeconds) {
        error.detail =
            tr("The server allows one login every %1; the next check can run at %2")
                .arg(describeInterval(*m_policy.loginDelaySeconds),
                     QLocale().toString(allowed.toLocalTime().time(), QLocale::ShortFormat));
    }
    return error;
}

// --- check -----------------------------------------------------------------------------

void AccountSync::plan(QList<ListedMessage> listing, const QHash<int, QByteArray> &knownKeys)
{
    store::DownloadRecords records(m_db);
    if (m_quick) {
        // A new message under a name the cache knows is either one this check should look
        // at (left incomplete, say) or a server repeating a UIDL: the whole listing decides.
        // Otherwise no record concerns this listing, and none is read.
        QList<QByteArray> uidls;
        for (const ListedMessage &m : std::as_const(listing))
            uidls.append(m.uidl);
        const Result<bool> known = records.namesAny(m_account.id, m_mailboxId, uidls);
        if (!known || known.value()) {
            m_quick = false;
            listWhole();
            return;
        }
        m_records = KnownRecords{};
    }
    readRecords(); // if the listing came before the queued read ran
    Result<KnownRecords> named = std::move(*m_records);
    m_records.reset();
    m_prefetchRecords = false;
    if (!named) {
        abandon(named.error());
        return;
    }
    const bool firstReading = !m_quick && named.value().records.isEmpty();
    m_plan = std::make_unique<SyncPlan>(std::move(listing), std::move(named).value());
    if (firstReading) {
        // An account edited to reach its mail another way (another host, say) reads a new
        // mailbox: what it downloads may already be here.
        auto others = records.hasOtherMailboxes(m_account.id, m_mailboxId);
        m_lookForTwins = others && others.value();
    }
    if (m_completeId > 0) {
        completeOne();
        return;
    }
    if (m_quick)
        m_plan->setListingIsTail();
    if (m_portChanged) {
        m_plan->setEveryRecordInDoubt();
        m_lookForTwins = true; // for those no headers prove (no Message-ID, no TOP)
    }
    m_plan->triage();
    if (m_plan->toCheck().isEmpty() || !knownKeys.isEmpty()) {
        m_plan->resolve(knownKeys);
        if (Status s = applyIdentities(); !s) {
            abandon(s.error());
            return;
        }
        fetch();
        return;
    }
    check();
}

void AccountSync::check()
{
    // TOP n 0 for each message whose identity is in doubt: its headers decide.
    m_stage = Stage::Checking;
    auto keys = std::make_shared<QHash<int, QByteArray>>();
    auto remaining = std::make_shared<qsizetype>(m_plan->toCheck().size());
    for (const int index : m_plan->toCheck()) {
        const ListedMessage &listed = m_plan->listing().at(index);
        m_client->command(
            "TOP " + QByteArray::number(listed.number) + " 0", pop3::ReplyShape::MultiLine,
            [this, index, keys, remaining](const pop3::Reply &r) {
                // A server without TOP proves nothing: the message counts as a new one.
                if (r.isOk())
                    keys->insert(index, store::DownloadRecords::headerKey(headerFacts(r.body)));
                if (--*remaining > 0)
                    return;
                m_plan->resolve(*keys);
                if (Status s = applyIdentities(); !s) {
                    abandon(s.error());
                    return;
                }
                fetch();
            });
    }
}

Status AccountSync::applyIdentities()
{
    m_lookForTwins = m_lookForTwins || m_plan->mayHaveRenamed();
    store::Transaction txn(m_db);
    store::DownloadRecords records(m_db);
    if (m_portChanged) {
        // Proven (or released) message by message above: the mailbox is this address's now.
        if (Status s = records.moveMailbox(m_mailboxId, mailboxOf(m_account)); !s)
            return s;
    }
    if (Status s = records.retire(m_plan->retired()); !s)
        return s;
    if (Status s = records.rename(m_plan->renames()); !s)
        return s;
    for (const auto &[id, size] : m_plan->sizeUpdates()) {
        if (Status s = records.setListedSize(id, size); !s)
            return s;
    }
    return txn.commit();
}

// --- fetch -----------------------------------------------------------------------------

void AccountSync::fetch()
{
    m_stage = Stage::Fetching;
    const qint64 limit = qint64(m_account.sizeLimitKb) * 1024;
    const qint64 cap = m_options.limits.maxBlock;
    // Over the account's size limit, or over what Poplar holds in memory: headers only
    // (TOP n 0, RFC 1939 §7). The message shows at once; Download the Rest gets the rest.
    auto howToFetch = [limit, cap](const ListedMessage &m) {
        return (limit > 0 && m.size > limit) || m.size > cap ? Fetch::HeadersOnly : Fetch::Whole;
    };
    QList<std::pair<int, Fetch>> work;
    for (const int index : m_plan->toFetch())
        work.append({index, howToFetch(m_plan->listing().at(index))});
    for (const int index : m_plan->toRefetch())
        work.append({index, Fetch::Again});
    std::sort(work.begin(), work.end());

    m_total = int(work.size());
    m_bytesTotal = 0;
    for (const auto &[index, how] : work) {
        const qint64 size = m_plan->listing().at(index).size;
        if (how != Fetch::HeadersOnly && size > 0)
            m_bytesTotal += size;
    }
    Q_EMIT progress(m_account.id, 0, m_total, 0, m_bytesTotal);
    if (work.isEmpty()) {
        deleteOnServer();
        return;
    }
    m_outstanding = m_total;
    // Queued all at once: the client keeps a pipelining window full, or goes lock-step.
    for (const auto &[index, how] : work) {
        const ListedMessage &m = m_plan->listing().at(index);
        const QByteArray number = QByteArray::number(m.number);
        m_client->command(
            how == Fetch::HeadersOnly ? "TOP " + number + " 0" : "RETR " + number,
            pop3::ReplyShape::MultiLine,
            [this, index, how](const pop3::Reply &r) { onRetrieved(index, how, r); },
            how == Fetch::HeadersOnly ? 0 : std::max<qint64>(m.size, 0));
    }
    // A session that will delete nothing needs no commit before QUIT: without DELE the
    // server keeps every message whatever happens to the batches here. Queued behind the
    // last RETR, QUIT's work on the server (marking what was read) overlaps the last
    // commits instead of following them.
    if (!mayDelete())
        sendQuit();
}

bool AccountSync::mayDelete()
{
    if (SyncPlan::mayDelete(m_account, false))
        return true;
    const auto queued = store::DeletionQueue(m_db).queued(m_account.id);
    return !queued || SyncPlan::mayDelete(m_account, !queued.value().isEmpty());
}

void AccountSync::sendQuit()
{
    m_quitSent = true;
    m_client->quit([this](bool ok) {
        m_quitAnswer = ok;
        if (m_stage == Stage::Quitting) // sent early: quit() takes it once every batch is in
            endSession(ok);
    });
}

QString AccountSync::nameOf(const store::HeaderSummary &headers)
{
    const QString subject =
        headers.subject.isEmpty() ? tr("(no subject)") : headers.subject.left(80);
    const QString sender = headers.fromName.isEmpty() ? headers.fromAddress : headers.fromName;
    return sender.isEmpty() ? tr("“%1”").arg(subject) : tr("“%1” from %2").arg(subject, sender);
}

void AccountSync::onRetrieved(int index, Fetch how, const pop3::Reply &r)
{
    --m_outstanding;
    const ListedMessage &listed = m_plan->listing().at(index);
    if (!r.isOk()) {
        // Gone since the listing (another client deleted it): not an error for the whole sync.
        m_result.warnings.append(tr("Message %1 could not be retrieved (server said: %2)")
                                     .arg(listed.number)
                                     .arg(serverWords(r)));
    } else if (how == Fetch::Again) {
        storeAgain(index, r);
    } else {
        store::IncomingMessage message;
        message.accountId = m_account.id;
        message.mailboxId = m_mailboxId;
        message.uidl = QString::fromLatin1(listed.uidl);
        message.headers = headerFacts(r.body);
        message.headerKey = store::DownloadRecords::headerKey(message.headers);
        message.raw = r.body;
        message.receivedAt = m_clock();
        message.listedSize = listed.size;
        message.partial = how == Fetch::HeadersOnly || r.oversized;
        message.serverKeepsCopy = m_account.leaveOnServer;
        if (r.oversized && how != Fetch::HeadersOnly) {
            // LIST gave a smaller size (or none) than the server sent: what was kept is the
            // header section. Recorded as headers only, so it is never transferred again.
            m_result.warnings.append(
                tr("%1 is larger than the %2 Poplar downloads by itself: only its headers were "
                   "kept. Open it and choose Download the Rest.")
                    .arg(nameOf(message.headers), dataSizeText(m_options.limits.maxBlock)));
        } else if (how == Fetch::HeadersOnly && listed.size > m_options.limits.maxBlock) {
            m_result.warnings.append(
                tr("%1 is %2, more than Poplar downloads by itself: only its headers were "
                   "downloaded. Open it and choose Download the Rest.")
                    .arg(nameOf(message.headers), dataSizeText(listed.size)));
        } else if (how == Fetch::Whole && isMateriallyShort(r.body, listed.size)) {
            message.incomplete = true;
            m_result.warnings.append(
                tr("%1 arrived incomplete (%2 of the %3 the server announced). The server copy "
                   "is kept, and Poplar fetches it again at the next check.")
                    .arg(nameOf(message.headers), dataSizeText(r.body.size()),
                         dataSizeText(listed.size)));
        }
        if (message.partial || !m_lookForTwins || !adoptIfRenamed(index, message)) {
            m_batchBytes += message.raw.size();
            m_batch.append({index, std::move(message)});
        }
    }
    ++m_done;
    if (how != Fetch::HeadersOnly && listed.size > 0)
        m_bytesDone += listed.size; // counted as m_bytesTotal was, so the two meet at the end
    reportProgress();
    faultPoint("retrieved"); // received, maybe not yet handed to the writer
    if (batchIsDue())
        commitBatch();
    if (m_outstanding == 0)
        deleteWhenAllCommitted();
}

bool AccountSync::batchIsDue()
{
    if (m_outstanding == 0)
        return true;
    // The last stretch (all that is still to come fits in one batch) goes in batches of a
    // quarter: what a sync waits for after its last message is that message's batch being
    // scored and committed, and a quarter of a batch is done four times sooner. (2000 x
    // 20 KB with the junk filter: 110-200 ms from the last RETR to QUIT, now 30-50 ms.)
    const bool lastStretch = m_outstanding + m_batch.size() <= batchMessages &&
                             m_bytesTotal - m_bytesDone + m_batchBytes <= batchBytes;
    if (lastStretch)
        return m_batch.size() >= batchMessages / tailDivisor ||
               m_batchBytes >= batchBytes / tailDivisor;
    if (m_batch.size() < batchMessages && m_batchBytes < batchBytes)
        return false;
    // A commit writes every index page its batch touched, and once the cache is large a
    // batch touches nearly all the pages of the indexes sorted by subject, sender, checksum
    // and UIDL: fewer, larger batches write them fewer times (100,000 messages: 2.9 GB went
    // through the WAL for 0.55 GB of mail with batches of 4 MB).
    const int scale = cacheIsLarge() ? growBatchesBy : 1;
    return m_batch.size() >= batchMessages * scale || m_batchBytes >= batchBytes * scale;
}

bool AccountSync::cacheIsLarge()
{
    if (!m_cachedBefore) {
        // Asked before this session's first batch is handed to the writer, so what the count
        // finds was there before. Uncounted, the cache is taken for small: batches as ever.
        auto all = m_store.countAll();
        m_cachedBefore = all ? all.value() : 0;
        if (!all)
            qCWarning(lcSync) << "account" << m_account.id << all.error().message();
    }
    return *m_cachedBefore + m_done >= growBatchesAfter;
}

void AccountSync::storeAgain(int index, const pop3::Reply &r)
{
    // An incomplete copy fetched again. Whole now: it replaces the short one. The same short
    // bytes again: the server's copy is damaged; it stays there, and is not fetched again by
    // itself (a server that always cuts a message short must not get it deleted).
    const ListedMessage &listed = m_plan->listing().at(index);
    const std::optional<qint64> recordId = m_plan->recordOf(index);
    const std::optional<store::DownloadRecord> known =
        recordId ? m_plan->record(*recordId) : std::nullopt;
    if (!known || known->messageId == 0 || r.oversized) {
        m_result.warnings.append(tr("Message %1 could not be stored again").arg(listed.number));
        return;
    }
    auto before = m_store.raw(known->messageId);
    if (!before) {
        m_result.warnings.append(before.error().message());
        return;
    }
    const bool whole = !isMateriallyShort(r.body, listed.size);
    const bool same = before.value() == r.body;
    const bool better = whole || r.body.size() > before.value().size();
    const store::DownloadState state = whole  ? store::DownloadState::Stored
                                       : same ? store::DownloadState::Truncated
                                              : store::DownloadState::Incomplete;
    const store::HeaderSummary headers = headerFacts(r.body);
    store::Transaction txn(m_db);
    Status s;
    if (better)
        s = m_store.complete(known->messageId, r.body, !whole);
    if (s) {
        s = store::DownloadRecords(m_db).received(known->id, state, listed.size,
                                                  better ? r.body.size() : before.value().size(),
                                                  store::DownloadRecords::headerKey(headers));
    }
    if (s)
        s = txn.commit();
    if (!s) {
        m_result.warnings.append(s.error().message());
        return;
    }
    m_plan->stored(index, whole);
    if (state == store::DownloadState::Truncated) {
        m_result.warnings.append(
            tr("%1 arrives incomplete every time (%2 of the %3 the server announces): the copy "
               "on the server seems damaged. Poplar leaves it there; choose Download the Rest "
               "to try again.")
                .arg(nameOf(headers), dataSizeText(r.body.size()), dataSizeText(listed.size)));
    } else if (!whole) {
        m_result.warnings.append(
            tr("%1 arrived incomplete again (%2 of the %3 the server announced). The server "
               "copy is kept, and Poplar fetches it again at the next check.")
                .arg(nameOf(headers), dataSizeText(r.body.size()), dataSizeText(listed.size)));
    }
    Q_EMIT messagesStored(m_account.id, {known->messageId});
}

bool AccountSync::adoptIfRenamed(int index, const store::IncomingMessage &message)
{
    // The bytes and Message-ID of a stored message that this listing does not show under its
    // own name: a rename the headers could not prove (no Message-ID, or no TOP), or the same
    // mail read through another of the account's mailboxes. Keep the copy we have instead of
    // storing it twice.
    auto twin = m_store.findTwin(m_account.id, message.raw, message.headers.messageId);
    if (!twin || !twin.value())
        return false;
    store::DownloadRecords records(m_db);
    auto record = records.ofMessage(twin.value()->id);
    if (!record || !record.value())
        return false;
    store::DownloadRecord r = *record.value();
    for (int i = 0; i < m_plan->listing().size(); ++i) {
        if (m_plan->recordOf(i) == r.id)
            return false; // listed under its own name: a second copy on the server
    }
    const QByteArray uidl = message.uidl.toLatin1();
    store::Transaction txn(m_db);
    Status s;
    if (r.mailboxId != m_mailboxId) {
        r.listedSize = message.listedSize;
        r.receivedSize = message.raw.size();
        r.headerKey = message.headerKey;
        r.state =
            message.incomplete ? store::DownloadState::Incomplete : store::DownloadState::Stored;
        s = records.link(m_account.id, m_mailboxId, uidl, r);
    } else {
        s = records.rename({{r.id, uidl, message.listedSize}});
        if (s && r.state == store::DownloadState::Stored)
            s = records.received(r.id, store::DownloadState::Stored, message.listedSize,
                                 message.raw.size(), message.headerKey);
    }
    if (s)
        s = txn.commit();
    if (!s) {
        m_result.warnings.append(s.error().message());
        return false;
    }
    m_plan->stored(index, r.state == store::DownloadState::Stored && !message.incomplete);
    return true;
}

void AccountSync::reportProgress()
{
    if (!m_progressTimer) {
        m_progressTimer = new QTimer(this);
        m_progressTimer->setSingleShot(true);
        m_progressTimer->setInterval(progressIntervalMs);
        connect(m_progressTimer, &QTimer::timeout, this, [this] {
            if (!m_finished)
                Q_EMIT progress(m_account.id, m_done, m_total, m_bytesDone, m_bytesTotal);
        });
    }
    if (!m_progressTimer->isActive())
        m_progressTimer->start();
}

void AccountSync::commitBatch()
{
    if (m_batch.isEmpty())
        return;
    QList<store::IncomingMessage> batch;
    QList<int> indexes;
    QList<bool> whole;
    batch.reserve(m_batch.size());
    for (Received &r : m_batch) {
        indexes.append(r.index);
        whole.append(!r.message.partial && !r.message.incomplete);
        batch.append(std::move(r.message));
    }
    m_batch.clear();
    m_batchBytes = 0;
    ++m_commitsPending;
    m_writer->submit(
        std::move(batch), this,
        [this, indexes, whole](Result<QList<qint64>> ids) {
            onCommitted(indexes, whole, std::move(ids));
        },
        m_filters, m_classifier);
}

void AccountSync::onCommitted(const QList<int> &indexes, const QList<bool> &whole,
                              Result<QList<qint64>> ids)
{
    --m_commitsPending;
    if (!ids) {
        if (m_finished) {
            m_result.warnings.append(ids.error().message());
            return;
        }
        abandon(ids.error()); // that batch is not in the cache, so nothing may be deleted
        return;
    }
    for (qsizetype i = 0; i < indexes.size(); ++i)
        m_plan->stored(indexes.at(i), whole.at(i));
    m_result.newMessages += int(ids.value().size());
    Q_EMIT messagesStored(m_account.id, ids.value());
    if (m_finished)
        return;
    Q_EMIT progress(m_account.id, m_done, m_total, m_bytesDone, m_bytesTotal);
    if (m_outstanding == 0)
        deleteWhenAllCommitted();
}

void AccountSync::deleteWhenAllCommitted()
{
    // DELE only for what is in the cache: the last batch's callback comes back here.
    if (m_commitsPending == 0 && !m_finished && m_stage == Stage::Fetching)
        deleteOnServer();
}

// --- delete ----------------------------------------------------------------------------

void AccountSync::deleteOnServer()
{
    if (m_finished)
        return;
    if (m_quitSent) {
        quit(); // no DELE may follow QUIT (a deletion queued meanwhile waits for the next sync)
        return;
    }
    m_stage = Stage::Deleting;
    const QDateTime now = m_clock();
    store::DeletionQueue queue(m_db);
    auto queued = queue.queued(m_account.id);
    auto expired = m_account.deleteFromServerAfterDays > 0
                       ? queue.downloadedBefore(m_account.id,
                                                now.addDays(-m_account.deleteFromServerAfterDays))
                       : Result<QList<store::PendingDeletion>>(QList<store::PendingDeletion>{});
    for (const auto *failed :
         {queued.ok() ? nullptr : &queued.error(), expired.ok() ? nullptr : &expired.error()}) {
        if (failed) {
            abandon(*failed); // without the facts, delete nothing
            return;
        }
    }
    const QList<PlannedDeletion> plan =
        m_plan->deletions(m_account, queued.value(), expired.value());
    // Written ahead: from the first DELE on, the server may delete them (QUIT goes out with
    // them), and a session killed before QUIT's answer cannot say so. Doubted from now on,
    // they are looked at before they are trusted again: a server that deleted them may give
    // their UIDLs to new messages. QUIT's +OK confirms it.
    m_deletionsSent = !plan.isEmpty();
    if (!plan.isEmpty()) {
        QList<QByteArray> uidls;
        for (const PlannedDeletion &d : plan)
            uidls.append(d.uidl.toLatin1());
        store::Transaction txn(m_db);
        Status s = store::DownloadRecords(m_db).setState(m_account.id, m_mailboxId, uidls,
                                                         store::DownloadState::DeletedOnServer);
        if (s)
            s = txn.commit();
        if (!s) {
            abandon(s.error());
            return;
        }
    }
    if (!plan.isEmpty()) {
        QHash<int, QByteArray> uidlOfNumber;
        for (const PlannedDeletion &d : plan)
            uidlOfNumber.insert(d.number, d.uidl.toLatin1());
        for (int i = 0; i < m_plan->listing().size(); ++i) {
            const auto uidl = uidlOfNumber.constFind(m_plan->listing().at(i).number);
            const std::optional<qint64> id = m_plan->recordOf(i);
            if (uidl != uidlOfNumber.cend() && id)
                m_recordOfDeleted.insert(uidl.value(), *id);
        }
    }
    for (const PlannedDeletion &d : plan) {
        m_client->command("DELE " + QByteArray::number(d.number), pop3::ReplyShape::StatusLine,
                          [this, d](const pop3::Reply &r) {
                              if (r.isOk()) {
                                  m_markedForDeletion.append(d);
                                  faultPoint("deleted"); // DELE answered, QUIT not
                                  return;
                              }
                              m_result.warnings.append(
                                  tr("The server kept message %1 (server said: %2)")
                                      .arg(d.number)
                                      .arg(serverWords(r)));
                          });
    }
    quit();
}

// --- quit ------------------------------------------------------------------------------

void AccountSync::quit()
{
    m_stage = Stage::Quitting;
    // Every batch is committed by now: the writer puts the WAL into the cache file while
    // the server answers QUIT, instead of after it.
    if (m_result.newMessages > 0)
        m_writer->checkpointSoon();
    m_unlisted = m_plan->unlisted();
    // What the next check may take as proven. DELE renumbers what follows, so a session that
    // deleted leaves nothing; otherwise only what the cache now holds for good is covered.
    std::optional<store::ListingSnapshot> snapshot;
    if (!m_deletionsSent) {
        const qsizetype settled = m_plan->settledPrefix();
        if (m_quick)
            snapshot = quicklisting::extended(*m_snapshot, m_plan->listing(), settled);
        else
            snapshot = quicklisting::snapshotOf(
                m_plan->listing(), settled,
                m_status ? std::optional<qint64>(m_status->octets) : std::nullopt, m_clock());
    }
    if (!m_quitSent)
        sendQuit();
    // Nothing reads the plan from here on (every batch is committed, the DELEs are out):
    // freed while QUIT travels, not after its answer.
    m_plan.reset();
    // Written while QUIT travels too. It does not wait for QUIT's answer: without DELE the
    // server keeps every message whatever it answers, and after DELE the snapshot is
    // forgotten, which is always safe.
    if (snapshot != m_snapshot) {
        store::ListingSnapshots snapshots(m_db);
        Status s =
            snapshot ? snapshots.save(m_mailboxId, *snapshot) : snapshots.forget(m_mailboxId);
        if (!s)
            m_result.warnings.append(s.error().message());
    }
    if (m_quitAnswer) // sent early, and answered while the last batches were committed
        endSession(*m_quitAnswer);
}

void AccountSync::endSession(bool ok)
{
    m_stage = Stage::Done; // answered: whatever it says, the line is closing
    if (!ok) {
        finish(Error{Error::Code::ServerRejected,
                     tr("The server did not confirm the end of the session, so it may not "
                        "have deleted anything"),
                     {}});
        return;
    }
    // QUIT +OK: the server has now really deleted them (RFC 1939 §6).
    if (Status s = recordSessionEnd(m_markedForDeletion); !s)
        m_result.warnings.append(s.error().message());
    else
        m_result.deletedOnServer = int(m_markedForDeletion.size());
    finish(std::nullopt);
}

Status AccountSync::recordSessionEnd(const QList<PlannedDeletion> &deleted)
{
    store::Transaction txn(m_db);
    store::DownloadRecords records(m_db);
    QList<qint64> done;
    for (const PlannedDeletion &d : deleted) {
        const auto id = m_recordOfDeleted.constFind(d.uidl.toLatin1());
        if (id != m_recordOfDeleted.cend())
            done.append(id.value());
    }
    // Records the server no longer lists: gone, so that a UIDL coming back later is looked
    // at before it is trusted; and their queued deletions are done.
    if (Status s = records.setState(m_unlisted, store::DownloadState::Gone); !s)
        return s;
    if (Status s = store::DeletionQueue(m_db).removeRecords(done + m_unlisted); !s)
        return s;
    return txn.commit();
}

// --- Download the Rest -------------------------------------------------------------------

void AccountSync::completeOne()
{
    auto record = store::DownloadRecords(m_db).ofMessage(m_completeId);
    if (!record) {
        abandon(record.error());
        return;
    }
    int index = -1;
    if (record.value() && !record.value()->uidl.isEmpty()) {
        for (int i = 0; i < m_plan->listing().size(); ++i) {
            if (m_plan->listing().at(i).uidl == record.value()->uidl)
                index = i;
        }
    }
    if (index < 0) {
        m_client->quit([this](bool) {
            finish(Error{Error::Code::NotFound,
                         tr("The rest of this message is no longer on the server"),
                         {}});
        });
        return;
    }
    const ListedMessage listed = m_plan->listing().at(index);
    const qint64 recordId = record.value()->id;
    m_stage = Stage::Fetching;
    m_total = 1;
    m_bytesTotal = std::max<qint64>(listed.size, 0);
    Q_EMIT progress(m_account.id, 0, m_total, 0, m_bytesTotal);
    m_client->command(
        "RETR " + QByteArray::number(listed.number), pop3::ReplyShape::MultiLine,
        [this, listed, recordId](const pop3::Reply &r) {
            std::optional<Error> failure;
            bool whole = false;
            if (!r.isOk() || r.oversized) {
                failure = Error{Error::Code::ServerRejected,
                                r.oversized ? tr("The message is larger than %1, more than "
                                                 "Poplar can hold")
                                                  .arg(dataSizeText(maxRequestedMessage))
                                            : tr("The server did not send the message"),
                                serverWords(r)};
            } else {
                whole = !isMateriallyShort(r.body, listed.size);
                store::Transaction txn(m_db);
                Status s = m_store.complete(m_completeId, r.body, !whole);
                if (s) {
                    s = store::DownloadRecords(m_db).received(
                        recordId,
                        whole ? store::DownloadState::Stored : store::DownloadState::Incomplete,
                        listed.size, r.body.size(),
                        store::DownloadRecords::headerKey(headerFacts(r.body)));
                }
                if (s)
                    s = txn.commit();
                if (!s)
                    failure = s.error();
            }
            if (failure) {
                abandon(*failure);
                return;
            }
            if (!whole) {
                m_result.warnings.append(
                    tr("The message arrived incomplete (%1 of the %2 the server announced)")
                        .arg(dataSizeText(r.body.size()), dataSizeText(listed.size)));
            }
            m_result.newMessages = 1;
            m_done = 1;
            m_bytesDone = m_bytesTotal;
            Q_EMIT progress(m_account.id, m_done, m_total, m_bytesDone, m_bytesTotal);
            Q_EMIT messagesStored(m_account.id, {m_completeId});
            m_stage = Stage::Quitting;
            m_client->quit([this](bool) { finish(std::nullopt); });
        },
        std::max<qint64>(listed.size, 0));
}

// --- the end ---------------------------------------------------------------------------

void AccountSync::cancel()
{
    if (m_finished)
        return;
    if (m_client)
        m_client->abort(); // no QUIT: the server deletes nothing
    finish(Error{Error::Code::Cancelled, tr("Stopped by the user"), {}});
}

void AccountSync::abandon(const Error &error)
{
    if (m_client)
        m_client->abort(); // no QUIT: the server deletes nothing
    finish(error);
}

void AccountSync::finish(std::optional<Error> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_stage = Stage::Done;
    if (m_waitTimer)
        m_waitTimer->stop();
    if (m_passwordWait)
        m_passwordWait->stop();
    m_result.error = std::move(error);
    // Batches still being written are reported before the end is: a cancelled or failed
    // session keeps (and counts) everything that was fully received.
    commitBatch();
    if (m_commitsPending > 0)
        m_writer->waitForAll(this);
    if (const std::optional<Error> problem = m_writer->takeClassifierError())
        m_result.warnings.append(
            tr("Poplar's junk filter did not run, so only the servers' verdicts sorted new "
               "mail: %1")
                .arg(problem->message()));
    qCDebug(lcSync) << "account" << m_account.id << "finished:" << m_result.newMessages << "new";
    Q_EMIT finished(m_result);
}

} // namespace poplar::sync
