"""Soak: many requests, valid, invalid and hostile, from concurrent clients, against the real server.

    python benchmarks/soak.py                          # 20,000 requests, 8 clients, 30 slow clients
    python benchmarks/soak.py --requests 2000 --clients 4 --slow 10

The mix holds single articles, broken and hostile requests, and batches (NDJSON and JSON, up to
20 documents of 40 KB, one document over the size limit). Meanwhile ``--slow`` connections
hold the server the ways slow clients do (headers and bodies a byte at a time, answers never
read), reopened whenever the server drops one. Prints the count of each status, 5xx and
connection errors (both must be zero), batch documents answered with a 5xx, and each worker's
memory before and after. Exits non-zero when the service misbehaved.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import random
import socket
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import free_port, rss_mb, start_server, synthetic_article, workers  # noqa: E402

JSON = "application/json"
TEXT = "text/plain; charset=utf-8"


NDJSON = "application/x-ndjson"
BATCH = "/v1/quotes/batch"


def batches(rng: random.Random, size: int) -> list[tuple[str, str, bytes]]:
    """(path, content type, body): batches of ``size`` 40 KB documents, one with a document over the limit."""
    documents = [{"id": f"d{n}", "text": synthetic_article(40_000, rng)} for n in range(size)]
    lines = [json.dumps(d) for d in documents]
    oversized = [*lines[:3], json.dumps({"id": "big", "text": "x" * 1_100_000}), *lines[3:5]]
    return [
        (BATCH, NDJSON, "\n".join(lines).encode()),
        (BATCH, NDJSON, "\n".join(oversized).encode()),
        (BATCH, JSON, json.dumps({"documents": documents[: size // 2]}).encode()),
    ]


def bodies(rng: random.Random, batch_size: int) -> list[tuple[str, str, bytes]]:
    """(path, content type, body): articles, broken requests, hostile texts and batches."""
    return [("/v1/quotes", content_type, body) for content_type, body in articles(rng)] + batches(rng, batch_size)


def articles(rng: random.Random) -> list[tuple[str, bytes]]:
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


def client(port: int, count: int, seed: int, batch_size: int) -> Counter:
    rng = random.Random(seed)
    choices = bodies(rng, batch_size)
    seen: Counter = Counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(count):
        path, content_type, body = rng.choice(choices)
        try:
            # an oversized body: the server answers 413 and closes before reading it all; its
            # answer is already on the socket, so a broken pipe while sending is no failure yet
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                conn.request("POST", path, body, {"Content-Type": content_type})
            response = conn.getresponse()
            answer = response.read()
            seen[response.status] += 1
            if path == BATCH and response.status == 200:
                seen["batch documents"] += len(documents := _entries(answer, content_type))
                seen["batch documents 5xx"] += sum(d.get("error", {}).get("status", 0) >= 500 for d in documents)
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        except (OSError, http.client.HTTPException):
            seen["connection error"] += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.close()
    return seen


def _entries(answer: bytes, content_type: str) -> list[dict]:
    if content_type == NDJSON:
        return [json.loads(line) for line in answer.splitlines()]
    return json.loads(answer)["results"]


def slow_clients(port: int, count: int, stop: threading.Event) -> Counter:
    """``count`` connections held open the three ways slow clients do, until ``stop``."""
    kinds = [
        b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\n",  # headers a line at a time, never ended
        b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 50000\r\n\r\n",
        b"GET /openapi.yaml HTTP/1.1\r\nHost: x\r\n\r\n" * 3,  # answers never read
    ]
    drip = [b"X-a: b\r\n", b"a", b""]
    seen: Counter = Counter()

    def opened(n: int) -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        sock.sendall(kinds[n % 3])
        seen["slow connections opened"] += 1
        return sock

    held = [opened(n) for n in range(count)]
    while not stop.wait(0.5):
        for n, sock in enumerate(held):
            try:
                sock.sendall(drip[n % 3])
            except OSError:  # the server let this one go: another takes its place
                sock.close()
                held[n] = opened(n)
    for sock in held:
        sock.close()
    return seen


def soak(requests: int, clients: int, slow: int = 30, batch_size: int = 20) -> dict:
    port = free_port()
    server = start_server(port)
    stop = threading.Event()
    try:
        # warm up: every worker loads its lexicons and fills its caches before memory is read
        warm = len(workers(server.pid)) * len(articles(random.Random(0))) * 2
        with ThreadPoolExecutor(max_workers=clients) as pool:
            list(pool.map(lambda n: client(port, warm // clients + 1, 1000 + n, batch_size), range(clients)))
        before = {pid: rss_mb(pid) for pid in workers(server.pid)}
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=clients + 1) as pool:
            held = pool.submit(slow_clients, port, slow, stop)
            parts = pool.map(lambda n: client(port, requests // clients, n, batch_size), range(clients))
            totals = sum(parts, Counter())
            stop.set()
            slowly = held.result()
        seconds = time.monotonic() - started
        after = {pid: rss_mb(pid) for pid in workers(server.pid)}
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    batch = {k: totals.pop(k, 0) for k in ("batch documents", "batch documents 5xx")}
    return {
        "requests": sum(totals.values()),
        "seconds": seconds,
        "statuses": {str(k): v for k, v in sorted(totals.items(), key=str)},
        **batch,
        **slowly,
        "server_errors": sum(v for k, v in totals.items() if isinstance(k, int) and k >= 500),
        "connection_errors": totals["connection error"],
        "rss_mb_before": before,
        "rss_mb_after": after,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--slow", type=int, default=30, help="slow connections held open meanwhile")
    parser.add_argument("--batch-size", type=int, default=20, help="documents in a batch of the mix")
    args = parser.parse_args()
    report = soak(args.requests, args.clients, args.slow, args.batch_size)
    print(json.dumps(report, indent=2))
    if report["server_errors"] or report["connection_errors"] or report["batch documents 5xx"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
