// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl-pdf: `poplarctl pdf` in a process of its own, which poplarctl becomes (exec).
// Laying a message out in fonts takes Qt GUI and the libraries under it (X11, fontconfig,
// FreeType, HarfBuzz, EGL): loading them took 11 ms, a third of poplarctl's start, in
// every command, a sync or a check included. Only this helper loads them now.
//
// Not for people or scripts: poplarctl-pdf PROFILE_DIR [the arguments of `poplarctl pdf`].
#include "CtlCommands.h"

#include "util/Translations.h"

#include <QGuiApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    // No screen is ever needed: the offscreen platform, unless told otherwise.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("poplar"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POPLAR_VERSION));
    const poplar::Translations translations;
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(poplar::ctl::Words::tr(
                         "poplarctl-pdf is run by 'poplarctl pdf'; see 'poplarctl pdf --help'")));
        return poplar::ctl::Usage;
    }
    const QString profileDir = args.takeFirst();
    return poplar::ctl::layOutPdf(profileDir, args);
}
