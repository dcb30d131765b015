"""Turn engine results into the JSON the API and the CLI return.

Written out by hand rather than dumped through marshmallow schemas: it runs for every
response, and a generic dump costs a tenth of the extraction itself. The contract tests
validate every response of the suite against openapi.yaml, so the shape cannot drift.

Speakers are listed, and their ids numbered (``e1``, ``e2``, …), in order of first mention:
the engine's own ids count every entity it met, speakers or not, and would leave gaps.
"""

from __future__ import annotations

from .engine import Result
from .engine.model import Quote, Span, Speaker


def result_to_dict(result: Result, max_quotes: int | None = None) -> dict:
    """The result as JSON, speakers numbered e1, e2, … in order of first mention; past
    ``max_quotes`` quotations, the first ones in text order, the speakers of those, and
    ``"truncated": true``."""
    quotes = result.quotes
    truncated = max_quotes is not None and len(quotes) > max_quotes
    speakers = sorted(result.speakers, key=_first_mention)
    if truncated:
        quotes = quotes[:max_quotes]
        used = {q.speaker.entity for q in quotes if q.speaker is not None}
        speakers = [s for s in speakers if s.id in used]
    ids = {s.id: f"e{n}" for n, s in enumerate(speakers, 1)}
    for q in quotes:  # a speaker the list lacks (none in practice) still gets an id of its own
        if q.speaker is not None and q.speaker.entity not in ids:
            ids[q.speaker.entity] = f"e{len(ids) + 1}"
    body = {"language": result.language, "offsets": "codepoint"}
    if truncated:
        body["truncated"] = True
    body["quotes"] = [_quote(q, ids) for q in quotes]
    body["speakers"] = [_speaker(s, ids[s.id]) for s in speakers]
    return body


def _first_mention(s: Speaker) -> int:
    return min((m.start for m in s.mentions), default=2**63)


def _span(span: Span) -> dict:
    return {"text": span.text, "start": span.start, "end": span.end}


def _quote(q: Quote, ids: dict[str, str]) -> dict:
    s = q.speaker
    speaker = None
    if s is not None:
        speaker = {
            "name": s.name,
            "entity": ids[s.entity],
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


def _speaker(s: Speaker, id_: str) -> dict:
    return {
        "id": id_,
        "name": s.name,
        "kind": s.kind,
        "aliases": list(s.aliases),
        "roles": list(s.roles),
        "gender": s.gender,
        "gender_source": s.gender_source,
        "mentions": [_span(m) for m in s.mentions],
    }
