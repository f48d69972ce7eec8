// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SearchQuery.h"

#include "store/MessageSummary.h"
#include "store/SearchIndex.h"
#include "store/TagStore.h"

#include <QDateTime>
#include <QTimeZone>

namespace poplar::store {

namespace {

struct Token {
    QString key; ///< lower case operator name, or empty for a plain word or phrase
    QString value;
    bool quoted = false;
    QString original; ///< as typed, for a token that turns out not to be an operator
};

/// Splits on spaces outside double quotes; "key:value" and key:"quoted value" are operators.
QList<Token> tokens(const QString &text)
{
    QList<Token> out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        Token t;
        if (text.at(i) == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype end = close < 0 ? n : close;
            t.value = text.mid(i + 1, end - i - 1);
            t.quoted = true;
            i = close < 0 ? n : close + 1;
        } else {
            while (i < n && !text.at(i).isSpace() && text.at(i) != QLatin1Char('"') &&
                   text.at(i) != QLatin1Char(':'))
                ++i;
            if (i < n && text.at(i) == QLatin1Char(':')) {
                t.key = text.mid(start, i - start).toLower();
                ++i;
                if (i < n && text.at(i) == QLatin1Char('"')) {
                    const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
                    const qsizetype end = close < 0 ? n : close;
                    t.value = text.mid(i + 1, end - i - 1);
                    t.quoted = true;
                    i = close < 0 ? n : close + 1;
                } else {
                    const qsizetype valueStart = i;
                    while (i < n && !text.at(i).isSpace())
                        ++i;
                    t.value = text.mid(valueStart, i - valueStart);
                }
            } else {
                t.value = text.mid(start, i - start);
            }
        }
        t.original = text.mid(start, i - start);
        out.append(t);
    }
    return out;
}

/// The start of that day in the local time zone, as the cache stores dates.
std::optional<qint64> dayStart(const QString &text)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return std::nullopt;
    return day.startOfDay().toSecsSinceEpoch();
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

QString SearchQuery::phrase(const QString &text, bool prefix)
{
    QString cleaned;
    for (const QChar c : SearchIndex::tokenize(text)) {
        // FTS5 would split there too; punctuation never reaches it as syntax.
        cleaned += c.isLetterOrNumber() ? c : QLatin1Char(' ');
    }
    cleaned = cleaned.simplified();
    if (cleaned.isEmpty())
        return {};
    return QLatin1Char('"') + cleaned + (prefix ? QStringLiteral("\"*") : QStringLiteral("\""));
}

QString SearchQuery::matchExpression() const
{
    return matchTerms.join(QStringLiteral(" AND "));
}

SearchQuery SearchQuery::parse(const QString &text)
{
    SearchQuery q;
    auto words = [&](const Token &t) {
        // Plain words match as prefixes; a quoted phrase as written.
        if (t.quoted) {
            if (const QString p = phrase(t.value, false); !p.isEmpty())
                q.matchTerms.append(p);
            return;
        }
        for (const QString &word : t.original.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (const QString p = phrase(word, true); !p.isEmpty())
                q.matchTerms.append(p);
        }
    };
    for (const Token &t : tokens(text)) {
        const QString value = t.value.trimmed();
        if (t.key.isEmpty()) {
            words(t);
            continue;
        }
        if ((t.key == QLatin1String("from") || t.key == QLatin1String("to") ||
             t.key == QLatin1String("subject")) &&
            !value.isEmpty()) {
            const QString p = phrase(value, !t.quoted);
            if (p.isEmpty())
                continue;
            const bool subject = t.key == QLatin1String("subject");
            // The index finds the candidates fast (its addresses column holds From, To and
            // Cc together); the columns then say which header the words were in.
            q.matchTerms.append(
                (subject ? QStringLiteral("subject : ") : QStringLiteral("addresses : ")) + p);
            if (t.key == QLatin1String("from")) {
                q.conditions.append(QStringLiteral(
                    "(from_name LIKE ? ESCAPE '\\' OR from_address LIKE ? ESCAPE '\\')"));
                q.values << likePattern(value) << likePattern(value);
            } else if (t.key == QLatin1String("to")) {
                q.conditions.append(
                    QStringLiteral("(to_text LIKE ? ESCAPE '\\' OR cc_text LIKE ? ESCAPE '\\')"));
                q.values << likePattern(value) << likePattern(value);
            }
            continue;
        }
        if (t.key == QLatin1String("has") &&
            (value.compare(QLatin1String("attachment"), Qt::CaseInsensitive) == 0 ||
             value.compare(QLatin1String("attachments"), Qt::CaseInsensitive) == 0)) {
            q.conditions.append(QStringLiteral("has_attachments = 1"));
            continue;
        }
        if (t.key == QLatin1String("is")) {
            const QString v = value.toLower();
            if (v == QLatin1String("unread")) {
                q.conditions.append(QStringLiteral("seen = 0"));
                continue;
            }
            if (v == QLatin1String("read")) {
                q.conditions.append(QStringLiteral("seen = 1"));
                continue;
            }
            if (v == QLatin1String("flagged") || v == QLatin1String("starred")) {
                q.conditions.append(QStringLiteral("flagged = 1"));
                continue;
            }
        }
        if (t.key == QLatin1String("folder") && !value.isEmpty()) {
            if (const auto folder = folderFromString(value.toLower())) {
                q.conditions.append(folder == Folder::Inbox
                                        ? QStringLiteral("folder = ? AND local_folder = ''")
                                        : QStringLiteral("folder = ?"));
                q.values << folderToString(*folder);
            } else {
                // A folder filters file into (Junk among them), or one of imported mail.
                q.conditions.append(
                    QStringLiteral("folder = 'inbox' AND local_folder = ? COLLATE NOCASE"));
                q.values << value;
            }
            continue;
        }
        if (t.key == QLatin1String("tag") && !value.isEmpty()) {
            // By the stored name or the shown one (tag:工作 finds Work), any case.
            q.conditions.append(
                QStringLiteral("id IN (SELECT message_id FROM message_tags WHERE tag_id IN "
                               "(SELECT id FROM tags WHERE name = ? OR name = ?))"));
            q.values << value << TagStore::storedName(value);
            continue;
        }
        if (t.key == QLatin1String("before") || t.key == QLatin1String("after")) {
            if (const auto start = dayStart(value)) {
                q.conditions.append(t.key == QLatin1String("before") ? QStringLiteral("date < ?")
                                                                     : QStringLiteral("date >= ?"));
                q.values << *start;
                continue;
            }
        }
        words(t); // not an operator after all
    }
    return q;
}

} // namespace poplar::store
