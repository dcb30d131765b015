"""Optional API keys, and what error bodies never hold."""

from __future__ import annotations

import pytest


@pytest.fixture
def locked(app):
    app.config["API_KEYS"] = "key-one, key-two"
    return app.test_client()


def test_without_keys_configured_the_api_is_open(client):
    assert client.post("/v1/quotes", json={"text": "x"}).status_code == 200


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic key-one", "Bearer", "key-one"])
def test_missing_or_wrong_key_is_401_problem(locked, header):
    headers = {"Authorization": header} if header else {}
    response = locked.post("/v1/quotes", json={"text": "x"}, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("key", ["key-one", "key-two"])
def test_any_configured_key_is_accepted(locked, key):
    response = locked.post("/v1/quotes", json={"text": "x"}, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200


def test_health_and_contract_stay_open(locked):
    assert locked.get("/healthz").status_code == 200
    assert locked.get("/openapi.yaml").status_code == 200


def test_error_bodies_hold_no_internals(client):
    response = client.post("/v1/quotes", data="{", content_type="application/json")
    text = response.get_data(as_text=True)
    for leak in ("Traceback", "/work/", "site-packages", "werkzeug", "Werkzeug/"):
        assert leak not in text
