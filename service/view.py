"""The page: paste or upload an article, see each quote in its speaker's colour, check the evidence.

``GET /`` shows the form; ``POST /`` (multipart/form-data, or URL-encoded) shows the result: the
article with its quotes marked, the speakers, and a table of the quotes with their evidence; with
``format=json`` it answers the API's JSON as a file to download (the page's "Download the JSON"
sends its form again so: a ``data:`` link would pass browsers' 2 MB limit on URLs).
``POST /v1/quotes`` with ``Accept: text/html`` answers with the same page. No script and nothing
from outside: HTML and one stylesheet served here.

The whole answer (engine, serialisation, page) runs under one budget, ``QUOTES_ENGINE_BUDGET``,
and every step of the page is linear in the result: speakers' quotes are counted once here, never
in the template.
"""

from __future__ import annotations

import functools
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Response, current_app, json, request, stream_template
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .analysis import analyse
from .engine import BudgetExceeded
from .schemas import BLANK_TEXT, LANGUAGE_CHOICES

bp = Blueprint("view", __name__)
log = logging.getLogger(__name__)
PALETTE = 12  # speaker colours in view.css: .s0 … .s11
SAMPLE = Path(__file__).resolve().parent / "static" / "sample.txt"
# The page reads a body up to this many times the text limit, so that a text over the limit
# comes back in the form with a message instead of being lost; the limit itself is on the text.
READ_FACTOR = 4
FORMATS = ("html", "json")  # what POST / answers: the page, or the API's JSON as a file
CHECK_EVERY = 512  # pieces or template chunks between two looks at the clock


def colour_of(number: int) -> str:
    """The stylesheet's colour class for speaker ``number`` (1, 2, …): the palette goes round."""
    return f"s{(number - 1) % PALETTE}"


@dataclass
class SpeakerRow:
    speaker: dict
    number: int
    quotes: int

    @property
    def colour(self) -> str:
        return colour_of(self.number)


class Clock:
    """One budget for the whole answer: the engine's own check, then this one while the page is made."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(f"the answer took more than {self.seconds:g} s")

    def over(self, items: Iterable) -> Iterator:
        """``items`` unchanged, with a look at the clock every few."""
        for n, item in enumerate(items):
            if n % CHECK_EVERY == 0:
                self.check()
            yield item


def evidence(quote: dict) -> str:
    """The evidence of one quote in a line: type, speaker, resolution, rule, cue, confidence."""
    speaker = quote["speaker"]
    parts = [f"{quote['type']} quote"]
    if speaker:
        parts.append(f"speaker: {speaker['name']}" + (f", {speaker['role']}" if speaker["role"] else ""))
        parts.append(f"resolved by {speaker['resolution']}")
    else:
        parts.append("no speaker found")
    parts.append(f"rule: {quote['rule']}" + (f" (cue “{quote['cue']['text']}”)" if quote["cue"] else ""))
    parts.append(f"confidence {quote['confidence']:.2f}")
    return " · ".join(parts)


def numbers_of(body: dict) -> dict[str, int]:
    """Each speaker's number (from 1): its place in the speaker list, shown beside its colour."""
    return {s["id"]: n for n, s in enumerate(body["speakers"], 1)}


def speaker_rows(body: dict, numbers: dict[str, int]) -> list[SpeakerRow]:
    """The speakers with their quote counts, counted in one pass over the quotes."""
    counts = Counter(q["speaker"]["entity"] for q in body["quotes"] if q["speaker"])
    return [SpeakerRow(s, numbers[s["id"]], counts[s["id"]]) for s in body["speakers"]]


def article_html(text: str, body: dict, numbers: dict[str, int], clock: Clock) -> Markup:
    """The text with each quote marked by speaker (colour and number) and type.

    Each quote is a link to itself: selecting it (a click, a touch, Enter) or focusing it shows its
    evidence in a bar at the foot of the window (view.css), and its row in the table holds the same.

    Made here rather than in the template: one pass over the quotes in order, and several times
    faster than a template loop for the tens of thousands of quotes a hostile text can hold.
    """
    out: list[str] = []
    position = 0
    for quote in clock.over(sorted(body["quotes"], key=lambda q: q["start"])):
        if quote["start"] < position:
            continue  # never overlaps in practice; a view must not repeat text
        number = numbers.get(quote["speaker"]["entity"]) if quote["speaker"] else None
        colour = "nobody" if number is None else colour_of(number)
        out.append(escape(text[position : quote["start"]]))
        out.append(
            f'<a class="quote t-{quote["type"]} {colour}" id="{escape(quote["id"])}" href="#{escape(quote["id"])}"'
            f' data-badge="{number or "?"}" title="{escape(evidence(quote))}">'
            f"{escape(text[quote['start'] : quote['end']])}</a>"
        )
        position = quote["end"]
    out.append(escape(text[position:]))
    return Markup("".join(out))


def table_html(body: dict, clock: Clock) -> Markup:
    """One row per quote: the quote, speaker, role, type, confidence and evidence; plain cells that copy well."""
    rows: list[str] = []
    for quote in clock.over(body["quotes"]):
        speaker = quote["speaker"] or {}
        cells = (
            quote["text"],
            speaker.get("name") or "",
            speaker.get("role") or "",
            quote["type"],
            f"{quote['confidence']:.2f}",
            quote["cue"]["text"] if quote["cue"] else "",
            quote["rule"],
            speaker.get("resolution") or "",
        )
        qid = escape(quote["id"])
        rows.append(
            f'<tr id="ev-{qid}"><td><a href="#{qid}" title="the quote in the text">{qid}</a></td>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
            + "</tr>\n"
        )
    return Markup("".join(rows))


@functools.cache
def sample_article() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def render(
    text: str,
    body: dict | None,
    language: str = "auto",
    status: int = 200,
    error: str = "",
    clock: Clock | None = None,
) -> Response:
    """The page: the form with ``text``, then the result ``body`` when there is one."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    context = {"text": text, "languages": LANGUAGE_CHOICES, "language": language, "error": error, "limit": limit}
    if body is None:
        html = "".join(stream_template("view.html", result=None, **context))
    else:
        clock = clock or Clock(current_app.config["ENGINE_BUDGET"])
        numbers = numbers_of(body)
        context.update(
            result=body,
            article=article_html(text, body, numbers, clock),
            rows=table_html(body, clock),
            speakers=speaker_rows(body, numbers),
        )
        clock.check()
        html = "".join(clock.over(stream_template("view.html", **context)))
    response = Response(html, status=status, mimetype="text/html")
    if status == 503:
        response.headers["Retry-After"] = "1"
    return response


def download(text: str, language: str) -> Response:
    """The API's JSON for ``text``, as a file to save."""
    body = analyse(text, language, True, "codepoint")
    response = Response(json.dumps(body), mimetype="application/json")
    response.headers["Content-Disposition"] = 'attachment; filename="quotes.json"'
    return response


def page(text: str, language: str, indirect: bool = True) -> Response:
    """The page for ``text``: the engine and the page under the one budget (``BudgetExceeded`` past it)."""
    clock = Clock(current_app.config["ENGINE_BUDGET"])
    return render(text, analyse(text, language, indirect, "codepoint"), language, clock=clock)


@bp.get("/")
def form():
    return render("", None)


class _PageError(Exception):
    """Something wrong with what the form sent: the page says it and keeps the text."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _size(size: int) -> str:
    return f"{size:,} bytes ({size / 1000:,.0f} KB)"


def _submitted_text() -> str:
    """The article from the form: the sample, an uploaded .txt file, or the text area."""
    if request.form.get("sample"):
        return sample_article()
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            detail = f"The file {upload.filename!r} is not UTF-8 text ({exc.reason} at byte {exc.start})."
            raise _PageError(400, detail) from None
    # browsers send a text area's line breaks as CRLF whatever was pasted: offsets refer to LF
    return request.form.get("text", "").replace("\r\n", "\n")


@bp.post("/")
def submitted():
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    request.max_content_length = request.max_form_memory_size = limit * READ_FACTOR
    text, language = "", "auto"
    try:
        if "text" not in request.form:
            raise _PageError(422, "The form has no 'text' field: send the page's form, or use POST /v1/quotes.")
        text = request.form["text"]
        language = request.form.get("language", "auto")
        if language not in LANGUAGE_CHOICES:
            raise _PageError(422, f"Unknown language {language!r}: choose one of {', '.join(LANGUAGE_CHOICES)}.")
        answer = request.form.get("format", "html")
        if answer not in FORMATS:
            raise _PageError(422, f"Unknown format {answer!r}: choose one of {', '.join(FORMATS)}.")
        text = _submitted_text()
        if not text.strip():
            raise _PageError(422, BLANK_TEXT)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > limit:
            raise _PageError(413, f"The article is {size:,} bytes long; this server reads up to {_size(limit)}.")
        return download(text, language) if answer == "json" else page(text, language)
    except _PageError as exc:
        return render(text, None, language, exc.status, exc.message)
    except RequestEntityTooLarge:
        detail = f"The article was not read: it is far over this server's limit of {_size(limit)}."
        return render("", None, language, 413, detail)
    except HTTPException as exc:
        return render(text, None, language, exc.code or 400, exc.description or exc.name)
    except BudgetExceeded as exc:
        detail = f"The article could not be analysed in time ({exc}); try a shorter text or retry later."
        return render(text, None, language, 503, detail)
    except Exception:
        log.exception("unhandled error on the page")
        return render(text, None, language, 500, "The server could not process this article.")
