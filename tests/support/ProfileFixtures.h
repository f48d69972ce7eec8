// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace poplar::test {

/// Writes `bytes` to `path`, making its folders; a fixture that cannot write stops the test.
void writeFixtureFile(const QString &path, const QByteArray &bytes);

/// A message as the other program's user sees it, and where it sits in the profile.
struct FixtureMessage {
    QString folder;  ///< where Poplar should put it: a local folder, or "inbox:<server key>"
    QString subject; ///< unique across the fixture
    QByteArray raw;  ///< exactly what the import must store
    bool read = false;
    bool flagged = false;
    bool deleted = false; ///< expunged in Thunderbird: must not be imported
    QByteArray uidl;      ///< X-UIDL / the server's UIDL; empty when not known
    QStringList tags;
};

/// Where the "Home" account's server is (the integration test points it at Dovecot).
struct HomeServer {
    QString host = QStringLiteral("pop.home.example");
    int port = 995;
    int socketType = 3; ///< Thunderbird's: 0 plain, 2 STARTTLS, 3 TLS
    QString user = QStringLiteral("alice");
};

/// Writes a Thunderbird-shaped profile under `root` (profiles.ini + one profile): prefs.js
/// with two POP3 accounts (Home, Work), Local Folders and an IMAP account, nested .sbd
/// folders, mbox files written as Thunderbird writes them (mboxrd in the Inbox, mboxo
/// with an unescaped body "From " line in Archives), .msf files, a popstate.dat for Home.
/// Returns every message it wrote; `profileDir` gets the profile directory.
QList<FixtureMessage> writeThunderbirdProfile(const QString &root, QString *profileDir,
                                              const HomeServer &home = {});

/// The UIDLs Home's popstate.dat lists as downloaded and kept ('k'), and the one it lists
/// as deleted there ('d').
QList<QByteArray> homeKeptUidls();
QByteArray homeDeletedUidl();

/// Writes a Claws Mail-shaped profile: `home`/.claws-mail (accountrc with two POP3 accounts
/// and an IMAP one, folderlist.xml, uidl/ files) and `home`/Mail (MH folders with
/// .claws_mark files, nested). Returns every message.
QList<FixtureMessage> writeClawsProfile(const QString &home);

/// Writes `messages` (original bytes) as an mbox the way Thunderbird does: "From - date"
/// separators, each message followed by a blank line; `mboxrd` quotes ^>*From  lines,
/// otherwise (mboxo) only ^From  lines.
QByteArray thunderbirdMbox(const QList<QByteArray> &messages, bool mboxrd);

} // namespace poplar::test
