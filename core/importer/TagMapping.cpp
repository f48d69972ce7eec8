// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/TagMapping.h"

#include "importer/EvolutionProfile.h"
#include "importer/MozillaStatus.h"
#include "store/Database.h"
#include "store/TagStore.h"

#include <QCoreApplication>

namespace poplar::importer {

TagMapping::TagMapping(const FoundProfile &profile)
    : m_program(profile.program)
{
    for (const FoundTag &t : profile.tags)
        m_byKeyword.insert(t.keyword.toLower(), t.name);
}

QStringList TagMapping::namesFor(const QStringList &keywords) const
{
    QStringList names;
    for (const QString &keyword : keywords) {
        QString name = m_byKeyword.value(keyword.toLower());
        if (name.isEmpty()) {
            switch (m_program) {
            case SourceProgram::Thunderbird:
                name = MozillaStatus::tagNames({keyword}).value(0);
                break;
            case SourceProgram::Evolution:
                name = EvolutionProfile::tagName(keyword);
                break;
            case SourceProgram::Claws:
            case SourceProgram::Sylpheed:
                break; // an id tagsrc does not name: a tag Claws itself no longer has
            }
        }
        if (!name.isEmpty() && !names.contains(name, Qt::CaseInsensitive))
            names.append(name);
    }
    return names;
}

Status TagMapping::addTags(const FoundProfile &profile, QSqlDatabase db)
{
    if (profile.tags.isEmpty())
        return {};
    // Added in the other program's order, so that they keep it below Poplar's own.
    store::Transaction txn(db);
    if (!txn.active())
        return Error{Error::Code::Storage,
                     QCoreApplication::translate("poplar::importer::ProfileImporter",
                                                 "Cannot start a transaction"),
                     txn.beginError()};
    store::TagStore tags(db);
    // Thunderbird's keys and Evolution's labels are IMAP keywords ("todo", "$label4"): a new
    // tag keeps its own, so a server or a Sieve script that knows it still means it. Claws'
    // ids are numbers only Claws understands: its tags get keywords made from their names.
    const bool keepKeywords = profile.program == SourceProgram::Thunderbird ||
                              profile.program == SourceProgram::Evolution;
    for (const FoundTag &t : profile.tags) {
        if (auto added = tags.ensureTag(t.name, t.colour, keepKeywords ? t.keyword : QString());
            !added)
            return added.error();
    }
    return txn.commit();
}

} // namespace poplar::importer
