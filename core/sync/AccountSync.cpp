// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/AccountSync.h"

#include "mime/MessageRenderer.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/ServerPolicyStore.h"
#include "sync/CacheWriter.h"
#include "sync/DeletionPlan.h"
#include "sync/HeaderFacts.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcSync, "poplar.sync", QtInfoMsg)

namespace poplar::sync {

namespace {

// A batch is committed when it holds this many messages or bytes: one fsync per batch
// instead of per message, and little is held in memory. The writer thread commits while
// the next batch arrives, so what a sync waits for at its end is the last batch alone:
// 4 MB keeps that tail short (200 x 500 KB: poplar/mpop 0.78-0.95 against 0.92-1.08 with
// 16 MB batches, on 2 cores).
constexpr int batchMessages = 100;
constexpr qint64 batchBytes = 4 * 1024 * 1024;
// Progress between commits at most this often: a batch of 100 small messages on a slow line
// takes long enough that a bar moving only per batch looks stuck.
constexpr int progressIntervalMs = 100;
// A check asked for sooner than the server's LOGIN-DELAY allows waits this long at most;
// beyond it, it logs in anyway (see start()).
constexpr qint64 maxLoginDelayWaitMs = 60'000;

} // namespace

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

void AccountSync::start()
{
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
    const QDateTime allowed = m_policy.nextLoginAllowed();
    const qint64 wait = allowed.isValid() ? m_clock().msecsTo(allowed) : 0;
    if (wait > 0 && wait <= maxLoginDelayWaitMs) {
        m_loginAt = allowed;
        m_waitTimer = new QTimer(this);
        connect(m_waitTimer, &QTimer::timeout, this, &AccountSync::waitForLogin);
        m_waitTimer->start(1000);
        waitForLogin();
        return;
    }
    connectAndLogIn();
}

void AccountSync::waitForLogin()
{
    const qint64 left = m_clock().msecsTo(m_loginAt);
    if (left <= 0) {
        m_waitTimer->stop();
        connectAndLogIn();
        return;
    }
    Q_EMIT waitingForLogin(m_account.id, int((left + 999) / 1000));
    // The timer ticks each second; the last tick is shortened to the moment itself.
    if (left < 1000)
        m_waitTimer->start(int(left));
}

void AccountSync::connectAndLogIn()
{
    m_client = new pop3::Pop3Client(m_transports(), this);
    connect(m_client, &pop3::Pop3Client::failed, this, [this](const Error &e) {
        finish(withLoginDelayAdvice(e)); // what was fully received is still committed
    });
    // Only when someone listens: otherwise every line would still be built and forwarded.
    if (isSignalConnected(QMetaMethod::fromSignal(&AccountSync::protocolLine))) {
        connect(m_client, &pop3::Pop3Client::protocolLine, this,
                [this](bool fromClient, const QByteArray &line) {
                    Q_EMIT protocolLine(m_account.id, fromClient, line);
                });
    }
    connect(m_client, &pop3::Pop3Client::loggedIn, this, &AccountSync::listUidls);
    m_client->open(m_account, m_password, m_options);
    m_password.clear();
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

QString AccountSync::describeInterval(int seconds)
{
    // English has no plural rule without a catalogue: the singular is a sentence of its own.
    if (seconds < 120)
        return seconds == 1 ? tr("1 second") : tr("%n seconds", nullptr, seconds);
    if (seconds < 2 * 3600)
        return tr("%n minutes", nullptr, (seconds + 30) / 60);
    return tr("%n hours", nullptr, (seconds + 1800) / 3600);
}

void AccountSync::cancel()
{
    if (m_finished)
        return;
    if (m_client)
        m_client->abort(); // no QUIT: the server deletes nothing
    finish(Error{Error::Code::Cancelled, QStringLiteral("Stopped by the user"), {}});
}

void AccountSync::listUidls()
{
    const pop3::Capabilities &caps = m_client->capabilities();
    m_result.serverExpireDays = caps.expireDays;
    m_result.loginDelaySeconds = caps.loginDelaySeconds;
    store::ServerPolicy policy{m_clock(), caps.loginDelaySeconds, caps.expireDays};
    if (Status s = store::ServerPolicyStore(m_db).save(m_account.id, policy); !s)
        m_result.warnings.append(s.error().message());

    m_client->command("UIDL", pop3::ReplyShape::MultiLine, [this](const pop3::Reply &r) {
        if (!r.isOk()) {
            identifyWithoutUidl();
            return;
        }
        auto uidls = pop3::parseUidlListing(r.body);
        if (!uidls) {
            m_client->abort();
            finish(uidls.error());
            return;
        }
        listSizes(std::move(uidls).value());
    });
}

void AccountSync::identifyWithoutUidl()
{
    // A server without UIDL (RFC 1939 makes it optional): each message is known by a digest of
    // its Message-ID, Date and size, read with TOP n 0. These are the same in every session,
    // so such a server still gets no duplicates.
    m_client->command("LIST", pop3::ReplyShape::MultiLine, [this](const pop3::Reply &r) {
        auto sizes =
            r.isOk() ? pop3::parseSizeListing(r.body)
                     : Result<QMap<int, qint64>>(Error{Error::Code::ServerRejected,
                                                       QStringLiteral("The server refused LIST"),
                                                       QString::fromUtf8(r.text)});
        if (!sizes) {
            m_client->abort();
            finish(sizes.error());
            return;
        }
        auto identities = std::make_shared<QMap<int, QByteArray>>();
        auto remaining = std::make_shared<qsizetype>(sizes.value().size());
        auto failed = std::make_shared<bool>(false);
        const QMap<int, qint64> listed = sizes.value();
        if (listed.isEmpty()) {
            download({}, listed);
            return;
        }
        for (auto it = listed.cbegin(); it != listed.cend(); ++it) {
            const int number = it.key();
            const qint64 size = it.value();
            m_client->command(
                "TOP " + QByteArray::number(number) + " 0", pop3::ReplyShape::MultiLine,
                [this, number, size, listed, identities, remaining,
                 failed](const pop3::Reply &top) {
                    if (*failed)
                        return;
                    if (!top.isOk()) {
                        *failed = true;
                        m_client->abort();
                        finish(Error{
                            Error::Code::ServerRejected,
                            QStringLiteral("The server supports neither UIDL nor TOP, so "
                                           "Poplar cannot tell which messages it already has"),
                            QString::fromUtf8(top.text)});
                        return;
                    }
                    const mime::MessageHeaders h = mime::MessageRenderer::headers(top.body);
                    const QByteArray key =
                        h.messageId.isEmpty()
                            ? top.body
                            : h.messageId.toUtf8() + '\n' + h.date.toString(Qt::ISODate).toUtf8();
                    identities->insert(number, "~" + QCryptographicHash::hash(
                                                         key + '\n' + QByteArray::number(size),
                                                         QCryptographicHash::Sha256)
                                                         .toHex()
                                                         .left(40));
                    if (--*remaining == 0) {
                        // Identical messages get the same digest: number them apart, in order.
                        QList<pop3::UidlEntry> entries;
                        QHash<QByteArray, int> seen;
                        for (auto i = identities->cbegin(); i != identities->cend(); ++i) {
                            const int n = ++seen[i.value()];
                            entries.append(
                                {i.key(),
                                 n == 1 ? i.value() : i.value() + '-' + QByteArray::number(n)});
                        }
                        download(entries, listed);
                    }
                });
        }
    });
}

void AccountSync::listSizes(QList<pop3::UidlEntry> uidls)
{
    m_client->command("LIST", pop3::ReplyShape::MultiLine,
                      [this, uidls = std::move(uidls)](const pop3::Reply &r) {
                          auto sizes = r.isOk() ? pop3::parseSizeListing(r.body)
                                                : Result<QMap<int, qint64>>(QMap<int, qint64>{});
                          if (!sizes) {
                              m_client->abort();
                              finish(sizes.error());
                              return;
                          }
                          download(uidls, sizes.value());
                      });
}

void AccountSync::download(const QList<pop3::UidlEntry> &all, const QMap<int, qint64> &sizes)
{
    auto known = m_store.knownUidls(m_account.id);
    if (!known) {
        m_client->abort();
        finish(known.error());
        return;
    }
    QList<pop3::UidlEntry> wanted;
    m_onServer.clear();
    for (const pop3::UidlEntry &e : all)
        m_onServer.insert(QString::fromLatin1(e.uidl), e.number);
    if (m_completeId > 0) {
        completeOne(m_onServer, sizes);
        return;
    }
    for (const pop3::UidlEntry &e : all) {
        if (!known.value().contains(QString::fromLatin1(e.uidl)))
            wanted.append(e);
    }
    // A renamed message keeps a stored UIDL the server no longer lists. When every stored
    // UIDL is still listed, no download can be a renamed copy: skip the per-message check.
    m_mayHaveRenamed = false;
    if (auto stored = m_store.storedUidls(m_account.id); stored) {
        for (const QString &uidl : stored.value()) {
            if (!m_onServer.contains(uidl)) {
                m_mayHaveRenamed = true;
                break;
            }
        }
    }
    m_total = int(wanted.size());
    // Over the account's size limit: headers only (TOP n 0, RFC 1939 §7); the user can
    // download the rest later.
    const qint64 limit = qint64(m_account.sizeLimitKb) * 1024;
    auto isHeadersOnly = [limit](qint64 listed) { return limit > 0 && listed > limit; };
    m_bytesTotal = 0;
    for (const pop3::UidlEntry &e : wanted) {
        const qint64 listed = sizes.value(e.number, -1);
        if (listed > 0 && !isHeadersOnly(listed))
            m_bytesTotal += listed;
    }
    Q_EMIT progress(m_account.id, 0, m_total, 0, m_bytesTotal);
    if (wanted.isEmpty()) {
        deleteOnServer();
        return;
    }
    m_outstanding = m_total;
    // Queued all at once: the client keeps a pipelining window full, or goes lock-step.
    for (const pop3::UidlEntry &e : wanted) {
        const qint64 listed = sizes.value(e.number, -1);
        const bool headersOnly = isHeadersOnly(listed);
        const QByteArray command = headersOnly ? "TOP " + QByteArray::number(e.number) + " 0"
                                               : "RETR " + QByteArray::number(e.number);
        m_client->command(
            command, pop3::ReplyShape::MultiLine,
            [this, number = e.number, uidl = e.uidl, listed, headersOnly](const pop3::Reply &r) {
                onRetrieved(number, uidl, listed, headersOnly, r);
            },
            headersOnly ? 0 : std::max<qint64>(listed, 0));
    }
}

void AccountSync::completeOne(const QHash<QString, int> &onServer, const QMap<int, qint64> &sizes)
{
    auto summary = m_store.message(m_completeId);
    if (!summary) {
        m_client->abort();
        finish(summary.error());
        return;
    }
    const auto it = onServer.constFind(summary.value().uidl);
    if (it == onServer.constEnd()) {
        m_client->quit([this](bool) {
            finish(Error{Error::Code::NotFound,
                         QStringLiteral("The rest of this message is no longer on the server"),
                         {}});
        });
        return;
    }
    m_total = 1;
    m_bytesTotal = std::max<qint64>(sizes.value(it.value(), 0), 0);
    Q_EMIT progress(m_account.id, 0, m_total, 0, m_bytesTotal);
    m_client->command("RETR " + QByteArray::number(it.value()), pop3::ReplyShape::MultiLine,
                      [this](const pop3::Reply &r) {
                          std::optional<Error> failure;
                          if (!r.isOk() || r.oversized) {
                              failure = Error{Error::Code::ServerRejected,
                                              QStringLiteral("The server did not send the message"),
                                              QString::fromUtf8(r.text)};
                          } else {
                              store::Transaction txn(m_db);
                              Status s = m_store.complete(m_completeId, r.body);
                              if (s)
                                  s = txn.commit();
                              if (!s)
                                  failure = s.error();
                          }
                          if (failure) {
                              m_client->abort();
                              finish(failure);
                              return;
                          }
                          m_result.newMessages = 1;
                          m_done = 1;
                          m_bytesDone = m_bytesTotal;
                          Q_EMIT progress(m_account.id, m_done, m_total, m_bytesDone, m_bytesTotal);
                          Q_EMIT messagesStored(m_account.id, {m_completeId});
                          m_client->quit([this](bool) { finish(std::nullopt); });
                      });
}

void AccountSync::onRetrieved(int number, const QByteArray &uidl, qint64 listedSize,
                              bool headersOnly, const pop3::Reply &r)
{
    --m_outstanding;
    if (!r.isOk()) {
        // Gone since UIDL (another client deleted it): not an error for the whole sync.
        m_result.warnings.append(QStringLiteral("Message %1 could not be retrieved: %2")
                                     .arg(number)
                                     .arg(QString::fromUtf8(r.text)));
    } else if (r.oversized) {
        m_result.warnings.append(
            QStringLiteral("Message %1 is larger than the %2 MB limit and was skipped")
                .arg(number)
                .arg(m_options.limits.maxBlock / (1024 * 1024)));
    } else {
        if (!headersOnly && listedSize >= 0 &&
            std::abs(r.body.size() - listedSize) > listedSize / 10 + 64) {
            // LIST counts CRLF octets; a gross mismatch means a server or transport problem.
            m_result.warnings.append(
                QStringLiteral("Message %1: the server announced %2 bytes but sent %3")
                    .arg(number)
                    .arg(listedSize)
                    .arg(r.body.size()));
        }
        store::IncomingMessage message;
        message.accountId = m_account.id;
        message.uidl = QString::fromLatin1(uidl);
        message.headers = headerFacts(r.body);
        message.raw = r.body;
        message.receivedAt = m_clock();
        message.partial = headersOnly;
        if (headersOnly || !m_mayHaveRenamed || !adoptIfRenamed(message)) {
            m_batchBytes += r.body.size();
            m_batch.append({number, std::move(message)});
        }
    }
    ++m_done;
    if (!headersOnly && listedSize > 0)
        m_bytesDone += listedSize; // counted as m_bytesTotal was, so the two meet at the end
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
    if (m_batch.size() >= batchMessages || m_batchBytes >= batchBytes || m_outstanding == 0)
        commitBatch();
    if (m_outstanding == 0)
        deleteWhenAllCommitted();
}

bool AccountSync::adoptIfRenamed(const store::IncomingMessage &message)
{
    // The same bytes and Message-ID as a stored message whose UIDL the server no longer
    // lists: the server renamed it (a migration). Keep the copy we have under the new name.
    auto twin = m_store.findTwin(m_account.id, message.raw, message.headers.messageId);
    if (!twin || !twin.value() || m_onServer.contains(twin.value()->uidl))
        return false;
    store::Transaction txn(m_db);
    Status s = m_store.adoptUidl(twin.value()->id, m_account.id, twin.value()->uidl, message.uidl);
    if (s)
        s = txn.commit();
    if (!s) {
        m_result.warnings.append(s.error().message());
        return false;
    }
    return true;
}

void AccountSync::commitBatch()
{
    if (m_batch.isEmpty())
        return;
    QList<store::IncomingMessage> batch;
    batch.reserve(m_batch.size());
    for (Received &r : m_batch)
        batch.append(std::move(r.message));
    m_batch.clear();
    m_batchBytes = 0;
    ++m_commitsPending;
    m_writer->submit(std::move(batch), this,
                     [this](Result<QList<qint64>> ids) { onCommitted(std::move(ids)); });
}

void AccountSync::onCommitted(Result<QList<qint64>> ids)
{
    --m_commitsPending;
    if (!ids) {
        if (m_finished) {
            m_result.warnings.append(ids.error().message());
            return;
        }
        m_client->abort(); // that batch is not in the cache, so nothing may be deleted
        finish(ids.error());
        return;
    }
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
    if (m_commitsPending == 0 && !m_finished)
        deleteOnServer();
}

void AccountSync::deleteOnServer()
{
    if (m_finished)
        return;
    const QDateTime now = m_clock();
    store::DeletionQueue queue(m_db);
    auto stored = m_store.storedUidls(m_account.id);
    auto queued = queue.queued(m_account.id);
    auto expired = m_account.deleteFromServerAfterDays > 0
                       ? queue.downloadedBefore(m_account.id,
                                                now.addDays(-m_account.deleteFromServerAfterDays))
                       : Result<QList<store::PendingDeletion>>(QList<store::PendingDeletion>{});
    for (const auto *failed :
         {stored.ok() ? nullptr : &stored.error(), queued.ok() ? nullptr : &queued.error(),
          expired.ok() ? nullptr : &expired.error()}) {
        if (failed) {
            m_client->abort(); // without the facts, delete nothing
            finish(*failed);
            return;
        }
    }
    // Queued deletions of messages the server no longer has are done already.
    for (const store::PendingDeletion &p : queued.value()) {
        if (!m_onServer.contains(p.uidl))
            m_settled.append(p.uidl);
    }
    const QList<PlannedDeletion> plan =
        planDeletions(m_account, m_onServer, stored.value(), queued.value(), expired.value());
    for (const PlannedDeletion &d : plan) {
        m_client->command("DELE " + QByteArray::number(d.number), pop3::ReplyShape::StatusLine,
                          [this, d](const pop3::Reply &r) {
                              if (r.isOk()) {
                                  m_markedForDeletion.append(d.uidl);
                                  return;
                              }
                              m_result.warnings.append(
                                  QStringLiteral("The server kept message %1: %2")
                                      .arg(d.number)
                                      .arg(QString::fromUtf8(r.text)));
                          });
    }
    m_client->quit([this](bool ok) {
        if (!ok) {
            finish(Error{Error::Code::ServerRejected,
                         QStringLiteral("The server did not confirm the end of the session, so "
                                        "it may not have deleted anything"),
                         {}});
            return;
        }
        // QUIT +OK: the server has now really deleted them (RFC 1939 §6).
        if (Status s = recordServerDeletions(); !s)
            m_result.warnings.append(s.error().message());
        else
            m_result.deletedOnServer = int(m_markedForDeletion.size());
        finish(std::nullopt);
    });
}

Status AccountSync::recordServerDeletions()
{
    if (m_markedForDeletion.isEmpty() && m_settled.isEmpty())
        return {};
    store::Transaction txn(m_db);
    if (Status s = m_store.markDeletedOnServer(m_account.id, m_markedForDeletion); !s)
        return s;
    if (Status s = store::DeletionQueue(m_db).remove(m_account.id, m_markedForDeletion + m_settled);
        !s)
        return s;
    return txn.commit();
}

void AccountSync::finish(std::optional<Error> error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_waitTimer)
        m_waitTimer->stop();
    m_result.error = std::move(error);
    // Batches still being written are reported before the end is: a cancelled or failed
    // session keeps (and counts) everything that was fully received.
    commitBatch();
    if (m_commitsPending > 0)
        m_writer->waitForAll(this);
    qCDebug(lcSync) << "account" << m_account.id << "finished:" << m_result.newMessages << "new";
    Q_EMIT finished(m_result);
}

} // namespace poplar::sync
