"""Operations: request ids, JSON request logs without article text, readiness, metrics."""

from __future__ import annotations

import json
import logging

import requests

from conftest import running_gunicorn


def test_request_id_is_echoed_or_made(client):
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["X-Request-ID"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "not valid!"})
    assert len(made.headers["X-Request-ID"]) == 32


def test_one_json_log_line_per_request_and_no_article_text(client, caplog):
    caplog.set_level(logging.INFO)
    client.post("/v1/quotes", json={"text": "« Secret », a dit Marie Curie."}, headers={"X-Request-ID": "r1"})
    (record,) = [r for r in caplog.records if r.name == "service.requests"]
    assert record.request_id == "r1" and record.status == 200
    assert "Secret" not in json.dumps(record.__dict__, default=str) and "Secret" not in record.getMessage()


def test_readiness(client):
    assert client.get("/readyz").get_json() == {"status": "ready"}


def test_metrics_count_requests_and_quotes(client):
    client.post("/v1/quotes", json={"text": "« Oui », a dit Marie Curie. « Non », a-t-elle ajouté."})
    client.post("/v1/quotes", json={})
    text = client.get("/metrics").get_data(as_text=True)
    assert 'quotes_http_requests_total{status="200"} 1' in text
    assert 'quotes_http_requests_total{status="422"} 1' in text
    assert 'quotes_found_total{type="direct"} 2' in text
    assert "quotes_http_request_duration_seconds_count 2" in text


def test_metrics_add_up_over_gunicorn_workers():
    with running_gunicorn(QUOTES_WORKERS="3") as (url, _), requests.Session() as session:
        for _ in range(40):  # new connections spread the requests over the workers
            requests.post(f"{url}/v1/quotes", json={"text": "« Oui », a dit Marie Curie."}, timeout=10)
        text = session.get(f"{url}/metrics", timeout=10).text
    healthz_checks = int(text.split('quotes_http_requests_total{status="200"} ')[1].split()[0]) - 40
    assert healthz_checks >= 1  # the fixture's readiness polls count too
    assert 'quotes_found_total{type="direct"} 40' in text
