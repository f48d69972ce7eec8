// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace poplar::importer {

/// One message of an Evolution Maildir folder, with its state.
struct EvolutionMessage {
    QByteArray raw;
    QString fileName;
    bool read = false;
    bool flagged = false;
    bool deleted = false; ///< 'T': deleted in Evolution, waiting to be expunged
    QStringList keywords; ///< its labels in folders.db ("$Labelimportant", "family")
    QString skipReason;
};

/// A folder of Evolution's local Maildir++ store, read without changing it: the files of
/// cur/ and new/ by name; state from the file name's info ("UNIQUE:2,DFRST", ':' or '!'
/// before "2,"; S seen, F flagged, T deleted; a message in new/ is unread); labels from the
/// store's folders.db (CamelStoreDB: the table "messages_N" of the folder's folder_id since
/// evolution-data-server 3.58, the table named after the folder before; the "labels"
/// column lists a message's user flags, space separated, by the uid its file name begins
/// with).
class EvolutionMaildir {
    Q_DECLARE_TR_FUNCTIONS(poplar::importer::EvolutionMaildir)

public:
    static constexpr qint64 defaultMaxMessageBytes = 64 * 1024 * 1024;

    /// `stateDb` and `folderName`: where the labels are; empty when there is no folders.db.
    EvolutionMaildir(const QString &dir, const QString &stateDb, const QString &folderName,
                     qint64 maxMessageBytes = defaultMaxMessageBytes);

    [[nodiscard]] qsizetype size() const { return m_files.size(); }
    /// The next message, or nullopt after the last.
    [[nodiscard]] std::optional<EvolutionMessage> next();

    /// The folder's messages Evolution still shows (those not marked deleted, 'T').
    [[nodiscard]] static qint64 countShown(const QString &dir);
    /// The bytes of the folder's messages.
    [[nodiscard]] static qint64 bytesOf(const QString &dir);
    /// The labels folders.db gives the folder's messages: uid -> keywords.
    [[nodiscard]] static QHash<QString, QStringList> readLabels(const QString &stateDb,
                                                                const QString &folderName);
    /// Splits a Maildir file name into its uid and its flag letters ("" when it has none).
    static void splitName(const QString &fileName, QString *uid, QString *flags);

private:
    qint64 m_maxMessageBytes;
    QStringList m_files; ///< paths relative to the folder: "cur/…", "new/…"
    QString m_dir;
    qsizetype m_next = 0;
    QHash<QString, QStringList> m_labels;
};

} // namespace poplar::importer
