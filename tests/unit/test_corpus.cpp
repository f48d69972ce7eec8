// SPDX-License-Identifier: GPL-3.0-or-later
// The shared real-world corpus (../shared/corpus beside the checkout, never copied into the
// repository): every message is rendered and every asserted fact of expected.json checked,
// one test per message, so a failure names the message and the fact.
#include "mime/MessageRenderer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

using namespace poplar::mime;

namespace {

/// POPLAR_CORPUS overrides the folder beside the checkout, so CI can point elsewhere.
QString corpusDir()
{
    const QByteArray env = qgetenv("POPLAR_CORPUS");
    return env.isEmpty() ? QStringLiteral(POPLAR_CORPUS_DIR) : QString::fromLocal8Bit(env);
}

struct CorpusEntry {
    std::string file; ///< relative to the corpus folder; empty when there is no corpus
    QJsonObject expected;
};

std::vector<CorpusEntry> loadRecords()
{
    QFile file(corpusDir() + QStringLiteral("/expected.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {{}}; // one placeholder, so the suite reports a skip rather than nothing
    const QJsonArray messages = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QStringLiteral("messages"))
                                    .toArray();
    std::vector<CorpusEntry> out;
    for (const QJsonValue &v : messages) {
        const QJsonObject o = v.toObject();
        out.push_back({o.value(QStringLiteral("file")).toString().toStdString(), o});
    }
    if (out.empty())
        out.push_back({});
    return out;
}

/// The comparison rules of expected.json: NFC, every whitespace run one space, trimmed.
QString normalized(const QString &s)
{
    const QString nfc = s.normalized(QString::NormalizationForm_C);
    QString out;
    out.reserve(nfc.size());
    bool space = false;
    for (const QChar c : nfc) {
        if (c.isSpace()) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

QStringList normalizedList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out.append(normalized(item.toString()));
    return out;
}

bool has(const QJsonObject &o, const char *key)
{
    return o.contains(QLatin1String(key)) && !o.value(QLatin1String(key)).isNull();
}

std::string show(const QString &s)
{
    return s.toStdString();
}

std::string show(const QStringList &l)
{
    return "[" + l.join(QStringLiteral(" | ")).toStdString() + "]";
}

// gtest prints the parameter of a failed test; the file name says all that is needed.
void PrintTo(const CorpusEntry &record, std::ostream *os)
{
    *os << record.file;
}

class CorpusRecord : public ::testing::TestWithParam<CorpusEntry> {};

TEST_P(CorpusRecord, RendersTheExpectedFacts)
{
    const CorpusEntry &record = GetParam();
    if (record.file.empty())
        GTEST_SKIP() << "No corpus at " << corpusDir().toStdString()
                     << " (set POPLAR_CORPUS to point at one)";
    const QJsonObject &e = record.expected;
    QFile file(corpusDir() + QLatin1Char('/') + QString::fromStdString(record.file));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << record.file;
    const QByteArray raw = file.readAll();
    const RenderedMessage m = MessageRenderer::render(raw);
    const MessageHeaders &h = m.headers;

    if (has(e, "subject_any_of")) {
        const QStringList any = normalizedList(e.value(QStringLiteral("subject_any_of")));
        EXPECT_TRUE(any.contains(normalized(h.subject)))
            << "subject " << show(h.subject) << " not in " << show(any);
    } else if (has(e, "subject")) {
        EXPECT_EQ(show(normalized(h.subject)),
                  show(normalized(e.value(QStringLiteral("subject")).toString())))
            << "subject";
    }

    if (has(e, "from")) {
        const QJsonObject from = e.value(QStringLiteral("from")).toObject();
        EXPECT_EQ(show(h.from.address), show(from.value(QStringLiteral("address")).toString()))
            << "from address";
        if (has(e, "from_name_any_of")) {
            const QStringList any = normalizedList(e.value(QStringLiteral("from_name_any_of")));
            EXPECT_TRUE(any.contains(normalized(h.from.name)))
                << "from name " << show(h.from.name) << " not in " << show(any);
        } else if (has(from, "name")) {
            EXPECT_EQ(show(normalized(h.from.name)),
                      show(normalized(from.value(QStringLiteral("name")).toString())))
                << "from name";
        }
    }

    const QString date = h.date.isValid()
                             ? h.date.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"))
                             : QString();
    if (has(e, "date_utc_any_of")) {
        const QStringList any = normalizedList(e.value(QStringLiteral("date_utc_any_of")));
        EXPECT_TRUE(any.contains(date)) << "date " << show(date) << " not in " << show(any);
    } else if (has(e, "date_utc")) {
        EXPECT_EQ(show(date), show(e.value(QStringLiteral("date_utc")).toString())) << "date";
    }

    if (has(e, "attachments")) {
        QStringList names;
        for (const AttachmentInfo &a : m.attachments)
            names.append(a.filename);
        EXPECT_EQ(m.attachments.size(), e.value(QStringLiteral("attachments")).toInt())
            << "attachment count; got " << show(names);
        if (has(e, "attachment_filenames")) {
            QStringList expectedNames;
            for (const QJsonValue &n : e.value(QStringLiteral("attachment_filenames")).toArray())
                expectedNames.append(n.isNull() ? QString() : n.toString());
            EXPECT_EQ(show(names), show(expectedNames)) << "attachment names";
        }
    }

    // "Either alternative": the plain one is rendered too, for a snippet only it has.
    RenderOptions plainFirst;
    plainFirst.preferHtml = false;
    const QString text = normalized(m.text) + QLatin1Char('\n') +
                         normalized(MessageRenderer::render(raw, plainFirst).text);
    QStringList snippets;
    if (has(e, "body_snippet_any_of"))
        snippets = normalizedList(e.value(QStringLiteral("body_snippet_any_of")));
    else if (has(e, "body_snippet"))
        snippets.append(normalized(e.value(QStringLiteral("body_snippet")).toString()));
    if (!snippets.isEmpty()) {
        const bool found = std::any_of(snippets.cbegin(), snippets.cend(),
                                       [&](const QString &s) { return text.contains(s); });
        EXPECT_TRUE(found) << "body snippet " << show(snippets) << " not in text:\n"
                           << show(text.left(600));
    }

    // The cache lists what headers() gives (at sync time); the reader must agree with it.
    const MessageHeaders listed = MessageRenderer::headers(raw);
    EXPECT_EQ(show(listed.subject), show(h.subject)) << "headers() subject";
    EXPECT_EQ(show(listed.from.display()), show(h.from.display())) << "headers() from";
    EXPECT_EQ(listed.date, h.date) << "headers() date";

    for (const QJsonValue &absent : e.value(QStringLiteral("headers_absent")).toArray()) {
        const QString field = absent.toString();
        if (field == QLatin1String("subject")) {
            EXPECT_TRUE(h.subject.isEmpty()) << "absent subject shown as " << show(h.subject);
        } else if (field == QLatin1String("from")) {
            EXPECT_TRUE(h.from.name.isEmpty() && h.from.address.isEmpty())
                << "absent from shown as " << show(h.from.display());
        } else if (field == QLatin1String("date")) {
            EXPECT_FALSE(h.date.isValid()) << "absent date shown as " << show(date);
        }
    }
}

std::string recordName(const ::testing::TestParamInfo<CorpusEntry> &info)
{
    if (info.param.file.empty())
        return "NoCorpus";
    std::string name;
    for (const char c : info.param.file)
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusRecord, ::testing::ValuesIn(loadRecords()), recordName);

} // namespace
