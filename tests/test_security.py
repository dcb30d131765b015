"""Optional API keys, and what error bodies never hold."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient


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


def test_probes_metrics_and_contract_stay_open(locked):
    for path in ("/healthz", "/readyz", "/metrics", "/openapi.yaml"):
        assert locked.get(path).status_code == 200, path


def test_error_bodies_hold_no_internals(client):
    response = client.post("/v1/quotes", data="{", content_type="application/json")
    text = response.get_data(as_text=True)
    for leak in ("Traceback", "/work/", "site-packages", "werkzeug", "Werkzeug/"):
        assert leak not in text


def test_the_page_needs_the_key_like_the_api(locked):
    article = {"text": "« Secret », a dit Marie Curie.", "language": "auto"}
    refused = locked.post("/", data=article)
    assert refused.status_code == 401 and "Secret" not in refused.get_data(as_text=True)
    assert locked.get("/").status_code == 401
    accepted = locked.post("/", data=article, headers={"Authorization": "Bearer key-two"})
    assert accepted.status_code == 200 and "Marie Curie" in accepted.get_data(as_text=True)


def test_every_route_needs_the_key_unless_marked_open(app, locked):
    """Closed by default: a route added later is protected without being listed anywhere."""
    open_routes = set()
    for rule in app.url_map.iter_rules():
        path = rule.rule.replace("<path:filename>", "view.css")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = FlaskClient(app).open(path, method=method)
            if response.status_code != 401:
                open_routes.add((method, rule.rule))
    assert open_routes == {
        ("GET", "/healthz"),
        ("GET", "/readyz"),
        ("GET", "/metrics"),
        ("GET", "/openapi.yaml"),
        ("GET", "/openapi.json"),
        ("GET", "/docs"),
        ("GET", "/docs/assets/<path:filename>"),
        ("GET", "/static/<path:filename>"),
    }


def test_an_unknown_path_is_still_404_with_keys_set(locked):
    assert locked.get("/no/such/path").status_code == 404
