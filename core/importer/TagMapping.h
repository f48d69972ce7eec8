// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer/FoundProfile.h"
#include "util/Error.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace poplar::importer {

/// Which Poplar tags the keywords a message carries in another program stand for: the
/// names the profile gives them (Thunderbird's mailnews.tags, Claws' tagsrc), else the
/// program's own defaults (Thunderbird's and Evolution's five labels are Poplar's five
/// default tags; their markers are no tags).
class TagMapping {
public:
    explicit TagMapping(const FoundProfile &profile);

    /// The tag names for these keywords, each once, in order.
    [[nodiscard]] QStringList namesFor(const QStringList &keywords) const;

    /// Adds the profile's tags Poplar does not have yet, in the profile's order, with their
    /// colours (a tag already there keeps its own) and, from Thunderbird and Evolution, their
    /// keywords where no tag has them yet, in one transaction.
    [[nodiscard]] static Status addTags(const FoundProfile &profile, QSqlDatabase db);

private:
    SourceProgram m_program;
    QHash<QString, QString> m_byKeyword; ///< lower-case keyword -> tag name
};

} // namespace poplar::importer
