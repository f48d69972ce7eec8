// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Only for core/mime/*.cpp: includes GMime.

#include "mime/MessageRenderer.h"

#include <gmime/gmime.h>

#include <QCoreApplication>
#include <QList>

namespace poplar::mime {

/// Walks the MIME tree of a parsed message and fills the body, attachments and inline
/// resources of a RenderedMessage. Our own walk rather than g_mime_message_get_body()
/// (documented as not always right) or g_mime_message_foreach() (which does not enter
/// attached messages): alternative picks one child, related resolves cid: and
/// Content-Location references, signed shows its content, attached messages are shown
/// nested, and every cap in RenderLimits is checked on the way.
class BodyWalker {
    Q_DECLARE_TR_FUNCTIONS(poplar::mime::BodyWalker)

public:
    BodyWalker(const RenderOptions &options, QByteArray fallbackCharset, RenderedMessage &out);

    void walk(GMimeObject *root);
    /// Joins the collected pieces into text and HTML and settles related parts.
    void finish();

private:
    enum class Kind { None, Plain, Html };
    struct Piece {
        bool html = false;
        QString content; ///< plain text, or HTML before sanitizing
    };
    struct RelatedCandidate {
        qsizetype attachment; ///< index in out.attachments
        QString contentId;
        QString location;
    };

    void visit(GMimeObject *object, int depth, bool insideMessage);
    void visitMultipart(GMimeMultipart *multipart, int depth, bool insideMessage);
    void visitAlternative(GMimeMultipart *multipart, int depth, bool insideMessage);
    void visitRelated(GMimeMultipart *multipart, int depth, bool insideMessage);
    void visitMessage(GMimeMessagePart *part, int depth, bool insideMessage);
    void visitLeaf(GMimePart *part, int depth, bool insideMessage);
    /// A MIME entity found inside another (the content of opaque S/MIME signed-data).
    void visitEntity(const QByteArray &bytes, int depth, bool insideMessage);
    void addAttachment(GMimeObject *object, bool insideMessage);
    Kind kindOf(GMimeObject *object, int depth) const;
    bool countPart();
    void warnOnce(const QString &warning);

    RenderOptions m_options;
    QByteArray m_fallbackCharset;
    RenderedMessage &m_out;
    QList<Piece> m_pieces;
    QList<RelatedCandidate> m_related;
    int m_parts = 0;
    qint64 m_decodedBytes = 0;
};

} // namespace poplar::mime
