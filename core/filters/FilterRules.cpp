// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterRules.h"

#include "filters/FilterMessage.h"

#include <optional>
#include <vector>

namespace poplar::filters {

namespace {

enum class Match { Is, Contains, Matches };
enum class AddressPart { All, LocalPart, Domain };

struct Test {
    enum class Kind { Header, Address, Exists, Size, AllOf, AnyOf, Not, True, False };
    Kind kind = Kind::True;
    Match match = Match::Is;
    bool caseless = true; ///< i;ascii-casemap (the default) rather than i;octet
    AddressPart part = AddressPart::All;
    QStringList names;
    QStringList keys;
    bool over = false;
    qint64 limit = 0;
    std::vector<Test> tests;
};

struct Command {
    enum class Kind { If, FileInto, Keep, Discard, Stop, AddFlag };
    struct Branch {
        std::optional<Test> test; ///< none for "else"
        std::vector<Command> block;
    };
    Kind kind = Kind::Keep;
    std::vector<Branch> branches;
    QString folder;
    QStringList flags;
};

/// RFC 4790's i;ascii-casemap: only A-Z fold, so the script matches as a Sieve server does.
QString foldAscii(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return out;
}

/// RFC 5228 §2.7.1 :matches: "*" any run, "?" one character, "\" quotes the next. Greedy
/// with one backtrack point (the last "*"): O(text × pattern), whatever the pattern.
bool globMatch(const QString &text, const QString &pattern)
{
    struct Piece {
        enum { Literal, One, Any } kind;
        QChar c;
    };
    std::vector<Piece> pieces;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('\\') && i + 1 < pattern.size())
            pieces.push_back({Piece::Literal, pattern.at(++i)});
        else if (c == QLatin1Char('*'))
            pieces.push_back({Piece::Any, {}});
        else if (c == QLatin1Char('?'))
            pieces.push_back({Piece::One, {}});
        else
            pieces.push_back({Piece::Literal, c});
    }
    size_t p = 0;
    qsizetype t = 0;
    std::optional<size_t> star;
    qsizetype starText = 0;
    while (t < text.size()) {
        if (p < pieces.size() && pieces[p].kind == Piece::Any) {
            star = p++;
            starText = t;
        } else if (p < pieces.size() &&
                   (pieces[p].kind == Piece::One || pieces[p].c == text.at(t))) {
            ++p;
            ++t;
        } else if (star) {
            p = *star + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (p < pieces.size() && pieces[p].kind == Piece::Any)
        ++p;
    return p == pieces.size();
}

bool matches(const Test &test, const QString &value)
{
    const QString v = test.caseless ? foldAscii(value) : value;
    for (const QString &rawKey : test.keys) {
        const QString key = test.caseless ? foldAscii(rawKey) : rawKey;
        switch (test.match) {
        case Match::Is:
            if (v == key)
                return true;
            break;
        case Match::Contains:
            if (v.contains(key))
                return true;
            break;
        case Match::Matches:
            if (globMatch(v, key))
                return true;
            break;
        }
    }
    return false;
}

QString addressPart(const QString &address, AddressPart part)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    switch (part) {
    case AddressPart::All:
        break;
    case AddressPart::LocalPart:
        return at < 0 ? address : address.left(at);
    case AddressPart::Domain:
        return at < 0 ? QString() : address.mid(at + 1);
    }
    return address;
}

bool evaluateTest(const Test &test, const FilterMessage &message)
{
    switch (test.kind) {
    case Test::Kind::True:
        return true;
    case Test::Kind::False:
        return false;
    case Test::Kind::Not:
        return !evaluateTest(test.tests.front(), message);
    case Test::Kind::AllOf:
        return std::all_of(test.tests.begin(), test.tests.end(),
                           [&](const Test &t) { return evaluateTest(t, message); });
    case Test::Kind::AnyOf:
        return std::any_of(test.tests.begin(), test.tests.end(),
                           [&](const Test &t) { return evaluateTest(t, message); });
    case Test::Kind::Exists:
        return std::all_of(test.names.begin(), test.names.end(),
                           [&](const QString &name) { return message.has(name); });
    case Test::Kind::Size:
        return test.over ? message.size() > test.limit : message.size() < test.limit;
    case Test::Kind::Header:
        for (const QString &name : test.names) {
            for (const QString &value : message.values(name)) {
                if (matches(test, value))
                    return true;
            }
        }
        return false;
    case Test::Kind::Address:
        for (const QString &name : test.names) {
            for (const QString &address : message.addresses(name)) {
                if (matches(test, addressPart(address, test.part)))
                    return true;
            }
        }
        return false;
    }
    return false;
}

struct Rule {
    std::vector<Command> commands; ///< the one top-level command (an if with its branches)
    QString name;
    int line = 0;
};

} // namespace

struct FilterRules::Compiled {
    std::vector<Rule> rules;
    QStringList folders;
};

namespace {

/// Checks the parsed commands against what Poplar supports and builds the rules.
class Compiler {
public:
    std::optional<SieveError> run(const QList<SieveCommand> &commands, FilterRules::Compiled &out)
    {
        bool rulesBegun = false;
        for (qsizetype i = 0; i < commands.size(); ++i) {
            const SieveCommand &c = commands.at(i);
            if (c.name == QLatin1String("require")) {
                if (rulesBegun)
                    return error(c.line, FilterRules::tr("'require' must come before every rule"));
                if (auto e = require(c))
                    return e;
                continue;
            }
            rulesBegun = true;
            Rule rule;
            rule.name = c.ruleName;
            rule.line = c.line;
            Command top;
            if (auto e = command(commands, i, top))
                return e;
            rule.commands.push_back(std::move(top));
            out.rules.push_back(std::move(rule));
        }
        out.folders = m_folders;
        return std::nullopt;
    }

private:
    static SieveError error(int line, const QString &message) { return {line, 0, message}; }

    std::optional<SieveError> require(const SieveCommand &c)
    {
        if (c.arguments.size() != 1 || c.arguments.front().kind != SieveArgument::Kind::Strings ||
            !c.tests.isEmpty() || c.hasBlock)
            return error(c.line, FilterRules::tr("'require' takes one string list"));
        static const QStringList supported{QStringLiteral("fileinto"), QStringLiteral("imap4flags"),
                                           QStringLiteral("comparator-i;octet"),
                                           QStringLiteral("comparator-i;ascii-casemap")};
        for (const QString &name : c.arguments.front().strings) {
            if (!supported.contains(name))
                return error(c.line, FilterRules::tr("Poplar does not support the Sieve "
                                                     "extension \"%1\"")
                                         .arg(name));
            m_required.insert(name);
        }
        return std::nullopt;
    }

    /// The command at `i` (an if takes the elsif and else after it: `i` moves past them).
    std::optional<SieveError> command(const QList<SieveCommand> &list, qsizetype &i, Command &out)
    {
        const SieveCommand &c = list.at(i);
        const QString &n = c.name;
        if (n == QLatin1String("if")) {
            out.kind = Command::Kind::If;
            if (auto e = branch(c, true, out))
                return e;
            while (i + 1 < list.size() && (list.at(i + 1).name == QLatin1String("elsif") ||
                                           list.at(i + 1).name == QLatin1String("else"))) {
                const SieveCommand &next = list.at(++i);
                if (auto e = branch(next, next.name == QLatin1String("elsif"), out))
                    return e;
                if (next.name == QLatin1String("else"))
                    break;
            }
            return std::nullopt;
        }
        if (n == QLatin1String("elsif") || n == QLatin1String("else"))
            return error(c.line, FilterRules::tr("'%1' without an 'if' before it").arg(n));
        if (c.hasBlock || !c.tests.isEmpty())
            return error(c.line, FilterRules::tr("'%1' takes no test and no block").arg(n));
        if (n == QLatin1String("require"))
            return error(c.line, FilterRules::tr("'require' must come before every rule"));
        if (n == QLatin1String("keep") || n == QLatin1String("discard") ||
            n == QLatin1String("stop")) {
            if (!c.arguments.isEmpty())
                return error(c.line, FilterRules::tr("'%1' takes no arguments").arg(n));
            out.kind = n == QLatin1String("keep")      ? Command::Kind::Keep
                       : n == QLatin1String("discard") ? Command::Kind::Discard
                                                       : Command::Kind::Stop;
            return std::nullopt;
        }
        if (n == QLatin1String("fileinto")) {
            if (!m_required.contains(QStringLiteral("fileinto")))
                return error(c.line, FilterRules::tr("'fileinto' needs require \"fileinto\" "
                                                     "at the top of the script"));
            if (c.arguments.size() != 1 ||
                c.arguments.front().kind != SieveArgument::Kind::Strings ||
                c.arguments.front().strings.size() != 1)
                return error(c.line, FilterRules::tr("'fileinto' takes one folder name"));
            out.kind = Command::Kind::FileInto;
            out.folder = c.arguments.front().strings.front().trimmed();
            if (out.folder.isEmpty())
                return error(c.line, FilterRules::tr("The folder name is empty"));
            if (out.folder.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) != 0 &&
                !m_folders.contains(out.folder))
                m_folders.append(out.folder);
            return std::nullopt;
        }
        if (n == QLatin1String("addflag")) {
            if (!m_required.contains(QStringLiteral("imap4flags")))
                return error(c.line, FilterRules::tr("'addflag' needs require \"imap4flags\" "
                                                     "at the top of the script"));
            if (c.arguments.size() != 1 || c.arguments.front().kind != SieveArgument::Kind::Strings)
                return error(c.line, FilterRules::tr("'addflag' takes one list of flags"));
            out.kind = Command::Kind::AddFlag;
            // RFC 5232 §3: a string may hold several flags separated by spaces.
            for (const QString &s : c.arguments.front().strings)
                out.flags += s.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            return std::nullopt;
        }
        return error(c.line, FilterRules::tr("Poplar does not know the command '%1'").arg(n));
    }

    std::optional<SieveError> branch(const SieveCommand &c, bool withTest, Command &out)
    {
        Command::Branch b;
        if (withTest) {
            if (c.tests.size() != 1 || !c.arguments.isEmpty())
                return error(c.line, FilterRules::tr("'%1' takes exactly one test").arg(c.name));
            Test t;
            if (auto e = test(c.tests.front(), t))
                return e;
            b.test = std::move(t);
        } else if (!c.tests.isEmpty() || !c.arguments.isEmpty()) {
            return error(c.line, FilterRules::tr("'else' takes no test"));
        }
        if (!c.hasBlock)
            return error(c.line, FilterRules::tr("'%1' needs a block in braces").arg(c.name));
        for (qsizetype i = 0; i < c.block.size(); ++i) {
            Command inner;
            if (auto e = command(c.block, i, inner))
                return e;
            b.block.push_back(std::move(inner));
        }
        out.branches.push_back(std::move(b));
        return std::nullopt;
    }

    std::optional<SieveError> test(const SieveTest &s, Test &out)
    {
        const QString &n = s.name;
        auto noArguments = [&]() -> std::optional<SieveError> {
            if (!s.arguments.isEmpty())
                return error(s.line, FilterRules::tr("The test '%1' takes no arguments").arg(n));
            return std::nullopt;
        };
        if (n == QLatin1String("true") || n == QLatin1String("false")) {
            out.kind = n == QLatin1String("true") ? Test::Kind::True : Test::Kind::False;
            if (!s.tests.isEmpty())
                return error(s.line, FilterRules::tr("The test '%1' takes no tests").arg(n));
            return noArguments();
        }
        if (n == QLatin1String("not") || n == QLatin1String("allof") ||
            n == QLatin1String("anyof")) {
            out.kind = n == QLatin1String("not")     ? Test::Kind::Not
                       : n == QLatin1String("allof") ? Test::Kind::AllOf
                                                     : Test::Kind::AnyOf;
            if (auto e = noArguments())
                return e;
            if (s.tests.isEmpty() || (out.kind == Test::Kind::Not && s.tests.size() != 1))
                return error(s.line, out.kind == Test::Kind::Not
                                         ? FilterRules::tr("'not' takes one test")
                                         : FilterRules::tr("'%1' takes a list of tests in "
                                                           "parentheses")
                                               .arg(n));
            for (const SieveTest &inner : s.tests) {
                Test t;
                if (auto e = test(inner, t))
                    return e;
                out.tests.push_back(std::move(t));
            }
            return std::nullopt;
        }
        if (!s.tests.isEmpty())
            return error(s.line, FilterRules::tr("The test '%1' takes no tests").arg(n));
        if (n == QLatin1String("size")) {
            out.kind = Test::Kind::Size;
            if (s.arguments.size() != 2 || s.arguments.at(0).kind != SieveArgument::Kind::Tag ||
                (s.arguments.at(0).tag != QLatin1String("over") &&
                 s.arguments.at(0).tag != QLatin1String("under")) ||
                s.arguments.at(1).kind != SieveArgument::Kind::Number)
                return error(s.line, FilterRules::tr("'size' takes :over or :under and a number"));
            out.over = s.arguments.at(0).tag == QLatin1String("over");
            out.limit = s.arguments.at(1).number;
            return std::nullopt;
        }
        if (n == QLatin1String("exists")) {
            out.kind = Test::Kind::Exists;
            if (s.arguments.size() != 1 || s.arguments.front().kind != SieveArgument::Kind::Strings)
                return error(s.line, FilterRules::tr("'exists' takes one list of header names"));
            out.names = s.arguments.front().strings;
            return std::nullopt;
        }
        if (n == QLatin1String("header") || n == QLatin1String("address"))
            return matchTest(s, out);
        if (n == QLatin1String("envelope"))
            return error(s.line, FilterRules::tr("'envelope' cannot be used: mail fetched over "
                                                 "POP3 has no envelope"));
        return error(s.line, FilterRules::tr("Poplar does not know the test '%1'").arg(n));
    }

    /// header [COMPARATOR] [MATCH-TYPE] <names> <keys>; address adds [ADDRESS-PART].
    std::optional<SieveError> matchTest(const SieveTest &s, Test &out)
    {
        const bool isAddress = s.name == QLatin1String("address");
        out.kind = isAddress ? Test::Kind::Address : Test::Kind::Header;
        QList<QStringList> positional;
        bool matchSet = false;
        bool partSet = false;
        bool comparatorSet = false;
        for (qsizetype i = 0; i < s.arguments.size(); ++i) {
            const SieveArgument &a = s.arguments.at(i);
            if (a.kind == SieveArgument::Kind::Number)
                return error(a.line, FilterRules::tr("'%1' takes no number").arg(s.name));
            if (a.kind == SieveArgument::Kind::Strings) {
                positional.append(a.strings);
                continue;
            }
            if (!positional.isEmpty())
                return error(a.line, FilterRules::tr("The tag :%1 must come before the header "
                                                     "names")
                                         .arg(a.tag));
            const QString &tag = a.tag;
            if (tag == QLatin1String("is") || tag == QLatin1String("contains") ||
                tag == QLatin1String("matches")) {
                if (std::exchange(matchSet, true))
                    return error(a.line, FilterRules::tr("Only one match type is allowed"));
                out.match = tag == QLatin1String("is")         ? Match::Is
                            : tag == QLatin1String("contains") ? Match::Contains
                                                               : Match::Matches;
            } else if (isAddress &&
                       (tag == QLatin1String("all") || tag == QLatin1String("localpart") ||
                        tag == QLatin1String("domain"))) {
                if (std::exchange(partSet, true))
                    return error(a.line, FilterRules::tr("Only one address part is allowed"));
                out.part = tag == QLatin1String("all")         ? AddressPart::All
                           : tag == QLatin1String("localpart") ? AddressPart::LocalPart
                                                               : AddressPart::Domain;
            } else if (tag == QLatin1String("comparator")) {
                if (std::exchange(comparatorSet, true) || i + 1 >= s.arguments.size() ||
                    s.arguments.at(i + 1).kind != SieveArgument::Kind::Strings ||
                    s.arguments.at(i + 1).strings.size() != 1)
                    return error(a.line, FilterRules::tr(":comparator takes one comparator name"));
                const QString name = s.arguments.at(++i).strings.front();
                if (name == QLatin1String("i;octet"))
                    out.caseless = false;
                else if (name != QLatin1String("i;ascii-casemap"))
                    return error(a.line, FilterRules::tr("Poplar does not support the comparator "
                                                         "\"%1\"")
                                             .arg(name));
            } else {
                return error(a.line,
                             FilterRules::tr("The test '%1' does not take :%2").arg(s.name, tag));
            }
        }
        if (positional.size() != 2)
            return error(s.line, FilterRules::tr("'%1' takes a list of header names and a list "
                                                 "of keys")
                                     .arg(s.name));
        out.names = positional.at(0);
        out.keys = positional.at(1);
        return std::nullopt;
    }

    QSet<QString> m_required;
    QStringList m_folders;
};

/// One evaluation's state: which rule runs, and what was decided so far.
struct Run {
    const FilterMessage &message;
    FilterOutcome outcome;
    bool placed = false;
    bool stopped = false;
    std::optional<std::pair<QString, int>> discardedBy;
    const Rule *rule = nullptr;

    void place(FilterOutcome::Placement placement, const QString &folder)
    {
        if (placed)
            return; // the first placement wins: one message, one folder
        placed = true;
        outcome.placement = placement;
        outcome.folder = folder;
        outcome.ruleName = rule->name;
        outcome.ruleLine = rule->line;
    }

    void execute(const std::vector<Command> &commands)
    {
        for (const Command &c : commands) {
            if (stopped)
                return;
            switch (c.kind) {
            case Command::Kind::If:
                for (const Command::Branch &b : c.branches) {
                    if (!b.test || evaluateTest(*b.test, message)) {
                        execute(b.block);
                        break;
                    }
                }
                break;
            case Command::Kind::FileInto:
                if (c.folder.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
                    place(FilterOutcome::Placement::Inbox, {});
                else
                    place(FilterOutcome::Placement::Folder, c.folder);
                break;
            case Command::Kind::Keep:
                place(FilterOutcome::Placement::Inbox, {});
                break;
            case Command::Kind::Discard:
                if (!discardedBy)
                    discardedBy.emplace(rule->name, rule->line);
                break;
            case Command::Kind::Stop:
                stopped = true;
                return;
            case Command::Kind::AddFlag:
                if (outcome.markedByLine == 0) {
                    outcome.markedByRule = rule->name;
                    outcome.markedByLine = rule->line;
                }
                for (const QString &flag : c.flags) {
                    if (flag.compare(QLatin1String("\\Seen"), Qt::CaseInsensitive) == 0)
                        outcome.seen = true;
                    else if (flag.compare(QLatin1String("\\Flagged"), Qt::CaseInsensitive) == 0)
                        outcome.flagged = true;
                    else if (flag.compare(QLatin1String("\\Deleted"), Qt::CaseInsensitive) == 0)
                        outcome.deleteOnServer = true;
                    else if (!flag.startsWith(QLatin1Char('\\')) &&
                             !outcome.keywords.contains(flag, Qt::CaseInsensitive))
                        // A keyword names a tag; other system flags (\Answered, \Draft)
                        // mean nothing to a POP3 cache.
                        outcome.keywords.append(flag);
                }
                break;
            }
        }
    }
};

} // namespace

FilterRules::FilterRules(std::unique_ptr<Compiled> compiled)
    : m_compiled(std::move(compiled))
{}

FilterRules::~FilterRules() = default;

std::variant<std::shared_ptr<const FilterRules>, SieveError>
FilterRules::compile(const QString &script)
{
    const ParsedSieve parsed = SieveParser::parse(script);
    if (parsed.error)
        return *parsed.error;
    auto compiled = std::make_unique<Compiled>();
    if (auto e = Compiler().run(parsed.commands, *compiled))
        return *e;
    return std::shared_ptr<const FilterRules>(new FilterRules(std::move(compiled)));
}

FilterOutcome FilterRules::evaluate(const FilterMessage &message) const
{
    Run run{message, {}, false, false, std::nullopt, nullptr};
    for (const Rule &rule : m_compiled->rules) {
        if (run.stopped)
            break;
        run.rule = &rule;
        run.execute(rule.commands);
    }
    if (!run.placed && run.discardedBy) {
        run.outcome.placement = FilterOutcome::Placement::Trash;
        run.outcome.ruleName = run.discardedBy->first;
        run.outcome.ruleLine = run.discardedBy->second;
    }
    return run.outcome;
}

QStringList FilterRules::folders() const
{
    return m_compiled->folders;
}

int FilterRules::ruleCount() const
{
    return int(m_compiled->rules.size());
}

} // namespace poplar::filters
