// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace poplar::filters {

/// Where a script is wrong, in words a user can act on.
struct SieveError {
    int line = 0;   ///< 1-based
    int column = 0; ///< 1-based, in characters
    QString message;
};

/// One argument of a command or test (RFC 5228 §2.6): a string list (a single string is
/// a list of one), a number (K, M and G already applied) or a tag such as ":contains".
struct SieveArgument {
    enum class Kind { Strings, Number, Tag };
    Kind kind = Kind::Strings;
    QStringList strings;
    qint64 number = 0;
    QString tag; ///< lower case, without the colon
    int line = 0;
};

/// A test (RFC 5228 §2.9): its name, its arguments and, for allof/anyof/not, its subtests.
struct SieveTest {
    QString name; ///< lower case
    QList<SieveArgument> arguments;
    QList<SieveTest> tests;
    int line = 0;
};

/// A command with its arguments, its test list and its block, if any.
struct SieveCommand {
    QString name; ///< lower case
    QList<SieveArgument> arguments;
    QList<SieveTest> tests;
    QList<SieveCommand> block;
    bool hasBlock = false;
    int line = 0;
    /// The name a comment gave the top-level command just before it: "# rule: NAME", or
    /// Roundcube's "# rule:[NAME]". Empty when none did.
    QString ruleName;
};

struct ParsedSieve {
    QList<SieveCommand> commands;
    std::optional<SieveError> error;
};

/// The grammar of RFC 5228 §8 (comments, quoted and multi-line strings, string lists,
/// numbers with quantifiers, tags, test lists, blocks); it knows no command by name. Stops
/// at the first error. Bounded: nesting deeper than maxDepth is an error, so a hostile
/// script cannot exhaust the stack.
class SieveParser {
    Q_DECLARE_TR_FUNCTIONS(poplar::filters::SieveParser)

public:
    static constexpr int maxDepth = 32;

    [[nodiscard]] static ParsedSieve parse(const QString &script);
};

} // namespace poplar::filters
