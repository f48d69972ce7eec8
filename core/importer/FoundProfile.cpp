// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/FoundProfile.h"

namespace poplar::importer {

QString programName(SourceProgram program)
{
    switch (program) {
    case SourceProgram::Thunderbird:
        return QStringLiteral("Thunderbird");
    case SourceProgram::Claws:
        return QStringLiteral("Claws Mail");
    case SourceProgram::Sylpheed:
        return QStringLiteral("Sylpheed");
    case SourceProgram::Evolution:
        return QStringLiteral("Evolution");
    }
    return {};
}

} // namespace poplar::importer
