"""Fixtures: the app, a test client that holds every response to ``openapi.yaml``, a real gunicorn."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from flask.testing import FlaskClient
from net import free_port, wait_until_up
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse

from service import OPENAPI_PATH, create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SPEC = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
# the test client's host is "localhost": validate paths relative to any server
OPENAPI = OpenAPI.from_dict(
    {**SPEC, "servers": [{"url": "/"}]},
    config=Config(
        extra_media_type_deserializers={
            "application/problem+json": json.loads,
            "application/yaml": lambda body: body.decode("utf-8"),
            "application/x-ndjson": lambda body: body.decode("utf-8"),
            "text/html": lambda body: body.decode("utf-8"),
        }
    ),
)


class _SentRequest(WerkzeugOpenAPIRequest):
    """The request as the response validator needs it; its body was consumed by the app."""

    @property
    def body(self) -> bytes:
        return b""


def check_contract(response) -> None:
    """Validate a response against the contract: the operation's schema, or the problem schema."""
    request = response.request
    operation = SPEC["paths"].get(request.path, {}).get(request.method.lower())
    if operation is not None:
        OPENAPI.validate_response(_SentRequest(request), WerkzeugOpenAPIResponse(response))
        return
    # a path or method the contract does not serve: it still answers with a problem document
    assert response.mimetype == "application/problem+json"
    jsonschema.validate(json.loads(response.get_data()), SPEC["components"]["schemas"]["Problem"])


class ContractClient(FlaskClient):
    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        check_contract(response)
        return response


@pytest.fixture
def app():
    app = create_app({"TESTING": True})
    app.test_client_class = ContractClient
    return app


def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@contextlib.contextmanager
def running_gunicorn(log: Path | None = None, app: str = "service.wsgi:app", **env_overrides: str):
    """The real server, started with the project's ``gunicorn.conf.py`` on a free port.

    ``log`` receives its stderr (its log lines); ``app`` may name a module in ``tests/``.
    """
    port = free_port()
    env = {
        **os.environ,
        "QUOTES_BIND": f"127.0.0.1:{port}",
        "QUOTES_WORKERS": "2",
        "QUOTES_ACCESS_LOG": "",
        "PYTHONPATH": str(ROOT / "tests"),
        **env_overrides,
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    stderr = log.open("wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py", app],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_up(f"{url}/healthz", 30, alive=lambda: proc.poll() is None)
        except TimeoutError:
            pytest.fail("gunicorn did not start")
        yield url, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if log:
            stderr.close()


@pytest.fixture(scope="session")
def gunicorn_server():
    with running_gunicorn() as server:
        yield server
