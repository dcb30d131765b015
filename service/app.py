"""The Flask application factory: configuration, blueprints, error handlers."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import api, auth, cors, docs, errors, observe, ops, settings, view
from .bodies import LimitedRequest

OPENAPI_PATH = Path(__file__).with_name(
    "openapi.yaml"
)  # the contract, in the package (a link to the top-level file in a checkout)

# the QUOTES_* settings and their defaults are in settings.py
DEFAULTS = {"OPENAPI_PATH": str(OPENAPI_PATH)}


def create_app(config: dict | None = None) -> Flask:
    """Application factory: defaults, then ``QUOTES_*`` environment variables (parsed and checked by
    ``settings``: a bad value raises ``SettingsError``), then ``config``."""
    app = Flask(__name__)
    app.request_class = LimitedRequest  # a chunked body is held to the size limit too
    app.config.from_mapping(settings.defaults())
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(settings.from_environ())
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
