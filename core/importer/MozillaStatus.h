// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>

namespace poplar::importer {

/// The state Thunderbird writes into each message of its mbox files, read from the header:
/// X-Mozilla-Status (4 hex digits: 0x0001 read, 0x0002 replied, 0x0004 flagged ("marked"),
/// 0x0008 expunged: deleted, waiting for the folder to be compacted), X-Mozilla-Status2
/// (8 hex digits; 0x00010000 new), X-Mozilla-Keys (tag keywords, space separated:
/// "$label1 todo") and X-UIDL (the POP3 UIDL, which Thunderbird writes for some messages).
struct MozillaStatus {
    bool present = false; ///< X-Mozilla-Status was there at all
    bool read = false;
    bool replied = false;
    bool flagged = false;
    bool expunged = false;
    QStringList tags; ///< X-Mozilla-Keys' keywords, in order
    QByteArray uidl;  ///< X-UIDL, empty when absent

    /// Reads the header of `raw` (up to its first blank line); header names in any case,
    /// folded lines unfolded.
    [[nodiscard]] static MozillaStatus of(const QByteArray &raw);

    /// The tags to give a message for its keywords: Thunderbird's five labels ($label1 to
    /// $label5) are Poplar's five default tags (the same five, in the same order); a tag of
    /// the user's own is its keyword; Thunderbird's own markers ($Forwarded, $MDNSent,
    /// Junk, NonJunk, $Junk, $NotJunk and any other "$" word) are no tags.
    [[nodiscard]] static QStringList tagNames(const QStringList &keywords);
};

} // namespace poplar::importer
