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


def test_extract_command_writes_one_json_line_per_file(tmp_path, capsys):
    main(["extract", str(SEEDS / "000_a97bea036ea5668e.txt"), str(SEEDS / "003_43d9d6cd0e74efc0.txt")])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(line["id"]).name for line in lines] == ["000_a97bea036ea5668e.txt", "003_43d9d6cd0e74efc0.txt"]
    assert [line["result"]["language"] for line in lines] == ["en", "fr"]


def test_extract_command_reads_jsonl_and_shows_progress_on_a_terminal(tmp_path, capsys, monkeypatch):
    source = tmp_path / "docs.jsonl"
    source.write_text(
        "\n".join(json.dumps({"id": f"d{n}", "text": "« Oui », a dit Marie Curie."}) for n in range(3)) + "\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    main(["extract", "--jsonl", str(source), "--output", str(tmp_path / "out.jsonl")])
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["d0", "d1", "d2"]
    assert lines[0]["result"]["quotes"][0]["speaker"]["name"] == "Marie Curie"
    assert "3/3" in capsys.readouterr().err
