// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkCache.h"

#include <QSqlQuery>
#include <QVariant>

namespace poplar::store {

WorkCache::WorkCache(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
        m_idle = q.value(0).toString();
    q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kb));
}

WorkCache::~WorkCache()
{
    QSqlQuery q(m_db);
    if (!m_idle.isEmpty())
        q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_idle));
    q.exec(QStringLiteral("PRAGMA shrink_memory"));
}

} // namespace poplar::store
