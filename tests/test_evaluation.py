"""``python -m service evaluate`` agrees with the reference scorer, and the seeds stay accurate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS
from service.__main__ import main
from service.evaluation import evaluate, read_jsonl

REFERENCE = Path(__file__).with_name("reference") / "score.py"


def test_evaluate_agrees_with_reference_scorer(tmp_path, capsys):
    predictions = tmp_path / "predictions.jsonl"
    main(["evaluate", str(SEEDS / "gold.jsonl"), "--json", "--predictions", str(predictions)])
    ours = json.loads(capsys.readouterr().out)
    reference = subprocess.run(
        [sys.executable, str(REFERENCE), str(SEEDS / "gold.jsonl"), str(predictions), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    theirs = json.loads(reference.stdout)
    for track in ("direct+mixed", "indirect"):
        for key, value in ours[track].items():
            assert theirs[track][key] == value, (track, key)


def test_seed_figures_hold():
    from service.engine import extract
    from service.serialize import result_to_dict

    results, _ = evaluate(read_jsonl(SEEDS / "gold.jsonl"), lambda t, lang: result_to_dict(extract(t, lang))["quotes"])
    main_track = results["direct+mixed"]
    assert main_track["quote_f1"] >= 0.95
    assert main_track["speaker_accuracy"] >= 0.85


def test_extract_command_prints_the_api_json(capsys):
    main(["extract", str(SEEDS / "000_a97bea036ea5668e.txt")])
    body = json.loads(capsys.readouterr().out)
    assert body["language"] == "en"
    assert any(q["speaker"] and q["speaker"]["name"] == "Oana Lungescu" for q in body["quotes"])
