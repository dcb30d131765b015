"""Operations endpoints: health and the contract itself."""

from __future__ import annotations

from flask import Blueprint, current_app, send_file

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz():
    return {"status": "ok"}


@bp.get("/openapi.yaml")
def openapi():
    return send_file(current_app.config["OPENAPI_PATH"], mimetype="application/yaml")
