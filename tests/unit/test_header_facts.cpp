// SPDX-License-Identifier: GPL-3.0-or-later
// MessageRenderer::headers() reads a header block without building a message (what a sync
// stores for every message); render() builds the whole message (what the viewer shows).
// The list and the viewer must agree on every header fact, for well-formed and broken
// headers alike: this compares the two over the test messages, the shared corpus, and
// header blocks written to trip a header parser.
#include "mime/MessageRenderer.h"

#include "HeaderFactsCheck.h"
#include "TestUtil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace poplar::mime;

namespace {

void expectSameFacts(const QByteArray &raw, const std::string &what)
{
    const MessageHeaders quick = MessageRenderer::headers(raw);
    const MessageHeaders whole = MessageRenderer::render(raw).headers;
    const char *differs = poplar::test::differingFact(quick, whole);
    EXPECT_EQ(differs, nullptr) << what << ": the list and the viewer read its " << differs
                                << " differently";
}

QList<QString> messageFiles(const QString &dir)
{
    QList<QString> files;
    QDirIterator it(dir, {QStringLiteral("*.eml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    std::sort(files.begin(), files.end());
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(HeaderFacts, TheListAndTheViewerReadTheSameHeadersFromEveryTestMessage)
{
    QList<QString> files = messageFiles(QStringLiteral(POPLAR_TEST_DATA_DIR "/mime"));
    const QString corpus = QStringLiteral(POPLAR_CORPUS_DIR);
    files += messageFiles(corpus); // absent in a clone without ../shared: fewer, not none
    ASSERT_GE(files.size(), 20);
    int compared = 0;
    for (const QString &path : files) {
        const QByteArray raw = readAll(path);
        if (!poplar::test::headerIsUtf8(raw))
            continue;
        expectSameFacts(raw, path.toStdString());
        ++compared;
    }
    EXPECT_GE(compared, 15);
}

TEST(HeaderFacts, BrokenAndTrickyHeaderBlocksAreReadAlikeToo)
{
    const QList<QByteArray> blocks = {
        // Two Message-IDs: GMime's message keeps the last.
        "Message-ID: <first@example.org>\r\nSubject: twice\r\nMessage-ID: <second@example.org>\r\n"
        "\r\nbody\r\n",
        "Message-ID: <only@example.org>\nMessage-ID:\n\nbody\n",
        "Message-ID:   no-angles@example.org  \n\nbody\n",
        // Folding, spacing and case.
        "subject:   folded\r\n\tacross\r\n  three lines  \r\nFROM : Ann <ann@example.org>\r\n"
        "To: a@example.org,\r\n b@example.org\r\n\r\n",
        "Subject:\r\nFrom:\r\nTo:\r\nDate:\r\nMessage-ID:\r\n\r\n",
        // Lines that are no header field, control characters, a leading mbox line.
        "From sender@example.org Mon Jan  1 10:00:00 2024\nSubject: mbox\nNoColonHere\n"
        "From: x@example.org\n\nbody\n",
        "Subject: bell\x07 and\x01 escape\x1b[0m\nFrom: \"Q\x7f\" <q@example.org>\n\nb\n",
        "Subject: s\r\r\nFrom: f@example.org\n\r\nTo: in-the-body@example.org\n",
        " leading continuation\nSubject: after it\n\nbody\n",
        "Subject: no body and no line end",
        "\n\nno header at all\n",
        // Encoded words, groups, comments, dates GMime has to work for.
        "Subject: =?UTF-8?B?w5xiZXJzaWNodA==?= =?UTF-8?Q?_und_mehr?=\n"
        "From: =?ISO-8859-1?Q?J=F6rg?= <joerg@example.org> (comment)\n"
        "To: Team: a@example.org, \"B, Bee\" <b@example.org>;, c@example.org\n"
        "Cc: undisclosed-recipients:;\n"
        "Reply-To: <reply@example.org>\n"
        "Date: Mon, 2 Nov 2026 02:20:60 +0100\n"
        "In-Reply-To: <a@b>\n (comment) <c@d>\n"
        "References: <1@x>\n\t<2@x>\n\t<3@x>\n\nbody\n",
        "Date: not a date at all\nDate: Tue, 3 Nov 2026 10:00:00 GMT\n\n",
        "Content-Type: text/plain; charset=utf-8\nSubject: Grüße aus Köln\n"
        "From: Jürgen <j@example.org>\n\nbody\n",
    };
    for (qsizetype i = 0; i < blocks.size(); ++i)
        expectSameFacts(blocks.at(i), "block " + std::to_string(i));
}

TEST(HeaderFacts, RandomHeaderBlocksAreReadAlike)
{
    // Seeded: the same blocks every run; a failure names its seed and index.
    const QList<QByteArray> pieces = {
        "Subject:",
        "From:",
        "To:",
        "Cc:",
        "Reply-To:",
        "Date:",
        "Message-ID:",
        "In-Reply-To:",
        "References:",
        "X-Other:",
        " ",
        "\t",
        "<a@b>",
        "a@b",
        "\"N, M\"",
        "=?UTF-8?Q?x_y?=",
        "Mon, 2 Nov 2026 02:20:13 +0100",
        ",",
        ";",
        ":",
        "(c)",
        "\r\n",
        "\n",
        "word",
        "\x01",
        "From ",
        "--",
        "\r",
        "Bad Name:",
        "N\x7f:",
        "\xc3\xa9",
        "\t:",
        ": ",
        "x\xff",
    };
    QRandomGenerator random(20261206);
    for (int i = 0; i < 3000; ++i) {
        QByteArray block;
        const int parts = 1 + int(random.bounded(40));
        for (int p = 0; p < parts; ++p)
            block += pieces.at(random.bounded(pieces.size()));
        block += "\n\nbody\n";
        expectSameFacts(block, "random block " + std::to_string(i));
        if (::testing::Test::HasFailure())
            break; // one is enough to read
    }
}
