// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/TextCollator.h"

#include "store/Database.h"
#include "store/SqliteHandle.h"

#include <QLocale>

#include <unicode/ucol.h>

#include <algorithm>
#include <cstring>

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

QByteArray TextCollator::sortKey(QStringView text) const
{
    if (text.size() > keyedLength) {
        // Never between the halves of a surrogate pair: ICU would key a lone half.
        qsizetype length = keyedLength;
        if (text.at(length - 1).isHighSurrogate())
            --length;
        text = text.first(length);
    }
    if (!m_collator) {
        // Only a broken ICU lands here: case-folded UTF-8 still orders bytewise.
        return text.toString().toCaseFolded().toUtf8();
    }
    const auto *chars = reinterpret_cast<const UChar *>(text.utf16());
    const auto length = int32_t(text.size());
    // A secondary-strength key takes about two bytes a character; Han characters more.
    QByteArray key(qsizetype(length) * 4 + 16, Qt::Uninitialized);
    int32_t needed = ucol_getSortKey(m_collator.get(), chars, length,
                                     reinterpret_cast<uint8_t *>(key.data()), int32_t(key.size()));
    if (needed > key.size()) {
        key.resize(needed);
        needed = ucol_getSortKey(m_collator.get(), chars, length,
                                 reinterpret_cast<uint8_t *>(key.data()), int32_t(key.size()));
    }
    // `needed` counts the terminating NUL; a key has no other zero byte.
    key.resize(needed > 0 ? needed - 1 : 0);
    return key;
}

int TextCollator::compareKeys(const QByteArray &a, const QByteArray &b)
{
    // SQLite's BLOB order: memcmp over the common length, then the shorter first.
    const int c = std::memcmp(a.constData(), b.constData(), size_t(std::min(a.size(), b.size())));
    if (c != 0)
        return c < 0 ? -1 : 1;
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int TextCollator::compare(QStringView a, QStringView b) const
{
    return compareKeys(sortKey(a), sortKey(b));
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
    sqlite3 *connection = sql::sqliteHandle(db);
    if (!connection)
        return storageError(QStringLiteral("The cache connection is not an open SQLite one"), {});
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
