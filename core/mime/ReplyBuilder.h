// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/MessageBuilder.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace poplar::mime {

enum class ReplyKind { Reply, ReplyAll, ForwardInline, ForwardAsAttachment };

/// Who answers: the identity the reply is sent as, and every address that is the user's.
struct Responder {
    MailAddress sender;
    QList<MailAddress> replyTo; ///< the identity's Reply-To; may be empty
    QString signature;          ///< may be empty
    /// Every address of every account and identity: left out of Reply All, and a reply to
    /// one's own message goes to its recipients instead.
    QStringList ownAddresses;
};

/// Makes the reply or forward of a stored message, as mail programs have long agreed:
/// one "Re:"/"Fwd:" however many the subject had (also "RE:", "Aw:", "SV:", "回复:",
/// "答复:", "转发:"), In-Reply-To and References (RFC 5322 §3.6.4), Reply-To and
/// Mail-Followup-To honoured, the user's own addresses out of Reply All, the text quoted
/// as the reader shows it under an attribution line, and a forward inline (with the
/// original's attachments) or as the original message attached byte for byte. Any thread.
class ReplyBuilder {
    Q_DECLARE_TR_FUNCTIONS(ReplyBuilder)

public:
    /// `text` is what the user wrote; it goes above the quote (or forwarded message), with
    /// the signature under it.
    [[nodiscard]] static OutgoingMessage make(const QByteArray &original, ReplyKind kind,
                                              const Responder &me, const QString &text);

    /// "Re: " and the subject without the reply prefixes it had.
    [[nodiscard]] static QString replySubject(const QString &subject);
    /// "Fwd: " and the subject without the forward prefixes it had.
    [[nodiscard]] static QString forwardSubject(const QString &subject);
    /// Every line of `text` quoted one level deeper (RFC 3676 quote marks).
    [[nodiscard]] static QString quote(const QString &text);
};

} // namespace poplar::mime
