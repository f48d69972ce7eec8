// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace poplar::filters {

class FilterMessage;

/// The receiving servers' spam verdict, read from the headers they add, so that junk goes
/// to the Junk folder from the very first message, before any training. Junk when:
/// X-Spam-Flag is YES (SpamAssassin), X-Spam-Status begins with Yes (SpamAssassin),
/// X-Spam is Yes or X-Rspamd-Action is "add header", "rewrite subject" or "reject"
/// (Rspamd), or Authentication-Results (RFC 8601) say DMARC failed, or that both SPF and
/// DKIM failed for the From domain. A header can be forged by the sender, but only to the
/// sender's own harm: a forged "No" is not read as a pass, only "Yes" and failures count.
struct JunkVerdict {
    Q_DECLARE_TR_FUNCTIONS(poplar::filters::JunkVerdict)

public:
    bool junk = false;
    /// Which header said so, as it said it ("X-Spam-Flag: YES"); untranslated, kept with
    /// the message.
    QString reason;

    [[nodiscard]] static JunkVerdict of(const FilterMessage &message);
    /// The reason in the user's words, for the viewer.
    [[nodiscard]] static QString describe(const QString &reason);
    /// The name of every account's Junk folder, as stored (the window translates it).
    [[nodiscard]] static QString folderName() { return QStringLiteral("Junk"); }
    /// The reason stored when the user marked a message junk by hand.
    [[nodiscard]] static QString byUser() { return QStringLiteral("user"); }
};

} // namespace poplar::filters
