"""An SMTP server for Tocsin's email tests: aiosmtpd with STARTTLS required and AUTH (PLAIN, LOGIN).

Started by StartTlsEmailIT with /usr/bin/python3 and PYTHONPATH pointing at the aiosmtpd that
scripts/peers.sh unpacked. Each accepted message is written to OUT as NNN.eml (the DATA bytes)
and then NNN.json (the envelope and what the session negotiated), so a test can wait for the
JSON file and read both. An HTTP port answers 200 on any request once the SMTP port listens.
Stopped by SIGTERM.
"""

import argparse
import asyncio
import json
import os
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True, help="the SMTP port")
    p.add_argument("--ready-port", type=int, required=True, help="the HTTP readiness port")
    p.add_argument("--cert", required=True, help="PEM server certificate")
    p.add_argument("--key", required=True, help="PEM (PKCS#8) private key")
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--exclude-mechanism", action="append", default=[],
                   help="an AUTH mechanism not to offer (PLAIN or LOGIN)")
    p.add_argument("--out", required=True, help="folder for received messages")
    return p.parse_args()


class Recorder:
    """Writes each message and its envelope to the output folder, numbered in arrival order."""

    def __init__(self, out):
        self.out = out
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.out, "%03d" % self.count)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "helo": session.host_name,
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "mechanism": getattr(session, "tocsin_mechanism", None),
            "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
        }
        # Written last and renamed into place: its presence means the message is complete.
        with open(base + ".json.tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 Message accepted for delivery"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == user.encode() and auth_data.password == password.encode())
        if not ok:
            # Not handled: aiosmtpd then answers 535 itself (a handled failure sends no reply).
            return AuthResult(success=False, handled=False)
        session.tocsin_mechanism = mechanism
        return AuthResult(success=True, auth_data=auth_data)
    return check


async def answer_ready(reader, writer):
    try:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        pass
    finally:
        writer.close()


async def main():
    args = parse_args()
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)
    recorder = Recorder(args.out)
    check = authenticator(args.user, args.password)
    loop = asyncio.get_running_loop()
    smtp = await loop.create_server(
        lambda: SMTP(recorder, hostname="mail.test", tls_context=tls, require_starttls=True,
                     authenticator=check, auth_required=True, auth_require_tls=True,
                     auth_exclude_mechanism=args.exclude_mechanism, loop=loop),
        args.host, args.port)
    ready = await asyncio.start_server(answer_ready, args.host, args.ready_port)
    print("listening on %s:%d (SMTP) and %d (ready)" % (args.host, args.port, args.ready_port), flush=True)
    async with smtp, ready:
        await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
