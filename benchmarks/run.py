"""Benchmark: engine throughput and scaling, HTTP throughput and latency, worker memory.

    python benchmarks/run.py            # everything (needs wrk: `apt-get install wrk`)
    python benchmarks/run.py --engine   # the engine only

With benchmarks/requirements-compare.txt installed, textacy's direct_quotations runs beside
the engine on the English gold articles (the seed, and any --compare-gold FILE).

Figures are measured in one run and compared with a baseline from the same run (the trivial
endpoint for HTTP, the 4 KB article for scaling), since machines are noisy.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import compare  # noqa: E402

from service.engine import extract  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


def paragraphs() -> list[str]:
    return [p for text in seed_texts() for p in text.split("\n") if p.strip()]


def synthetic_article(size: int, rng: random.Random) -> str:
    """An article of ``size`` characters made of seed paragraphs in random order, numbers varied."""
    pool = paragraphs()
    out: list[str] = []
    length = 0
    while length < size:
        paragraph = rng.choice(pool)
        paragraph = "".join(str(rng.randrange(10)) if c.isdigit() else c for c in paragraph)
        out.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(out)[:size]


def best_of(runs: int, work) -> float:
    """The shortest wall time of ``runs`` calls: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def engine() -> dict:
    texts = seed_texts()
    chars = sum(map(len, texts))
    seconds = best_of(5, lambda: [extract(t) for t in texts for _ in range(10)]) / 10
    rng = random.Random(7)
    corpus = [synthetic_article(rng.randrange(2_000, 8_000), rng) for _ in range(800)]
    corpus_chars = sum(map(len, corpus))
    corpus_seconds = best_of(1, lambda: [extract(t) for t in corpus])
    scaling = {}
    for size in (1_000, 4_000, 10_000, 100_000, 1_000_000):
        article = synthetic_article(size, random.Random(size))
        runs = max(1, 200_000 // size)
        seconds_one = best_of(3, lambda a=article, r=runs: [extract(a) for _ in range(r)]) / runs
        scaling[size] = seconds_one * 1000 / (size / 1000)  # ms per KB
    return {
        "seed_mix": {"chars_per_s": chars / seconds, "articles_per_s": len(texts) / seconds},
        "corpus": {
            "megabytes": corpus_chars / 1e6,
            "chars_per_s": corpus_chars / corpus_seconds,
            "articles_per_s": len(corpus) / corpus_seconds,
        },
        "ms_per_kb": scaling,
        "ratio_1mb_to_4kb": scaling[1_000_000] / scaling[4_000],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, worker_class: str | None = None) -> subprocess.Popen:
    """The real gunicorn with the project's settings; ``worker_class`` overrides its worker class."""
    env = {**os.environ, "QUOTES_BIND": f"127.0.0.1:{port}", "QUOTES_ACCESS_LOG": ""}
    if worker_class:
        env["QUOTES_WORKER_CLASS"] = worker_class
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py", "service.wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("gunicorn did not start")


def workers(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def worker_class() -> str:
    """The worker class ``gunicorn.conf.py`` chooses in this environment."""
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))["worker_class"]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wrk(url: str, seconds: int, article: Path | None = None) -> dict:
    """Drive ``url`` with wrk for ``seconds``: GET, or POST ``article``."""
    env = {**os.environ, "ARTICLE": str(article or "")}
    script = Path(__file__).resolve().parent / "wrk.lua"
    cmd = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "-s", str(script), url]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    report = json.loads(next(line[5:] for line in out.splitlines() if line.startswith("JSON ")))
    report["req_per_s"] = report["requests"] / report["seconds"]
    return report


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes ``pids`` have used."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def measured(server: subprocess.Popen, url: str, seconds: int, article: Path | None = None) -> dict:
    """A wrk run, with the workers' CPU time per request: steadier than req/s on a shared machine."""
    pids = workers(server.pid)
    before = cpu_seconds(pids)
    report = wrk(url, seconds, article)
    report["cpu_ms_per_request"] = (cpu_seconds(pids) - before) * 1000 / max(report["requests"], 1)
    return report


def sync_figures(seconds: int, article: Path) -> dict:
    """The same two wrk runs against sync workers, the class used before gevent, for comparison."""
    port = free_port()
    server = start_server(port, "sync")
    url = f"http://127.0.0.1:{port}"
    try:
        wrk(f"{url}/healthz", 2)  # warm up
        trivial = measured(server, f"{url}/healthz", seconds)
        return {"trivial": trivial, "quotes_4kb": measured(server, f"{url}/v1/quotes", seconds, article)}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def http_figures(seconds: int) -> dict:
    if shutil.which("wrk") is None:
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(synthetic_article(4_000, random.Random(4)))
        article = Path(f.name)
    sync = sync_figures(seconds, article)
    port = free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}"
    try:
        wrk(f"{url}/healthz", 2)  # warm up
        trivial = measured(server, f"{url}/healthz", seconds)
        quotes = measured(server, f"{url}/v1/quotes", seconds, article)
        pids = workers(server.pid)
        before = {pid: rss_mb(pid) for pid in pids}
        body = article.read_bytes()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(10_000):
            conn.request("POST", "/v1/quotes", body, {"Content-Type": "text/plain; charset=utf-8"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"unexpected status {response.status}")
        after = {pid: rss_mb(pid) for pid in workers(server.pid)}
        growth = max((after[p] - before[p] for p in after if p in before), default=0.0)
        return {
            "workers": len(pids),
            "worker_class": worker_class(),
            "sync": sync,
            "trivial": trivial,
            "quotes_4kb": quotes,
            "ratio_to_trivial": quotes["req_per_s"] / trivial["req_per_s"],
            "rss_mb_before": before,
            "rss_mb_after": after,
            "rss_growth_mb_max": growth,
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        article.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", action="store_true", help="engine figures only")
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--compare-gold",
        action="append",
        type=Path,
        default=[ROOT / "seeds" / "gold.jsonl"],
        metavar="FILE",
        help="more English gold JSONL for the textacy comparison (repeatable)",
    )
    args = parser.parse_args()
    figures = {"cpu": os.cpu_count(), "python": sys.version.split()[0], "engine": engine()}
    if compare.available():
        figures["textacy"] = compare.compare(args.compare_gold)
    else:
        figures["textacy"] = {"skipped": "make bench-compare installs what it needs in a venv of its own"}
    if not args.engine:
        figures["http"] = http_figures(args.seconds)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    e = figures["engine"]
    print(
        f"engine, seed mix:   {e['seed_mix']['chars_per_s'] / 1e6:.2f} M chars/s, "
        f"{e['seed_mix']['articles_per_s']:.0f} articles/s (one core)"
    )
    print(
        f"engine, corpus:     {e['corpus']['megabytes']:.1f} MB, {e['corpus']['chars_per_s'] / 1e6:.2f} M chars/s, "
        f"{e['corpus']['articles_per_s']:.0f} articles/s"
    )
    print(
        "scaling (ms/KB):    "
        + ", ".join(f"{size // 1000} KB {ms:.3f}" for size, ms in e["ms_per_kb"].items())
        + f"  -> 1 MB / 4 KB = {e['ratio_1mb_to_4kb']:.2f}x"
    )
    c = figures["textacy"]
    if "skipped" in c:
        print(f"textacy comparison: skipped ({c['skipped']})")
    else:
        print(
            f"textacy comparison: {c['articles']} English articles, {c['chars'] / 1000:.0f} K chars, direct+mixed track"
        )
        for name in ("quotes-service", "textacy"):
            r = c[name]
            print(
                f"  {name:15s} {r['chars_per_s'] / 1000:9.1f} K chars/s  quote F1 {r['quote_f1']:.3f}  "
                f"speaker acc {r['speaker_accuracy'] or 0:.3f}  end-to-end F1 {r['end_to_end_f1']:.3f}"
            )
        print(f"  speed ratio     {c['speed_ratio']:.0f}x; textacy gave up on {c['textacy']['gave_up']} articles")
    h = figures.get("http")
    if h and "skipped" not in h:
        for label, runs in ((h["worker_class"], h), ("sync (before)", h["sync"])):
            for name in ("trivial", "quotes_4kb"):
                r = runs[name]
                print(
                    f"http {label:13s} {name:11s} {r['req_per_s']:8.0f} req/s  p50 {r['p50_ms']:.2f} ms  "
                    f"p95 {r['p95_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms  errors {r['errors']}  "
                    f"CPU {r['cpu_ms_per_request']:.2f} ms/request"
                )
        print(
            f"http ratio:         extraction at {h['ratio_to_trivial']:.0%} of the trivial endpoint "
            f"({h['workers']} workers)"
        )
        print(
            f"worker RSS:         max growth {h['rss_growth_mb_max']:.1f} MB over 10,000 requests "
            f"(before {sorted(round(v, 1) for v in h['rss_mb_before'].values())} MB)"
        )
    elif h:
        print(f"http: {h['skipped']}")


if __name__ == "__main__":
    main()
