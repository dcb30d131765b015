"""Where the engine spends its time: cProfile over the seed articles, heaviest functions first.

    python benchmarks/hotspots.py            # by own time
    python benchmarks/hotspots.py --sort cumulative --limit 40

Profiling slows every Python call, so read the shares, not the seconds; speed itself is
``benchmarks/run.py``'s to measure.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.engine import extract  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sort", default="tottime", choices=["tottime", "cumulative", "ncalls"])
    parser.add_argument("--limit", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=30, help="passes over the seed articles")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.rounds):
        for text in texts:
            extract(text)
    profile.disable()
    pstats.Stats(profile).strip_dirs().sort_stats(args.sort).print_stats(args.limit)


if __name__ == "__main__":
    main()
