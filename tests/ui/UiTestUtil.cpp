// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiTestUtil.h"

#include "sync/HeaderFacts.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLocale>
#include <QMutex>
#include <QStringList>
#include <QThread>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

QMutex warningsMutex;
QStringList collectedWarnings;
QtMessageHandler previousHandler = nullptr;

void collectModelTesterWarnings(QtMsgType type, const QMessageLogContext &context,
                                const QString &message)
{
    if (context.category && QByteArray(context.category) == "qt.modeltest") {
        const QMutexLocker lock(&warningsMutex);
        collectedWarnings.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return done();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        // deleteLater() outside a running exec() needs an explicit nudge.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QThread::msleep(1);
    }
    return true;
}

QByteArray rfc5322(const QString &subject, const QString &from, const QDateTime &date,
                   const QString &body, const QString &to)
{
    const QString dateText =
        QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
        QStringLiteral(" +0000");
    QString text = QStringLiteral("From: %1\r\nTo: %2\r\nSubject: %3\r\nDate: %4\r\n"
                                  "Message-ID: <%5@test.example>\r\nMIME-Version: 1.0\r\n"
                                  "Content-Type: text/plain; charset=utf-8\r\n"
                                  "Content-Transfer-Encoding: 8bit\r\n\r\n")
                       .arg(from, to, subject, dateText)
                       .arg(date.toSecsSinceEpoch());
    QString crlfBody = body;
    crlfBody.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    crlfBody.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    text += crlfBody;
    if (!text.endsWith(QStringLiteral("\r\n")))
        text += QStringLiteral("\r\n");
    return text.toUtf8();
}

qint64 storeMessage(store::MessageStore &store, const QString &accountId, const QString &uidl,
                    const QByteArray &raw)
{
    store::IncomingMessage m;
    m.accountId = accountId;
    m.uidl = uidl;
    m.raw = raw;
    m.headers = sync::headerFacts(raw); // what a sync would store
    Result<qint64> id = store.insert(m);
    EXPECT_TRUE(id.ok()) << qPrintable(id.ok() ? QString() : id.error().message());
    return id.ok() ? id.value() : 0;
}

ModelTesterWarnings::ModelTesterWarnings()
{
    const QMutexLocker lock(&warningsMutex);
    collectedWarnings.clear();
    previousHandler = qInstallMessageHandler(collectModelTesterWarnings);
}

ModelTesterWarnings::~ModelTesterWarnings()
{
    qInstallMessageHandler(previousHandler);
}

QStringList ModelTesterWarnings::warnings() const
{
    const QMutexLocker lock(&warningsMutex);
    return collectedWarnings;
}

} // namespace poplar::test
