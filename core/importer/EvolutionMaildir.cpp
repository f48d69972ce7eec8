// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/EvolutionMaildir.h"

#include "importer/MessageFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <algorithm>

namespace poplar::importer {

namespace {

QStringList filesOf(const QString &dir)
{
    QStringList files;
    for (const char *sub : {"cur", "new"}) {
        const QString subdir = QLatin1String(sub);
        const QStringList names = QDir(dir + QLatin1Char('/') + subdir)
                                      .entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &name : names)
            files.append(subdir + QLatin1Char('/') + name);
    }
    // By file name, which begins with the delivery time: the order mail arrived in.
    std::sort(files.begin(), files.end(),
              [](const QString &a, const QString &b) { return a.mid(4) < b.mid(4); });
    return files;
}

} // namespace

EvolutionMaildir::EvolutionMaildir(const QString &dir, const QString &stateDb,
                                   const QString &folderName, qint64 maxMessageBytes)
    : m_maxMessageBytes(maxMessageBytes)
    , m_files(filesOf(dir))
    , m_dir(dir)
    , m_labels(stateDb.isEmpty() ? QHash<QString, QStringList>{} : readLabels(stateDb, folderName))
{}

void EvolutionMaildir::splitName(const QString &fileName, QString *uid, QString *flags)
{
    // Evolution writes ':' before "2,", or '!' where ':' cannot be in a file name.
    qsizetype info = fileName.lastIndexOf(QLatin1String(":2,"));
    if (info < 0)
        info = fileName.lastIndexOf(QLatin1String("!2,"));
    *uid = info < 0 ? fileName : fileName.left(info);
    *flags = info < 0 ? QString() : fileName.mid(info + 3);
}

QHash<QString, QStringList> EvolutionMaildir::readLabels(const QString &stateDb,
                                                         const QString &folderName)
{
    QHash<QString, QStringList> labels;
    const QString connection =
        QStringLiteral("evolution-folders-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(stateDb);
        // Evolution may be running: read only, never a lock that would stop it writing.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QString table;
            QSqlQuery q(db);
            const bool hasIds =
                db.record(QStringLiteral("folders")).contains(QStringLiteral("folder_id"));
            if (hasIds) {
                q.prepare(QStringLiteral("SELECT folder_id FROM folders WHERE folder_name = ?"));
                q.addBindValue(folderName);
                if (q.exec() && q.next())
                    table = QStringLiteral("messages_%1").arg(q.value(0).toLongLong());
            } else {
                table = folderName;
            }
            if (!table.isEmpty() && db.tables().contains(table)) {
                QString quoted = table;
                quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
                if (q.exec(QStringLiteral("SELECT uid, labels FROM \"%1\" WHERE labels <> ''")
                               .arg(quoted))) {
                    while (q.next()) {
                        const QStringList words =
                            q.value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
                        if (!words.isEmpty())
                            labels.insert(q.value(0).toString(), words);
                    }
                }
            }
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return labels;
}

qint64 EvolutionMaildir::countShown(const QString &dir)
{
    qint64 n = 0;
    for (const QString &f : filesOf(dir)) {
        QString uid;
        QString flags;
        splitName(f.mid(4), &uid, &flags);
        n += flags.contains(QLatin1Char('T')) ? 0 : 1;
    }
    return n;
}

qint64 EvolutionMaildir::bytesOf(const QString &dir)
{
    qint64 total = 0;
    for (const QString &f : filesOf(dir))
        total += QFileInfo(dir + QLatin1Char('/') + f).size();
    return total;
}

std::optional<EvolutionMessage> EvolutionMaildir::next()
{
    if (m_next >= m_files.size())
        return std::nullopt;
    const QString relative = m_files.at(m_next++);
    EvolutionMessage m;
    m.fileName = relative;
    QString uid;
    QString flags;
    splitName(relative.mid(4), &uid, &flags);
    // new/ holds what no reader has seen yet, whatever its name says.
    const bool inNew = relative.startsWith(QLatin1String("new/"));
    m.read = !inNew && flags.contains(QLatin1Char('S'));
    m.flagged = flags.contains(QLatin1Char('F'));
    m.deleted = flags.contains(QLatin1Char('T'));
    m.keywords = m_labels.value(uid);
    m.skipReason = MessageFile::read(m_dir + QLatin1Char('/') + relative, m_maxMessageBytes, m.raw);
    return m;
}

} // namespace poplar::importer
