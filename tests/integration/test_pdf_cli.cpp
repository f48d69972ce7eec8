// SPDX-License-Identifier: GPL-3.0-or-later
// poplarctl pdf: a message from the cache as a PDF whose text can be read back, without a
// screen.
#include "CtlTest.h"
#include "PdfSample.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

class PdfCliTest : public CtlTest {
protected:
    /// The Chinese sample imported into a local folder; returns its id.
    QString importSample()
    {
        const QString mbox = writeFile(QStringLiteral("zh.mbox"),
                                       "From li.lei@example.cn Wed Dec 02 01:30:00 2026\n" +
                                           chineseHtmlMessage() + "\n");
        const CtlRun imported = ctl({QStringLiteral("import"), QStringLiteral("mbox"), mbox,
                                     QStringLiteral("--folder"), QStringLiteral("Received")});
        EXPECT_EQ(imported.exitCode, 0) << imported.err.toStdString();
        const QJsonArray rows = listJson(QStringLiteral("local:Received"));
        EXPECT_EQ(rows.size(), 1);
        return QString::number(rows.at(0).toObject().value(QStringLiteral("id")).toInteger());
    }
};

TEST_F(PdfCliTest, AChineseHtmlMessageBecomesAPdfWithItsTextExtractable)
{
    const QString id = importSample();
    const QString pdf = m_files.filePath(QStringLiteral("out.pdf"));
    // As from a cron job or ssh: no display at all.
    qunsetenv("DISPLAY");
    const CtlRun r = ctl({QStringLiteral("pdf"), id, pdf});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString text = pdfText(pdf);
    for (const QString &shown :
         {QStringLiteral("周五的会议安排"), QStringLiteral("李雷 <li.lei@example.cn>"),
          QStringLiteral("各位好"), QStringLiteral("周五的会议改到下午三点"),
          QStringLiteral("地点在第二会议室"), QStringLiteral("议程.txt")})
        EXPECT_TRUE(text.contains(shown)) << qPrintable(shown) << " not in:\n" << qPrintable(text);
}

TEST_F(PdfCliTest, ABadIdOrAnUnwritableFileFailsClearly)
{
    const QString id = importSample();
    const CtlRun missing = ctl({QStringLiteral("pdf"), QStringLiteral("999999"),
                                m_files.filePath(QStringLiteral("x.pdf"))});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_FALSE(missing.err.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(m_files.filePath(QStringLiteral("x.pdf"))));

    const QString nowhere = m_files.filePath(QStringLiteral("no-such-folder/x.pdf"));
    const CtlRun unwritable = ctl({QStringLiteral("pdf"), id, nowhere});
    EXPECT_EQ(unwritable.exitCode, 1);
    EXPECT_TRUE(unwritable.err.contains("Cannot write")) << unwritable.err.toStdString();

    const CtlRun usage = ctl({QStringLiteral("pdf"), id});
    EXPECT_EQ(usage.exitCode, 2);
}

TEST_F(PdfCliTest, APoplarctlWithoutItsPdfHelperSaysWhatIsMissing)
{
    // poplarctl alone, as a package that left out its helper would install it.
    const QString alone = m_files.filePath(QStringLiteral("bin/poplarctl"));
    ASSERT_TRUE(QDir().mkpath(QFileInfo(alone).path()));
    ASSERT_TRUE(QFile::copy(QStringLiteral(POPLARCTL_PATH), alone));
    const QString pdf = m_files.filePath(QStringLiteral("x.pdf"));
    TestProcess p;
    p.start(alone, {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("pdf"),
                    QStringLiteral("1"), pdf});
    p.closeWriteChannel();
    ASSERT_TRUE(p.waitForFinished(30'000));
    EXPECT_EQ(p.exitCode(), 1);
    EXPECT_TRUE(p.readAllStandardError().contains("poplarctl-pdf"));
    EXPECT_FALSE(QFileInfo::exists(pdf));
}

} // namespace

} // namespace poplar::test
