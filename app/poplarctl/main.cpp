// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl: Poplar without a screen, for scripts, cron jobs and tests. See DESIGN.md.
#include "CtlCommands.h"

#include "util/Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    // No Qt GUI here: `pdf`, the one command that lays text out in fonts, runs in a helper
    // (CtlPdfLauncher.cpp).
    const QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("poplar"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POPLAR_VERSION));
    // The user's language, from the same catalogue the window uses. Output meant for scripts
    // (JSON, ids, raw messages) is not translated.
    const poplar::Translations translations;

    QCommandLineParser parser;
    parser.setApplicationDescription(poplar::ctl::Words::tr(
        "Poplar's command line.\n\nCommands:\n"
        "  account add|edit|list|remove  manage accounts\n"
        "  sync [--account ID] [--log FILE]\n"
        "  list [--folder inbox|trash|sent|drafts|outbox|local:NAME] [--account ID]\n"
        "       [--format json]\n"
        "  show ID [--format json|text]\n"
        "  export ID                 the raw message on stdout\n"
        "  delete ID...              move messages to Trash\n"
        "  restore ID...             move them back, cancelling their server deletions\n"
        "  pending [--format json]   server deletions queued for the next sync\n"
        "  empty-trash [--account ID]  delete what is in Trash from this computer\n"
        "  search QUERY [--limit N] [--page K] [--wait-for-index] [--format json]\n"
        "  fetch ID                  download the rest of a headers-only message\n"
        "  import mbox|maildir PATH [--folder NAME]\n"
        "                            copy a mailbox into a local folder\n"
        "  import-profile thunderbird|claws|sylpheed|evolution [PATH] [--dry-run] [--format json]\n"
        "                            move in: accounts, folders, what was downloaded\n"
        "  export-folder FOLDER --mbox FILE\n"
        "                            write a folder to an mbox file\n"
        "  check [--format json]     look the mail cache over; exit 1 if damaged\n"
        "  compact [--format json]   give unused space in the cache back to the disk\n"
        "  render FILE.eml [--format json|text]\n"
        "  send --account ID --to ADDR [--cc ADDR] [--bcc ADDR] [--subject S]\n"
        "       --body-file FILE [--attach FILE]...\n"
        "                            write and send a message (exit 1: queued)\n"
        "  reply ID [--all] --body-file FILE\n"
        "  forward ID --to ADDR [--as-attachment] [--body-file FILE]\n"
        "  outbox [--format json] [--all] [--send]\n"
        "                            what waits to be sent, and why\n"
        "  filters check             check filters.sieve; errors give their line\n"
        "  filters run FOLDER [--account ID] [--dry-run] [--format json]\n"
        "                            apply the filters to mail already in a folder\n"
        "  junk ID yes|no            mark a message as junk (to Junk) or not (back)\n"
        "  pdf ID FILE               the message as a PDF, as the window prints it\n"
        "  tag ID NAME [--remove]    put a tag on a message (a new name adds a tag)\n\n"
        "Run 'poplarctl COMMAND --help' for a command's options."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     poplar::ctl::Words::tr("Keep settings and mail in DIR."),
                                     QStringLiteral("DIR"));
    parser.addOption(profile);
    parser.addPositionalArgument(QStringLiteral("command"), poplar::ctl::Words::tr("What to do."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "poplarctl: %s\n", qPrintable(parser.errorText()));
        return poplar::ctl::Usage;
    }
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (parser.positionalArguments().isEmpty())
        parser.showHelp(parser.isSet(QStringLiteral("help")) ? 0 : poplar::ctl::Usage);
    return poplar::ctl::run(parser.value(profile), parser.positionalArguments());
}
