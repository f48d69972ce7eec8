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
/// The message list orders by sender and subject through SQLite indexes, so SQLite must
/// order exactly as the list does when it places a new row: both go through this class.
/// One instance per thread (an ICU collator is not shared between threads).
class TextCollator {
public:
    /// For the locale Qt uses (QLocale()); "C" gets ICU's root order, not byte order.
    TextCollator();
    explicit TextCollator(const QString &localeName);
    ~TextCollator();
    TextCollator(const TextCollator &) = delete;
    TextCollator &operator=(const TextCollator &) = delete;

    /// Negative, zero or positive, like strcmp.
    [[nodiscard]] int compare(QStringView a, QStringView b) const;
    [[nodiscard]] int compareUtf8(const char *a, int aLength, const char *b, int bLength) const;

    /// What the order depends on: the locale and ICU's version of its rules. An index built
    /// under another tag is in an order this build does not keep, and must be rebuilt.
    [[nodiscard]] QString tag() const;

    /// The name SQL uses for this order: "ORDER BY subject COLLATE poplar_locale".
    [[nodiscard]] static QString sqlName() { return QStringLiteral("poplar_locale"); }
    /// Registers this language's order on this SQLite connection (with a collator of its
    /// own), under sqlName(). Every connection to the cache needs it before it touches the
    /// list indexes; registering again replaces it.
    [[nodiscard]] static Status registerOn(const QSqlDatabase &db, const QString &localeName);

private:
    struct Closer {
        void operator()(UCollator *collator) const;
    };
    std::unique_ptr<UCollator, Closer> m_collator;
    QString m_localeName;
};

} // namespace poplar::store
