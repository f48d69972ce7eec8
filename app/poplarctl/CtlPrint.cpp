// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl pdf: a message from the cache as a PDF, laid out as the window prints it. Built
// into poplarctl-pdf only (see PdfMain.cpp); poplarctl itself execs that (CtlPdfLauncher.cpp).
#include "CtlCommands.h"
#include "CtlSupport.h"

#include "MessagePrintout.h"
#include "mime/MessageRenderer.h"
#include "store/MessageStore.h"

#include <QDir>

namespace poplar::ctl {

int layOutPdf(const QString &profileDir, const QStringList &args)
{
    CommandLine cl(Words::tr("poplarctl pdf: a message as the reader shows it (remote content "
                             "left out), written to FILE as a PDF."),
                   args);
    cl.addMessageId();
    cl.positional(QStringLiteral("FILE"), Words::tr("The PDF file to write."));
    if (auto code = cl.parse())
        return *code;
    auto opened = openMessageSession(profileDir, cl.arg(0));
    if (!opened)
        return fail(opened.error());
    auto &[id, s] = opened.value();
    auto raw = s.store->raw(id);
    if (!raw)
        return fail(raw.error());
    const mime::RenderedMessage message = mime::MessageRenderer::render(raw.value());
    if (Status written = ui::MessagePrintout::writePdf(
            message, ui::inlineImageResolver(message.inlineResources), cl.arg(1));
        !written)
        return fail(written.error());
    return Success;
}

} // namespace poplar::ctl
