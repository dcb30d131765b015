"""``POST /v1/quotes``: the article in, its quotations out. Parsing and dumping only."""

from __future__ import annotations

import json

import regex
from flask import Blueprint, current_app, request
from marshmallow import ValidationError
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from .engine import extract
from .observe import metrics
from .offsets import convert
from .schemas import quotes_query, quotes_request
from .serialize import result_to_dict

bp = Blueprint("api", __name__)

# JSON can carry lone surrogates ("\ud800"), which no UTF-8 response can hold; each becomes
# U+FFFD, one code point for one, so every offset stays true.
_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _json_body() -> dict:
    raw = request.get_data()
    try:
        body = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The body is not valid UTF-8: {exc.reason} at byte {exc.start}.") from None
    except json.JSONDecodeError as exc:
        raise BadRequest(f"Malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from None
    except RecursionError:
        raise BadRequest("Malformed JSON: nested too deeply.") from None
    if not isinstance(body, dict):
        raise ValidationError(["The body must be a JSON object with a 'text' string."])
    loaded = quotes_request.load(body)
    loaded["text"] = _LONE_SURROGATE.sub("\ufffd", loaded["text"])
    return loaded


def _text_body() -> dict:
    raw = request.get_data()
    charset = (request.mimetype_params.get("charset") or "utf-8").lower()
    if charset not in ("utf-8", "utf8", "us-ascii", "ascii"):
        raise UnsupportedMediaType(f"Only UTF-8 text is accepted, not charset={charset}.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The body is not valid UTF-8: {exc.reason} at byte {exc.start}.") from None
    return {"text": text}


@bp.post("/v1/quotes")
def quotes():
    """Quotations of one article, with their speakers, roles, cues and spans."""
    query = quotes_query.load(request.args.to_dict())
    if request.mimetype == "application/json":
        body = _json_body()
    elif request.mimetype == "text/plain":
        body = _text_body()
    else:
        given = request.mimetype or "none"
        raise UnsupportedMediaType(f"Send application/json or text/plain, not {given}.")
    language = query["language"] or body.get("language") or current_app.config["DEFAULT_LANGUAGE"]
    indirect = query["indirect"] if query["indirect"] is not None else body.get("indirect", True)
    unit = query["offsets"] or body.get("offsets", "codepoint")
    result = extract(body["text"], language, indirect=indirect, budget=current_app.config["ENGINE_BUDGET"])
    dumped = result_to_dict(result)
    metrics().observe_quotes(dumped["quotes"])
    return convert(dumped, body["text"], unit)
