"""Benchmark: ``quote-service extract --jsonl`` over a corpus, documents/s with 1 and 2 worker processes.

    python benchmarks/cli.py                 # 3,000 articles made from the seeds, --jobs 1 then 2
    python benchmarks/cli.py --articles 500 --jobs 1 2 4

Each run is the whole command as a user runs it (start-up, reading, workers, writing), timed
from outside; the best of --repeat runs counts, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from run import synthetic_article  # noqa: E402


def corpus(path: Path, articles: int, seed: int = 13) -> int:
    """``articles`` seed-made articles of 1 to 8 KB as JSONL; returns the characters written."""
    rng = random.Random(seed)
    characters = 0
    with open(path, "w", encoding="utf-8") as out:
        for n in range(articles):
            text = synthetic_article(rng.randrange(1_000, 8_000), rng)
            characters += len(text)
            out.write(json.dumps({"id": f"article-{n}", "text": text}, ensure_ascii=False) + "\n")
    return characters


def timed_run(path: Path, jobs: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the command and its workers) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "service", "extract", "--jsonl", str(path), "--jobs", str(jobs), "--output", os.devnull],
        check=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2, help="runs per job count; the best counts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        characters = corpus(path, args.articles)
        rates, cpu = {}, {}
        for jobs in args.jobs:
            seconds, cpu_seconds = min(timed_run(path, jobs) for _ in range(args.repeat))
            rates[jobs] = args.articles / seconds
            cpu[jobs] = cpu_seconds
    base = rates[args.jobs[0]]
    figures = {
        "articles": args.articles,
        "characters": characters,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "documents_per_second": {str(j): round(r, 1) for j, r in rates.items()},
        "speedup": {str(j): round(r / base, 2) for j, r in rates.items()},
        "cpu_seconds": {str(j): round(c, 1) for j, c in cpu.items()},
        "load_average": os.getloadavg()[0],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"CLI extract --jsonl: {args.articles} articles, {characters / 1e6:.1f} M characters, ", end="")
    print(f"{figures['cores']} cores, load average {figures['load_average']:.1f} (counts other work on the machine)")
    for jobs, rate in rates.items():
        speedup = f"{rate / base:.2f}x --jobs {args.jobs[0]}"
        print(f"  --jobs {jobs}: {rate:7.1f} documents/s  ({speedup}; {cpu[jobs]:.1f} CPU seconds for the run)")


if __name__ == "__main__":
    main()
