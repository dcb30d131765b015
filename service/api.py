"""``POST /v1/quotes`` and ``POST /v1/quotes/batch``: articles in, quotations out. Parsing and dumping only."""

from __future__ import annotations

import itertools
import json
import time
import typing as t
from collections.abc import Iterable, Iterator

from flask import Blueprint, Response, current_app, request, stream_with_context
from marshmallow import ValidationError
from werkzeug.exceptions import (
    BadRequest,
    HTTPException,
    RequestEntityTooLarge,
    UnprocessableEntity,
    UnsupportedMediaType,
)

from . import view
from .analysis import analyse
from .engine import BudgetExceeded
from .errors import problem_body, validation_problem
from .records import LONE_SURROGATE
from .schemas import BLANK_TEXT, batch_document, batch_request, quotes_query, quotes_request

bp = Blueprint("api", __name__)

NDJSON = "application/x-ndjson"


def _parse_json(raw: bytes | str) -> object:
    try:
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The body is not valid UTF-8: {exc.reason} at byte {exc.start}.") from None
    except json.JSONDecodeError as exc:
        raise BadRequest(f"Malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from None
    except RecursionError:
        raise BadRequest("Malformed JSON: nested too deeply.") from None


def _json_object(expected: str) -> dict:
    """The request's JSON body, which must be an object (``expected`` says what it should hold)."""
    body = _parse_json(request.get_data())
    if not isinstance(body, dict):
        raise ValidationError([f"The body must be a JSON object with {expected}."])
    return body


def _json_body() -> dict:
    loaded = quotes_request.load(_json_object("a 'text' string"))
    loaded["text"] = LONE_SURROGATE.sub("\ufffd", loaded["text"])
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
    if not text.strip():
        raise ValidationError([BLANK_TEXT])
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
    language = query["language"] or body.get("language") or "auto"
    indirect = query["indirect"] if query["indirect"] is not None else body.get("indirect", True)
    if _wants_html():
        return view.page(body["text"], language, indirect)
    unit = query["offsets"] or body.get("offsets", "codepoint")
    return analyse(body["text"], language, indirect, unit)


def _wants_html() -> bool:
    """A browser's ``Accept: text/html`` asks for the view; JSON wins any tie."""
    accept = request.accept_mimetypes
    return (
        accept.best_match(["application/json", "text/html"]) == "text/html"
        and accept["text/html"] > accept["application/json"]
    )


def _document_result(raw: object, position: int, unit: str, deadline: float) -> dict:
    """The result of one batch document, or its own error: one bad document fails alone."""
    fallback_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    try:
        if not isinstance(raw, dict):
            raise ValidationError(["A document must be a JSON object with an 'id' and a 'text'."])
        document = batch_document.load(raw)
        fallback_id = document["id"]
        text = LONE_SURROGATE.sub("\ufffd", document["text"])
        if len(text.encode()) > (limit := current_app.config["MAX_CONTENT_LENGTH"]):
            error = problem_body(413, RequestEntityTooLarge().name, f"The document's text is over {limit} bytes.")
        elif time.monotonic() > deadline:
            error = _late_problem()
        else:
            return {"id": document["id"], "result": analyse(text, document["language"], document["indirect"], unit)}
    except ValidationError as exc:
        error = validation_problem(exc)
    except BudgetExceeded as exc:
        error = problem_body(503, "Service Unavailable", f"The document could not be analysed in time ({exc}).")
    return {"id": fallback_id if fallback_id is not None else f"#{position}", "error": error}


def _late_problem() -> dict:
    budget = current_app.config["BATCH_BUDGET"]
    detail = f"The batch's time budget of {budget:g} s was spent before this document; send it in another batch."
    return problem_body(503, "Service Unavailable", detail)


def _ndjson_lines(stream: t.IO[bytes], longest: int) -> Iterator[bytes | None]:
    """The lines of an NDJSON body as they arrive; None for one over ``longest`` bytes, read and dropped."""
    while line := stream.readline(longest + 1):
        if len(line) <= longest or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):  # the rest of the long line, a piece at a time
            line = stream.readline(65536)
        yield None


def _ndjson_documents(lines: Iterable[bytes | None], limit: int) -> Iterator[tuple[object, dict | None]]:
    """(document, None) for each line of an NDJSON body as it arrives, (None, problem) for a bad one."""
    count = 0
    longest = current_app.config["MAX_CONTENT_LENGTH"]
    try:
        for line in lines:
            if line is not None and not line.strip():
                continue
            count += 1
            if count > limit:
                detail = f"A batch holds at most {limit} documents; the rest were not read."
                yield None, problem_body(422, "Unprocessable Entity", detail)
                return
            if line is None:
                detail = f"The document is over {longest} bytes; it was not read."
                yield None, problem_body(413, RequestEntityTooLarge().name, detail)
                continue
            try:
                yield _parse_json(line), None
            except BadRequest as exc:
                yield None, problem_body(400, "Bad Request", exc.description)
    except HTTPException as exc:  # the body outgrew the limit while it streamed in
        yield None, problem_body(exc.code or 400, exc.name, exc.description or exc.name)


@bp.post("/v1/quotes/batch")
def batch():
    """Quotations of many articles, one result or error per document, in order."""
    deadline = time.monotonic() + current_app.config["BATCH_BUDGET"]
    limit = current_app.config["BATCH_MAX_DOCUMENTS"]
    query = quotes_query.load({k: v for k, v in request.args.items() if k == "offsets"})
    request.max_content_length = current_app.config["BATCH_MAX_BYTES"]  # before the body is read
    if request.mimetype == NDJSON:
        unit = query["offsets"] or "codepoint"
        longest = current_app.config["MAX_CONTENT_LENGTH"]
        documents = _ndjson_documents(_ndjson_lines(request.stream, longest), limit)
        first = next(documents, None)  # read before answering, so an empty batch is still a 422
        if first is None:
            raise UnprocessableEntity("An NDJSON batch needs at least one document, one JSON object a line.")
        documents = itertools.chain([first], documents)

        def lines() -> Iterator[str]:
            for position, (raw, error) in enumerate(documents):
                entry = (
                    {"id": f"#{position}", "error": error} if error else _document_result(raw, position, unit, deadline)
                )
                yield json.dumps(entry, ensure_ascii=False) + "\n"
                time.sleep(0)  # under gevent, a turn for the worker's other connections between documents

        # X-Accel-Buffering: a proxy such as nginx passes each line on as it comes
        return Response(stream_with_context(lines()), mimetype=NDJSON, headers={"X-Accel-Buffering": "no"})
    if request.mimetype != "application/json":
        raise UnsupportedMediaType(f"Send application/json or {NDJSON}, not {request.mimetype or 'none'}.")
    envelope = batch_request.load(_json_object("a 'documents' list"))
    if len(envelope["documents"]) > limit:
        raise UnprocessableEntity(f"A batch holds at most {limit} documents, not {len(envelope['documents'])}.")
    unit = query["offsets"] or envelope["offsets"]
    results = []
    for n, raw in enumerate(envelope["documents"]):
        results.append(_document_result(raw, n, unit, deadline))
        time.sleep(0)  # as above
    return {"results": results}
