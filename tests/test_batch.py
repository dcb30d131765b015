"""Many articles at once: results in order, one error per broken document, NDJSON streaming."""

from __future__ import annotations

import json
import socket
import time

import requests

from conftest import running_gunicorn

FRENCH = "« Nous partons », a déclaré Jean Dupont."
ENGLISH = "“We stay,” said Maria Lopez."


def test_json_batch_answers_each_document_in_order(client):
    documents = [
        {"id": "fr", "text": FRENCH},
        {"id": "broken", "text": 5},
        ["not", "a", "document"],
        {"id": "en", "text": ENGLISH, "language": "en"},
    ]
    response = client.post("/v1/quotes/batch", json={"documents": documents})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == ["fr", "broken", "#2", "en"]
    assert results[0]["result"]["quotes"][0]["speaker"]["name"] == "Jean Dupont"
    assert results[1]["error"]["status"] == 422 and results[1]["error"]["errors"][0]["pointer"] == "/text"
    assert results[2]["error"]["status"] == 422
    assert results[3]["result"]["quotes"][0]["speaker"]["name"] == "Maria Lopez"


def test_ndjson_batch_streams_one_line_per_document(client):
    lines = [json.dumps({"id": "fr", "text": FRENCH}), "{broken", json.dumps({"id": "en", "text": ENGLISH})]
    response = client.post("/v1/quotes/batch", data="\n".join(lines) + "\n", content_type="application/x-ndjson")
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    entries = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [e["id"] for e in entries] == ["fr", "#1", "en"]
    assert entries[1]["error"]["status"] == 400
    assert entries[2]["result"]["quotes"][0]["text"] == "We stay,"


def test_batch_offsets_apply_to_every_document(client):
    body = client.post("/v1/quotes/batch?offsets=utf8", json={"documents": [{"id": "a", "text": FRENCH}]}).get_json()
    quote = body["results"][0]["result"]["quotes"][0]
    assert FRENCH.encode()[quote["start"] : quote["end"]].decode() == quote["text"]


def test_too_many_documents(app):
    app.config["BATCH_MAX_DOCUMENTS"] = 2
    client = app.test_client()
    documents = [{"id": str(n), "text": "x"} for n in range(3)]
    assert client.post("/v1/quotes/batch", json={"documents": documents}).status_code == 422
    ndjson = "\n".join(json.dumps(d) for d in documents)
    entries = client.post("/v1/quotes/batch", data=ndjson, content_type="application/x-ndjson").get_data(as_text=True)
    last = json.loads(entries.splitlines()[-1])
    assert last["error"]["status"] == 422 and "at most 2" in last["error"]["detail"]


def test_batch_body_limit(app):
    app.config["BATCH_MAX_BYTES"] = 200
    response = app.test_client().post("/v1/quotes/batch", json={"documents": [{"id": "a", "text": "x" * 500}]})
    assert response.status_code == 413


def test_empty_and_wrong_batches(client):
    assert client.post("/v1/quotes/batch", json={"documents": []}).status_code == 422
    assert client.post("/v1/quotes/batch", json={"docs": []}).status_code == 422
    assert client.post("/v1/quotes/batch", data="x", content_type="text/plain").status_code == 415


def test_each_batch_document_is_held_to_the_request_limit(app):
    app.config["MAX_CONTENT_LENGTH"] = 300
    client = app.test_client()
    documents = [{"id": "a", "text": ENGLISH}, {"id": "big", "text": "x" * 400}, {"id": "c", "text": FRENCH}]
    results = client.post("/v1/quotes/batch", json={"documents": documents}).get_json()["results"]
    assert [r["id"] for r in results] == ["a", "big", "c"]
    assert "result" in results[0] and "result" in results[2]
    assert results[1]["error"]["status"] == 413 and "300 bytes" in results[1]["error"]["detail"]
    ndjson = "\n".join(json.dumps(d) for d in documents) + "\n"
    response = client.post("/v1/quotes/batch", data=ndjson, content_type="application/x-ndjson")
    entries = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [e["id"] for e in entries] == ["a", "#1", "c"]
    assert entries[1]["error"]["status"] == 413 and "result" in entries[2]


def test_a_batch_past_its_time_budget_ends_with_an_error_per_document(app):
    app.config["BATCH_BUDGET"] = 0
    client = app.test_client()
    documents = [{"id": "a", "text": ENGLISH}, {"id": "b", "text": FRENCH}]
    ndjson = "\n".join(json.dumps(d) for d in documents)
    response = client.post("/v1/quotes/batch", data=ndjson, content_type="application/x-ndjson")
    entries = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [(e["id"], e["error"]["status"]) for e in entries] == [("a", 503), ("b", 503)]
    assert "time budget" in entries[0]["error"]["detail"]
    results = client.post("/v1/quotes/batch", json={"documents": documents}).get_json()["results"]
    assert [r["error"]["status"] for r in results] == [503, 503]


def _read_until(sock: socket.socket, marker: bytes, seconds: float) -> bytes:
    """What the server sent until ``marker`` appeared or ``seconds`` passed."""
    received, deadline = b"", time.monotonic() + seconds
    while marker not in received and time.monotonic() < deadline:
        sock.settimeout(max(deadline - time.monotonic(), 0.01))
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            break
        if not chunk:
            break
        received += chunk
    return received


def test_ndjson_answer_streams_over_http_as_documents_arrive():
    first = json.dumps({"id": "first", "text": ENGLISH}).encode() + b"\n"
    second = json.dumps({"id": "second", "text": FRENCH + " Il est parti." * 400}).encode() + b"\n"
    # gunicorn reads a body 1 KB at a time: the first document and 2 KB of the second go first
    sent_first, sent_later = first + second[:2048], second[2048:]
    with running_gunicorn() as (url, _):
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            head = (
                "POST /v1/quotes/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
                f"Content-Length: {len(first) + len(second)}\r\n\r\n"
            )
            sock.sendall(head.encode() + sent_first)
            started = time.monotonic()
            received = _read_until(sock, b'"id": "first"', 3)
            assert b'"id": "first"' in received and time.monotonic() - started < 1  # the second is not all sent
            assert b"Content-Length" not in received.split(b"\r\n\r\n")[0]
            sock.sendall(sent_later)
            received += _read_until(sock, b"\r\n0\r\n\r\n", 10)
        assert b'"id": "second"' in received and received.endswith(b"\r\n0\r\n\r\n")


def test_long_batch_ends_with_error_lines_before_the_worker_timeout():
    heavy = "Paul Grant said he was sure. “Yes,” he said. " * 400  # about 0.2 s each
    documents = [json.dumps({"id": f"d{n}", "text": heavy}) for n in range(12)]
    with running_gunicorn(QUOTES_TIMEOUT="3", QUOTES_BATCH_BUDGET="0.5") as (url, _):
        response = requests.post(
            f"{url}/v1/quotes/batch",
            data="\n".join(documents).encode(),
            headers={"Content-Type": "application/x-ndjson"},
            timeout=30,
        )
        entries = [json.loads(line) for line in response.text.splitlines()]
    assert response.status_code == 200
    assert [e["id"] for e in entries] == [f"d{n}" for n in range(12)]
    assert "result" in entries[0]
    assert entries[-1]["error"]["status"] == 503 and "time budget" in entries[-1]["error"]["detail"]
