"""Quote-attribution HTTP service: POST an article, get its quotations, speakers, roles and spans."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import api, auth, cors, docs, errors, observe, ops, view

OPENAPI_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"

DEFAULTS = {
    "MAX_CONTENT_LENGTH": 1_000_000,  # bytes; larger bodies get 413 before they are read
    "DEFAULT_LANGUAGE": "auto",
    "BATCH_MAX_DOCUMENTS": 100,  # documents in one batch request
    "BATCH_MAX_BYTES": 10_000_000,  # body of one batch request; read line by line for NDJSON
    "ENGINE_BUDGET": 10.0,  # seconds one extraction may take before it gives up with a 503
    "API_KEYS": "",  # comma-separated; empty leaves the API open
    "CORS_ORIGINS": "",  # comma-separated origins whose pages may call /v1/; empty: no CORS
    "METRICS_DIR": "",  # shared by gunicorn's workers (gunicorn.conf.py sets it); empty: a new one
    "LOG_REQUESTS": True,  # one JSON line per request on stderr: id, path, status, sizes, time
    "OPENAPI_PATH": str(OPENAPI_PATH),
}


def create_app(config: dict | None = None) -> Flask:
    """Application factory: defaults, then ``QUOTES_*`` environment variables, then ``config``."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("QUOTES")
    if config:
        app.config.update(config)
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    observe.register(app)
    cors.register(app)  # before auth: a browser's preflight carries no API key
    auth.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(ops.bp)
    app.register_blueprint(view.bp)
    app.register_blueprint(docs.bp)
    errors.register(app)
    return app
