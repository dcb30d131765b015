"""Optional API keys: with ``QUOTES_API_KEYS`` set, every route needs ``Authorization: Bearer <key>``
except those marked :func:`public` (health, readiness, metrics, the contract) and the stylesheet.

Closed unless marked open, rather than open unless listed: a new route that runs the engine
is protected the day it is added, whatever its path.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from flask import Flask, current_app, request
from werkzeug.exceptions import Unauthorized

STATIC = "static"  # Flask's endpoint for the stylesheet: no data, and the page needs it


def public(view: Callable) -> Callable:
    """Mark a view that reveals no article and runs no engine as open to callers without a key."""
    view.public = True
    return view


def is_public(app: Flask, endpoint: str | None) -> bool:
    static = endpoint == STATIC or (endpoint or "").endswith("." + STATIC)  # the app's and a blueprint's files
    return static or getattr(app.view_functions.get(endpoint or ""), "public", False)


def _keys() -> list[bytes]:
    configured = current_app.config.get("API_KEYS") or ()
    if isinstance(configured, str):
        configured = configured.split(",")
    return [key.strip().encode() for key in configured if key.strip()]


def _authorized(keys: list[bytes]) -> bool:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return False
    given = token.strip().encode()
    # compare with every key, in constant time each: no early exit that timing could reveal
    return any([hmac.compare_digest(given, key) for key in keys])


def register(app: Flask) -> None:
    @app.before_request
    def require_key():
        if request.url_rule is None or is_public(app, request.endpoint):
            return None  # no route matched: the 404 or 405 follows, and runs nothing
        keys = _keys()
        if keys and not _authorized(keys):
            raise Unauthorized("Send a valid API key as 'Authorization: Bearer <key>'.")
        return None
