// SPDX-License-Identifier: GPL-3.0-or-later
#include "PdfSample.h"

#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

QByteArray encodedWord(const QString &text)
{
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

} // namespace

QByteArray chineseHtmlMessage()
{
    const QByteArray html =
        QStringLiteral("<html><body><p>各位好：</p><p>周五的会议改到<b>下午三点</b>，"
                       "地点在第二会议室。</p><p>李雷</p></body></html>")
            .toUtf8();
    QByteArray body = html.toBase64();
    for (qsizetype at = 76; at < body.size(); at += 78)
        body.insert(at, "\r\n");
    return "From: " + encodedWord(QStringLiteral("李雷")) +
           " <li.lei@example.cn>\r\n"
           "To: Alice <alice@example.org>\r\n"
           "Subject: " +
           encodedWord(QStringLiteral("周五的会议安排")) +
           "\r\n"
           "Date: Wed, 02 Dec 2026 09:30:00 +0800\r\n"
           "Message-ID: <meeting@example.cn>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           "--b1\r\n"
           "Content-Type: text/html; charset=utf-8\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" +
           body +
           "\r\n--b1\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "Content-Disposition: attachment; filename*=UTF-8''%E8%AE%AE%E7%A8%8B.txt\r\n\r\n"
           "agenda\r\n"
           "--b1--\r\n";
}

QString pdfText(const QString &path)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty()) {
        ADD_FAILURE() << "pdftotext is missing (poppler-utils; run packaging/install-deps.sh)";
        return {};
    }
    QProcess p;
    p.start(tool, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        p.kill();
        p.waitForFinished();
        ADD_FAILURE() << "pdftotext failed on " << path.toStdString() << ": "
                      << p.readAllStandardError().toStdString();
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace poplar::test
