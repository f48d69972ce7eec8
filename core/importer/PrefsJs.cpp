// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/PrefsJs.h"

#include <QFile>

namespace poplar::importer {

namespace {

/// Reads a JavaScript string literal starting at text[pos] (the opening quote); returns the
/// position after the closing quote, or -1.
qsizetype readString(const QString &text, qsizetype pos, QString *out)
{
    const QChar quote = text.at(pos);
    QString value;
    for (qsizetype i = pos + 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == quote) {
            *out = value;
            return i + 1;
        }
        if (c != QLatin1Char('\\') || i + 1 >= text.size()) {
            value += c;
            continue;
        }
        const QChar e = text.at(++i);
        switch (e.unicode()) {
        case 'n':
            value += QLatin1Char('\n');
            break;
        case 't':
            value += QLatin1Char('\t');
            break;
        case 'r':
            value += QLatin1Char('\r');
            break;
        case 'u':
            if (i + 4 < text.size()) {
                bool ok = false;
                const ushort code = text.mid(i + 1, 4).toUShort(&ok, 16);
                if (ok) {
                    value += QChar(code);
                    i += 4;
                    break;
                }
            }
            value += e;
            break;
        default:
            value += e; // \" \\ \' and anything else stand for themselves
        }
    }
    return -1;
}

qsizetype skipSpace(const QString &text, qsizetype pos)
{
    while (pos < text.size() && text.at(pos).isSpace())
        ++pos;
    return pos;
}

} // namespace

PrefsJs PrefsJs::parse(const QByteArray &bytes)
{
    PrefsJs prefs;
    const QString text = QString::fromUtf8(bytes);
    static const QString call = QStringLiteral("user_pref(");
    qsizetype pos = 0;
    while ((pos = text.indexOf(call, pos)) >= 0) {
        pos = skipSpace(text, pos + call.size());
        if (pos >= text.size() ||
            (text.at(pos) != QLatin1Char('"') && text.at(pos) != QLatin1Char('\'')))
            continue;
        QString name;
        pos = readString(text, pos, &name);
        if (pos < 0)
            break;
        pos = skipSpace(text, pos);
        if (pos >= text.size() || text.at(pos) != QLatin1Char(','))
            continue;
        pos = skipSpace(text, pos + 1);
        if (pos >= text.size())
            break;
        const QChar c = text.at(pos);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            QString value;
            pos = readString(text, pos, &value);
            if (pos < 0)
                break;
            prefs.m_values.insert(name, value);
            continue;
        }
        qsizetype end = pos;
        while (end < text.size() && text.at(end) != QLatin1Char(')'))
            ++end;
        const QString word = text.mid(pos, end - pos).trimmed();
        pos = end;
        bool ok = false;
        if (word == QLatin1String("true"))
            prefs.m_values.insert(name, true);
        else if (word == QLatin1String("false"))
            prefs.m_values.insert(name, false);
        else if (const qlonglong n = word.toLongLong(&ok); ok)
            prefs.m_values.insert(name, n);
    }
    return prefs;
}

PrefsJs PrefsJs::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(file.readAll());
}

QStringList PrefsJs::names(const QString &prefix) const
{
    QStringList out;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (it.key().startsWith(prefix))
            out.append(it.key());
    }
    out.sort();
    return out;
}

QString PrefsJs::string(const QString &name, const QString &fallback) const
{
    const auto it = m_values.constFind(name);
    return it == m_values.cend() ? fallback : it->toString();
}

int PrefsJs::integer(const QString &name, int fallback) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        return fallback;
    bool ok = false;
    const int n = it->toInt(&ok);
    return ok ? n : fallback;
}

bool PrefsJs::boolean(const QString &name, bool fallback) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        return fallback;
    if (it->typeId() == QMetaType::Bool)
        return it->toBool();
    return it->toString() == QLatin1String("true") || it->toLongLong() != 0;
}

} // namespace poplar::importer
