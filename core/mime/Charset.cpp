// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/Charset.h"

#include <QStringDecoder>

#include <array>
#include <utility>

namespace poplar::mime {

namespace {

// Labels whose strict reading garbles real mail. Each maps to the superset that senders
// actually used; the list follows the WHATWG Encoding standard where it speaks.
constexpr std::array<std::pair<const char *, const char *>, 28> kAliases{{
    {"win-1251", "windows-1251"},
    {"gb2312", "gb18030"},
    {"gbk", "gb18030"},
    {"x-gbk", "gb18030"},
    {"cp936", "gb18030"},
    {"ms936", "gb18030"},
    {"euc-cn", "gb18030"},
    {"chinese", "gb18030"},
    {"csgb2312", "gb18030"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"iso-8859-11", "windows-874"},
    {"tis-620", "windows-874"},
    {"ks_c_5601-1987", "windows-949"},
    {"ks_c_5601", "windows-949"},
    {"euc-kr", "windows-949"},
    {"korean", "windows-949"},
    {"cp949", "windows-949"},
    {"shift_jis", "windows-31j"},
    {"sjis", "windows-31j"},
    {"x-sjis", "windows-31j"},
    {"big5", "big5-hkscs"},
}};

} // namespace

QByteArray canonicalCharset(QByteArrayView label)
{
    QByteArray name = label.trimmed().toByteArray().toLower();
    // Quoted labels and RFC 2231 language tags ("utf-8*en") both occur in the wild.
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\''))
        name = name.mid(1, name.size() - 2).trimmed();
    if (const qsizetype star = name.indexOf('*'); star >= 0)
        name.truncate(star);
    for (const auto &[from, to] : kAliases) {
        if (name == from)
            return QByteArray(to);
    }
    return name;
}

bool isValidUtf8(QByteArrayView bytes)
{
    if (!hasEightBit(bytes))
        return true;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // decode() is lazy: only turning its result into a QString runs the decoder.
    const QString decoded = utf8.decode(bytes);
    return !utf8.hasError();
}

bool hasEightBit(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    }
    return false;
}

namespace {

QString withoutNul(QString text)
{
    // U+FFFD, not removal: the reader should see that something was there.
    text.replace(QChar(u'\0'), QChar::ReplacementCharacter);
    return text;
}

} // namespace

DecodedText decodeCharset(QByteArrayView bytes, QByteArrayView charset)
{
    DecodedText out;
    QByteArray name = canonicalCharset(charset);
    // "us-ascii" with 8-bit bytes is a mailer that did not say; UTF-8 is the likely truth.
    if (name == "windows-1252" && charset.trimmed().toByteArray().toLower().contains("ascii") &&
        isValidUtf8(bytes))
        name = "utf-8";
    // ISO-2022 is 7-bit by design: 8-bit bytes under that label are the same language's
    // 8-bit encoding (EUC-JP under "iso-2022-jp" is a classic), or UTF-8.
    if (name.startsWith("iso-2022-") && hasEightBit(bytes)) {
        if (isValidUtf8(bytes))
            name = "utf-8";
        else if (name.startsWith("iso-2022-jp"))
            name = "euc-jp";
        else if (name.startsWith("iso-2022-kr"))
            name = "windows-949";
        else if (name.startsWith("iso-2022-cn"))
            name = "gb18030";
    }
    if (!name.isEmpty()) {
        QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
        if (decoder.isValid()) {
            out.text = withoutNul(decoder.decode(bytes));
            out.hadErrors = decoder.hasError();
            return out;
        }
        out.charsetKnown = false;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        out.text = withoutNul(std::move(text));
        return out;
    }
    QStringDecoder cp1252("windows-1252", QStringDecoder::Flag::Stateless);
    out.text = withoutNul(cp1252.isValid() ? cp1252.decode(bytes) : QString::fromLatin1(bytes));
    return out;
}

QString decodeText(QByteArrayView bytes, QByteArrayView charset)
{
    return decodeCharset(bytes, charset).text;
}

} // namespace poplar::mime
