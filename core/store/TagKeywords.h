// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace poplar::store::tagkeywords {

/// A tag's keyword is what a Sieve rule's addflag and an IMAP server's message flags call
/// it: one RFC 3501 atom (RFC 5232: `addflag "To Do"` adds two flags, "To" and "Do").
/// As in Thunderbird, the five default tags are $label1..$label5, and a new tag's keyword
/// is made from its name once and never changes, so a rename leaves every rule its tag.

/// Whether `keyword` is one atom a flag can be: printable ASCII with none of the atom
/// specials ( ) { % * " \ ] and no space; not empty.
[[nodiscard]] bool isKeyword(const QString &keyword);

/// The keyword a new tag named `name` would take, before it is made unique: lower case,
/// ASCII that cannot stand in an atom turned into '_' ("To Do" -> "to_do"), and each run of
/// other characters written in IMAP's modified UTF-7, as Thunderbird writes it ("工作" ->
/// "&xevpxa-"). Never empty.
[[nodiscard]] QString fromName(const QString &name);

/// `base`, or base_2, base_3... : the first that `taken` (case-insensitive) refuses not.
template<typename Taken> QString unique(const QString &base, Taken taken)
{
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + QLatin1Char('_') + QString::number(n);
        if (!taken(candidate))
            return candidate;
    }
}

} // namespace poplar::store::tagkeywords
