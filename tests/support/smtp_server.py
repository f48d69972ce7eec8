#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real SMTP submission server the sending tests talk to (tests/support/SmtpServer).

Debian's aiosmtpd on 127.0.0.1 only: one listener with STARTTLS (required before anything
else) and one with implicit TLS, both with AUTH PLAIN and LOGIN for one test user. Every
message it accepts is written to the spool folder as N.eml (the bytes as received, after
dot-unstuffing) with N.json (the envelope), through a temporary name, so a reader never
sees half a file. Prints "READY <starttls port> <tls port>" once both listen.
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Spool:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, "%06d" % self.count)
        facts = {"from": envelope.mail_from, "to": envelope.rcpt_tos,
                 "options": envelope.mail_options}
        for suffix, data in ((".json", json.dumps(facts).encode()),
                             (".eml", envelope.original_content)):
            with open(base + suffix + ".tmp", "wb") as f:
                f.write(data)
            os.rename(base + suffix + ".tmp", base + suffix)
        return "250 2.0.0 OK queued as %d" % self.count


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--spool", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--starttls-port", type=int, required=True)
    p.add_argument("--tls-port", type=int, required=True)
    a = p.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(a.cert, a.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == a.user.encode()
              and auth_data.password == a.password.encode())
        return AuthResult(success=ok, handled=False)

    spool = Spool(a.spool)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    common = dict(hostname="localhost", authenticator=authenticator, auth_required=True,
                  enable_SMTPUTF8=True, data_size_limit=10 * 1024 * 1024, loop=loop)
    starttls = loop.run_until_complete(loop.create_server(
        lambda: SMTP(spool, tls_context=context, require_starttls=True, **common),
        "127.0.0.1", a.starttls_port))
    implicit = loop.run_until_complete(loop.create_server(
        lambda: SMTP(spool, auth_require_tls=False, **common),
        "127.0.0.1", a.tls_port, ssl=context))
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    print("READY %d %d" % (a.starttls_port, a.tls_port), flush=True)
    try:
        loop.run_forever()
    finally:
        starttls.close()
        implicit.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
