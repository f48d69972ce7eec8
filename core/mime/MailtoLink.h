// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>

namespace poplar::mime {

/// A mailto: link as it may go to the desktop's mail program: the addresses and only the
/// `to`, `cc`, `subject` and `body` fields (RFC 6068). Everything else a message's link can
/// carry (`attach=/etc/passwd`, `bcc`, made-up headers) is dropped. Other URLs unchanged.
[[nodiscard]] QUrl mailtoForDesktop(const QUrl &url);

} // namespace poplar::mime
