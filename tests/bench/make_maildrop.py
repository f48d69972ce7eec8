#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills a Maildir with realistic, reproducible mail for tests/bench/throughput.sh.

    make_maildrop.py MAILDIR COUNT SIZE_KB [SEED [FIRST]]

SIZE_KB may have a fraction (5.5: the size of ordinary mail). FIRST numbers the messages
from FIRST on (default 1), so that messages added to a maildrop later get names and
numbers of their own.

Each message has the header block of real list mail (Received chain, DKIM, RFC 2047
words, multipart/mixed), a text part in which some lines start with '.' (so POP3 must
dot-stuff them), and a base64 attachment of 76-column lines filling it to SIZE_KB +-10 %.
Files are stored as a delivery agent stores them: LF line endings, in new/, named with
Dovecot's ,S=<size>,W=<size with CRLF> so the server does not have to read every file
to answer LIST (which would bill the server's work to whichever client runs first).
"""

import base64
import os
import random
import sys

WORDS = ("the server message please attached report quarter meeting budget review thanks "
         "regards tomorrow schedule update project invoice deliver mailbox draft comments "
         "changes final numbers").split()


def header_block(rng, n, boundary):
    ident = f"{n}.{rng.getrandbits(32)}"
    lines = [f"Return-Path: <newsletter-bounces+{ident}@lists.example.com>"]
    for hop in range(3):
        lines += [
            f"Received: from mx{hop + 1}.example.net (mx{hop + 1}.example.net "
            f"[192.0.2.{rng.randint(1, 250)}])",
            f"\tby mail.example.org (Postfix) with ESMTPS id {rng.getrandbits(40):010X}",
            f"\tfor <alice@example.org>; Mon, 2 Nov 2026 10:{10 + hop}:0{hop} +0100 (CET)",
        ]
    lines += [
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;",
        "\ts=selector1; t=1793611200; h=from:to:cc:subject:date:message-id:mime-version;",
        "\tbh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;",
        "\tb=" + base64.b64encode(rng.randbytes(48)).decode(),
        "\t " + base64.b64encode(rng.randbytes(48)).decode(),
        f"From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen.mueller{rng.randint(0, 49)}"
        "@example.com>",
        'To: Alice Example <alice@example.org>, "Bob, the Builder" <bob@example.org>',
        "Cc: team@example.org",
        f"Subject: =?UTF-8?B?UXVhcnRhbHNiZXJpY2h0IMOcYmVyc2ljaHQ=?= #{n} review of the "
        f"{rng.choice(WORDS)}",
        f"Date: Mon, 2 Nov 2026 {rng.randint(0, 23):02}:{rng.randint(0, 59):02}:"
        f"{rng.randint(0, 59):02} +0100",
        f"Message-ID: <{ident}@mail.example.com>",
        f"List-Unsubscribe: <mailto:unsubscribe@lists.example.com?subject={ident}>",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/mixed; boundary="{boundary}"',
        "",
    ]
    return lines


def text_lines(rng, size):
    out, total = [], 0
    while total < size:
        # About one line in 20 starts with '.', as quoted ellipses and ".signature" do.
        line = rng.choice((".", "..")) if rng.randrange(20) == 0 else ""
        while len(line) < 60 + rng.randrange(12):
            line += rng.choice(WORDS) + " "
        line = line.rstrip(" ")
        out.append(line)
        total += len(line) + 1
    return out


def message(rng, n, target):
    boundary = f"=_poplar_bench_{n}"
    lines = header_block(rng, n, boundary)
    lines += ["This is a multi-part message in MIME format.", "", f"--{boundary}",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(rng, max(1024, target // 5))
    lines += ["", f"--{boundary}",
              f'Content-Type: application/pdf; name="report-{n}.pdf"',
              f'Content-Disposition: attachment; filename="report-{n}.pdf"',
              "Content-Transfer-Encoding: base64", ""]
    used = sum(len(line) + 1 for line in lines) + len(boundary) + 8
    encoded = base64.b64encode(rng.randbytes(max(0, target - used) * 3 // 4)).decode()
    lines += [encoded[i:i + 76] for i in range(0, len(encoded), 76)]
    lines += ["", f"--{boundary}--", ""]
    return "\n".join(lines).encode()


def main():
    if len(sys.argv) not in (4, 5, 6):
        sys.exit(__doc__)
    maildir, count, size_kb = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) >= 5 else 1)
    first = int(sys.argv[5]) if len(sys.argv) == 6 else 1
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    total = 0
    for n in range(first, first + count):
        target = int(size_kb * 1024 * rng.uniform(0.9, 1.1))
        data = message(rng, n, target)
        crlf_size = len(data) + data.count(b"\n")
        name = f"1793611200.M{n}P4242.bench,S={len(data)},W={crlf_size}"
        # tmp/ then rename, as a delivery agent does: a reader never sees half a file.
        tmp = os.path.join(maildir, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(maildir, "new", name))
        total += len(data)
    print(f"{count} messages, {total} bytes")


if __name__ == "__main__":
    main()
