#!/usr/bin/env python3
"""Helpers for bench/run-vs-vmalert.sh: the rule file, the counter data, a feeder keeping it fresh,
an Alertmanager stand-in that accepts alerts, and free ports.

Series x{instance="iN"} (N = 0 .. series-1) is a counter rising at 1 + (N mod 100) per second, so a
rule `rate(x{instance="iN"}[5m]) > T` with T = 100 * (1 - firing) + 0.5 fires for the given
fraction of the series. Only the standard library is used.
"""
import argparse
import http.server
import json
import os
import socket
import sys
import threading
import time
import urllib.request

BASE = 1_600_000_000  # counters count from this Unix time, so values stay below 2^53 for centuries


def per_second(n):
    return 1 + (n % 100)


def value(n, t):
    return per_second(n) * (t - BASE)


def write_rules(args):
    groups = -(-args.rules // args.per_group)
    threshold = 100 * (1 - args.firing) + 0.5
    lines = ["groups:"]
    rule = 0
    for g in range(groups):
        lines.append(f"  - name: g{g}")
        lines.append(f"    interval: {args.interval}s")
        lines.append("    rules:")
        for k in range(args.per_group):
            if rule == args.rules:
                break
            n = rule % args.series
            lines += [
                f"      - alert: XRateHigh{k}",
                f"        expr: rate(x{{instance=\"i{n}\"}}[5m]) > {threshold:g}",
                "        for: 1m",
                "        labels:",
                "          severity: warning",
                "        annotations:",
                "          summary: '{{ $labels.instance }} counts {{ $value | humanize }}/s'",
                f"          description: 'x on {{{{ $labels.instance }}}} rose faster than {threshold:g}/s for 1m (rule {rule})'",
            ]
            rule += 1
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


def post(url, body):
    req = urllib.request.Request(url, data=body.encode(), method="POST")
    with urllib.request.urlopen(req, timeout=30) as resp:
        if resp.status // 100 != 2:
            raise SystemExit(f"vsbench: {url} answered {resp.status}")


def samples(series, t):
    ms = int(t * 1000)
    return "".join(f'x{{instance="i{n}"}} {value(n, t):.0f} {ms}\n' for n in range(series))


def history(args):
    now = int(time.time())
    body = "".join(samples(args.series, t) for t in range(now - args.seconds, now + 1, args.step))
    post(args.url.rstrip("/") + "/api/v1/import/prometheus", body)


def feed(args):
    # Bounded: stops by itself after --max-seconds even if nobody kills it.
    url = args.url.rstrip("/") + "/api/v1/import/prometheus"
    deadline = time.time() + args.max_seconds
    next_at = time.time()
    while time.time() < deadline:
        try:
            post(url, samples(args.series, int(time.time())))
        except OSError as e:  # a slow or restarting server: try again at the next step
            print(f"vsbench feed: {e}", file=sys.stderr)
        next_at += args.step
        time.sleep(max(0.0, next_at - time.time()))


class Sink(http.server.BaseHTTPRequestHandler):
    """Accepts POST /api/v2/alerts with 200 and counts requests and alerts; GET /stats reports them."""
    lock = threading.Lock()
    stats = {"requests": 0, "alerts": 0, "bad": 0}

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with Sink.lock:
            if self.path.rstrip("/").endswith("/api/v2/alerts"):
                try:
                    Sink.stats["alerts"] += len(json.loads(body))
                    Sink.stats["requests"] += 1
                except ValueError:
                    Sink.stats["bad"] += 1
            else:
                Sink.stats["bad"] += 1
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        with Sink.lock:
            body = json.dumps(Sink.stats).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def sink(args):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    server.daemon_threads = True
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(args.port_file + ".tmp", args.port_file)
    threading.Timer(args.max_seconds, server.shutdown).start()
    server.serve_forever()


def free_port(_args):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


def main():
    p = argparse.ArgumentParser(description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rules", help="write the rule file")
    r.add_argument("out")
    r.add_argument("--rules", type=int, required=True)
    r.add_argument("--series", type=int, required=True)
    r.add_argument("--per-group", type=int, default=10)
    r.add_argument("--interval", type=int, default=15)
    r.add_argument("--firing", type=float, default=0.1)
    r.set_defaults(fn=write_rules)
    h = sub.add_parser("history", help="import the last SECONDS of every series")
    h.add_argument("url")
    h.add_argument("--series", type=int, required=True)
    h.add_argument("--seconds", type=int, default=600)
    h.add_argument("--step", type=int, default=15)
    h.set_defaults(fn=history)
    f = sub.add_parser("feed", help="import a sample of every series every STEP seconds")
    f.add_argument("url")
    f.add_argument("--series", type=int, required=True)
    f.add_argument("--step", type=int, default=15)
    f.add_argument("--max-seconds", type=int, default=3600)
    f.set_defaults(fn=feed)
    s = sub.add_parser("sink", help="serve POST /api/v2/alerts on a free port written to PORT_FILE")
    s.add_argument("port_file")
    s.add_argument("--max-seconds", type=int, default=3600)
    s.set_defaults(fn=sink)
    sub.add_parser("port", help="print a free TCP port").set_defaults(fn=free_port)
    args = p.parse_args()
    if getattr(args, "rules", 1) < 1 or getattr(args, "series", 1) < 1:
        p.error("--rules and --series must be at least 1")
    if not 0 <= getattr(args, "firing", 0) <= 1:
        p.error("--firing must be between 0 and 1")
    args.fn(args)


if __name__ == "__main__":
    main()
