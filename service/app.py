"""The Flask application factory: configuration, blueprints, error handlers."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import api, auth, errors, observe, ops, view
from .bodies import LimitedRequest

OPENAPI_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"

DEFAULTS = {
    "MAX_CONTENT_LENGTH": 1_000_000,  # bytes; larger bodies get 413 before they are read
    "DEFAULT_LANGUAGE": "auto",
    "BATCH_MAX_DOCUMENTS": 100,  # documents in one batch request
    "BATCH_MAX_BYTES": 10_000_000,  # body of one batch request; read line by line for NDJSON
    "BATCH_BUDGET": 20.0,  # seconds for one batch, below gunicorn's timeout; later documents get a 503 each
    "ENGINE_BUDGET": 10.0,  # seconds one extraction may take before it gives up with a 503
    "API_KEYS": "",  # comma-separated; empty leaves the API open
    "METRICS_DIR": "",  # shared by gunicorn's workers (gunicorn.conf.py sets it); empty: a new one
    "LOG_REQUESTS": True,  # one JSON line per request on stderr: id, path, status, sizes, time
    "OPENAPI_PATH": str(OPENAPI_PATH),
}


def create_app(config: dict | None = None) -> Flask:
    """Application factory: defaults, then ``QUOTES_*`` environment variables, then ``config``."""
    app = Flask(__name__)
    app.request_class = LimitedRequest  # a chunked body is held to the size limit too
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("QUOTES")
    if config:
        app.config.update(config)
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    observe.register(app)
    auth.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(ops.bp)
    app.register_blueprint(view.bp)
    errors.register(app)
    return app
