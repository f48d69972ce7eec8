// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterScript.h"

#include "filters/SieveParser.h"

#include <algorithm>

namespace poplar::filters {

namespace {

const QString fileIntoExtension = QStringLiteral("fileinto");
const QString flagsExtension = QStringLiteral("imap4flags");

bool isText(const SieveArgument &a)
{
    return a.kind == SieveArgument::Kind::Strings && a.strings.size() == 1;
}

/// A test as the dialog writes it, or nothing when it is not one the dialog can show.
std::optional<FilterCondition> conditionOf(const SieveTest &test)
{
    FilterCondition c;
    if (test.name == QLatin1String("not")) {
        if (test.tests.size() != 1 || !test.arguments.isEmpty())
            return std::nullopt;
        auto inner = conditionOf(test.tests.front());
        if (!inner || inner->field == FilterCondition::Field::Size ||
            inner->match != FilterCondition::Match::Contains)
            return std::nullopt;
        inner->match = FilterCondition::Match::DoesNotContain;
        // The dialog writes "does not contain" with `header` only.
        if (test.tests.front().name != QLatin1String("header"))
            return std::nullopt;
        return inner;
    }
    if (!test.tests.isEmpty())
        return std::nullopt;
    if (test.name == QLatin1String("size")) {
        if (test.arguments.size() != 2 || test.arguments.at(0).kind != SieveArgument::Kind::Tag ||
            test.arguments.at(1).kind != SieveArgument::Kind::Number)
            return std::nullopt;
        const QString &tag = test.arguments.at(0).tag;
        if (tag != QLatin1String("over") && tag != QLatin1String("under"))
            return std::nullopt;
        c.field = FilterCondition::Field::Size;
        c.over = tag == QLatin1String("over");
        c.bytes = test.arguments.at(1).number;
        return c;
    }
    const bool isAddress = test.name == QLatin1String("address");
    if (!isAddress && test.name != QLatin1String("header"))
        return std::nullopt;
    // Exactly: a match tag, one list of names, one key.
    if (test.arguments.size() != 3 || test.arguments.at(0).kind != SieveArgument::Kind::Tag ||
        test.arguments.at(1).kind != SieveArgument::Kind::Strings || !isText(test.arguments.at(2)))
        return std::nullopt;
    const QString &tag = test.arguments.at(0).tag;
    if (tag == QLatin1String("contains"))
        c.match = FilterCondition::Match::Contains;
    else if (tag == QLatin1String("is"))
        c.match = FilterCondition::Match::Is;
    else if (tag == QLatin1String("matches"))
        c.match = FilterCondition::Match::Matches;
    else
        return std::nullopt;
    QStringList names = test.arguments.at(1).strings;
    for (QString &n : names)
        n = n.toLower();
    c.value = test.arguments.at(2).strings.front();
    if (names == QStringList{QStringLiteral("from")})
        c.field = FilterCondition::Field::From;
    else if (names == QStringList{QStringLiteral("to"), QStringLiteral("cc")})
        c.field = FilterCondition::Field::ToOrCc;
    else if (names == QStringList{QStringLiteral("subject")} && !isAddress)
        c.field = FilterCondition::Field::Subject;
    else if (names.size() == 1 && !isAddress) {
        c.field = FilterCondition::Field::Header;
        c.header = test.arguments.at(1).strings.front();
    } else
        return std::nullopt;
    // Addresses are compared with `address` for is and matches (the address alone), with
    // `header` for contains (the display name too); anything else is not the dialog's.
    const bool addressField =
        c.field == FilterCondition::Field::From || c.field == FilterCondition::Field::ToOrCc;
    const bool wantAddress = addressField && c.match != FilterCondition::Match::Contains;
    if (isAddress != wantAddress)
        return std::nullopt;
    return c;
}

std::optional<FilterAction> actionOf(const SieveCommand &command)
{
    if (command.hasBlock || !command.tests.isEmpty())
        return std::nullopt;
    FilterAction a;
    const QString &n = command.name;
    if (n == QLatin1String("discard") || n == QLatin1String("stop")) {
        if (!command.arguments.isEmpty())
            return std::nullopt;
        a.kind = n == QLatin1String("stop") ? FilterAction::Kind::Stop : FilterAction::Kind::Trash;
        return a;
    }
    if (command.arguments.size() != 1 || !isText(command.arguments.front()))
        return std::nullopt;
    const QString value = command.arguments.front().strings.front();
    if (n == QLatin1String("fileinto")) {
        a.kind = FilterAction::Kind::MoveTo;
        a.argument = value;
        return a;
    }
    if (n != QLatin1String("addflag") || value.isEmpty() || value.contains(QLatin1Char(' ')))
        return std::nullopt;
    if (value.compare(QLatin1String("\\Seen"), Qt::CaseInsensitive) == 0)
        a.kind = FilterAction::Kind::MarkRead;
    else if (value.compare(QLatin1String("\\Flagged"), Qt::CaseInsensitive) == 0)
        a.kind = FilterAction::Kind::MarkFlagged;
    else if (value.compare(QLatin1String("\\Deleted"), Qt::CaseInsensitive) == 0)
        a.kind = FilterAction::Kind::DeleteOnServer;
    else if (value.startsWith(QLatin1Char('\\')))
        return std::nullopt;
    else {
        a.kind = FilterAction::Kind::Tag;
        a.argument = value;
    }
    return a;
}

/// The rule a top-level `if` holds, when the dialog can show it.
std::optional<FilterRule> ruleOf(const SieveCommand &command)
{
    if (command.name != QLatin1String("if") || command.tests.size() != 1 ||
        !command.arguments.isEmpty() || !command.hasBlock)
        return std::nullopt;
    FilterRule rule;
    rule.name = command.ruleName;
    const SieveTest *test = &command.tests.front();
    // The dialog's disabled form: allof (false, TEST).
    if (test->name == QLatin1String("allof") && test->tests.size() == 2 &&
        test->tests.at(0).name == QLatin1String("false") && test->tests.at(0).tests.isEmpty() &&
        test->tests.at(0).arguments.isEmpty() && test->arguments.isEmpty()) {
        rule.enabled = false;
        test = &test->tests.at(1);
    }
    if (test->name == QLatin1String("true") && test->tests.isEmpty() && test->arguments.isEmpty()) {
        // No condition: every message.
    } else if ((test->name == QLatin1String("allof") || test->name == QLatin1String("anyof")) &&
               test->arguments.isEmpty() && !test->tests.isEmpty()) {
        rule.matchAll = test->name == QLatin1String("allof");
        for (const SieveTest &t : test->tests) {
            auto c = conditionOf(t);
            if (!c)
                return std::nullopt;
            rule.conditions.append(*c);
        }
    } else if (auto c = conditionOf(*test)) {
        // One condition on its own, as people (and Roundcube) write it.
        rule.conditions.append(*c);
    } else {
        return std::nullopt;
    }
    if (command.block.isEmpty())
        return std::nullopt;
    for (const SieveCommand &inner : command.block) {
        auto a = actionOf(inner);
        if (!a)
            return std::nullopt;
        rule.actions.append(*a);
    }
    if (!FilterScriptCodec::problem(rule).isEmpty())
        return std::nullopt;
    return rule;
}

QString quoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString matchTag(FilterCondition::Match match)
{
    switch (match) {
    case FilterCondition::Match::Is:
        return QStringLiteral(":is");
    case FilterCondition::Match::Matches:
        return QStringLiteral(":matches");
    case FilterCondition::Match::Contains:
    case FilterCondition::Match::DoesNotContain:
        break;
    }
    return QStringLiteral(":contains");
}

QString testText(const FilterCondition &c)
{
    if (c.field == FilterCondition::Field::Size)
        return QStringLiteral("size %1 %2")
            .arg(c.over ? QStringLiteral(":over") : QStringLiteral(":under"))
            .arg(c.bytes);
    QString names;
    switch (c.field) {
    case FilterCondition::Field::From:
        names = quoted(QStringLiteral("from"));
        break;
    case FilterCondition::Field::ToOrCc:
        names = QStringLiteral("[\"to\", \"cc\"]");
        break;
    case FilterCondition::Field::Subject:
        names = quoted(QStringLiteral("subject"));
        break;
    case FilterCondition::Field::Header:
    case FilterCondition::Field::Size:
        names = quoted(c.header);
        break;
    }
    const bool addressField =
        c.field == FilterCondition::Field::From || c.field == FilterCondition::Field::ToOrCc;
    const bool useAddress = addressField && (c.match == FilterCondition::Match::Is ||
                                             c.match == FilterCondition::Match::Matches);
    const QString test = QStringLiteral("%1 %2 %3 %4")
                             .arg(useAddress ? QStringLiteral("address") : QStringLiteral("header"),
                                  matchTag(c.match), names, quoted(c.value));
    return c.match == FilterCondition::Match::DoesNotContain ? QStringLiteral("not ") + test : test;
}

QString actionText(const FilterAction &a)
{
    switch (a.kind) {
    case FilterAction::Kind::MoveTo:
        return QStringLiteral("fileinto %1;").arg(quoted(a.argument));
    case FilterAction::Kind::Tag:
        return QStringLiteral("addflag %1;").arg(quoted(a.argument));
    case FilterAction::Kind::MarkRead:
        return QStringLiteral("addflag \"\\\\Seen\";");
    case FilterAction::Kind::MarkFlagged:
        return QStringLiteral("addflag \"\\\\Flagged\";");
    case FilterAction::Kind::DeleteOnServer:
        return QStringLiteral("addflag \"\\\\Deleted\";");
    case FilterAction::Kind::Trash:
        return QStringLiteral("discard;");
    case FilterAction::Kind::Stop:
        return QStringLiteral("stop;");
    }
    return {};
}

QString ruleText(const FilterRule &rule)
{
    QString out;
    const QString name = rule.name.trimmed();
    if (!name.isEmpty()) {
        // A name in brackets would be read as Roundcube's form and lose them: write that
        // form for it.
        const bool bracketed = name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']'));
        out += bracketed ? QStringLiteral("# rule:[%1]\n").arg(name)
                         : QStringLiteral("# rule: %1\n").arg(name);
    }
    QString test;
    if (rule.conditions.isEmpty()) {
        test = QStringLiteral("true");
    } else {
        QStringList tests;
        for (const FilterCondition &c : rule.conditions)
            tests.append(testText(c));
        test = QStringLiteral("%1 (%2)").arg(rule.matchAll ? QStringLiteral("allof")
                                                           : QStringLiteral("anyof"),
                                             tests.join(QStringLiteral(",\n        ")));
    }
    if (!rule.enabled)
        test = QStringLiteral("allof (false, %1)").arg(test);
    out += QStringLiteral("if %1\n{\n").arg(test);
    for (const FilterAction &a : rule.actions)
        out += QStringLiteral("    %1\n").arg(actionText(a));
    out += QStringLiteral("}\n");
    return out;
}

bool hasControl(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

/// The lines of `text` from `first` to `last` (0-based, inclusive), without trailing blank
/// lines.
QString linesOf(const QStringList &lines, int first, int last)
{
    while (last >= first && lines.at(last).trimmed().isEmpty())
        --last;
    QStringList out;
    for (int i = first; i <= last; ++i)
        out.append(lines.at(i));
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

bool FilterRule::deletesOnServer() const
{
    return std::any_of(actions.begin(), actions.end(), [](const FilterAction &a) {
        return a.kind == FilterAction::Kind::DeleteOnServer;
    });
}

int ReadFilterScript::handWrittenCount() const
{
    return int(std::count_if(script.rules.begin(), script.rules.end(),
                             [](const FilterRule &r) { return !r.editable(); }));
}

QString FilterScriptCodec::problem(const FilterRule &rule)
{
    if (!rule.editable())
        return {};
    if (hasControl(rule.name))
        return tr("The rule's name cannot hold a line break");
    if (rule.actions.isEmpty())
        return tr("The rule has no action");
    for (const FilterCondition &c : rule.conditions) {
        if (c.field == FilterCondition::Field::Size) {
            if (c.bytes < 0)
                return tr("A size cannot be negative");
            continue;
        }
        if (hasControl(c.value))
            return tr("A condition's text cannot hold a line break");
        if (c.field == FilterCondition::Field::Header) {
            const QString h = c.header;
            if (h.isEmpty())
                return tr("A condition names no header");
            const bool printable = std::all_of(h.begin(), h.end(), [](QChar ch) {
                return ch.unicode() > 32 && ch.unicode() < 127 && ch != QLatin1Char(':');
            });
            if (!printable)
                return tr("\"%1\" is not a header name").arg(h);
        }
    }
    for (const FilterAction &a : rule.actions) {
        if (a.kind == FilterAction::Kind::MoveTo &&
            (a.argument.trimmed().isEmpty() || a.argument.trimmed() != a.argument ||
             hasControl(a.argument)))
            return tr("Choose the folder to move to");
        if (a.kind == FilterAction::Kind::Tag &&
            (a.argument.isEmpty() || a.argument.contains(QLatin1Char(' ')) ||
             a.argument.startsWith(QLatin1Char('\\')) || hasControl(a.argument)))
            // RFC 5232: a flag is one word; addflag reads "To Do" as two. The dialog writes
            // a tag's keyword (to_do, $label4), never its name.
            return tr("\"%1\" cannot be a tag's keyword: a keyword is one word").arg(a.argument);
    }
    return {};
}

ReadFilterScript FilterScriptCodec::read(const QString &text)
{
    ReadFilterScript out;
    const ParsedSieve parsed = SieveParser::parse(text);
    if (parsed.error) {
        out.error = tr("Line %1: %2").arg(parsed.error->line).arg(parsed.error->message);
        return out;
    }
    const QStringList lines = text.split(QLatin1Char('\n'));
    // Group the top-level commands into rules: an if takes its elsif and else with it.
    struct Group {
        qsizetype first = 0;
        qsizetype last = 0;
    };
    QList<Group> groups;
    int requireLastLine = 0;
    const QList<SieveCommand> &commands = parsed.commands;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const SieveCommand &c = commands.at(i);
        if (c.name == QLatin1String("require")) {
            for (const SieveArgument &a : c.arguments) {
                for (const QString &s : a.strings) {
                    if (s != fileIntoExtension && s != flagsExtension &&
                        !out.script.extraRequires.contains(s))
                        out.script.extraRequires.append(s);
                }
            }
            requireLastLine = std::max(requireLastLine, c.line);
            continue;
        }
        const bool continues =
            (c.name == QLatin1String("elsif") || c.name == QLatin1String("else")) &&
            !groups.isEmpty();
        if (continues)
            groups.last().last = i;
        else
            groups.append({i, i});
    }
    // Where each group's text begins: its first line, or the comments just above it.
    QList<int> starts;
    for (const Group &g : groups) {
        int start = commands.at(g.first).line - 1; // 0-based
        while (start > 0 && start - 1 >= requireLastLine &&
               lines.at(start - 1).trimmed().startsWith(QLatin1Char('#')))
            --start;
        starts.append(start);
    }
    for (qsizetype gi = 0; gi < groups.size(); ++gi) {
        const Group &g = groups.at(gi);
        std::optional<FilterRule> rule;
        // One command alone on its lines: another command sharing a line would be lost.
        const bool sharesLine =
            (gi + 1 < groups.size() &&
             commands.at(groups.at(gi + 1).first).line == commands.at(g.last).line) ||
            commands.at(g.first).line <= requireLastLine;
        if (g.first == g.last && !sharesLine)
            rule = ruleOf(commands.at(g.first));
        if (!rule) {
            FilterRule raw;
            raw.name = commands.at(g.first).ruleName;
            const int end = gi + 1 < groups.size() ? starts.at(gi + 1) - 1 : int(lines.size()) - 1;
            raw.handWritten = linesOf(lines, starts.at(gi), end);
            raw.enabled = true;
            rule = raw;
        }
        out.script.rules.append(*rule);
    }
    return out;
}

QString FilterScriptCodec::write(const FilterScript &script)
{
    QString out = QStringLiteral("# Poplar's message filters (Sieve, RFC 5228). Edited with "
                                 "Edit > Message Filters; rules written by hand are kept.\n");
    QStringList extensions{fileIntoExtension, flagsExtension};
    extensions += script.extraRequires;
    QStringList quotedRequires;
    for (const QString &r : extensions)
        quotedRequires.append(quoted(r));
    out += QStringLiteral("require [%1];\n").arg(quotedRequires.join(QStringLiteral(", ")));
    for (const FilterRule &rule : script.rules) {
        out += QLatin1Char('\n');
        out += rule.editable() ? ruleText(rule) : rule.handWritten;
    }
    return out;
}

} // namespace poplar::filters
