// SPDX-License-Identifier: GPL-3.0-or-later
#include "junk/JunkClassifier.h"

#include "junk/ClassifierView.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>

#include <cerrno>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace poplar::junk {

namespace {

/// The separator that begins each message of the mailbox (-M): a line bogofilter's mbox
/// reader takes for a "From " line.
constexpr char separator[] = "From poplar Thu Jan  1 00:00:00 1970\n";

/// bogofilter's flags for moving a message's words from one side of the word list to the
/// other: -s/-n register as junk/good, -S/-N take a registration out.
QString trainingFlags(Training from, Training to)
{
    QString flags;
    if (from == Training::Junk)
        flags += QLatin1Char('S');
    else if (from == Training::Good)
        flags += QLatin1Char('N');
    if (to == Training::Junk)
        flags += QLatin1Char('s');
    else if (to == Training::Good)
        flags += QLatin1Char('n');
    return flags;
}

/// One line of -T output: "S 0.999", "H 0", "U 0.52".
std::optional<JunkScore> parseScore(QByteArrayView line)
{
    line = line.trimmed();
    if (line.size() < 3 || line.at(1) != ' ')
        return std::nullopt;
    JunkScore score;
    switch (line.at(0)) {
    case 'S':
        score.verdict = JunkScore::Class::Junk;
        break;
    case 'H':
        score.verdict = JunkScore::Class::Good;
        break;
    case 'U':
        score.verdict = JunkScore::Class::Unsure;
        break;
    default:
        return std::nullopt;
    }
    bool ok = false;
    score.spamicity = line.sliced(2).toDouble(&ok);
    if (!ok || score.spamicity < 0 || score.spamicity > 1)
        return std::nullopt;
    return score;
}

/// A file that lives in memory only (Linux's memfd), closed with this object: bogofilter's
/// standard input and output. Through pipes, bogofilter's 4 KB reads and its line a message
/// woke Poplar's waiting thread about 400 times per call of 200 messages, and those wake-ups
/// cost Poplar as much CPU as building the mailbox (tests/bench, BM_Junk_Classify); from a
/// file it reads without waiting for anyone, and Poplar sleeps until it exits.
class MemoryFile {
public:
    MemoryFile()
    {
#ifdef Q_OS_LINUX
        m_fd = ::memfd_create("poplar-junk", MFD_CLOEXEC);
        // QProcess opens the file by name for the child: the descriptor's name under /proc.
        if (m_fd >= 0 && !QFileInfo::exists(path())) {
            ::close(m_fd);
            m_fd = -1;
        }
#endif
    }
    ~MemoryFile()
    {
#ifdef Q_OS_LINUX
        if (m_fd >= 0)
            ::close(m_fd);
#endif
    }
    MemoryFile(const MemoryFile &) = delete;
    MemoryFile &operator=(const MemoryFile &) = delete;

    /// False where there are no such files: the pipes are used then.
    [[nodiscard]] bool isOpen() const
    {
        return m_fd >= 0;
    }
    [[nodiscard]] QString path() const
    {
        return QStringLiteral("/proc/self/fd/%1").arg(m_fd);
    }

    [[nodiscard]] bool write(QByteArrayView bytes) const
    {
#ifdef Q_OS_LINUX
        while (!bytes.isEmpty()) {
            const ssize_t written = ::write(m_fd, bytes.data(), size_t(bytes.size()));
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0)
                return false;
            bytes = bytes.sliced(written);
        }
        return true;
#else
        Q_UNUSED(bytes);
        return false;
#endif
    }

    /// Everything the file holds, from its start (whatever this descriptor's position).
    [[nodiscard]] std::optional<QByteArray> readAll() const
    {
#ifdef Q_OS_LINUX
        struct stat st {};
        if (::fstat(m_fd, &st) != 0)
            return std::nullopt;
        QByteArray bytes(qsizetype(st.st_size), Qt::Uninitialized);
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t got =
                ::pread(m_fd, bytes.data() + done, size_t(bytes.size() - done), off_t(done));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                return std::nullopt;
            done += got;
        }
        return bytes;
#else
        return std::nullopt;
#endif
    }

private:
    int m_fd = -1;
};

} // namespace

JunkClassifier::JunkClassifier(QString wordListDir)
    : m_dir(std::move(wordListDir))
    , m_program(qEnvironmentVariable("POPLAR_BOGOFILTER", QStringLiteral("bogofilter")))
{}

QString JunkClassifier::wordListDirFor(const QString &cachePath)
{
    return QFileInfo(cachePath).absolutePath() + QStringLiteral("/bogofilter");
}

void JunkClassifier::setTimeouts(std::chrono::milliseconds base,
                                 std::chrono::microseconds perMessage)
{
    m_baseTimeout = base;
    m_perMessageTimeout = perMessage;
}

bool JunkClassifier::isTrained() const
{
    return QFileInfo::exists(m_dir + QStringLiteral("/wordlist.db"));
}

QByteArray JunkClassifier::mailbox(const QList<QByteArray> &messages)
{
    QList<QByteArray> views;
    views.reserve(messages.size());
    qsizetype size = 0;
    for (const QByteArray &m : messages) {
        views.append(classifierView(m, classifiedBytes));
        size += views.back().size() + qsizetype(sizeof separator) + 64;
    }
    QByteArray out;
    out.reserve(size);
    for (const QByteArray &part : views) {
        out.append(separator);
        // A body line that begins with "From " would begin a message of its own: quoted as
        // mbox writers quote it. (bogofilter reads the words; the '>' changes none.)
        qsizetype at = 0;
        while (at < part.size()) {
            qsizetype end = part.indexOf('\n', at);
            end = end < 0 ? part.size() : end + 1;
            const QByteArrayView line = part.sliced(at, end - at);
            if (line.startsWith("From "))
                out.append('>');
            out.append(line);
            at = end;
        }
        if (!out.endsWith('\n'))
            out.append('\n');
        out.append('\n');
    }
    return out;
}

Result<QList<JunkScore>> JunkClassifier::classify(const QList<QByteArray> &messages) const
{
    if (messages.isEmpty())
        return QList<JunkScore>{};
    // -T: one terse line per message ("S 0.999"); -C: no configuration file of the user's
    // or the system's changes what Poplar asks for.
    auto output = run({QStringLiteral("-C"), QStringLiteral("-d"), m_dir, QStringLiteral("-M"),
                       QStringLiteral("-T")},
                      mailbox(messages), messages.size(), true);
    if (!output)
        return output.error();
    QList<JunkScore> scores;
    scores.reserve(messages.size());
    for (const QByteArray &line : output.value().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const std::optional<JunkScore> score = parseScore(line);
        if (!score)
            return Error{Error::Code::Protocol,
                         tr("Poplar's junk filter gave an answer it cannot read"),
                         QString::fromUtf8(line.left(80))};
        scores.append(*score);
    }
    if (scores.size() != messages.size())
        return Error{Error::Code::Protocol,
                     tr("Poplar's junk filter answered for %1 of %2 messages")
                         .arg(scores.size())
                         .arg(messages.size()),
                     {}};
    return scores;
}

Status JunkClassifier::train(const QList<QByteArray> &messages, Training from, Training to) const
{
    if (messages.isEmpty() || from == to)
        return {};
    auto output = run({QStringLiteral("-C"), QStringLiteral("-d"), m_dir, QStringLiteral("-M"),
                       QLatin1Char('-') + trainingFlags(from, to)},
                      mailbox(messages), messages.size(), false);
    if (!output)
        return output.error();
    return {};
}

Result<QByteArray> JunkClassifier::run(const QStringList &args, const QByteArray &input,
                                       qsizetype messageCount, bool expectScores) const
{
    using namespace std::chrono;
    const QDeadlineTimer deadline(duration_cast<milliseconds>(
        m_baseTimeout + m_perMessageTimeout * std::max<qsizetype>(1, messageCount)));
    QProcess process;
    // Arguments go to the program as they are: no shell sees a path or a byte of mail.
    process.setProgram(m_program);
    process.setArguments(args);
    const MemoryFile in;
    const MemoryFile out;
    const bool throughFiles = in.isOpen() && out.isOpen() && in.write(input);
    if (throughFiles) {
        process.setStandardInputFile(in.path());
        process.setStandardOutputFile(out.path(), QIODevice::Truncate);
    }
    process.start();
    if (!process.waitForStarted(int(deadline.remainingTime()))) {
        process.kill();
        process.waitForFinished(1000);
        return Error{Error::Code::Config,
                     tr("Poplar's junk filter needs bogofilter, which could not be started (is "
                        "the bogofilter package installed?)"),
                     process.errorString()};
    }
    if (!throughFiles) {
        process.write(input);
        process.closeWriteChannel();
    }
    // waitForFinished also feeds the pipe what is still buffered, and drains its output.
    if (!process.waitForFinished(int(std::max<qint64>(1, deadline.remainingTime())))) {
        process.kill();
        process.waitForFinished(1000);
        return Error{
            Error::Code::Network, tr("Poplar's junk filter took too long and was stopped"), {}};
    }
    // Classifying, bogofilter exits 0 (junk), 1 (good) or 2 (unsure) for the last message;
    // 3 and anything else is an error. Training exits 0.
    const int code = process.exitCode();
    const bool ok = process.exitStatus() == QProcess::NormalExit &&
                    (expectScores ? code >= 0 && code <= 2 : code == 0);
    if (!ok)
        return Error{Error::Code::Storage, tr("Poplar's junk filter failed"),
                     QString::fromLocal8Bit(process.readAllStandardError().trimmed().left(300))};
    if (!throughFiles)
        return process.readAllStandardOutput();
    std::optional<QByteArray> output = out.readAll();
    if (!output)
        return Error{Error::Code::Storage, tr("Poplar's junk filter failed"), {}};
    return *std::move(output);
}

QString JunkClassifier::reasonFor(double spamicity)
{
    return QStringLiteral("bogofilter %1").arg(spamicity, 0, 'f', 2);
}

std::optional<double> JunkClassifier::spamicityIn(const QString &reason)
{
    static const QString prefix = QStringLiteral("bogofilter ");
    if (!reason.startsWith(prefix))
        return std::nullopt;
    bool ok = false;
    const double value = reason.mid(prefix.size()).toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace poplar::junk
