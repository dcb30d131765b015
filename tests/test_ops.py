"""Operations: request ids, JSON request logs without article text, readiness (metrics: test_metrics.py)."""

from __future__ import annotations

import json
import logging


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
