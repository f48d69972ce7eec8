// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ProfileFixtures.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace poplar::test {

/// How the fixture writes Evolution's folders.db.
enum class EvolutionStoreDb {
    Current,    ///< evolution-data-server 3.58+: folders.folder_id, tables messages_N
    Before3_58, ///< a table named after each folder
};

/// Writes an Evolution-shaped home under `home`:
/// - .config/evolution/sources: a POP3 account "Evo Home" (reading `server`, kept on the
///   server, deleted there when expunged) with its identity and SMTP transport, a POP3
///   account "Frank's Work" (APOP, STARTTLS, kept 10 days), an IMAP account and the
///   "On This Computer" store;
/// - .local/share/evolution/mail/UID/uid-cache for Evo Home (evolutionHomeUidls());
/// - .local/share/evolution/mail/local: the Maildir++ tree (Inbox at the root, .Projects,
///   .Projects.2024, ..Sub = Inbox/Sub, .Archive.2023 without .Archive, .v1_2E0_5Fbeta =
///   "v1.0_beta"), state in the file names, labels in folders.db.
/// Returns every message; FixtureMessage::folder is the local folder it must arrive in,
/// `tags` the Poplar tags it must carry, `uidl` the server's name for the Inbox ones.
QList<FixtureMessage> writeEvolutionProfile(const QString &home, const HomeServer &server = {},
                                            EvolutionStoreDb db = EvolutionStoreDb::Current);

/// Evo Home's uid file name, and the UIDLs its uid-cache lists.
QString evolutionHomeUid();
QList<QByteArray> evolutionHomeUidls();

} // namespace poplar::test
