// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/RenderedMessage.h"

#include <QFont>
#include <QTextDocument>
#include <QUrl>
#include <QVariant>

#include <functional>
#include <memory>

class QThread;

namespace poplar::ui {

/// A message body as the viewer shows it, built and laid out off the GUI thread: parsing
/// the HTML and laying out a large or hostile body takes seconds that the window must not
/// wait for. Images come only from its resolver (never from a file, whatever the HTML
/// says): while it is built, one that reads the message's own parts; once on the GUI
/// thread, the viewer's (remote images, blanks for what is missing).
class BodyDocument : public QTextDocument {
public:
    /// The image for a URL (a QImage), or a null QVariant to ask again later.
    using Resolver = std::function<QVariant(const QUrl &)>;

    explicit BodyDocument(Resolver resolver, QObject *parent = nullptr);
    /// Images asked for from now on; call on the thread the document lives in.
    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    Resolver m_resolver;
};

/// How the viewer lays its body out: the same font, width and margin, so that the layout
/// made off the GUI thread is the one shown.
struct BodyLayout {
    QFont font;
    qreal width = 600;
    qreal margin = 10;
};

/// Plain text longer than this is shown as text, not as HTML (a <br> per line).
inline constexpr qsizetype plainLayoutAbove = 512 * 1024;

/// Builds `message`'s body on the calling thread (a worker): parses its HTML into the
/// document and decodes its images with `resolver`; then hands the document to `target`
/// (the GUI thread), whose layout of it is bounded by the sanitizer's LayoutLimits and runs
/// in Qt's incremental steps. Long plain text gets the break opportunities the HTML path
/// has (mime::TextBreaker).
[[nodiscard]] std::unique_ptr<BodyDocument> layOutBody(const mime::RenderedMessage &message,
                                                       const BodyLayout &layout,
                                                       BodyDocument::Resolver resolver,
                                                       QThread *target);

/// A resolver for building off the GUI thread: the message's own parts (cid: and
/// Content-Location URLs) and data: URLs, decoded there, large images scaled while they are
/// decoded; anything else (remote, missing) is left to the GUI thread's resolver.
[[nodiscard]] BodyDocument::Resolver
inlineImageResolver(const QHash<QString, mime::InlineResource> &parts);

} // namespace poplar::ui
