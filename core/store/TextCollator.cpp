// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/TextCollator.h"

#include "store/Database.h"

#include <QLocale>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>
#include <unicode/ucol.h>

namespace poplar::store {

namespace {

QString icuLocaleName(const QString &qtName)
{
    // Qt calls the locale-neutral order "C"; ICU's neutral order is its root, "".
    if (qtName == QLatin1String("C") || qtName.isEmpty())
        return {};
    return qtName;
}

int sign(UCollationResult result)
{
    return result == UCOL_LESS ? -1 : (result == UCOL_GREATER ? 1 : 0);
}

int compareForSqlite(void *collator, int aLength, const void *a, int bLength, const void *b)
{
    return static_cast<const TextCollator *>(collator)->compareUtf8(
        static_cast<const char *>(a), aLength, static_cast<const char *>(b), bLength);
}

void destroyForSqlite(void *collator)
{
    delete static_cast<TextCollator *>(collator);
}

} // namespace

void TextCollator::Closer::operator()(UCollator *collator) const
{
    ucol_close(collator);
}

TextCollator::TextCollator()
    : TextCollator(QLocale().name())
{}

TextCollator::TextCollator(const QString &localeName)
    : m_localeName(icuLocaleName(localeName))
{
    UErrorCode status = U_ZERO_ERROR;
    m_collator.reset(ucol_open(m_localeName.toUtf8().constData(), &status));
    if (U_FAILURE(status) || !m_collator) {
        // An unknown locale falls back inside ICU; only a broken ICU lands here. The root
        // order is still better than none.
        status = U_ZERO_ERROR;
        m_localeName.clear();
        m_collator.reset(ucol_open("", &status));
    }
    if (m_collator) {
        // Secondary strength: "anna" and "Anna" tie (the date breaks it), "é" and "e" do not.
        ucol_setStrength(m_collator.get(), UCOL_SECONDARY);
    }
}

TextCollator::~TextCollator() = default;

int TextCollator::compare(QStringView a, QStringView b) const
{
    if (!m_collator)
        return a.compare(b, Qt::CaseInsensitive);
    return sign(ucol_strcoll(m_collator.get(), reinterpret_cast<const UChar *>(a.utf16()),
                             int32_t(a.size()), reinterpret_cast<const UChar *>(b.utf16()),
                             int32_t(b.size())));
}

int TextCollator::compareUtf8(const char *a, int aLength, const char *b, int bLength) const
{
    if (!m_collator) {
        return QString::fromUtf8(a, aLength)
            .compare(QString::fromUtf8(b, bLength), Qt::CaseInsensitive);
    }
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult result =
        ucol_strcollUTF8(m_collator.get(), a, aLength, b, bLength, &status);
    if (U_FAILURE(status))
        return compare(QString::fromUtf8(a, aLength), QString::fromUtf8(b, bLength));
    return sign(result);
}

QString TextCollator::tag() const
{
    UVersionInfo version{};
    if (m_collator)
        ucol_getVersion(m_collator.get(), version);
    QString text = m_localeName.isEmpty() ? QStringLiteral("root") : m_localeName;
    text += QLatin1Char('/');
    for (int i = 0; i < U_MAX_VERSION_LENGTH; ++i) {
        if (i > 0)
            text += QLatin1Char('.');
        text += QString::number(version[i]);
    }
    return text + QStringLiteral("/secondary");
}

Status TextCollator::registerOn(const QSqlDatabase &db, const QString &localeName)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return storageError(QStringLiteral("The cache connection is not an SQLite one"), {});
    auto *connection = *static_cast<sqlite3 *const *>(handle.data());
    if (!connection)
        return storageError(QStringLiteral("The cache connection is closed"), {});
    auto *collator =
        new TextCollator(localeName); // owned by SQLite from here: destroyForSqlite frees it
    const int rc =
        sqlite3_create_collation_v2(connection, sqlName().toUtf8().constData(), SQLITE_UTF8,
                                    collator, compareForSqlite, destroyForSqlite);
    if (rc != SQLITE_OK) {
        // SQLite does not call the destructor when registering fails: that is ours.
        delete collator;
        return storageError(QStringLiteral("Cannot set up sorting by the language's order"),
                            QString::fromUtf8(sqlite3_errstr(rc)));
    }
    return {};
}

} // namespace poplar::store
