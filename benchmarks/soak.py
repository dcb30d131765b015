"""Soak: many requests, valid, invalid and hostile, from concurrent clients, against the real server.

    python benchmarks/soak.py                          # 20,000 requests, 8 clients
    python benchmarks/soak.py --requests 2000 --clients 4

Prints the count of each status, 5xx and connection errors (both must be zero) and each
worker's memory before and after. Exits non-zero when the service misbehaved.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import random
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import free_port, rss_mb, start_server, synthetic_article, workers  # noqa: E402

JSON = "application/json"
TEXT = "text/plain; charset=utf-8"


def bodies(rng: random.Random) -> list[tuple[str, bytes]]:
    """(content type, body) pairs: articles, broken requests and hostile texts."""
    article = synthetic_article(4_000, rng)
    return [
        (JSON, json.dumps({"text": article}).encode()),
        (TEXT, article.encode()),
        (JSON, json.dumps({"text": synthetic_article(30_000, rng), "language": "fr"}).encode()),
        (JSON, b'{"text": '),
        (JSON, b"[1, 2, 3]"),
        (JSON, json.dumps({"text": 5, "colour": "red"}).encode()),
        (TEXT, b"caf\xe9 au lait"),
        ("application/xml", b"<a/>"),
        (TEXT, ("«" * 50_000).encode()),
        (TEXT, ('"' * 100_000).encode()),
        (TEXT, ("Paul Grant said he was sure. “Yes,” he said. " * 2_000).encode()),
        (JSON, ("[" * 50_000 + "]" * 50_000).encode()),
        (TEXT, b"x" * 1_100_000),
    ]


def client(port: int, count: int, seed: int) -> Counter:
    rng = random.Random(seed)
    choices = bodies(rng)
    seen: Counter = Counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(count):
        content_type, body = rng.choice(choices)
        try:
            # an oversized body: the server answers 413 and closes before reading it all; its
            # answer is already on the socket, so a broken pipe while sending is no failure yet
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                conn.request("POST", "/v1/quotes", body, {"Content-Type": content_type})
            response = conn.getresponse()
            response.read()
            seen[response.status] += 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        except (OSError, http.client.HTTPException):
            seen["connection error"] += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.close()
    return seen


def soak(requests: int, clients: int) -> dict:
    port = free_port()
    server = start_server(port)
    try:
        # warm up: every worker loads its lexicons and fills its caches before memory is read
        warm = len(workers(server.pid)) * len(bodies(random.Random(0))) * 2
        with ThreadPoolExecutor(max_workers=clients) as pool:
            list(pool.map(lambda n: client(port, warm // clients + 1, 1000 + n), range(clients)))
        before = {pid: rss_mb(pid) for pid in workers(server.pid)}
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            parts = pool.map(lambda n: client(port, requests // clients, n), range(clients))
            totals = sum(parts, Counter())
        seconds = time.monotonic() - started
        after = {pid: rss_mb(pid) for pid in workers(server.pid)}
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "requests": sum(totals.values()),
        "seconds": seconds,
        "statuses": {str(k): v for k, v in sorted(totals.items(), key=str)},
        "server_errors": sum(v for k, v in totals.items() if isinstance(k, int) and k >= 500),
        "connection_errors": totals["connection error"],
        "rss_mb_before": before,
        "rss_mb_after": after,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    report = soak(args.requests, args.clients)
    print(json.dumps(report, indent=2))
    if report["server_errors"] or report["connection_errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
