// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace poplar::junk {

/// What bogofilter said of one message: its class and its spamicity (0 good .. 1 junk).
struct JunkScore {
    enum class Class { Good, Unsure, Junk };
    Class verdict = Class::Unsure;
    double spamicity = 0.5;

    [[nodiscard]] bool isJunk() const { return verdict == Class::Junk; }
};

/// How a message has taught the word list, as the cache remembers it (messages.junk_trained),
/// so that a change of mind moves its words from one side to the other instead of counting
/// them twice.
enum class Training { None = 0, Junk = 1, Good = 2 };

/// The adaptive junk classifier: Debian's bogofilter, a maintained Bayesian filter, run as a
/// child process with its word list in the profile (`-d <profile>/bogofilter`). Poplar does
/// not classify by itself; it hands bogofilter many messages at once in its mailbox mode
/// (-M: one process per batch, one terse verdict line per message), so a sync of thousands of
/// messages starts it a few times, not once per message.
///
/// Every call is bounded in time: a bogofilter that does not start, errs, or runs past its
/// deadline is killed, and the call fails; a failed classification means "no verdict" (the
/// message goes where it would have gone without the classifier), never a lost message.
/// Only the first `classifiedBytes` of each message's classifierView() (its header and the
/// start of its text, without signature blobs or attachments' encoded bytes) are read, the
/// same for training and for classifying: that is where the words that tell junk from mail
/// are, and it keeps a sync of large messages cheap.
///
/// Stateless apart from its settings: const calls may run on any thread, each with its own
/// process.
class JunkClassifier {
    Q_DECLARE_TR_FUNCTIONS(poplar::junk::JunkClassifier)

public:
    /// `wordListDir`: the folder of bogofilter's word list (created by the first training).
    explicit JunkClassifier(QString wordListDir);

    /// The word list's folder in a profile whose cache is at `cachePath`: beside it.
    [[nodiscard]] static QString wordListDirFor(const QString &cachePath);

    /// The program to run: $POPLAR_BOGOFILTER if set (a bogofilter installed elsewhere; tests
    /// use it for one that is missing or hangs), else "bogofilter", found on PATH.
    void setProgram(const QString &program) { m_program = program; }
    /// The deadline of a call: `base` plus `perMessage` for each message it hands over.
    void setTimeouts(std::chrono::milliseconds base, std::chrono::microseconds perMessage);

    [[nodiscard]] const QString &wordListDir() const { return m_dir; }
    /// Whether the user has trained it: a word list exists. Until then it is not consulted.
    [[nodiscard]] bool isTrained() const;

    /// One score per message, in order; fails as a whole (no verdicts) when bogofilter is
    /// missing, errs, answers for a different number of messages, or runs out of time.
    [[nodiscard]] Result<QList<JunkScore>> classify(const QList<QByteArray> &messages) const;
    /// Teaches the word list that these messages, trained as `from` until now, are `to`:
    /// registers them (-s, -n), moves them from one side to the other (-Ns, -Sn), or takes
    /// them out (-S, -N). Nothing to do when `from == to`.
    [[nodiscard]] Status train(const QList<QByteArray> &messages, Training from, Training to) const;

    /// The reason stored with a message this classifier called junk ("bogofilter 0.98");
    /// untranslated, kept with the message.
    [[nodiscard]] static QString reasonFor(double spamicity);
    /// The spamicity in a reason made by reasonFor(), or nullopt if it is not one.
    [[nodiscard]] static std::optional<double> spamicityIn(const QString &reason);

    static constexpr qsizetype classifiedBytes = 8 * 1024;

    /// The messages as the mailbox bogofilter's -M mode reads (exposed for tests).
    [[nodiscard]] static QByteArray mailbox(const QList<QByteArray> &messages);

private:
    /// Runs bogofilter with `args` on `input` within the deadline; its standard output.
    [[nodiscard]] Result<QByteArray> run(const QStringList &args, const QByteArray &input,
                                         qsizetype messageCount, bool expectScores) const;

    QString m_dir;
    QString m_program;
    std::chrono::milliseconds m_baseTimeout{10'000};
    std::chrono::microseconds m_perMessageTimeout{5'000};
};

} // namespace poplar::junk
