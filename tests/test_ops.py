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
    logger = logging.getLogger("service.requests")
    logger.addHandler(caplog.handler)
    try:
        client.post("/v1/quotes", json={"text": "« Secret », a dit Marie Curie."}, headers={"X-Request-ID": "r1"})
    finally:
        logger.removeHandler(caplog.handler)
    (record,) = [r for r in caplog.records if r.name == "service.requests"]
    assert record.fields["request_id"] == "r1" and record.fields["status"] == 200
    assert "Secret" not in json.dumps(record.fields) and "Secret" not in record.getMessage()


def test_readiness(client):
    assert client.get("/readyz").get_json() == {"status": "ready"}
