"""One error shape for every failure: RFC 9457 ``application/problem+json``."""

from __future__ import annotations

import logging

from flask import Flask, Response, json, request
from marshmallow import ValidationError
from werkzeug.exceptions import (
    HTTPException,
    InternalServerError,
    RequestEntityTooLarge,
    ServiceUnavailable,
    UnprocessableEntity,
)

from .engine import BudgetExceeded
from .records import problem as problem_body

log = logging.getLogger(__name__)


def problem(status: int, title: str, detail: str, **extra) -> Response:
    body = problem_body(status, title, detail, **extra)
    return Response(json.dumps(body), status=status, mimetype="application/problem+json")


def validation_problem(exc: ValidationError) -> dict:
    """Marshmallow's messages as a 422 problem with one JSON pointer per field."""
    errors = _pointers(exc.messages)
    detail = "; ".join(f"{e['pointer']}: {e['detail']}" for e in errors)
    return problem_body(UnprocessableEntity.code, UnprocessableEntity().name, detail, errors=errors)


def _pointers(messages, prefix: str = "") -> list[dict]:
    """Marshmallow's nested messages as a flat list of JSON pointers with their message."""
    out = []
    if isinstance(messages, dict):
        for key, value in messages.items():
            pointer = prefix if key == "_schema" else f"{prefix}/{key}"
            out.extend(_pointers(value, pointer))
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        out.extend({"pointer": prefix or "/", "detail": m} for m in messages)
    else:
        out.append({"pointer": prefix or "/", "detail": str(messages)})
    return out


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        response = problem(exc.code or 500, exc.name, exc.description or exc.name)
        if exc.code == 405 and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        if exc.code == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="quotes"'
        return response

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: RequestEntityTooLarge):
        limit = request.max_content_length  # the batch route has a limit of its own
        return problem(413, exc.name, f"The body is larger than this server's limit of {limit} bytes.")

    @app.errorhandler(BudgetExceeded)
    def over_budget(exc: BudgetExceeded):
        response = problem(
            503,
            ServiceUnavailable().name,
            f"The article could not be analysed in time ({exc}); send a shorter text or retry later.",
        )
        response.headers["Retry-After"] = "1"
        return response

    @app.errorhandler(ValidationError)
    def validation_error(exc: ValidationError):
        body = validation_problem(exc)
        return Response(json.dumps(body), status=422, mimetype="application/problem+json")

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unhandled error")
        return problem(500, InternalServerError().name, "The server could not process this request.")

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        policy = "default-src 'none'; frame-ancestors 'none'"
        if response.mimetype == "text/html":  # the view: its own stylesheet and form, nothing else
            policy += "; style-src 'self'; form-action 'self'; base-uri 'none'"
        response.headers.setdefault("Content-Security-Policy", policy)
        return response
