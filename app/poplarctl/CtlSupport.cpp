// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlSupport.h"

#include "JsonFormat.h"
#include "Profile.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"
#include "mime/MessageRenderer.h"
#include "store/Database.h"
#include "store/DeletionQueue.h"
#include "store/MailboxReader.h"
#include "store/MboxWriter.h"
#include "store/MessageStore.h"
#include "store/SearchIndex.h"
#include "store/TagStore.h"
#include "sync/MailImporter.h"
#include "sync/MessageActions.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <list>
#include <map>

namespace poplar::ctl {

void printErr(const QString &text)
{
    // What was printed before comes first where both streams show together (a terminal, a
    // log): a summary never lands above the lines it sums up.
    std::fflush(stdout);
    std::fprintf(stderr, "poplarctl: %s\n", text.toLocal8Bit().constData());
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    printOut(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

int fail(const Error &error)
{
    printErr(error.message());
    return Failure;
}

std::optional<bool> yesNo(const QString &text)
{
    if (text == QLatin1String("yes"))
        return true;
    if (text == QLatin1String("no"))
        return false;
    return std::nullopt;
}

std::optional<int> nonNegative(const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    return n;
}

Result<Session> openSession(const QString &profileDir)
{
    auto profile = Profile::open(profileDir);
    if (!profile)
        return profile.error();
    auto db = store::Database::open(profile.value().cachePath(), QStringLiteral("poplarctl"));
    if (!db)
        return db.error();
    Session s{std::move(profile).value(), std::move(db).value(), std::nullopt};
    s.store.emplace(s.db->connection());
    return s;
}

namespace {

Result<qint64> messageId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error{Error::Code::Config, Words::tr("\"%1\" is not a message id").arg(text), {}};
    return id;
}

} // namespace

Result<QList<qint64>> messageIds(const QStringList &texts)
{
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const QString &text : texts) {
        const auto id = messageId(text);
        if (!id)
            return id.error();
        if (!seen.contains(id.value())) {
            seen.insert(id.value());
            ids.append(id.value());
        }
    }
    return ids;
}

Result<MessageSession> openMessageSession(const QString &profileDir, const QString &idText)
{
    const auto id = messageId(idText);
    if (!id)
        return id.error();
    auto session = openSession(profileDir);
    if (!session)
        return session.error();
    return MessageSession{id.value(), std::move(session).value()};
}

QString textOf(const mime::RenderedMessage &m)
{
    auto list = [](const QList<mime::MailAddress> &addresses) {
        QStringList out;
        for (const auto &a : addresses)
            out.append(a.display());
        return out.join(QStringLiteral(", "));
    };
    // Labelled lines for a person to read; --format json is the form for scripts.
    QString out;
    auto line = [&out](const QString &text) { out += text + QLatin1Char('\n'); };
    line(Words::tr("Subject: %1").arg(m.headers.subject));
    line(Words::tr("From: %1").arg(m.headers.from.display()));
    line(Words::tr("To: %1").arg(list(m.headers.to)));
    if (!m.headers.cc.isEmpty())
        line(Words::tr("Cc: %1").arg(list(m.headers.cc)));
    if (m.headers.date.isValid())
        line(Words::tr("Date: %1").arg(m.headers.date.toLocalTime().toString(Qt::RFC2822Date)));
    for (const auto &a : m.attachments)
        line(Words::tr("Attachment: %1 (%2, %n bytes)", nullptr, int(a.size))
                 .arg(a.filename, a.mimeType));
    for (const auto &w : m.warnings)
        line(Words::tr("Warning: %1").arg(w));
    out += QLatin1Char('\n') + m.text + QLatin1Char('\n');
    return out;
}

std::optional<int> checkFormat(const QString &format, const QStringList &allowed)
{
    if (!allowed.contains(format)) {
        printErr(Words::tr("--format must be one of: %1").arg(allowed.join(QStringLiteral(", "))));
        return Usage;
    }
    return std::nullopt;
}

void printSummaries(const QList<store::MessageSummary> &rows, const QString &format,
                    const QSqlDatabase &db)
{
    if (format == QLatin1String("json")) {
        auto tags = store::TagStore(db).tags();
        if (!tags) {
            fail(tags.error());
            return;
        }
        QJsonArray out;
        for (const auto &row : rows)
            out.append(json::summary(row, tags.value()));
        printJson(out);
        return;
    }
    for (const auto &row : rows) {
        const QString from = row.fromName.isEmpty() ? row.fromAddress : row.fromName;
        const QString date =
            row.date.isValid() ? row.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                               : QStringLiteral("-");
        printOut(QStringLiteral("%1\t%2\t%3\t%4\n").arg(row.id).arg(date, from, row.subject));
    }
}

int printRendered(const mime::RenderedMessage &m, const QString &format)
{
    if (format == QLatin1String("json"))
        printJson(json::rendered(m));
    else
        printOut(textOf(m));
    return Success;
}

namespace {
const QString localPrefix = QStringLiteral("local:");
} // namespace

std::optional<FolderArg> parseFolder(const QString &text, bool bareNameIsLocal)
{
    if (text.startsWith(localPrefix)) {
        const QString name = text.mid(localPrefix.size());
        if (name.isEmpty())
            return std::nullopt;
        return FolderArg{std::nullopt, name, {}};
    }
    if (const auto folder = store::folderFromString(text))
        return FolderArg{folder, {}, {}};
    if (bareNameIsLocal && !text.isEmpty())
        return FolderArg{std::nullopt, text, {}};
    return std::nullopt;
}

/// The folder's messages, newest first.
Result<QList<store::MessageSummary>> folderMessages(const store::MessageStore &store,
                                                    const FolderArg &f)
{
    if (!f.folder) {
        const QString owner =
            f.account.isEmpty() ? store::MessageStore::localAccountId() : f.account;
        auto names = store.localFolders(owner);
        if (!names)
            return names.error();
        if (!names.value().contains(f.local))
            return Error{
                Error::Code::NotFound, Words::tr("There is no local folder %1").arg(f.local), {}};
        return store.localFolder(f.local, owner);
    }
    auto rows = store.messages(*f.folder, f.account);
    if (rows && *f.folder == store::Folder::Inbox) {
        // Imported mail is listed in its local folder, and filed mail in the folder its rule
        // chose, not among the accounts' new mail.
        rows.value().removeIf([](const store::MessageSummary &row) {
            return row.accountId == store::MessageStore::localAccountId() ||
                   !row.localFolder.isEmpty();
        });
    }
    return rows;
}

} // namespace poplar::ctl
