// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer/FoundProfile.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace poplar::importer {

/// Thunderbird's popstate.dat: "*HOST USER" lines, each followed by "k|d|f UIDL TIME" lines
/// (k: downloaded and kept on the server, d: deleted in Thunderbird, to be deleted on the
/// server, f: only the headers were fetched). Returns the entries under the line for
/// `host` and `user` (host compared without case); 'f' entries are left out (the message
/// was never downloaded whole).
[[nodiscard]] QList<KnownUidl> parsePopState(const QByteArray &text, const QString &host,
                                             const QString &user);

/// Claws Mail's and Sylpheed's uidl/SERVER-USER files: "UIDL<TAB>TIME[<TAB>PARTIAL]" lines.
[[nodiscard]] QList<KnownUidl> parseClawsUidls(const QByteArray &text);

} // namespace poplar::importer
