"""Bounded answers: at most QUOTES_MAX_QUOTES quotations per document, flagged when cut."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from service.engine import extract

NAMES = ("Marie Curie", "Paul Grant", "Jean Dupont", "Anne Martin", "Louis Petit")
ARTICLE = " ".join(f"« Oui{n} », a dit {name}." for n, name in enumerate(NAMES))


@pytest.fixture
def capped(app):
    app.config["MAX_QUOTES"] = 3
    return app.test_client()


def test_the_engine_attributes_only_the_first_quotes_it_is_asked_for():
    assert len(extract(ARTICLE, "fr", max_quotes=2).quotes) == 2
    assert len(extract(ARTICLE, "fr").quotes) == 5


def test_past_the_cap_the_first_quotes_come_with_a_flag(capped):
    body = capped.post("/v1/quotes", json={"text": ARTICLE, "language": "fr"}).get_json()
    assert body["truncated"] is True
    assert [q["text"] for q in body["quotes"]] == ["Oui0", "Oui1", "Oui2"]
    assert [q["id"] for q in body["quotes"]] == ["q1", "q2", "q3"]
    assert [s["name"] for s in body["speakers"]] == list(NAMES[:3])  # only the speakers of those


def test_at_the_cap_nothing_is_flagged(capped):
    body = capped.post("/v1/quotes", json={"text": ARTICLE[: ARTICLE.index("« Oui3")], "language": "fr"}).get_json()
    assert len(body["quotes"]) == 3 and "truncated" not in body


def test_each_batch_document_is_capped_on_its_own(capped):
    documents = [{"id": "long", "text": ARTICLE, "language": "fr"}, {"id": "short", "text": "« Oui », a dit Marie."}]
    long, short = capped.post("/v1/quotes/batch", json={"documents": documents}).get_json()["results"]
    assert long["result"]["truncated"] is True and len(long["result"]["quotes"]) == 3
    assert "truncated" not in short["result"]


def test_utf16_offsets_of_a_cut_answer_are_still_true(capped):
    text = "😀 " + ARTICLE
    body = capped.post("/v1/quotes?offsets=utf16", json={"text": text, "language": "fr"}).get_json()
    utf16 = text.encode("utf-16-le")
    for q in body["quotes"]:
        assert utf16[2 * q["start"] : 2 * q["end"]].decode("utf-16-le") == q["text"]


def test_an_answer_stays_near_the_size_of_its_request(client):
    """200 KB of '"a" ' pairs are 50,000 quotations: the answer holds 5,000, not 7 MB of them."""
    text = '"a" ' * 50_000
    response = client.post("/v1/quotes", data=text, content_type="text/plain")
    body = response.get_json()
    assert body["truncated"] is True and len(body["quotes"]) == 5000
    assert len(response.get_data()) < 5 * len(text)


def test_the_memory_benchmark_measures_a_capped_answer():
    script = ROOT / "benchmarks" / "memory.py"
    command = [sys.executable, str(script), "--size", "24000", "--shape", '"a" pairs', "--route", "/v1/quotes"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    (row,) = [line.split() for line in done.stdout.splitlines() if line.startswith('"a" pairs')]
    status, quotes, peak = row[3], row[4], float(row[-1])
    assert status == "200" and quotes == "5000+"  # 6,000 pairs, answered with the first 5,000
    assert 0 < peak < 500 and "within the 150 MB target" in done.stdout
