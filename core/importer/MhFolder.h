// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace poplar::importer {

/// One message of an MH folder, with the state its mark file gives it.
struct MhMessage {
    QByteArray raw;
    int number = 0;
    bool read = false;
    bool flagged = false;
    QList<int> tagIds; ///< Claws Mail's tags (ids of its tagsrc), from the .claws_tags file
    QString skipReason;
};

/// An MH folder as Claws Mail and Sylpheed keep it: one file per message, named by its
/// number; subfolders are subdirectories. Read state comes from the mark file
/// (.claws_mark, .sylpheed_mark): a 32-bit version, then (number, flags) pairs of 32-bit
/// words in the writer's byte order; flags 0x1 new, 0x2 unread, 0x4 marked (flagged). A
/// message the mark file does not list is new, so unread.
class MhFolder {
    Q_DECLARE_TR_FUNCTIONS(poplar::importer::MhFolder)

public:
    static constexpr qint64 defaultMaxMessageBytes = 64 * 1024 * 1024;

    /// `tagsFile`: Claws Mail's .claws_tags for this folder (in tagsdb/, not in the folder);
    /// empty when there is none.
    explicit MhFolder(const QString &dir, const QString &tagsFile = {},
                      qint64 maxMessageBytes = defaultMaxMessageBytes);

    /// The message numbers, in order.
    [[nodiscard]] const QList<int> &numbers() const { return m_numbers; }
    /// The next message, or nullopt after the last.
    [[nodiscard]] std::optional<MhMessage> next();

    /// The bytes of the folder's messages (not of its subfolders).
    [[nodiscard]] static qint64 bytesOf(const QString &dir);
    /// Reads a mark file: number -> flags.
    [[nodiscard]] static QHash<quint32, quint32> parseMarks(const QByteArray &bytes);
    /// Reads a .claws_tags file: a 32-bit version (1), then for each message its number and
    /// its tag ids, ended by a 0, all 32-bit words in the writer's byte order.
    [[nodiscard]] static QHash<quint32, QList<int>> parseTags(const QByteArray &bytes);

private:
    QString m_dir;
    qint64 m_maxMessageBytes;
    QList<int> m_numbers;
    qsizetype m_next = 0;
    QHash<quint32, quint32> m_marks;
    QHash<quint32, QList<int>> m_tags;
};

} // namespace poplar::importer
