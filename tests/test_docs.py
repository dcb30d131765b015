"""``/docs`` (Swagger UI over the contract, served here) and ``/openapi.json``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from webdriver import chromium

from conftest import SPEC, running_gunicorn
from service import create_app

SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


def test_docs_serve_swagger_ui_and_its_licence():
    client = create_app({"TESTING": True, "LOG_REQUESTS": False}).test_client()  # static files: not in the contract
    docs = client.get("/docs")
    assert docs.status_code == 200 and "script-src 'self'" in docs.headers["Content-Security-Policy"]
    assert "script-src" not in client.get("/").headers["Content-Security-Policy"]  # relaxed for /docs only
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert "Apache License" in client.get("/docs/assets/LICENSE").get_data(as_text=True)


def test_openapi_json_is_the_yaml_contract(client):
    assert client.get("/openapi.json").get_json() == SPEC
    assert SPEC["servers"] == [{"url": "/", "description": "The server that serves this document."}]


@pytest.mark.skipif(shutil.which("chromedriver") is None, reason="chromium is installed by .ci/run")
def test_docs_render_the_contract_with_nothing_from_elsewhere(tmp_path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with running_gunicorn() as (url, _), chromium(str(tmp_path / "profile")) as browser:
        browser.open(f"{url}/")
        browser.click(browser.find("header a[href='/docs']"))
        operations = browser.wait_for(".opblock-summary-path", 20)
        paths = {browser.text(o).replace("\u200b", "") for o in operations}
        assert {"/v1/quotes", "/v1/quotes/batch", "/healthz", "/docs", "/openapi.json"} <= paths
        assert "Quote attribution service" in browser.text(browser.find(".info .title"))
        browser.screenshot(SCREENSHOTS / "docs.png")

        # "Try it out" calls this same server: the contract's server URL is relative
        browser.click(browser.find("#operations-default-health .opblock-summary-control"))
        browser.click(browser.wait_for("#operations-default-health .try-out__btn")[0])
        browser.click(browser.wait_for("#operations-default-health .execute")[0])
        status = browser.wait_for("#operations-default-health .live-responses-table tbody .response-col_status", 20)
        assert browser.text(status[0]) == "200"

        resources = browser.execute("return performance.getEntriesByType('resource').map(e => e.name)")
        assert any(r.endswith("/openapi.json") for r in resources)
        assert any(r.endswith("/swagger-ui-bundle.js") for r in resources)
        assert f"{url}/healthz" in resources
        assert all(r.startswith(f"{url}/") for r in resources), resources
        requested = browser.requested_urls(url)  # blocked requests too, which resource timing omits
        assert any(r.endswith("/swagger-ui.css") for r in requested)
        assert all(r.startswith((f"{url}/", "data:")) for r in requested), requested
