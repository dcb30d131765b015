"""Turn engine results into the JSON the API and the CLI return.

Written out by hand rather than dumped through marshmallow schemas: it runs for every
response, and a generic dump costs a tenth of the extraction itself. The contract tests
validate every response of the suite against openapi.yaml, so the shape cannot drift.
"""

from __future__ import annotations

from .engine import Result
from .engine.model import Quote, Span, Speaker


def result_to_dict(result: Result, max_quotes: int | None = None) -> dict:
    """The result as JSON; past ``max_quotes`` quotations, the first ones in text order, the
    speakers of those, and ``"truncated": true``."""
    quotes, speakers = result.quotes, result.speakers
    truncated = max_quotes is not None and len(quotes) > max_quotes
    if truncated:
        quotes = quotes[:max_quotes]
        used = {q.speaker.entity for q in quotes if q.speaker is not None}
        speakers = [s for s in speakers if s.id in used]
    body = {"language": result.language, "offsets": "codepoint"}
    if truncated:
        body["truncated"] = True
    body["quotes"] = [_quote(q) for q in quotes]
    body["speakers"] = [_speaker(s) for s in speakers]
    return body


def _span(span: Span) -> dict:
    return {"text": span.text, "start": span.start, "end": span.end}


def _quote(q: Quote) -> dict:
    s = q.speaker
    speaker = None
    if s is not None:
        speaker = {
            "name": s.name,
            "entity": s.entity,
            "kind": s.kind,
            "role": s.role,
            "start": s.start,
            "end": s.end,
            "resolution": s.resolution,
        }
    return {
        "id": q.id,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "type": q.type,
        "speaker": speaker,
        "cue": _span(q.cue) if q.cue is not None else None,
        "confidence": q.confidence,
        "rule": q.rule,
        "continues": q.continues,
    }


def _speaker(s: Speaker) -> dict:
    return {
        "id": s.id,
        "name": s.name,
        "kind": s.kind,
        "aliases": list(s.aliases),
        "roles": list(s.roles),
        "gender": s.gender,
        "gender_source": s.gender_source,
        "mentions": [_span(m) for m in s.mentions],
    }
