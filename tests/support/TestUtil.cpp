// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestUtil.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

namespace poplar::test {

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return done();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(1);
    }
    return true;
}

QByteArray makeMessage(const QString &subject, const QString &from, const QString &body,
                       const QString &date)
{
    QByteArray out;
    out += "From: " + from.toUtf8() + "\r\n";
    out += "To: Alice <alice@example.org>\r\n";
    out += "Subject: " + subject.toUtf8() + "\r\n";
    out += "Date: " + date.toUtf8() + "\r\n";
    out += "Message-ID: <" + QByteArray::number(qHash(subject + body)) + "@test.example>\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: 8bit\r\n";
    out += "\r\n";
    QByteArray text = body.toUtf8();
    text.replace("\r\n", "\n");
    text.replace("\n", "\r\n");
    out += text;
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

QByteArray testData(const QString &relativePath)
{
    QFile f(QStringLiteral(POPLAR_TEST_DATA_DIR "/") + relativePath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace poplar::test
