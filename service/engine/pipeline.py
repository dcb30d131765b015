"""``extract``: the whole order of evidence, on one screen.

Quote -> mention: for each quotation in text order, the sieves below, most precise first; the
first that answers wins. Mention -> speaker: the pipeline resolves the mention (a hanging
clause inherits its speaker instead), then settles the quote on the speaker. Each settled
quote counts on its speaker, and later resolutions read those counts, so the order below is
the order of side effects too: quote by quote, then pass by pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from .budget import Budget
from .entities.resolve import Resolver
from .model import Result
from .reading.cues import CueIndex
from .results import RoleBook, make_quote, numbered, quote_type, speakers
from .sieves.attribution import Attribution
from .sieves.context import QuoteContext
from .sieves.dialogue import dialogue_turns
from .sieves.formats import dash_line, label_line, title_line
from .sieves.indirect import find_indirect
from .sieves.passes import (
    Article,
    continuations,
    paragraph_chains,
    repeat,
    same_sentence,
    sentence_subject_speaker,
    share_along_chains,
)
from .sieves.quote import (
    according_to,
    colon,
    colon_line,
    cue_after,
    cue_before,
    cue_inside,
    dash,
    first_cue_after,
    label,
    nearest_cue_before,
    participle,
    possessive,
    sentence_cue,
)
from .sieves.registry import UNATTRIBUTED
from .sieves.speaker import inherit, resolve
from .text.document import Document

AFTER = (according_to, cue_after)  # read on the first cue after the quote
BEFORE = (possessive, according_to, participle, cue_before)  # read on each cue before it, nearest first
CLOSING = (sentence_cue,)  # the first cue after the quote again, once the cues before it have failed


def quote_to_mention(ctx: QuoteContext) -> Attribution:
    return (
        label(ctx)  # "PENCE: …"
        or label_line(ctx)  # "Ann Holt, The Daily Ledger: “…”"
        or dash(ctx)  # "“…” — Geoffrey Starks"
        or dash_line(ctx)  # "“…” ¶ — Ann Holt, cabinet member for transport"
        or first_cue_after(ctx, AFTER)  # "”, said X" / "”, X said" / "», selon X"
        or nearest_cue_before(ctx, ctx.before, BEFORE)  # "X a déclaré : «", "X’s claim that “"
        or first_cue_after(ctx, CLOSING)  # "On the “deadline”, …, Mayor Ruiz said."
        or cue_inside(ctx)  # "« Moi, dit-il, … »"
        or title_line(ctx)  # "Vance Called The Levy “A Gift To Landlords.”"
        or colon(ctx)  # "Une étude de X tire le même bilan : «"
        or colon_line(ctx, BEFORE)  # "And from Chairwoman Rosenworcel:" on the line before
        or Attribution(None, None, UNATTRIBUTED)
    )


def extract(
    text: str, language: str = "auto", indirect: bool = True, budget: float | None = None, max_quotes: int | None = None
) -> Result:
    """Find every quotation in ``text`` with its speaker, role, cue and spans.

    ``language`` is a registered language code or ``auto``; ``indirect`` adds reported speech
    without marks; ``budget`` bounds the work in seconds (``BudgetExceeded`` is raised past it);
    ``max_quotes`` attributes only the first that many quotations in marks (indirect speech is
    not counted).
    """
    with _collector_paused():
        return _extract(text, language, indirect, Budget(budget), max_quotes)


def _extract(text: str, language: str, indirect: bool, clock: Budget, max_quotes: int | None) -> Result:
    doc = Document(text, language, clock)
    if doc.lex is None:  # not confidently in any registered language: guess nothing
        return Result(doc.language)
    reader = CueIndex(doc)
    resolver = Resolver(reader)
    marked, attributions = doc.quotes if max_quotes is None else doc.quotes[:max_quotes], []
    for i, q in enumerate(marked):
        clock.check()
        a = quote_to_mention(
            QuoteContext(reader, q, marked[i - 1] if i else None, marked[i + 1] if i + 1 < len(marked) else None)
        )
        if a.rule == participle.rule:
            inherit(resolver, a, q.open_start)
        else:
            resolve(resolver, a)
        if a.entity is None:
            same_sentence(doc, a, q, (marked[i - 1], attributions[-1]) if i else None)
        if a.entity is None:
            sentence_subject_speaker(resolver, a, q)
        resolver.attributed.append((q.start, q.end, a))
        attributions.append(a)
    article = Article(doc, reader, resolver, marked, attributions, paragraph_chains(doc, marked))
    for document_pass in (share_along_chains, repeat, dialogue_turns, continuations, share_along_chains):
        document_pass(article)
    roles = RoleBook(doc)
    found = [make_quote(doc, q.start, q.end, quote_type(doc, q), a, roles) for q, a in article.pairs()]
    if indirect:
        found += [make_quote(doc, c.start, c.end, "indirect", c.attribution, roles) for c in find_indirect(resolver)]
    continued = {marked[i + 1].start: marked[i].start for chain in article.chains for i in chain[:-1]}
    quotes = numbered(found, continued)
    return Result(doc.language, quotes, speakers(doc, resolver.index, quotes))


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
