"""Operations endpoints: health and the contract itself."""

from __future__ import annotations

import os

from flask import Blueprint, Response, current_app, send_file
from werkzeug.exceptions import ServiceUnavailable

from .engine.lang import LANGUAGES, load
from .observe import metrics

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz():
    """Liveness: the process answers."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz():
    """Readiness: the lexicons load and the metrics directory is writable."""
    try:
        for language in LANGUAGES:
            load(language)
        if not os.access(metrics().directory, os.W_OK):
            raise OSError("the metrics directory is not writable")
    except OSError as exc:
        raise ServiceUnavailable(f"Not ready: {exc.strerror or exc}.") from None
    return {"status": "ready"}


@bp.get("/metrics")
def prometheus():
    return Response(metrics().exposition(), mimetype="text/plain", content_type="text/plain; version=0.0.4")


@bp.get("/openapi.yaml")
def openapi():
    return send_file(current_app.config["OPENAPI_PATH"], mimetype="application/yaml")
