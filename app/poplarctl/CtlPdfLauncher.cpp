// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl pdf: poplarctl becomes poplarctl-pdf (PdfMain.cpp), so that only the helper
// loads Qt GUI and the font libraries under it, and every other command starts without them.
#include "CtlCommands.h"
#include "CtlSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <vector>

#include <unistd.h>

namespace poplar::ctl {

namespace {

/// Beside poplarctl in the build tree; in libexec once installed (POPLAR_PDF_HELPER_DIR is
/// that folder, relative to the one poplarctl is installed in).
QString pdfHelper()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {here.filePath(QStringLiteral("poplarctl-pdf")),
          here.filePath(QStringLiteral(POPLAR_PDF_HELPER_DIR "/poplarctl-pdf"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QDir::cleanPath(candidate);
    }
    return {};
}

} // namespace

int pdf(const QString &profileDir, const QStringList &args)
{
    const QString helper = pdfHelper();
    if (helper.isEmpty()) {
        return fail(Error{Error::Code::Config,
                          Words::tr("poplarctl pdf needs its helper poplarctl-pdf, which is "
                                    "not installed beside poplarctl (looked in %1)")
                              .arg(QCoreApplication::applicationDirPath()),
                          {}});
    }
    // argv[0] stays poplarctl's own, so the helper's usage and errors name what was typed.
    QList<QByteArray> words{QCoreApplication::arguments().value(0).toLocal8Bit(),
                            QFile::encodeName(profileDir)};
    for (const QString &arg : args)
        words.append(arg.toLocal8Bit());
    std::vector<char *> argv;
    argv.reserve(std::size_t(words.size()) + 1);
    for (QByteArray &word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    ::execv(QFile::encodeName(helper).constData(), argv.data());
    const int error = errno; // execv returns only when it failed
    return fail(Error{Error::Code::Config,
                      Words::tr("Could not start %1: %2").arg(helper, qt_error_string(error)),
                      {}});
}

} // namespace poplar::ctl
