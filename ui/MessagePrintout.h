// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BodyDocument.h"

#include "mime/RenderedMessage.h"
#include "util/Error.h"

#include <QCoreApplication>

#include <memory>

class QPagedPaintDevice;

namespace poplar::ui {

/// A message on paper or in a PDF, as the viewer shows it: the subject, From, To, Cc and
/// Date, the body, and the list of attachments. Images come only from the resolver given
/// (the viewer's, with what it has loaded; or the message's own parts): printing never
/// fetches anything. Plain Qt GUI, no widgets: the window and `poplarctl pdf` share it,
/// and it may run on a worker thread.
class MessagePrintout {
    Q_DECLARE_TR_FUNCTIONS(poplar::ui::MessagePrintout)

public:
    /// The document to print; built (and its images decoded) on the calling thread.
    [[nodiscard]] static std::unique_ptr<BodyDocument> document(const mime::RenderedMessage &m,
                                                                BodyDocument::Resolver resolver);
    /// Lays `m` out on `device`'s pages.
    static void print(const mime::RenderedMessage &m, BodyDocument::Resolver resolver,
                      QPagedPaintDevice &device);
    /// Writes `m` to `path` as a PDF (A4, or Letter where the locale measures in inches),
    /// replacing it only once the whole file is written.
    [[nodiscard]] static Status writePdf(const mime::RenderedMessage &m,
                                         BodyDocument::Resolver resolver, const QString &path);
    /// The header block as HTML (every piece escaped).
    [[nodiscard]] static QString headerHtml(const mime::MessageHeaders &h);
    /// The attachment list as HTML, empty without attachments.
    [[nodiscard]] static QString attachmentsHtml(const QList<mime::AttachmentInfo> &attachments);
};

} // namespace poplar::ui
