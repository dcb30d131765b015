"""Request ids, one JSON log line per request, and metrics. Article text is never logged."""

from __future__ import annotations

import logging
import sys
import time
import uuid
from collections.abc import Iterator

import regex
from flask import Flask, Response, current_app, g, request
from pythonjsonlogger.json import JsonFormatter

from .metrics import Metrics

log = logging.getLogger("service.requests")
_REQUEST_ID = regex.compile(r"[A-Za-z0-9._:-]{1,128}")


def json_formatter() -> JsonFormatter:
    """One JSON object a line, non-ASCII escaped (a path's U+2028 or U+202E cannot split or turn a line).

    ``gunicorn.conf.py`` formats gunicorn's lines and the app's others the same way.
    """
    return JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s",
        "%Y-%m-%dT%H:%M:%S%z",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
    )


def metrics() -> Metrics:
    return current_app.extensions["metrics"]


def register(app: Flask) -> None:
    app.extensions["metrics"] = Metrics()
    log.setLevel(logging.INFO)
    if app.config.get("LOG_REQUESTS") and not log.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler(sys.stderr)  # outside gunicorn, whose logging is set up already
        handler.setFormatter(json_formatter())
        log.addHandler(handler)

    @app.before_request
    def start() -> None:
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def finish(response: Response) -> Response:
        seconds = time.perf_counter() - g.get("started", time.perf_counter())
        response.headers["X-Request-ID"] = g.get("request_id", "")
        if request.path != "/metrics":
            metrics().observe_request(response.status_code, seconds)
        if app.config.get("LOG_REQUESTS"):
            fields = {
                "request_id": g.get("request_id"),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "bytes_in": request.content_length or 0,
                "bytes_out": 0,
                "ms": round(seconds * 1000, 2),
            }
            if response.is_streamed:
                _log_when_sent(response, fields, g.started)
            else:
                fields["bytes_out"] = response.calculate_content_length() or 0
                log.info("request", extra=fields)
        return response


def _log_when_sent(response: Response, fields: dict, started: float) -> None:
    """Log a streamed answer once it is sent: measuring it beforehand would read it all first."""
    body = response.response

    def counted() -> Iterator[bytes | str]:
        for chunk in body:
            fields["bytes_out"] += len(chunk.encode() if isinstance(chunk, str) else chunk)
            yield chunk

    def sent() -> None:
        fields["ms"] = round((time.perf_counter() - started) * 1000, 2)
        log.info("request", extra=fields)

    response.response = counted()
    response.call_on_close(sent)
