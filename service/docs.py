"""``GET /docs``: the contract as interactive documentation (Swagger UI 5), and ``GET /openapi.json``.

Swagger UI's files come from the ``flask-swagger-ui`` package (Swagger UI's own build, Apache-2.0,
its licence at ``/docs/assets/LICENSE``) and are served here: the page loads nothing from elsewhere.
Its content security policy is this route's own, relaxed only as far as Swagger UI needs.
"""

from __future__ import annotations

import functools
from pathlib import Path

import flask_swagger_ui
import yaml
from flask import Blueprint, Response, current_app, render_template

from .auth import public

SWAGGER_UI = Path(flask_swagger_ui.__file__).resolve().parent / "dist"
# scripts and styles from this origin only; Swagger UI sets inline styles and draws its icons from data: URLs
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)

bp = Blueprint("docs", __name__, static_folder=str(SWAGGER_UI), static_url_path="/docs/assets")


@functools.cache
def _contract_json(path: str) -> str:
    with open(path, encoding="utf-8") as spec:
        return current_app.json.dumps(yaml.safe_load(spec))


@bp.get("/docs")
@public
def page():
    """Swagger UI over ``/openapi.json``; "Try it out" calls this same server."""
    response = Response(render_template("docs.html"), mimetype="text/html")
    response.headers["Content-Security-Policy"] = POLICY
    return response


@bp.get("/openapi.json")
@public
def contract():
    """The contract, as ``/openapi.yaml`` has it, in JSON."""
    return Response(_contract_json(current_app.config["OPENAPI_PATH"]), mimetype="application/json")
