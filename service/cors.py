"""Optional CORS for the API, so that a browser page on another origin can call ``/v1/``.

Off unless ``QUOTES_CORS_ORIGINS`` names origins (comma-separated, e.g.
``https://newsroom.example``; ``*`` for any). Only ``/v1/`` routes take part; a preflight
``OPTIONS`` from an allowed origin is answered here, before the API key is asked for, since
browsers send preflights without credentials.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

PREFIX = "/v1/"
ALLOWED_METHODS = "POST, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type, Accept, X-Request-ID"
EXPOSED_HEADERS = "X-Request-ID, Retry-After"
MAX_AGE = "600"  # seconds a browser may cache a preflight


def allowed_origins(configured: str | list | tuple | None) -> frozenset[str]:
    """The configured origins, from a comma-separated string or a list."""
    if isinstance(configured, str):
        configured = configured.split(",")
    return frozenset(origin.strip().rstrip("/") for origin in configured or () if origin.strip())


def _allowed(origin: str) -> bool:
    origins = allowed_origins(current_app.config.get("CORS_ORIGINS"))
    return bool(origin) and ("*" in origins or origin in origins)


def register(app: Flask) -> None:
    @app.before_request
    def preflight():
        origin = request.headers.get("Origin", "")
        if (
            request.method == "OPTIONS"
            and request.path.startswith(PREFIX)
            and request.headers.get("Access-Control-Request-Method")
            and _allowed(origin)
        ):
            response = Response(status=204)
            response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response.headers["Access-Control-Max-Age"] = MAX_AGE
            return response
        return None

    @app.after_request
    def allow_origin(response: Response) -> Response:
        if not request.path.startswith(PREFIX) or not current_app.config.get("CORS_ORIGINS"):
            return response
        response.vary.add("Origin")
        origin = request.headers.get("Origin", "")
        if _allowed(origin):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response
