// SPDX-License-Identifier: GPL-3.0-or-later
// The harness of the moving-in tests: an in-memory cache, a poplar.ini, and what a test
// asks of the cache after an import.
#pragma once

#include "accounts/AccountStore.h"
#include "importer/ProfileImporter.h"
#include "store/Database.h"
#include "store/MessageStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

namespace poplar::importer::test_support {

/// Every file under `dir` (symlinks as their target text) -> its SHA-256 and time.
inline QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir,
                    QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        QByteArray fingerprint = info.lastModified().toString(Qt::ISODateWithMs).toUtf8();
        if (info.isSymLink()) {
            fingerprint += " -> " + info.symLinkTarget().toUtf8();
        } else if (info.isFile()) {
            QFile f(info.filePath());
            if (f.open(QIODevice::ReadOnly))
                fingerprint +=
                    ' ' + QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        }
        out.insert(QDir(dir).relativeFilePath(info.filePath()), fingerprint);
    }
    return out;
}

class ProfileImportTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto db = store::Database::open(QStringLiteral(":memory:"),
                                        QStringLiteral("profile-import-test"));
        ASSERT_TRUE(db.ok()) << qPrintable(db.error().message());
        m_db = std::move(db).value();
        m_store.emplace(m_db->connection());
        m_accounts.emplace(m_dir.filePath(QStringLiteral("poplar.ini")));
    }
    void TearDown() override
    {
        m_store.reset();
        m_db.reset();
    }

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    ProfileImportReport import(const FoundProfile &profile, bool dryRun = false)
    {
        ProfileImporter importer(*m_accounts, *m_store);
        auto report = importer.run(profile, dryRun);
        EXPECT_TRUE(report.ok()) << qPrintable(report.error().message());
        return report ? report.value() : ProfileImportReport{};
    }

    qint64 count(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        EXPECT_TRUE(q.exec(sql) && q.next()) << qPrintable(sql);
        return q.value(0).toLongLong();
    }

    /// The stored message with this subject: id, account, local folder, raw, seen, flagged.
    struct Stored {
        qint64 id = 0;
        QString account;
        QString localFolder;
        QString uidl;
        QByteArray raw;
        bool seen = false;
        bool flagged = false;
        int copies = 0;
    };
    Stored stored(const QString &subject)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(
            QStringLiteral("SELECT m.id, m.account_id, m.local_folder, m.uidl, b.raw, m.seen, "
                           "m.flagged FROM messages m JOIN message_bodies b ON "
                           "b.message_id = m.id WHERE m.subject = ?"));
        q.addBindValue(subject);
        EXPECT_TRUE(q.exec());
        Stored s;
        while (q.next()) {
            ++s.copies;
            s.id = q.value(0).toLongLong();
            s.account = q.value(1).toString();
            s.localFolder = q.value(2).toString();
            s.uidl = q.value(3).toString();
            s.raw = q.value(4).toByteArray();
            s.seen = q.value(5).toBool();
            s.flagged = q.value(6).toBool();
        }
        return s;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::optional<store::MessageStore> m_store;
    std::optional<AccountStore> m_accounts;
};

inline const FoundFolder *folderNamed(const FoundProfile &p, const QString &destination)
{
    for (const FoundFolder &f : p.folders) {
        if (f.destination == destination)
            return &f;
    }
    return nullptr;
}

} // namespace poplar::importer::test_support
