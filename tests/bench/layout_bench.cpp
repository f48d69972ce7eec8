// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 item 4's target: no message of any shape stalls the GUI thread for more than
// 100 ms, and none takes more than 500 MB.
//
//   poplar-layout-bench [--shape NAME]
//
// Without --shape it starts itself once per shape (tests/bench/LayoutBombs.h), so that each
// peak resident size (VmHWM) is that shape's. Each run shows the real MessageView at
// 900x700 on the offscreen platform, builds the message (not timed), then starts a 1 ms
// timer and records the longest gap between its ticks (the longest the event loop was
// kept from running) while the viewer renders the message, for three seconds after that (Qt lays
// the rest of the body out in steps meanwhile), and while the user jumps to the end of the
// body and a second more.
#include "LayoutBombs.h"
#include "MessageView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextBrowser>
#include <QTimer>

#include <cstdio>

using namespace poplar;

namespace {

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Spins the event loop for `ms`, or until `done`.
void spin(int ms, const std::function<bool()> &done = {})
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms && !(done && done()))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

int measure(const QString &name)
{
    const QList<bench::LayoutBomb> bombs = bench::layoutBombs({name});
    if (bombs.isEmpty()) {
        std::fprintf(stderr, "no shape %s\n", qPrintable(name));
        return 2;
    }
    ui::MessageView view;
    view.resize(900, 700);
    view.show();
    spin(300);

    qint64 longestGap = 0;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout,
                     [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    bool rendered = false;
    QObject::connect(&view, &ui::MessageView::rendered, [&rendered] { rendered = true; });

    QElapsedTimer total;
    total.start();
    sinceTick.start();
    ticker.start();
    view.showMessage(1, bombs.first().raw);
    spin(120'000, [&] { return rendered; });
    const qint64 renderMs = total.elapsed();
    spin(3000); // Qt lays the rest out in steps meanwhile
    auto *body = view.findChild<QTextBrowser *>(QStringLiteral("messageBody"));
    body->moveCursor(QTextCursor::End); // what End does: the rest is laid out
    spin(1000);
    ticker.stop();
    std::printf("%-22s rendered=%s render=%6lld ms  longest-stall=%5lld ms  peak-rss=%5lld MB\n",
                qPrintable(name), rendered ? "yes" : "NO ", static_cast<long long>(renderMs),
                static_cast<long long>(longestGap),
                static_cast<long long>(statusKb("VmHWM:") / 1024));
    std::fflush(stdout);
    return rendered ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--shape"));
        at > 0 && at + 1 < args.size())
        return measure(args.at(at + 1));

    int failed = 0;
    for (const QString &name :
         {QStringLiteral("tables-nested-25"), QStringLiteral("tables-nested-10000"),
          QStringLiteral("table-spans-250"), QStringLiteral("word-5mb-html"),
          QStringLiteral("word-5mb-plain"), QStringLiteral("subject-1mb"),
          QStringLiteral("images-4x5600"), QStringLiteral("image-declared-huge")}) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--shape"), name});
        child.waitForFinished(300'000);
        failed += child.exitCode() != 0 ? 1 : 0;
    }
    return failed == 0 ? 0 : 1;
}
