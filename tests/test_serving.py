"""The real server: gunicorn with the project's ``gunicorn.conf.py``, over HTTP."""

from __future__ import annotations

import requests

from conftest import SEEDS


def test_gunicorn_serves_a_seed_article(gunicorn_server):
    url, _ = gunicorn_server
    text = (SEEDS / "002_36dfc2174eb35922.txt").read_text(encoding="utf-8")
    response = requests.post(
        f"{url}/v1/quotes", data=text.encode(), headers={"Content-Type": "text/plain; charset=utf-8"}, timeout=10
    )
    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "fr"
    speakers = {q["speaker"]["name"] for q in body["quotes"] if q["speaker"]}
    assert {"Heiko Maas", "Oana Lungescu"} <= speakers
    for quote in body["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_gunicorn_answers_errors_as_problems(gunicorn_server):
    url, _ = gunicorn_server
    response = requests.post(f"{url}/v1/quotes", data="{", headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    oversized = requests.post(f"{url}/v1/quotes", json={"text": "x" * 1_100_000}, timeout=10)
    assert oversized.status_code == 413
