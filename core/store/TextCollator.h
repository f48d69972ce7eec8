// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringView>

#include <memory>

struct UCollator;

namespace poplar::store {

/// Orders text the way the user's language does (ICU's collation for the locale): in a
/// Chinese locale 李 sorts by its pinyin among the Latin names, in a German one "Ärger"
/// beside "Arger", not after "Zorn". Case does not count, accents do.
///
/// The cache stores each sender's and subject's sort key (sortKey(): ICU's key, compared
/// byte by byte) and its list indexes hold those BLOBs, so the file needs nothing of
/// Poplar's to be read, checked or written by any SQLite. compare() compares the same keys,
/// so a row the list places itself lands where the index puts it.
/// One instance per thread (an ICU collator is not shared between threads).
class TextCollator {
public:
    /// For the locale Qt uses (QLocale()); "C" gets ICU's root order, not byte order.
    TextCollator();
    explicit TextCollator(const QString &localeName);
    ~TextCollator();
    TextCollator(const TextCollator &) = delete;
    TextCollator &operator=(const TextCollator &) = delete;

    /// Text beyond this many UTF-16 units does not count for the order: the keys live in
    /// index entries, and a subject can be a megabyte long. Ties go to the date.
    static constexpr qsizetype keyedLength = 256;

    /// ICU's sort key of the text's first keyedLength units, without its terminating NUL:
    /// keys compare byte by byte (memcmp, then the shorter first) as the texts compare.
    [[nodiscard]] QByteArray sortKey(QStringView text) const;
    /// Negative, zero or positive, like strcmp: the order of the two sort keys.
    [[nodiscard]] int compare(QStringView a, QStringView b) const;
    [[nodiscard]] int compareUtf8(const char *a, int aLength, const char *b, int bLength) const;
    /// The order of two keys from sortKey(), as SQLite compares BLOBs.
    [[nodiscard]] static int compareKeys(const QByteArray &a, const QByteArray &b);

    /// What the order depends on: the locale and ICU's version of its rules. An index built
    /// under another tag is in an order this build does not keep, and must be rebuilt.
    [[nodiscard]] QString tag() const;

    /// The collation caches of schema 9 indexed with ("subject COLLATE poplar_locale").
    [[nodiscard]] static QString sqlName() { return QStringLiteral("poplar_locale"); }
    /// Registers this language's order on this SQLite connection as the collation sqlName(),
    /// with a collator of its own. Only for a cache older than schema 11: its indexes need
    /// it until the upgrade drops them (and `poplarctl check` needs it to check them).
    [[nodiscard]] static Status registerOn(const QSqlDatabase &db, const QString &localeName);

private:
    struct Closer {
        void operator()(UCollator *collator) const;
    };
    std::unique_ptr<UCollator, Closer> m_collator;
    QString m_localeName;
};

} // namespace poplar::store
