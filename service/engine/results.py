"""From attributions to the result types: quote type, spans, ids, the speakers list."""

from __future__ import annotations

from .entities.index import Entity, EntityIndex
from .model import Quote, Span, Speaker, SpeakerRef
from .sieves.attribution import Attribution
from .text.document import Document
from .text.marks import Marked

_LOOKED_AT = 64  # an entity's mentions read for a speaker span (bounded)
_GENDERS = {"f": "female", "m": "male"}


def quote_type(doc: Document, q: Marked) -> str:
    """direct when the quote stands as a statement of its own, mixed when it is woven into a sentence."""
    text = doc.text
    s_start, s_end = doc.sentence(q.open_start)
    before = text[max(s_start, q.open_start - 200) : q.open_start].rstrip()
    after = text[q.close_end : min(s_end, q.close_end + 40)].lstrip()
    opens = not before or before[-1] in ':,»”"' or not any(c.isalnum() for c in before)
    closes = not after or after[0] in ",.;!?—–-)" or text[q.end - 1] in ",.;!?…" or (after[0].isupper() and q.closed)
    if before.endswith(("que", "qu'", "qu’", "that")):
        opens = False
    return "direct" if opens and closes else "mixed"


def make_quote(doc: Document, start: int, end: int, kind: str, a: Attribution) -> Quote:
    """A quote without its id: its speaker, cue and confidence from ``a``."""
    speaker = None
    if a.entity is not None:
        m = a.mention
        at = (m.start, m.end) if m is not None and m.start < m.end else _mention_near(a.entity, start)
        if at is not None:
            speaker = SpeakerRef(a.entity.name, a.entity.id, a.entity.kind, a.role, *at, a.resolution)
    cue = None
    if a.cue is not None and a.cue_tokens:
        first, last = a.cue_tokens[a.cue.first], a.cue_tokens[a.cue.last - 1]
        cue = Span(doc.text[first.start : last.end], first.start, last.end)
    return Quote("", doc.text[start:end], start, end, kind, speaker, cue, a.confidence, a.rule)


def _mention_near(entity: Entity, pos: int) -> tuple[int, int] | None:
    """The speaker's own mention when the rule that found it read none ("Et d'ajouter que …"):
    its latest mention before ``pos``, else its first one. Never an empty span."""
    spans = [(s, t) for s, t in entity.mentions[-_LOOKED_AT:] if s < t]
    before = [span for span in spans if span[0] < pos]
    if before:
        return max(before)
    first = [(s, t) for s, t in entity.mentions[:_LOOKED_AT] if s < t]
    return min(first) if first else None


def numbered(found: list[Quote], continued: dict[int, int]) -> list[Quote]:
    """The quotes in text order with their ids; ``continued`` maps a quote's start to the start of
    the quote it continues across a paragraph break."""
    found = sorted(found, key=lambda q: q.start)
    ids = {q.start: f"q{n}" for n, q in enumerate(found, 1)}
    return [
        Quote(
            ids[q.start],
            q.text,
            q.start,
            q.end,
            q.type,
            q.speaker,
            q.cue,
            q.confidence,
            q.rule,
            ids.get(continued.get(q.start, -1)),
        )
        for q in found
    ]


def speakers(doc: Document, index: EntityIndex, quotes: list[Quote]) -> list[Speaker]:
    """The entities that speak in ``quotes``, with all their mentions."""
    used = {q.speaker.entity for q in quotes if q.speaker}
    out = []
    for e in index.entities:
        if e.id in used:
            spans = [Span(doc.text[s:t], s, t) for s, t in sorted(e.mentions)]
            gender, source = e.likely_gender() if e.kind == "person" else ("", "")
            gender, source = _GENDERS.get(gender), source or None
            out.append(Speaker(e.id, e.name, e.kind, list(e.aliases), list(e.roles), spans, gender, source))
    return out
