// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18's target: a 2 GB mbox imports completely with a peak resident size under 200 MB.
//
//   poplar-import-bench [--megabytes N] [--message-kb K] [--dir DIR]
//
// Writes a Thunderbird-shaped profile whose Local Folders hold one mbox of N MB (default
// 2048) of K KB messages (default 20; every 500th is 2 MB, with a base64 attachment, and
// bodies hold "From " lines the writer quotes), then runs `poplarctl import-profile
// thunderbird` on it into a fresh Poplar profile as a child process, and prints the time,
// the messages imported (which must be all of them) and the child's peak resident size
// (getrusage's ru_maxrss for children: the kernel's VmHWM of the largest child).
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

namespace {

QByteArray body(int index, qint64 bytes)
{
    QByteArray line = "Line of the message body, number ";
    QByteArray out;
    out.reserve(bytes + 200);
    out += "Message " + QByteArray::number(index) +
           ".\n\nFrom the start, this line needs "
           "quoting in an mbox.\n";
    int n = 0;
    while (out.size() < bytes)
        out += line + QByteArray::number(++n) + " of message " + QByteArray::number(index) + ".\n";
    return out;
}

bool writeMbox(const QString &path, qint64 totalBytes, qint64 messageBytes, int *messages)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    qint64 written = 0;
    int i = 0;
    while (written < totalBytes) {
        ++i;
        const bool large = i % 500 == 0;
        QByteArray m = "From - Mon Nov 02 10:00:00 2026\n"
                       "X-Mozilla-Status: 0001\nX-Mozilla-Status2: 00000000\n"
                       "From: Sender " +
                       QByteArray::number(i % 97) +
                       " <s@example.org>\n"
                       "To: alice@example.org\nSubject: Bench message " +
                       QByteArray::number(i) +
                       "\nDate: Mon, 02 Nov 2026 10:00:00 +0000\nMessage-ID: <bench-" +
                       QByteArray::number(i) + "@example.org>\n";
        if (large) {
            m += "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                 "--b\nContent-Type: text/plain\n\nSee the attachment.\n--b\n"
                 "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n";
            const QByteArray blob = QByteArray(1536 * 1024, char(i)).toBase64();
            for (qsizetype at = 0; at < blob.size(); at += 76)
                m += blob.mid(at, 76) + '\n';
            m += "--b--\n";
        } else {
            m += "\n";
            QByteArray b = body(i, messageBytes);
            b.replace("\nFrom the start", "\n>From the start");
            m += b;
        }
        m += "\n";
        if (f.write(m) != m.size())
            return false;
        written += m.size();
    }
    *messages = i;
    return f.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, const QString &fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    const qint64 megabytes = option("--megabytes", QStringLiteral("2048")).toLongLong();
    const qint64 messageKb = option("--message-kb", QStringLiteral("20")).toLongLong();
    QTemporaryDir temp(option("--dir", QDir::tempPath()) + QStringLiteral("/poplar-import-XXXXXX"));
    if (!temp.isValid())
        return 1;
    const QString profile = temp.filePath(QStringLiteral("tb/abcd.default"));
    QDir().mkpath(profile + QStringLiteral("/Mail/Local Folders"));
    {
        QFile prefs(profile + QStringLiteral("/prefs.js"));
        if (!prefs.open(QIODevice::WriteOnly))
            return 1;
        prefs.write("user_pref(\"mail.accountmanager.accounts\", \"account1\");\n"
                    "user_pref(\"mail.account.account1.server\", \"server1\");\n"
                    "user_pref(\"mail.server.server1.type\", \"none\");\n"
                    "user_pref(\"mail.server.server1.directory-rel\", "
                    "\"[ProfD]Mail/Local Folders\");\n");
    }
    const QString mbox = profile + QStringLiteral("/Mail/Local Folders/Big");
    int generated = 0;
    std::fprintf(stderr, "writing a %lld MB mbox...\n", static_cast<long long>(megabytes));
    if (!writeMbox(mbox, megabytes * 1024 * 1024, messageKb * 1024, &generated))
        return 1;
    std::fprintf(stderr, "%d messages, %lld bytes; importing...\n", generated,
                 static_cast<long long>(QFileInfo(mbox).size()));

    QProcess ctl;
    ctl.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    ctl.start(QStringLiteral(POPLARCTL_PATH),
              {QStringLiteral("--profile"), temp.filePath(QStringLiteral("poplar")),
               QStringLiteral("import-profile"), QStringLiteral("thunderbird"), profile,
               QStringLiteral("--format"), QStringLiteral("json")});
    if (!ctl.waitForFinished(-1) || ctl.exitCode() != 0) {
        std::fprintf(stderr, "poplarctl failed\n");
        return 1;
    }
    const qint64 ms = timer.elapsed();
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const QJsonObject report = QJsonDocument::fromJson(ctl.readAllStandardOutput()).object();
    const int imported = report.value(QStringLiteral("imported")).toInt();
    std::printf("mbox_MB=%lld messages=%d imported=%d seconds=%.1f MB_per_s=%.1f "
                "peak_rss_MB=%.1f\n",
                static_cast<long long>(QFileInfo(mbox).size() / (1024 * 1024)), generated, imported,
                double(ms) / 1000.0,
                double(QFileInfo(mbox).size()) / 1048576.0 / (double(ms) / 1000.0),
                double(usage.ru_maxrss) / 1024.0);
    return imported == generated && usage.ru_maxrss < 200 * 1024 ? 0 : 2;
}
