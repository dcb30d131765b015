"""Optional API keys: with ``QUOTES_API_KEYS`` set, /v1/ endpoints need ``Authorization: Bearer <key>``."""

from __future__ import annotations

import hmac

from flask import Flask, current_app, request
from werkzeug.exceptions import Unauthorized

PROTECTED_PREFIX = "/v1/"


def _keys() -> list[bytes]:
    configured = current_app.config.get("API_KEYS") or ""
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
        if not request.path.startswith(PROTECTED_PREFIX):
            return None
        keys = _keys()
        if keys and not _authorized(keys):
            raise Unauthorized("Send a valid API key as 'Authorization: Bearer <key>'.")
        return None
