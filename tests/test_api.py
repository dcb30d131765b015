"""The HTTP API as a client meets it: both content types, and every error status."""

from __future__ import annotations

import pytest

from conftest import seed_texts

ENGLISH = "“The Russian decision is more than regrettable,” said the head of German diplomacy, Heiko Maas."
FRENCH = "« Nous suspendons les travaux de notre mission », a déclaré Sergueï Lavrov."


def test_json_body_returns_quotes_speakers_and_spans(client):
    response = client.post("/v1/quotes", json={"text": ENGLISH})
    assert response.status_code == 200
    body = response.get_json()
    assert body["language"] == "en"
    (quote,) = body["quotes"]
    assert ENGLISH[quote["start"] : quote["end"]] == quote["text"]
    assert quote["text"] == "The Russian decision is more than regrettable,"
    assert quote["speaker"]["name"] == "Heiko Maas"
    assert quote["speaker"]["role"] == "head of German diplomacy"
    assert quote["cue"]["text"] == "said"
    (speaker,) = body["speakers"]
    assert speaker["id"] == quote["speaker"]["entity"]


def test_plain_text_body_with_language_in_query(client):
    response = client.post("/v1/quotes?language=fr", data=FRENCH.encode(), content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    body = response.get_json()
    assert body["language"] == "fr"
    assert body["quotes"][0]["speaker"]["name"] == "Sergueï Lavrov"


def test_indirect_can_be_left_out(client):
    text = "Sergei Lavrov said that contacts could still be maintained through the embassy."
    with_indirect = client.post("/v1/quotes", json={"text": text}).get_json()["quotes"]
    without = client.post("/v1/quotes", json={"text": text, "indirect": False}).get_json()["quotes"]
    assert [q["type"] for q in with_indirect] == ["indirect"]
    assert without == []


@pytest.mark.parametrize("name", sorted(seed_texts()))
def test_every_seed_article_offsets_are_exact(client, name):
    text = seed_texts()[name]
    body = client.post("/v1/quotes", data=text.encode(), content_type="text/plain").get_json()
    assert body["quotes"]
    for quote in body["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    for speaker in body["speakers"]:
        for mention in speaker["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_blank_text_is_422_as_on_the_page(client):
    body = problem(client.post("/v1/quotes", json={"text": "   \n "}), 422)
    assert body["errors"][0]["pointer"] == "/text" and "empty" in body["detail"]


def test_lone_surrogate_becomes_replacement_character(client):
    response = client.post(
        "/v1/quotes", data='{"text": "\\ud800 « Oui », a dit Marie Curie."}', content_type="application/json"
    )
    assert response.status_code == 200
    quote = response.get_json()["quotes"][0]
    assert quote["text"] == "Oui" and quote["start"] == 4


def problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status and body["detail"]
    return body


def test_malformed_json_is_400_with_position(client):
    body = problem(client.post("/v1/quotes", data='{"text": ', content_type="application/json"), 400)
    assert "line 1" in body["detail"]


def test_invalid_utf8_text_is_400(client):
    body = problem(client.post("/v1/quotes", data=b"caf\xe9", content_type="text/plain"), 400)
    assert "UTF-8" in body["detail"]


@pytest.mark.parametrize(
    ("payload", "pointer"),
    [
        ({}, "/text"),
        ({"text": 42}, "/text"),
        ({"text": None}, "/text"),
        ({"text": "x", "language": "de"}, "/language"),
        ({"text": "x", "colour": "red"}, "/colour"),
        ([1, 2], "/"),
        ("just a string", "/"),
    ],
)
def test_schema_violations_are_422_with_pointers(client, payload, pointer):
    body = problem(client.post("/v1/quotes", json=payload), 422)
    assert pointer in [e["pointer"] for e in body["errors"]]


def test_bad_query_parameter_is_422(client):
    problem(client.post("/v1/quotes?language=xx", json={"text": "x"}), 422)


def test_body_over_the_limit_is_413(app):
    app.config["MAX_CONTENT_LENGTH"] = 100
    body = problem(app.test_client().post("/v1/quotes", json={"text": "x" * 200}), 413)
    assert "100 bytes" in body["detail"]


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data", "text/plain; charset=latin-1"])
def test_other_content_types_are_415(client, content_type):
    problem(client.post("/v1/quotes", data=b"x", content_type=content_type), 415)


def test_missing_content_type_is_415(client):
    problem(client.post("/v1/quotes", data=b"x"), 415)


def test_unknown_path_is_404(client):
    problem(client.get("/v2/nothing"), 404)


def test_wrong_method_is_405_with_allow(client):
    response = client.get("/v1/quotes")
    problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_unexpected_failure_is_a_problem_without_internals(app, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("service.analysis.extract", boom)
    body = problem(app.test_client().post("/v1/quotes", json={"text": "x"}), 500)
    assert "secret" not in body["detail"] and "Traceback" not in str(body)


def test_health_and_contract_endpoints(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    spec = client.get("/openapi.yaml")
    assert spec.status_code == 200 and b"openapi: 3.1.0" in spec.data


def test_responses_carry_security_headers(client):
    headers = client.get("/healthz").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_browser_accept_header_gets_the_page(client):
    response = client.post("/v1/quotes", json={"text": FRENCH}, headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Sergueï Lavrov" in page and 'class="quote t-direct s0"' in page
    assert "style-src 'self'" in response.headers["Content-Security-Policy"]


def test_json_wins_when_both_are_welcome(client):
    response = client.post("/v1/quotes", json={"text": FRENCH}, headers={"Accept": "application/json, text/html"})
    assert response.mimetype == "application/json"


def test_page_form_round_trip(client):
    assert client.get("/").mimetype == "text/html"
    page = client.post("/", data={"text": FRENCH, "language": "fr"}).get_data(as_text=True)
    assert "Nous suspendons les travaux de notre mission" in page and '<a class="quote' in page
    assert client.post("/", data={"text": "  "}).status_code == 422  # as the API
