// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace poplar::filters {

struct SieveError;

/// One condition of a rule as the Filters dialog shows it.
struct FilterCondition {
    enum class Field { From, ToOrCc, Subject, Header, Size };
    /// For text fields; DoesNotContain is `not header :contains`.
    enum class Match { Contains, Is, Matches, DoesNotContain };
    Field field = Field::Subject;
    Match match = Match::Contains;
    QString header;   ///< Field::Header: the header's name
    QString value;    ///< the text compared (text fields)
    bool over = true; ///< Field::Size: size greater than (true) or less than (false)
    qint64 bytes = 0; ///< Field::Size

    bool operator==(const FilterCondition &) const = default;
};

/// One action of a rule as the Filters dialog shows it.
struct FilterAction {
    enum class Kind { MoveTo, Tag, MarkRead, MarkFlagged, Trash, Stop, DeleteOnServer };
    Kind kind = Kind::MarkRead;
    QString argument; ///< MoveTo: the folder; Tag: the tag's keyword (store::Tag::keyword)

    bool operator==(const FilterAction &) const = default;
};

/// One top-level rule of filters.sieve. A rule the dialog can show is held as its parts;
/// one it cannot (written by hand with elsif, nested tests, other commands...) is held as
/// its text, exactly as it stood in the file, and written back unchanged.
struct FilterRule {
    QString name;
    bool enabled = true;
    bool matchAll = true; ///< allof (true) or anyof (false) of the conditions
    /// No condition: the rule applies to every message.
    QList<FilterCondition> conditions;
    QList<FilterAction> actions;
    /// Non-empty for a rule the dialog cannot show: its text in the file.
    QString handWritten;

    [[nodiscard]] bool editable() const { return handWritten.isEmpty(); }
    [[nodiscard]] bool deletesOnServer() const;
    bool operator==(const FilterRule &) const = default;
};

/// filters.sieve as the Filters dialog sees it: rules in order, and the extensions the file
/// required beyond the two the dialog's rules need (kept so hand-written rules still compile).
struct FilterScript {
    QList<FilterRule> rules;
    QStringList extraRequires;

    bool operator==(const FilterScript &) const = default;
};

/// The result of reading a script: the rules, or why the file cannot be edited at all.
struct ReadFilterScript {
    FilterScript script;
    /// Set when the file does not parse: the dialog then edits nothing.
    std::optional<QString> error;
    [[nodiscard]] int handWrittenCount() const;
};

/// Turns filters.sieve into rules the dialog edits and back. The script written is plain
/// RFC 5228 Sieve with RFC 5232 imap4flags, which FilterRules (and a Sieve server) reads:
/// - a rule is `# rule: NAME` then `if TEST { ACTIONS }`;
/// - a disabled rule keeps its test inside `allof (false, TEST)`: still Sieve, never true,
///   and readable back as the same rule;
/// - "delete from the server" is `addflag "\\Deleted"`, mark read `addflag "\\Seen"`, flag
///   `addflag "\\Flagged"`, a tag `addflag "KEYWORD"` (its keyword, one atom, which stays
///   when the tag is renamed: `addflag "$label4"` for To Do), move to Trash `discard`.
class FilterScriptCodec {
    Q_DECLARE_TR_FUNCTIONS(poplar::filters::FilterScriptCodec)

public:
    [[nodiscard]] static ReadFilterScript read(const QString &text);
    [[nodiscard]] static QString write(const FilterScript &script);
    /// What is wrong with a rule the dialog made, in words; empty when it can be written.
    /// Every rule that passes writes a script that compiles.
    [[nodiscard]] static QString problem(const FilterRule &rule);
};

} // namespace poplar::filters
