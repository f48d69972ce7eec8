// SPDX-License-Identifier: GPL-3.0-or-later
// The Simplified Chinese catalogue is whole: every message in it is translated, keeps the
// placeholders of its source, and is found in the compiled catalogue the programs carry
// (:/i18n, from poplar-translations). The ctest Translations.CatalogueCoversTheSources runs
// the first check again on a copy that lupdate has just refreshed from the sources, so a
// sentence added to the code without its translation fails there.
#include "util/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace poplar;

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             ///< the translation's type attribute: "", "unfinished", ...
    QStringList translations; ///< the one translation, or each numerus form
};

/// Which catalogue to read: the one in the source tree, or the refreshed copy of the ctest
/// that runs lupdate first.
QString tsPath()
{
    const QString copy = qEnvironmentVariable("POPLAR_TS_TO_CHECK");
    return copy.isEmpty() ? QStringLiteral(POPLAR_ZH_CN_TS) : copy;
}

QList<TsMessage> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QList<TsMessage> messages;
    QString context;
    TsMessage *current = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            current = nullptr;
        } else if (name == QLatin1String("name") && !current) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            messages.append(TsMessage{});
            current = &messages.last();
            current->context = context;
            current->numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (current && name == QLatin1String("source")) {
            current->source = xml.readElementText();
        } else if (current && name == QLatin1String("comment")) {
            current->comment = xml.readElementText();
        } else if (current && name == QLatin1String("translation")) {
            current->type = xml.attributes().value(QLatin1String("type")).toString();
            if (!current->numerus)
                current->translations.append(xml.readElementText());
        } else if (current && name == QLatin1String("numerusform")) {
            current->translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

/// %1…%99 and %n (with or without L), as a set: word order may change, the values may not.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const auto &m : marker.globalMatch(text))
        found.insert(m.captured(1));
    return found;
}

/// An English phrase of two words or more, which a translation may not leave as it is
/// unless it is a command a user types (a placeholder shows one).
bool mustBeTranslated(const QString &text)
{
    static const QSet<QString> commands{QStringLiteral("pass show mail/pop")};
    static const QRegularExpression words(QStringLiteral("[A-Za-z]{2,}\\s+[A-Za-z]{2,}"));
    return !commands.contains(text) && words.match(text).hasMatch();
}

QString where(const TsMessage &m)
{
    return m.context + QStringLiteral(" / \"") + m.source + QLatin1Char('"');
}

class TranslationCatalogue : public ::testing::Test {
protected:
    void SetUp() override
    {
        QString error;
        m_messages = readCatalogue(tsPath(), &error);
        ASSERT_TRUE(error.isEmpty()) << qPrintable(tsPath()) << ": " << qPrintable(error);
        // A catalogue that reads as empty would pass every check below.
        ASSERT_GT(m_messages.size(), 400) << qPrintable(tsPath());
    }

    QList<TsMessage> m_messages;
};

TEST_F(TranslationCatalogue, EveryMessageIsTranslatedWithItsPlaceholders)
{
    for (const TsMessage &m : std::as_const(m_messages)) {
        EXPECT_TRUE(m.type.isEmpty())
            << "marked " << qPrintable(m.type) << ": " << qPrintable(where(m));
        ASSERT_FALSE(m.translations.isEmpty()) << "no translation: " << qPrintable(where(m));
        for (const QString &t : m.translations) {
            EXPECT_FALSE(t.trimmed().isEmpty()) << "empty translation: " << qPrintable(where(m));
            EXPECT_EQ(placeholders(t), placeholders(m.source))
                << qPrintable(where(m)) << " -> " << qPrintable(t);
            // Copied, not translated ("SSL/TLS" may stay as it is; a sentence may not).
            EXPECT_FALSE(t == m.source && mustBeTranslated(m.source))
                << "left in English: " << qPrintable(where(m));
        }
    }
}

TEST_F(TranslationCatalogue, TheCoreAndPoplarctlHaveTheirWords)
{
    QSet<QString> contexts;
    for (const TsMessage &m : std::as_const(m_messages))
        contexts.insert(m.context);
    for (const char *context :
         {"poplar::Error", "poplar::Profile", "poplar::AccountStore", "poplar::pop3::Pop3Client",
          "poplar::pop3::Pop3Parser", "poplar::pop3::SocketTransport", "poplar::pop3::LoginMethod",
          "poplar::sync::AccountSync", "poplar::mime::BodyWalker", "poplarctl"})
        EXPECT_TRUE(contexts.contains(QLatin1String(context))) << context;
}

TEST_F(TranslationCatalogue, TheCompiledCatalogueGivesEveryTranslation)
{
    QTranslator compiled;
    ASSERT_TRUE(compiled.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("poplar"),
                              QStringLiteral("_"), QStringLiteral(":/i18n")));
    for (const TsMessage &m : std::as_const(m_messages)) {
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.toUtf8();
        const QString got = compiled.translate(context.constData(), source.constData(),
                                               m.comment.isEmpty() ? nullptr : comment.constData(),
                                               m.numerus ? 2 : -1);
        EXPECT_FALSE(got.isEmpty()) << "not in the compiled catalogue: " << qPrintable(where(m));
    }
}

TEST(Translations, InstallsPoplarsWordsForChineseAndLeavesEnglishAsWritten)
{
    {
        const Translations chinese(QLocale(QStringLiteral("zh_CN")));
        ASSERT_TRUE(chinese.poplarInstalled());
        EXPECT_EQ(QCoreApplication::translate("poplar::Error", "%1 (server said: %2)"),
                  QStringLiteral("%1（服务器回复：%2）"));
    }
    // Gone with the object; a language without a catalogue keeps the source.
    EXPECT_EQ(QCoreApplication::translate("poplar::Error", "%1 (server said: %2)"),
              QStringLiteral("%1 (server said: %2)"));
    const Translations english(QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_FALSE(english.poplarInstalled());
    EXPECT_EQ(QCoreApplication::translate("poplar::Error", "%1 (server said: %2)"),
              QStringLiteral("%1 (server said: %2)"));
}

} // namespace
