"""One input document of the command line into its output record, without Flask.

A record is what the API batch answers for a document: ``{"id", "result"}``, or ``{"id",
"error"}`` with an RFC 9457 problem when the document cannot be read, parsed or analysed.
Kept apart from the command line so that worker processes import only this and the engine.
"""

from __future__ import annotations

import json
from typing import NamedTuple

import regex

from .engine import LANGUAGES, extract
from .offsets import convert
from .serialize import result_to_dict

# JSON can carry lone surrogates, which UTF-8 output cannot: each becomes U+FFFD, offsets unchanged
LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


class Document(NamedTuple):
    """One unit of work: a JSONL line or a whole file still to decode, or what went wrong reading it."""

    source: str  # file name, for messages
    line: int | None  # line number in a JSONL file
    raw: bytes | None = None
    id: str | None = None
    whole: bool = False  # raw is an article's text, not a JSON line
    problem: dict | None = None


class Outcome(NamedTuple):
    record: dict
    message: str | None  # one line for standard error when the document failed


class _Invalid(Exception):
    def __init__(self, problem: dict, ident: str | None = None) -> None:
        self.problem = problem
        self.ident = ident  # the document's own id, when it could be read


def problem(status: int, title: str, detail: str, **extra) -> dict:
    """An RFC 9457 problem, the API's error shape."""
    return {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}


def _unprocessable(pointer: str, detail: str, ident: str | None = None) -> _Invalid:
    errors = [{"pointer": pointer, "detail": detail}]
    return _Invalid(problem(422, "Unprocessable Entity", f"{pointer}: {detail}", errors=errors), ident)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Invalid(problem(400, "Bad Request", f"Not valid UTF-8: {exc.reason} at byte {exc.start}.")) from None


def _parse_line(raw: bytes, language: str) -> tuple[str | None, str, str]:
    """(id, text, language) of a JSONL line, or _Invalid saying why not."""
    try:
        doc = json.loads(_decode(raw))
    except json.JSONDecodeError as exc:
        raise _Invalid(problem(400, "Bad Request", f"Malformed JSON: {exc.msg} at column {exc.colno}.")) from None
    except RecursionError:
        raise _Invalid(problem(400, "Bad Request", "Malformed JSON: nested too deeply.")) from None
    if not isinstance(doc, dict):
        raise _unprocessable("/", "A document must be a JSON object with a 'text'.")
    ident = doc.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int)):
        raise _unprocessable("/id", "Not a valid string.")
    ident = None if ident is None else str(ident)
    if "text" not in doc:
        raise _unprocessable("/text", "Missing data for required field.", ident)
    if not isinstance(doc["text"], str):
        raise _unprocessable("/text", "Not a valid string.", ident)
    chosen = doc.get("language", language)
    if chosen not in ("auto", *LANGUAGES):
        raise _unprocessable("/language", f"Must be one of: auto, {', '.join(LANGUAGES)}.", ident)
    return ident, doc["text"], chosen


def analyse_document(document: Document, language: str, indirect: bool, offsets: str) -> Outcome:
    """The record of one document, and a message if it failed. Never raises."""
    ident = document.id or (str(document.line) if document.line is not None else document.source)
    try:
        if document.problem is not None:
            raise _Invalid(document.problem)
        if document.whole:
            text = _decode(document.raw or b"")
        else:
            parsed_id, text, language = _parse_line(document.raw or b"", language)
            ident = parsed_id if parsed_id is not None else ident
        text = LONE_SURROGATE.sub("\ufffd", text)
        body = result_to_dict(extract(text, language, indirect=indirect))
        return Outcome({"id": ident, "result": convert(body, text, offsets)}, None)
    except _Invalid as exc:
        error = exc.problem
        ident = exc.ident if exc.ident is not None else ident
    except Exception as exc:  # one document must not end a run over millions
        error = problem(500, "Internal Server Error", f"The engine failed on this document ({type(exc).__name__}).")
    where = document.source if document.line is None else f"{document.source}:{document.line}"
    return Outcome({"id": ident, "error": error}, f"{where}: {error['detail']}")
