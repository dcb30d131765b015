"""Operations endpoints: health, metrics and the contract itself, open even when API keys are set."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, send_file
from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4
from werkzeug.exceptions import ServiceUnavailable

from .auth import public
from .engine.lang import LANGUAGES, load
from .observe import metrics

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
@public
def healthz():
    """Liveness: the process answers."""
    return {"status": "ok"}


@bp.get("/readyz")
@public
def readyz():
    """Readiness: the lexicons load. Metrics are no part of it: they never stop serving."""
    try:
        for language in LANGUAGES:
            load(language)
    except OSError as exc:
        raise ServiceUnavailable(f"Not ready: {exc.strerror or exc}.") from None
    return {"status": "ready"}


@bp.get("/metrics")
@public
def prometheus():
    try:
        exposition = metrics().exposition()
    except OSError as exc:
        raise ServiceUnavailable(f"Metrics are unavailable: {exc}.") from None
    return Response(exposition, content_type=CONTENT_TYPE_PLAIN_0_0_4)


@bp.get("/openapi.yaml")
@public
def openapi():
    return send_file(current_app.config["OPENAPI_PATH"], mimetype="application/yaml")
