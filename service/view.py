"""A look at the result: the article with each quote in its speaker's colour, evidence on hover.

``GET /`` shows a form to paste an article; ``POST /`` shows its quotes; ``POST /v1/quotes``
with ``Accept: text/html`` answers with the same view. No script and nothing from outside:
plain HTML and one stylesheet served here.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, current_app, render_template, request

from .analysis import analyse
from .schemas import LANGUAGE_CHOICES

bp = Blueprint("view", __name__)
PALETTE = 12  # speaker colours in view.css: .s0 … .s11


@dataclass
class Piece:
    text: str
    quote: dict | None = None
    colour: int | None = None
    hint: str = ""


def _hint(quote: dict) -> str:
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


def colours_of(body: dict) -> dict[str, int]:
    """Each speaker's colour: its place in the speaker list, round the palette."""
    return {s["id"]: n % PALETTE for n, s in enumerate(body["speakers"])}


def pieces(text: str, body: dict, colours: dict[str, int]) -> list[Piece]:
    """The text cut into plain stretches and quotes (offsets in code points, quotes in order)."""
    out: list[Piece] = []
    position = 0
    for quote in sorted(body["quotes"], key=lambda q: q["start"]):
        if quote["start"] < position:
            continue  # never overlaps in practice; a view must not repeat text
        out.append(Piece(text[position : quote["start"]]))
        colour = colours.get(quote["speaker"]["entity"]) if quote["speaker"] else None
        out.append(Piece(text[quote["start"] : quote["end"]], quote, colour, _hint(quote)))
        position = quote["end"]
    out.append(Piece(text[position:]))
    return out


def render(text: str, body: dict | None, language: str = "auto", status: int = 200, error: str = "") -> Response:
    colours = colours_of(body) if body else {}
    html = render_template(
        "view.html",
        text=text,
        body=body,
        pieces=pieces(text, body, colours) if body else [],
        colours=colours,
        languages=LANGUAGE_CHOICES,
        language=language,
        error=error,
        limit=current_app.config["MAX_CONTENT_LENGTH"],
    )
    return Response(html, status=status, mimetype="text/html")


@bp.get("/")
def form():
    return render("", None)


@bp.post("/")
def submitted():
    text = request.form.get("text", "")
    language = request.form.get("language", "auto")
    if language not in LANGUAGE_CHOICES:
        return render(text, None, "auto", 422, f"Unknown language {language!r}: choose one of the list.")
    if not text.strip():
        return render(text, None, language, 422, "Paste an article first.")
    return render(text, analyse(text, language, True, "codepoint"), language)
