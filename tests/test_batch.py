"""Many articles at once: results in order, one error per broken document, NDJSON streaming."""

from __future__ import annotations

import json

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
