// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any CAPA body (RFC 2449). Beyond not crashing, what the rest of Poplar
// relies on:
// - LOGIN-DELAY and EXPIRE, when known, are never negative (the scheduler adds the delay to
//   the last login; "EXPIRE 0" means the server deletes what it hands out);
// - a SASL mechanism name is one upper-case word: no space, CR or LF, so offersSasl()
//   matches it whatever case it is asked in, and nothing of it can end up as a second
//   command line;
// - the IMPLEMENTATION text is one line of at most 100 bytes;
// - each line is read on its own: CRLF or LF, the case of the capability names, and how
//   the body is cut into two halves change nothing;
// - what was read, written back as a CAPA body, reads the same.
#include "pop3/Capabilities.h"

#include "FuzzInvariant.h"

#include <cstddef>
#include <cstdint>

using poplar::fuzz::invariantBroken;
using poplar::fuzz::require;
using poplar::pop3::Capabilities;

namespace {

/// Every field but the IMPLEMENTATION text, whose case and cut-off are kept as sent.
bool sameExceptImplementation(const Capabilities &a, const Capabilities &b)
{
    return a.known == b.known && a.user == b.user && a.top == b.top && a.uidl == b.uidl &&
           a.pipelining == b.pipelining && a.stls == b.stls && a.respCodes == b.respCodes &&
           a.sasl == b.sasl && a.loginDelaySeconds == b.loginDelaySeconds &&
           a.expireDays == b.expireDays && a.policyPerUser == b.policyPerUser;
}

QByteArray describe(const Capabilities &c)
{
    QByteArray d = "sasl=" + c.sasl.join('|');
    d += " delay=" + (c.loginDelaySeconds ? QByteArray::number(*c.loginDelaySeconds) : "-");
    d += " expire=" + (c.expireDays ? QByteArray::number(*c.expireDays) : "-");
    return d;
}

/// A CAPA body that says exactly `c` (RFC 2449 §6 syntax).
QByteArray serialise(const Capabilities &c)
{
    QByteArray body;
    auto flag = [&body](bool on, const char *name) {
        if (on)
            body += QByteArray(name) + "\r\n";
    };
    flag(c.user, "USER");
    flag(c.top, "TOP");
    flag(c.uidl, "UIDL");
    flag(c.pipelining, "PIPELINING");
    flag(c.stls, "STLS");
    flag(c.respCodes, "RESP-CODES");
    if (!c.sasl.isEmpty())
        body += "SASL " + c.sasl.join(' ') + "\r\n";
    const QByteArray perUser = c.policyPerUser ? " USER" : "";
    if (c.loginDelaySeconds)
        body += "LOGIN-DELAY " + QByteArray::number(*c.loginDelaySeconds) + perUser + "\r\n";
    if (c.expireDays)
        body += "EXPIRE " + QByteArray::number(*c.expireDays) + perUser + "\r\n";
    else if (c.policyPerUser) // "USER" known, the number not: still per user
        body += "EXPIRE USER USER\r\n";
    if (!c.implementation.isEmpty())
        body += "IMPLEMENTATION " + c.implementation + "\r\n";
    return body;
}

void checkValues(const Capabilities &c, const QByteArray &body)
{
    require(c.known, "a parsed CAPA body is known", body);
    // (Details are worked out only for a report: describe() is linear in the SASL list.)
    if (c.loginDelaySeconds && *c.loginDelaySeconds < 0)
        invariantBroken("negative LOGIN-DELAY", describe(c));
    if (c.expireDays && *c.expireDays < 0)
        invariantBroken("negative EXPIRE", describe(c));
    for (const QByteArray &mechanism : c.sasl) {
        require(!mechanism.isEmpty(), "empty SASL mechanism name", body);
        require(mechanism == mechanism.toUpper(), "SASL mechanism not upper case", mechanism);
        require(!mechanism.contains(' ') && !mechanism.contains('\r') &&
                    !mechanism.contains('\n') && !mechanism.contains('\t'),
                "whitespace in a SASL mechanism name", mechanism);
        require(c.offersSasl(mechanism) && c.offersSasl(mechanism.toLower()),
                "offersSasl() misses an offered mechanism", mechanism);
    }
    require(c.implementation.size() <= 100, "IMPLEMENTATION over 100 bytes", c.implementation);
    require(!c.implementation.contains('\n'), "IMPLEMENTATION spans lines", c.implementation);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte says where to cut the body in two for the line-independence check.
    const size_t cutByte = data[0];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Capabilities caps = Capabilities::parse(body);
    checkValues(caps, body);

    QByteArray lfOnly = body;
    lfOnly.replace("\r\n", "\n");
    const Capabilities fromLf = Capabilities::parse(lfOnly);
    require(sameExceptImplementation(caps, fromLf) && caps.implementation == fromLf.implementation,
            "CRLF and LF bodies read differently", body);

    require(sameExceptImplementation(caps, Capabilities::parse(body.toLower())),
            "capability names read differently in lower case", body);

    const QByteArray written = serialise(caps);
    const Capabilities again = Capabilities::parse(written);
    require(sameExceptImplementation(caps, again) &&
                caps.implementation.trimmed() == again.implementation.trimmed(),
            "written back, the capabilities read differently", written);

    // Cut at a line end: the halves' capabilities add up to the whole's, the later half's
    // numbers winning (each line overrides what an earlier one said).
    const qsizetype cut = body.indexOf('\n', qsizetype(cutByte * size_t(body.size()) / 256));
    if (cut >= 0) {
        const Capabilities first = Capabilities::parse(body.left(cut));
        const Capabilities second = Capabilities::parse(body.mid(cut + 1));
        Capabilities merged = second;
        merged.user |= first.user;
        merged.top |= first.top;
        merged.uidl |= first.uidl;
        merged.pipelining |= first.pipelining;
        merged.stls |= first.stls;
        merged.respCodes |= first.respCodes;
        merged.sasl = first.sasl + second.sasl;
        if (!second.loginDelaySeconds)
            merged.loginDelaySeconds = first.loginDelaySeconds;
        if (!second.expireDays)
            merged.expireDays = first.expireDays;
        merged.policyPerUser |= first.policyPerUser;
        if (!sameExceptImplementation(caps, merged))
            invariantBroken("two halves of a body read differently from the whole",
                            describe(caps) + " / " + describe(merged));
    }
    return 0;
}
