"""Peak memory of one request per hostile shape, each in a fresh process: the worker's high-water mark.

    python benchmarks/memory.py                 # every shape at 1 MB, API and page; fails past the target
    python benchmarks/memory.py --size 100000   # smaller bodies
    python benchmarks/memory.py --shape '"a" pairs' --route /

Each shape is cut to ``--size`` bytes of UTF-8 (the body limit is 1,000,000 bytes) and sent once
through the real app (Flask's test client, in process: no network, the same code path as
gunicorn's worker). The figure is the process's peak resident set (``ru_maxrss``) after the
request, beside the same process's peak just before it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from hostile import SHAPES  # noqa: E402

TARGET_MB = 150
SHAPES = {
    **SHAPES,
    '"a" pairs': lambda n: '"a" ' * (n // 4),
    "«a» pairs": lambda n: "«a» " * (n // 4),
    "one-letter words": lambda n: "a " * (n // 2),
}
ROUTES = ("/v1/quotes", "/")


def body_of(shape: str, size: int, route: str) -> str:
    """The shape's text, cut at a character boundary so that the body is at most ``size`` bytes:
    UTF-8 for the API, the form's URL encoding (up to 9 bytes a character) for the page."""
    text = SHAPES[shape](size).encode("utf-8")[:size].decode("utf-8", errors="ignore")
    while route == "/" and len(encoded := urlencode({"text": text, "language": "auto"})) > size:
        text = text[: int(len(text) * size / len(encoded)) - 1]
    return text


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def one(shape: str, size: int, route: str) -> dict:
    """One request in this process; the figures as a dict."""
    from service import create_app

    # no time budget: a request cut short by it would hide the memory of the whole work
    app = create_app({"TESTING": True, "LOG_REQUESTS": False, "ENGINE_BUDGET": 3600.0})
    client = app.test_client()
    client.post("/v1/quotes", json={"text": "« Oui », a dit Marie Curie."})  # warm: lexicons, imports
    text = body_of(shape, size, route)
    before = peak_mb()
    started = time.perf_counter()
    if route == "/":
        form = urlencode({"text": text, "language": "auto"})
        response = client.post("/", data=form, content_type="application/x-www-form-urlencoded")
    else:
        response = client.post(route, data=text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    seconds = time.perf_counter() - started
    answer = response.get_data()
    quotes = len(json.loads(answer)["quotes"]) if response.mimetype == "application/json" else None
    truncated = json.loads(answer).get("truncated", False) if response.mimetype == "application/json" else None
    return {
        "shape": shape,
        "route": route,
        "chars_in": len(text),
        "status": response.status_code,
        "bytes_out": len(answer),
        "quotes": quotes,
        "truncated": truncated,
        "seconds": round(seconds, 2),
        "before_mb": round(before, 1),
        "peak_mb": round(peak_mb(), 1),
    }


def measure(shape: str, size: int, route: str) -> dict:
    """``one`` in a fresh interpreter, so that each peak is that request's alone."""
    command = [sys.executable, __file__, "--one", "--shape", shape, "--size", str(size), "--route", route]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="body size in bytes (default 1,000,000)")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="one shape (repeatable)")
    parser.add_argument("--route", action="append", choices=ROUTES, help="one route (repeatable)")
    parser.add_argument("--target", type=float, default=TARGET_MB, help="peak MB not to exceed")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.shape[0], args.size, args.route[0])))
        return 0
    worst = 0.0
    print(f"{'shape':40s} {'route':11s} status  quotes  out MB  seconds  before MB  peak MB", flush=True)
    for shape in args.shape or SHAPES:
        for route in args.route or ROUTES:
            r = measure(shape, args.size, route)
            worst = max(worst, r["peak_mb"])
            quotes = "" if r["quotes"] is None else f"{r['quotes']}{'+' if r['truncated'] else ''}"
            print(
                f"{shape:40s} {route:11s} {r['status']:6d} {quotes:>7s} {r['bytes_out'] / 1e6:7.2f} "
                f"{r['seconds']:8.2f} {r['before_mb']:10.1f} {r['peak_mb']:8.1f}",
                flush=True,
            )
    verdict = "within" if worst <= args.target else "OVER"
    print(f"worst peak {worst:.1f} MB: {verdict} the {args.target:.0f} MB target")
    return 0 if worst <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
