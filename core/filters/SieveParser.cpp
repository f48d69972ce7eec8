// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/SieveParser.h"

#include <QRegularExpression>

namespace poplar::filters {

namespace {

struct Token {
    enum class Kind { Identifier, Tag, Number, String, Punct, End };
    Kind kind = Kind::End;
    QString text; ///< identifier or tag (lower case), string value, or the punctuation
    qint64 number = 0;
    int line = 0;
    int column = 0;
    QString ruleName; ///< from a "# rule:" comment since the token before this one
};

/// "# rule: Invoices" (ours) or "# rule:[Invoices]" (what Roundcube writes).
QString ruleNameOf(const QString &comment)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^#\s*rule\s*:\s*(?:\[(.*)\]|(.*))$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(comment.trimmed());
    if (!match.hasMatch())
        return {};
    const QString bracketed = match.captured(1);
    return (bracketed.isNull() ? match.captured(2) : bracketed).trimmed();
}

class Lexer {
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    {}

    /// All tokens, ending with End; or the first error.
    std::optional<SieveError> run(QList<Token> &tokens)
    {
        QString rule;
        for (;;) {
            if (auto e = skipSpaceAndComments(rule))
                return e;
            Token t;
            t.line = m_line;
            t.column = column();
            t.ruleName = std::exchange(rule, QString());
            if (m_pos >= m_text.size()) {
                tokens.append(t);
                return std::nullopt;
            }
            const QChar c = m_text.at(m_pos);
            if (c == QLatin1Char('"')) {
                if (auto e = quoted(t))
                    return e;
            } else if (c == QLatin1Char(':')) {
                ++m_pos;
                t.kind = Token::Kind::Tag;
                t.text = identifier();
                if (t.text.isEmpty())
                    return error(t, SieveParser::tr("A tag needs a name after the colon"));
            } else if (c.isDigit()) {
                if (auto e = number(t))
                    return e;
            } else if (isIdentifierStart(c)) {
                t.kind = Token::Kind::Identifier;
                t.text = identifier();
                if (t.text == QLatin1String("text") && m_pos < m_text.size() &&
                    m_text.at(m_pos) == QLatin1Char(':')) {
                    ++m_pos;
                    if (auto e = multiLine(t))
                        return e;
                }
            } else if (QStringLiteral("[](),{};").contains(c)) {
                t.kind = Token::Kind::Punct;
                t.text = c;
                ++m_pos;
            } else {
                return error(t, SieveParser::tr("Unexpected character '%1'").arg(c));
            }
            tokens.append(t);
        }
    }

private:
    static bool isIdentifierStart(QChar c)
    {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('_');
    }

    int column() const { return int(m_pos - m_lineStart) + 1; }

    static SieveError error(const Token &at, const QString &message)
    {
        return {at.line, at.column, message};
    }

    void newLineAt(qsizetype pos)
    {
        ++m_line;
        m_lineStart = pos + 1;
    }

    std::optional<SieveError> skipSpaceAndComments(QString &rule)
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == QLatin1Char('\n')) {
                newLineAt(m_pos);
                ++m_pos;
            } else if (c.isSpace()) {
                ++m_pos;
            } else if (c == QLatin1Char('#')) {
                qsizetype end = m_text.indexOf(QLatin1Char('\n'), m_pos);
                if (end < 0)
                    end = m_text.size();
                if (const QString name = ruleNameOf(m_text.mid(m_pos, end - m_pos));
                    !name.isEmpty())
                    rule = name;
                m_pos = end;
            } else if (m_text.mid(m_pos, 2) == QLatin1String("/*")) {
                const int line = m_line;
                const int col = column();
                const qsizetype end = m_text.indexOf(QLatin1String("*/"), m_pos + 2);
                if (end < 0)
                    return SieveError{line, col, SieveParser::tr("A comment is never closed")};
                for (qsizetype i = m_pos; i < end; ++i) {
                    if (m_text.at(i) == QLatin1Char('\n'))
                        newLineAt(i);
                }
                m_pos = end + 2;
            } else {
                break;
            }
        }
        return std::nullopt;
    }

    QString identifier()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() &&
               (isIdentifierStart(m_text.at(m_pos)) || m_text.at(m_pos).isDigit()))
            ++m_pos;
        return m_text.mid(start, m_pos - start).toLower();
    }

    std::optional<SieveError> number(Token &t)
    {
        t.kind = Token::Kind::Number;
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos).isDigit())
            ++m_pos;
        bool ok = false;
        qint64 value = m_text.mid(start, m_pos - start).toLongLong(&ok);
        qint64 factor = 1;
        if (m_pos < m_text.size()) {
            switch (m_text.at(m_pos).toUpper().unicode()) {
            case 'K':
                factor = qint64(1) << 10;
                break;
            case 'M':
                factor = qint64(1) << 20;
                break;
            case 'G':
                factor = qint64(1) << 30;
                break;
            default:
                break;
            }
            if (factor != 1)
                ++m_pos;
        }
        if (!ok || value > (qint64(1) << 40) / factor)
            return error(t, SieveParser::tr("The number is too large"));
        t.number = value * factor;
        return std::nullopt;
    }

    std::optional<SieveError> quoted(Token &t)
    {
        t.kind = Token::Kind::String;
        ++m_pos; // the opening quote
        QString value;
        while (m_pos < m_text.size()) {
            QChar c = m_text.at(m_pos++);
            if (c == QLatin1Char('"')) {
                t.text = value;
                return std::nullopt;
            }
            if (c == QLatin1Char('\\') && m_pos < m_text.size())
                c = m_text.at(m_pos++); // RFC 5228 §2.4.2: "\x" is x
            if (c == QLatin1Char('\n'))
                newLineAt(m_pos - 1);
            value += c;
        }
        return error(t, SieveParser::tr("A string is never closed (a quote is missing)"));
    }

    /// RFC 5228 §2.4.2: "text:" to a line holding only ".", with ".." at a line's start
    /// standing for ".".
    std::optional<SieveError> multiLine(Token &t)
    {
        t.kind = Token::Kind::String;
        const qsizetype firstEnd = m_text.indexOf(QLatin1Char('\n'), m_pos);
        if (firstEnd < 0)
            return error(t, SieveParser::tr("\"text:\" must end its line"));
        const QString rest = m_text.mid(m_pos, firstEnd - m_pos).trimmed();
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('#')))
            return error(t, SieveParser::tr("\"text:\" must end its line"));
        newLineAt(firstEnd);
        m_pos = firstEnd + 1;
        QStringList lines;
        while (m_pos < m_text.size()) {
            qsizetype end = m_text.indexOf(QLatin1Char('\n'), m_pos);
            const bool last = end < 0;
            if (last)
                end = m_text.size();
            QString line = m_text.mid(m_pos, end - m_pos);
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
            m_pos = last ? end : end + 1;
            if (!last)
                newLineAt(end);
            if (line == QLatin1String(".")) {
                t.text = lines.isEmpty()
                             ? QString()
                             : lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
                return std::nullopt;
            }
            if (line.startsWith(QLatin1String("..")))
                line.remove(0, 1);
            lines.append(line);
        }
        return error(t, SieveParser::tr("A \"text:\" string never ends (a line with only "
                                        "\".\" is missing)"));
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
};

class Parser {
public:
    explicit Parser(const QList<Token> &tokens)
        : m_tokens(tokens)
    {}

    std::optional<SieveError> commands(QList<SieveCommand> &out, int depth)
    {
        for (;;) {
            const Token &t = peek();
            if (t.kind == Token::Kind::End || isPunct(t, '}'))
                return std::nullopt;
            SieveCommand command;
            if (auto e = parseCommand(command, depth))
                return e;
            out.append(std::move(command));
        }
    }

    const Token &peek() const { return m_tokens.at(m_pos); }

private:
    static bool isPunct(const Token &t, char c)
    {
        return t.kind == Token::Kind::Punct && t.text == QLatin1Char(c);
    }

    static SieveError error(const Token &at, const QString &message)
    {
        return {at.line, at.column, message};
    }

    static QString describe(const Token &t)
    {
        switch (t.kind) {
        case Token::Kind::End:
            return SieveParser::tr("the end of the script");
        case Token::Kind::String:
            return SieveParser::tr("a string");
        case Token::Kind::Number:
            return SieveParser::tr("a number");
        case Token::Kind::Tag:
            return QStringLiteral(":") + t.text;
        case Token::Kind::Identifier:
        case Token::Kind::Punct:
            break;
        }
        return QStringLiteral("'%1'").arg(t.text);
    }

    const Token &next() { return m_tokens.at(m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos); }

    std::optional<SieveError> parseCommand(SieveCommand &command, int depth)
    {
        if (depth > SieveParser::maxDepth)
            return error(peek(), SieveParser::tr("Blocks are nested too deeply"));
        const Token &name = next();
        if (name.kind != Token::Kind::Identifier)
            return error(name, SieveParser::tr("Expected a command, found %1").arg(describe(name)));
        command.name = name.text;
        command.line = name.line;
        command.ruleName = name.ruleName;
        if (auto e = parseArguments(command.arguments, command.tests, depth))
            return e;
        const Token &end = next();
        if (isPunct(end, ';'))
            return std::nullopt;
        if (isPunct(end, '{')) {
            command.hasBlock = true;
            if (auto e = commands(command.block, depth + 1))
                return e;
            const Token &close = next();
            if (!isPunct(close, '}'))
                return error(
                    close,
                    SieveParser::tr("A block opened on line %1 is never closed").arg(end.line));
            return std::nullopt;
        }
        return error(end, SieveParser::tr("Expected ';' or '{' after the command '%1', found %2")
                              .arg(command.name, describe(end)));
    }

    std::optional<SieveError> parseArguments(QList<SieveArgument> &arguments,
                                             QList<SieveTest> &tests, int depth)
    {
        for (;;) {
            const Token &t = peek();
            SieveArgument argument;
            argument.line = t.line;
            if (t.kind == Token::Kind::String) {
                argument.strings = {next().text};
            } else if (isPunct(t, '[')) {
                if (auto e = stringList(argument.strings))
                    return e;
            } else if (t.kind == Token::Kind::Number) {
                argument.kind = SieveArgument::Kind::Number;
                argument.number = next().number;
            } else if (t.kind == Token::Kind::Tag) {
                argument.kind = SieveArgument::Kind::Tag;
                argument.tag = next().text;
            } else {
                break;
            }
            arguments.append(std::move(argument));
        }
        const Token &t = peek();
        if (t.kind == Token::Kind::Identifier) {
            SieveTest test;
            if (auto e = parseTest(test, depth + 1))
                return e;
            tests.append(std::move(test));
        } else if (isPunct(t, '(')) {
            next();
            for (;;) {
                SieveTest test;
                if (auto e = parseTest(test, depth + 1))
                    return e;
                tests.append(std::move(test));
                const Token &sep = next();
                if (isPunct(sep, ')'))
                    break;
                if (!isPunct(sep, ','))
                    return error(sep, SieveParser::tr("Expected ',' or ')' in a list of tests, "
                                                      "found %1")
                                          .arg(describe(sep)));
            }
        }
        return std::nullopt;
    }

    std::optional<SieveError> parseTest(SieveTest &test, int depth)
    {
        if (depth > SieveParser::maxDepth)
            return error(peek(), SieveParser::tr("Tests are nested too deeply"));
        const Token &name = next();
        if (name.kind != Token::Kind::Identifier)
            return error(name, SieveParser::tr("Expected a test, found %1").arg(describe(name)));
        test.name = name.text;
        test.line = name.line;
        return parseArguments(test.arguments, test.tests, depth);
    }

    std::optional<SieveError> stringList(QStringList &out)
    {
        next(); // '['
        for (;;) {
            const Token &s = next();
            if (s.kind != Token::Kind::String)
                return error(
                    s, SieveParser::tr("Expected a string in a list, found %1").arg(describe(s)));
            out.append(s.text);
            const Token &sep = next();
            if (isPunct(sep, ']'))
                return std::nullopt;
            if (!isPunct(sep, ','))
                return error(sep, SieveParser::tr("Expected ',' or ']' in a string list, found %1")
                                      .arg(describe(sep)));
        }
    }

    const QList<Token> &m_tokens;
    qsizetype m_pos = 0;
};

} // namespace

ParsedSieve SieveParser::parse(const QString &script)
{
    ParsedSieve result;
    QList<Token> tokens;
    if (auto e = Lexer(script).run(tokens)) {
        result.error = e;
        return result;
    }
    Parser parser(tokens);
    if (auto e = parser.commands(result.commands, 0)) {
        result.error = e;
        result.commands.clear();
        return result;
    }
    if (parser.peek().kind != Token::Kind::End) {
        const Token &t = parser.peek();
        result.error = SieveError{t.line, t.column, tr("'}' without a block to close")};
        result.commands.clear();
    }
    return result;
}

} // namespace poplar::filters
