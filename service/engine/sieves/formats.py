"""Quote -> mention: the layouts of news round-ups, where a line's shape names the speaker
rather than a reporting verb: label lines ("Ann Holt, The Daily Ledger: “…”"), Title-Case
summary lines ("Holt Called The Plan “A Tax On Builders.”"). ``pipeline.py`` holds their order."""

from __future__ import annotations

import regex

from ..reading.noun_phrase import Mention
from .attribution import Attribution
from .context import QuoteContext
from .registry import sieve

# "Ann Holt, The Daily Ledger:", "- Dr Kofi Mensah:", "LYLE:": a name, an affiliation, a colon
_LABEL_LINE = regex.compile(
    r"""[-–—•]?[ \t]*
    (?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.\-]*){0,4})
    (?:,[ \t]*(?P<role>[^:,;\n«»“”"]{2,80}?))?
    [ \t]*:\s*$""",
    regex.X,
)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_TITLE_LINE_WORDS = 4  # a Title-Case line has at least this many words before its quote
_LINE_WINDOW = 240  # characters read back for a label or a summary line


def _line_before(ctx: QuoteContext) -> tuple[int, str]:
    """The stretch from the start of the quote's line, or the end of the quote before it, to the mark."""
    q, text = ctx.q, ctx.text
    start = max(ctx.doc.paragraph(q.open_start)[0], q.open_start - _LINE_WINDOW)
    if ctx.previous is not None and ctx.previous.close_end > start:
        start = ctx.previous.close_end
    while start < q.open_start and text[start].isspace():
        start += 1
    return start, text[start : q.open_start]


@sieve("label-line", 0.85)
def label_line(ctx: QuoteContext) -> Attribution | None:
    """A line opened by the speaker's name (and affiliation) and a colon:
    "Ann Holt, The Daily Ledger: “…”", "- Sam Ortiz: “…”", "LYLE: “…”"."""
    start, line = _line_before(ctx)
    found = _LABEL_LINE.match(line)
    if not found:
        return None
    name = found.group("name")
    words = name.split()
    lex = ctx.lex
    if any(w.lower() in lex.function_words or w.lower() in lex.verbs for w in words):
        return None
    if len(words) == 1 and not (name.isupper() and len(name) > 1):
        return None  # "Update:", "Reaction:": one word is a label only in capitals
    role = found.group("role")
    mention = Mention(
        "name", name, start + found.start("name"), start + found.end("name"), role.strip() if role else None
    )
    mention.person = True
    return Attribution(mention, None, label_line.rule)


@sieve("title-line", 0.75)
def title_line(ctx: QuoteContext) -> Attribution | None:
    """A Title-Case summary line: the name that opens it says what the quote in it is:
    "Holt Called Rent Controls “A Tax On Builders.”"; the verb is capitalised like every word."""
    start, line = _line_before(ctx)
    words = list(_WORD.finditer(line))
    if len(words) < _TITLE_LINE_WORDS or not all(w.group()[0].isupper() or w.group()[0].isdigit() for w in words):
        return None
    lex = ctx.lex
    for k, w in enumerate(words):
        if w.group().lower() in lex.verbs:
            if k == 0 or k > 4:
                return None
            first, last = words[0], words[k - 1]
            name = line[first.start() : last.end()]
            if any(x.group().lower() in lex.function_words for x in words[:k]):
                return None
            return Attribution(
                Mention("name", name, start + first.start(), start + last.end(), person=True), None, title_line.rule
            )
    return None
