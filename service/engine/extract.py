"""The engine's entry point: article text in, quotations with speakers out."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import regex

from .attribution import Attribution, Attributor
from .budget import Budget
from .document import Document
from .entities import plain
from .indirect import find_indirect
from .marks import Marked
from .model import Quote, Result, Span, Speaker, SpeakerRef

_LAST_ALNUM = regex.compile(r"(?r)[\p{L}\p{N}]")
CONTINUATION_PARAGRAPHS = 2  # a stand-alone quote inherits a speaker from at most this many paragraphs back


def extract(
    text: str, language: str = "auto", indirect: bool = True, budget: float | None = None, max_quotes: int | None = None
) -> Result:
    """Find every quotation in ``text`` with its speaker, role, cue and spans.

    ``language`` is ``en``, ``fr`` or ``auto``; ``indirect`` adds reported speech without marks;
    ``budget`` bounds the work in seconds (``BudgetExceeded`` is raised past it); ``max_quotes``
    attributes only the first that many quotations in marks (indirect speech is not counted).
    """
    with _collector_paused():
        return _extract(text, language, indirect, Budget(budget), max_quotes)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The engine makes many small objects and no garbage cycles: the cyclic collector's passes
    over them would find nothing, and cost up to a third of a large article's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _extract(text: str, language: str, indirect: bool, clock: Budget, max_quotes: int | None) -> Result:
    doc = Document(text, language, clock)
    attributor = Attributor(doc)
    marked = doc.quotes if max_quotes is None else doc.quotes[:max_quotes]
    attributions: list[Attribution] = []
    for i, q in enumerate(marked):
        clock.check()
        a = attributor.attribute(q, marked[i - 1] if i else None, marked[i + 1] if i + 1 < len(marked) else None)
        if a.rule == "participle":
            attributor.inherit(a, q.open_start)
        else:
            attributor.resolve(a)
        if a.entity is None and i and attributions[-1].entity is not None and _same_sentence(doc, marked[i - 1], q):
            # "saluant un signe de « détermination » des Grecs à « respecter leurs engagements »"
            a.adopt(attributions[-1], "same-sentence")
        if a.entity is None and not _standalone(doc, q):
            attributor.sentence_speaker(a, q)
        attributor.attributed.append((q.start, q.end, a))
        attributions.append(a)
    chains = _paragraph_chains(doc, marked)
    _share_along_chains(chains, attributions)
    _repeats(doc, marked, attributions)
    _continuations(doc, attributor, marked, attributions)
    _share_along_chains(chains, attributions)
    found = [_quote(doc, q, a) for q, a in zip(marked, attributions, strict=True)]
    if indirect:
        for clause in find_indirect(attributor):
            found.append(_make(doc, clause.start, clause.end, "indirect", clause.attribution))
    found.sort(key=lambda q: q.start)
    ids = {q.start: f"q{n}" for n, q in enumerate(found, 1)}
    previous = {marked[i + 1].start: marked[i].start for chain in chains for i in chain[:-1]}
    found = [
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
            ids.get(previous.get(q.start, -1)),
        )
        for q in found
    ]
    return Result(doc.language, found, _speakers(doc, attributor, found))


def _paragraph_chains(doc: Document, marked: list[Marked]) -> list[list[int]]:
    """Quotes that run over paragraphs: a paragraph ends with the quote still open and the next
    opens with a mark (the newswire convention). Each chain lists its quotes' indices."""
    chains: list[list[int]] = []
    for i in range(len(marked) - 1):
        q, nxt = marked[i], marked[i + 1]
        if q.closed or doc.paragraph_index(nxt.open_start) != doc.paragraph_index(q.open_start) + 1:
            continue
        if doc.paragraph(nxt.open_start)[0] != nxt.open_start:
            continue
        if chains and chains[-1][-1] == i:
            chains[-1].append(i + 1)
        else:
            chains.append([i, i + 1])
    return chains


def _share_along_chains(chains: list[list[int]], attributions: list[Attribution]) -> None:
    """One quote over several paragraphs has one speaker: the one its own cue gives."""
    for chain in chains:
        cued = [attributions[i] for i in chain if attributions[i].entity is not None and attributions[i].cue]
        if not cued:
            continue
        source = max(cued, key=lambda a: a.confidence)
        for i in chain:
            a = attributions[i]
            if a.entity is None or (a.rule == "continuation" and a.entity is not source.entity):
                a.adopt(source, "continuation", "continuation", keep_role=False)


def _same_sentence(doc: Document, a: Marked, b: Marked) -> bool:
    return doc.sentence(a.open_start) == doc.sentence(b.open_start)


def _key(doc: Document, q: Marked) -> str:
    return " ".join(plain(doc.text[q.start : q.end]).strip(" .,;:!?").split())


def _repeats(doc: Document, marked: list[Marked], attributions: list[Attribution]) -> None:
    """A quote without a cue that repeats an attributed one (a headline, a pull quote) is that speaker's."""
    by_text: dict[str, Attribution] = {}
    for q, a in zip(marked, attributions, strict=True):
        if a.entity is not None and a.rule != "continuation":
            by_text.setdefault(_key(doc, q), a)
    for q, a in zip(marked, attributions, strict=True):
        source = by_text.get(_key(doc, q)) if a.entity is None else None
        if source is not None and source is not a:
            a.adopt(source, "repeat", "repeat")


def _standalone(doc: Document, q: Marked) -> bool:
    """True when the quote opens its sentence: a statement of its own, not a term inside a sentence."""
    s_start, _ = doc.sentence(q.open_start)
    # searched backwards from the mark: it stops at the nearest letter, never rereads the sentence
    return _LAST_ALNUM.search(doc.text, s_start, q.open_start) is None


def _continuations(
    doc: Document, attributor: Attributor, marked: list[Marked], attributions: list[Attribution]
) -> None:
    """A stand-alone quote with no cue belongs to the speaker the sentence before it names, or
    continues the previous attributed quote nearby."""
    last: tuple[Marked, Attribution] | None = None
    for q, a in zip(marked, attributions, strict=True):
        if a.entity is None and _standalone(doc, q) and a.rule != "repeat":
            introduced = attributor.previous_sentence(q)
            if introduced is not None:
                attributor.resolve(introduced)
                if introduced.entity is not None:
                    a.entity, a.mention, a.role = introduced.entity, introduced.mention, introduced.role
                    a.rule, a.resolution, a.cue, a.cue_tokens = (
                        "previous-sentence",
                        introduced.resolution,
                        introduced.cue,
                        introduced.cue_tokens,
                    )
        if a.entity is None and last is not None and _standalone(doc, q) and a.rule != "repeat":
            gap = doc.paragraph_index(q.open_start) - doc.paragraph_index(last[0].open_start)
            if gap <= CONTINUATION_PARAGRAPHS:
                a.adopt(last[1], "continuation", "continuation", keep_role=False)
        if a.entity is not None and a.rule != "repeat":
            last = (q, a)


def _quote_type(doc: Document, q: Marked) -> str:
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


def _quote(doc: Document, q: Marked, a: Attribution) -> Quote:
    return _make(doc, q.start, q.end, _quote_type(doc, q), a)


def _make(doc: Document, start: int, end: int, kind: str, a: Attribution) -> Quote:
    speaker = None
    if a.entity is not None:
        m = a.mention
        speaker = SpeakerRef(
            a.entity.name,
            a.entity.id,
            a.entity.kind,
            a.role,
            m.start if m else start,
            m.end if m else start,
            a.resolution,
        )
    cue = None
    if a.cue is not None and a.cue_tokens:
        first, last = a.cue_tokens[a.cue.first], a.cue_tokens[a.cue.last - 1]
        cue = Span(doc.text[first.start : last.end], first.start, last.end)
    return Quote("", doc.text[start:end], start, end, kind, speaker, cue, a.confidence, a.rule)


def _speakers(doc: Document, attributor: Attributor, quotes: list[Quote]) -> list[Speaker]:
    used = {q.speaker.entity for q in quotes if q.speaker}
    out = []
    for e in attributor.index.entities:
        if e.id in used:
            spans = [Span(doc.text[s:t], s, t) for s, t in sorted(e.mentions)]
            out.append(Speaker(e.id, e.name, e.kind, list(e.aliases), list(e.roles), spans))
    return out
