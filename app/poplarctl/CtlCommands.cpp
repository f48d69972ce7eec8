// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlSupport.h"

#include <functional>
#include <map>

namespace poplar::ctl {

int run(const QString &profileDir, const QStringList &args)
{
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    const std::map<QString, std::function<int()>> commands{
        {QStringLiteral("account"), [&] { return account(profileDir, rest); }},
        {QStringLiteral("sync"), [&] { return sync(profileDir, rest); }},
        {QStringLiteral("list"), [&] { return list(profileDir, rest); }},
        {QStringLiteral("show"), [&] { return showOrExport(profileDir, rest, false); }},
        {QStringLiteral("export"), [&] { return showOrExport(profileDir, rest, true); }},
        {QStringLiteral("delete"), [&] { return trashOrRestore(profileDir, rest, false); }},
        {QStringLiteral("restore"), [&] { return trashOrRestore(profileDir, rest, true); }},
        {QStringLiteral("pending"), [&] { return pending(profileDir, rest); }},
        {QStringLiteral("empty-trash"), [&] { return emptyTrash(profileDir, rest); }},
        {QStringLiteral("search"), [&] { return search(profileDir, rest); }},
        {QStringLiteral("fetch"), [&] { return fetch(profileDir, rest); }},
        {QStringLiteral("import"), [&] { return importMailbox(profileDir, rest); }},
        {QStringLiteral("import-profile"), [&] { return importProfile(profileDir, rest); }},
        {QStringLiteral("export-folder"), [&] { return exportFolder(profileDir, rest); }},
        {QStringLiteral("check"), [&] { return check(profileDir, rest); }},
        {QStringLiteral("compact"), [&] { return compact(profileDir, rest); }},
        {QStringLiteral("render"), [&] { return render(rest); }},
        {QStringLiteral("pdf"), [&] { return pdf(profileDir, rest); }},
        {QStringLiteral("send"), [&] { return send(profileDir, rest); }},
        {QStringLiteral("reply"), [&] { return replyOrForward(profileDir, rest, false); }},
        {QStringLiteral("forward"), [&] { return replyOrForward(profileDir, rest, true); }},
        {QStringLiteral("outbox"), [&] { return outbox(profileDir, rest); }},
        {QStringLiteral("filters"), [&] { return filters(profileDir, rest); }},
        {QStringLiteral("junk"), [&] { return junk(profileDir, rest); }},
        {QStringLiteral("tag"), [&] { return tag(profileDir, rest); }},
    };
    const auto it = commands.find(command);
    if (it == commands.end()) {
        printErr(Words::tr("unknown command \"%1\"; see 'poplarctl --help'").arg(command));
        return Usage;
    }
    return it->second();
}

} // namespace poplar::ctl
