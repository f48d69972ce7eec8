// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the client side of every SASL mechanism Poplar offers (PLAIN, LOGIN,
// CRAM-MD5, SCRAM-SHA-1, SCRAM-SHA-256; GNU SASL underneath) answering any server
// challenges. Beyond not crashing and not hanging (libFuzzer's -timeout):
// - every response is base64 and nothing else, so it stays one command line;
// - CRAM-MD5 and SCRAM never put the password on the wire, in base64 or in the clear;
// - SCRAM never accepts the server's final message: the harness does not know the
//   password's salted form, so any "v=" it sends is a forgery that must fail;
// - a response is not much longer than the challenge it answers (no amplification).
//
// Input: the first byte picks the mechanism; the rest is one challenge per line. A line
// starting with '=' is sent as it is (a server's broken base64); any other line is
// base64-encoded first, with "%N" replaced by the client's SCRAM nonce so the fuzzer can
// write a server-first message the client will take further.
#include "pop3/SaslSession.h"

#include "FuzzInvariant.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

using poplar::fuzz::require;
using poplar::pop3::SaslSession;

namespace {

constexpr std::array<const char *, 5> kMechanisms{"PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-1",
                                                  "SCRAM-SHA-256"};
constexpr int kMaxChallenges = 6;

// SCRAM counts up to SaslSession's cap are legal but take seconds of hashing each: the harness
// leaves the range above this to the unit tests, so that libFuzzer's -timeout catches only
// work without a bound.
constexpr quint64 kMaxIterationsTried = 100'000;

const QByteArray kUser = QByteArrayLiteral("fuzz,user=1");
const QByteArray kPassword = QByteArrayLiteral("Never-On-The-Wire-7q");

bool isBase64(const QByteArray &text)
{
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
        if (!ok)
            return false;
    }
    return true;
}

/// The largest SCRAM iteration count ("i=N") a message asks for, saturated past the limit.
quint64 iterationsAsked(const QByteArray &message)
{
    quint64 most = 0;
    for (const QByteArray &attribute : message.split(',')) {
        if (!attribute.startsWith("i="))
            continue;
        quint64 count = 0;
        for (qsizetype i = 2;
             i < attribute.size() && attribute.at(i) >= '0' && attribute.at(i) <= '9'; ++i)
            count = std::min<quint64>(count * 10 + quint64(attribute.at(i) - '0'), 1ULL << 40);
        most = std::max(most, count);
    }
    return most;
}

/// The client nonce of a SCRAM client-first message ("n,,n=user,r=NONCE").
QByteArray scramNonce(const QByteArray &clientFirst)
{
    const qsizetype at = clientFirst.indexOf(",r=");
    if (at < 0)
        return {};
    const qsizetype end = clientFirst.indexOf(',', at + 3);
    return clientFirst.mid(at + 3, end < 0 ? -1 : end - at - 3);
}

void checkResponse(const QByteArray &mechanism, const QByteArray &response,
                   qsizetype challengeBytes)
{
    require(isBase64(response), "a SASL response is not pure base64", response);
    const QByteArray decoded = QByteArray::fromBase64(response);
    require(decoded.size() <= challengeBytes + 512, "a SASL response outgrows its challenge",
            mechanism);
    if (mechanism == "CRAM-MD5" || mechanism.startsWith("SCRAM")) {
        require(!decoded.contains(kPassword) && !response.contains(kPassword),
                "the password went out with a mechanism that must not send it", mechanism);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray mechanism = kMechanisms[data[0] % kMechanisms.size()];
    const QByteArray script(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    auto started = SaslSession::start(mechanism, QString::fromUtf8(kUser),
                                      QString::fromUtf8(kPassword), QStringLiteral("127.0.0.1"));
    require(started.ok(), "a supported mechanism does not start", mechanism);
    SaslSession &session = *started.value();

    auto initial = session.step({});
    if (!initial)
        return 0;
    checkResponse(mechanism, initial.value(), 0);
    const QByteArray nonce = scramNonce(QByteArray::fromBase64(initial.value()));

    const QList<QByteArray> lines = script.split('\n');
    for (qsizetype i = 0; i < lines.size() && i < kMaxChallenges; ++i) {
        QByteArray challenge = lines.at(i);
        if (challenge.startsWith('=')) {
            challenge.remove(0, 1);
        } else {
            challenge.replace("%N", nonce);
            challenge = challenge.toBase64();
        }
        const QByteArray decoded = QByteArray::fromBase64(challenge);
        const quint64 iterations = iterationsAsked(decoded);
        if (iterations > kMaxIterationsTried && iterations <= SaslSession::maxScramIterations)
            break;
        const qsizetype challengeBytes = decoded.size();
        auto response = session.step(challenge);
        if (mechanism.startsWith("SCRAM"))
            require(!session.complete(), "SCRAM accepted a server that does not know the password",
                    lines.at(i));
        if (!response)
            break; // the client cancels the exchange with "*"
        checkResponse(mechanism, response.value(), challengeBytes);
    }
    return 0;
}
