"""The benchmark command keeps working (its figures are read by people, never asserted here)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from compare import inner_span  # noqa: E402


def test_engine_benchmark_prints_every_figure():
    out = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--engine", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    figures = json.loads(out)
    engine = figures["engine"]
    assert engine["seed_mix"]["chars_per_s"] > 0 and engine["corpus"]["megabytes"] > 3
    assert set(engine["ms_per_kb"]) == {"1000", "4000", "10000", "100000", "1000000"}
    assert engine["ratio_1mb_to_4kb"] > 0
    assert "skipped" in figures["textacy"] or figures["textacy"]["speed_ratio"] > 0


def test_textacy_spans_lose_their_marks_like_the_gold_spans():
    text = 'He said: “We will stay,” and left. "Fine"'
    assert text[slice(*inner_span(text, 9, 24))] == "We will stay,"
    assert text[slice(*inner_span(text, 35, 41))] == "Fine"


def test_hotspots_lists_the_engine_functions():
    out = subprocess.run(
        [sys.executable, "benchmarks/hotspots.py", "--rounds", "1", "--limit", "1000"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert "scan_names" in out and "find_quotations" in out
