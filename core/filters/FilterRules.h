// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/SieveParser.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <variant>

namespace poplar::filters {

class FilterMessage;

/// What the rules decided for one message. Sieve files a copy per fileinto; a POP3 cache
/// holds a message once, so the first action that places it wins (fileinto, or an
/// explicit keep), as in most mail programs. discard cancels the implicit keep only (RFC
/// 5228 §4.5): a message nothing else placed goes to Trash, never away; Poplar deletes no
/// mail because a rule said so.
struct FilterOutcome {
    enum class Placement { Inbox, Folder, Trash };
    Placement placement = Placement::Inbox;
    QString folder; ///< for Placement::Folder: the account's folder of that name
    bool seen = false;
    bool flagged = false;
    /// imap4flags keywords other than \Seen and \Flagged: the tags to add (each a tag's
    /// keyword, or, in rules written before tags had keywords, its name).
    QStringList keywords;
    /// addflag "\\Deleted": the rule asks for the server's copy to be deleted. It goes
    /// through the visible deletion queue (DeletionQueue), and only for mail the account
    /// leaves on the server.
    bool deleteOnServer = false;
    /// The top-level rule whose action placed the message; line 0 when no rule did (it
    /// stays in the Inbox by the implicit keep).
    QString ruleName;
    int ruleLine = 0;
    /// The first rule that marked the message (read, flagged, a tag, a server deletion), and
    /// its line (0: none did): what a list of outcomes names for a message no rule placed.
    QString markedByRule;
    int markedByLine = 0;

    [[nodiscard]] bool filed() const { return ruleLine > 0; }
    bool operator==(const FilterOutcome &) const = default;
};

/// A Sieve script checked and compiled once; evaluate() runs it on a message with no side
/// effects and returns the actions (STYLE §7). Supports RFC 5228's header, address,
/// exists, size, allof, anyof, not, true and false tests with :is, :contains and :matches
/// and the i;ascii-casemap and i;octet comparators; the if/elsif/else, require, fileinto,
/// keep, discard and stop commands; and RFC 5232's addflag. Immutable: one instance may be
/// evaluated on several threads at once. Each evaluation is linear in the script's size
/// times the message's header size (:matches is matched without backtracking blow-up):
/// Sieve has no loops, so no script can make it run long.
class FilterRules {
    Q_DECLARE_TR_FUNCTIONS(poplar::filters::FilterRules)

public:
    /// The script compiled, or the first error in it.
    [[nodiscard]] static std::variant<std::shared_ptr<const FilterRules>, SieveError>
    compile(const QString &script);

    [[nodiscard]] FilterOutcome evaluate(const FilterMessage &message) const;
    /// The names of the folders fileinto can file into.
    [[nodiscard]] QStringList folders() const;
    /// How many top-level rules (commands other than require) the script has.
    [[nodiscard]] int ruleCount() const;

    ~FilterRules();
    struct Compiled;

private:
    explicit FilterRules(std::unique_ptr<Compiled> compiled);
    std::unique_ptr<Compiled> m_compiled;
};

} // namespace poplar::filters
