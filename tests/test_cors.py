"""CORS: off by default; with ``QUOTES_CORS_ORIGINS``, browser pages on the listed origins may call /v1/."""

from __future__ import annotations

import shutil

import pytest
from flask.testing import FlaskClient
from webdriver import chromium

from conftest import check_contract, running_gunicorn
from service import create_app

NEWSROOM = "https://newsroom.example"
PREFLIGHT = {
    "Origin": NEWSROOM,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type",
}


def client_with(**config) -> FlaskClient:
    app = create_app({"TESTING": True, "LOG_REQUESTS": False, **config})
    app.test_client_class = FlaskClient  # preflights are not operations of the contract
    return app.test_client()


def test_off_by_default():
    client = client_with()
    answer = client.post("/v1/quotes", json={"text": "« Oui », a dit Marie Curie."}, headers={"Origin": NEWSROOM})
    assert answer.status_code == 200 and "Access-Control-Allow-Origin" not in answer.headers
    assert "Access-Control-Allow-Origin" not in client.options("/v1/quotes", headers=PREFLIGHT).headers


@pytest.mark.parametrize("configured", [NEWSROOM, f"https://other.example, {NEWSROOM}/", "*"])
def test_a_listed_origin_gets_its_preflight_and_the_request_id(configured):
    client = client_with(CORS_ORIGINS=configured)
    preflight = client.options("/v1/quotes", headers=PREFLIGHT)
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == NEWSROOM
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    assert "Origin" in preflight.headers["Vary"]
    answer = client.post("/v1/quotes", json={"text": "« Oui », a dit Marie Curie."}, headers={"Origin": NEWSROOM})
    check_contract(answer)
    assert answer.headers["Access-Control-Allow-Origin"] == NEWSROOM
    assert "X-Request-ID" in answer.headers["Access-Control-Expose-Headers"]
    assert answer.headers["X-Request-ID"]


def test_the_preflight_needs_no_api_key_but_the_request_does():
    client = client_with(CORS_ORIGINS=NEWSROOM, API_KEYS="s3cret")
    assert client.options("/v1/quotes/batch", headers=PREFLIGHT).status_code == 204
    refused = client.post("/v1/quotes", json={"text": "x"}, headers={"Origin": NEWSROOM})
    assert refused.status_code == 401
    assert refused.headers["Access-Control-Allow-Origin"] == NEWSROOM  # so the page can read the 401
    key = {"Origin": NEWSROOM, "Authorization": "Bearer s3cret"}
    assert client.post("/v1/quotes", json={"text": "x"}, headers=key).status_code == 200


def test_other_origins_and_other_routes_get_nothing():
    client = client_with(CORS_ORIGINS=NEWSROOM)
    stranger = {**PREFLIGHT, "Origin": "https://elsewhere.example"}
    assert "Access-Control-Allow-Origin" not in client.options("/v1/quotes", headers=stranger).headers
    answer = client.post("/v1/quotes", json={"text": "x"}, headers={"Origin": "https://elsewhere.example"})
    assert answer.status_code == 200 and "Access-Control-Allow-Origin" not in answer.headers
    assert "Access-Control-Allow-Origin" not in client.get("/healthz", headers={"Origin": NEWSROOM}).headers


FETCH = """
const done = arguments[arguments.length - 1];
fetch(arguments[0], {method: "POST", headers: {"Content-Type": "application/json", "X-Request-ID": "from-the-page"},
                     body: JSON.stringify({text: "« Oui », a dit Marie Curie."})})
  .then(r => r.json().then(body => done({status: r.status, id: r.headers.get("X-Request-ID"),
                                         speaker: body.quotes[0].speaker.name})))
  .catch(e => done({error: String(e)}));
"""


@pytest.mark.skipif(shutil.which("chromedriver") is None, reason="chromium is installed by .ci/run")
def test_a_page_on_another_origin_calls_the_api_in_a_real_browser(tmp_path):
    """Two servers, two origins: B lists A's origin, A lists none."""
    with (
        running_gunicorn() as (a, _),
        running_gunicorn(QUOTES_CORS_ORIGINS=a) as (b, _),
        chromium(str(tmp_path / "profile")) as browser,
    ):
        browser.cdp("Page.setBypassCSP", {"enabled": True})  # the pages' own CSP allows no fetch at all
        browser.open(f"{a}/")
        assert browser.execute_async(FETCH, f"{b}/v1/quotes") == {
            "status": 200,
            "id": "from-the-page",  # sent after a preflight, and readable: exposed
            "speaker": "Marie Curie",
        }
        browser.open(f"{b}/")
        assert "error" in browser.execute_async(FETCH, f"{a}/v1/quotes")  # A allows no other origin
