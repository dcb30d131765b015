"""Quote -> mention: the layouts of news round-ups, where a line's shape names the speaker
rather than a reporting verb: label lines ("Ann Holt, The Daily Ledger: “…”"), Title-Case
summary lines ("Holt Called The Plan “A Tax On Builders.”"). ``pipeline.py`` holds their order."""

from __future__ import annotations

import regex

from ..lang.lexicon import Lexicon
from ..reading.noun_phrase import Mention
from .attribution import Attribution
from .context import QuoteContext
from .registry import sieve

# "Ann Holt, The Daily Ledger:", "- Dr Kofi Mensah:", "LYLE:": a name, an affiliation, a colon
_LABEL_LINE = regex.compile(
    r"""[-–—•]?[ \t]*
    (?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.\-]*){0,4})
    (?:,[ \t]*(?P<role>[^:;\n«»“”"]{2,100}?))?
    [ \t]*:\s*$""",
    regex.X,
)
# "” ¶ — Ann Holt, cabinet member for transport": a signature on the line under the quote
_DASH_LINE = regex.compile(
    r"""[ \t]*\r?\n[ \t]*[—–-][ \t]*
    (?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.\-]*){0,4})
    (?:,[ \t]*(?P<role>[^\n«»“”"]{2,100}?))?[ \t]*(?:\r?\n|$)""",
    regex.X,
)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_TITLE_LINE_WORDS = 3  # a Title-Case line has at least this many words before its quote
_LINE_WINDOW = 240  # characters read back for a label or a summary line


def _line_before(ctx: QuoteContext) -> tuple[int, str]:
    """The stretch from the start of the quote's line, or the end of the quote before it, to the mark."""
    q, text = ctx.q, ctx.text
    start = max(ctx.s_start, q.open_start - _LINE_WINDOW)
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
    if role and any(_clause_word(w.group().lower(), ctx.lex) for w in _WORD.finditer(role)):
        return None  # "Luc Moreau, qui a remplacé X, a déclaré :": a clause, not an affiliation
    mention = Mention(
        "name", name, start + found.start("name"), start + found.end("name"), role.strip() if role else None
    )
    mention.person = True
    return Attribution(mention, None, label_line.rule)


def _clause_word(word: str, lex: Lexicon) -> bool:
    return word in lex.verbs or word in lex.auxiliaries or word in lex.relatives or word in lex.complementizers


@sieve("title-line", 0.75)
def title_line(ctx: QuoteContext) -> Attribution | None:
    """A Title-Case summary line: the name that opens it says what the quote in it is:
    "Vance Called The Levy “A Gift To Landlords.”"; the verb is capitalised like every word."""
    start, line = _line_before(ctx)
    words = list(_WORD.finditer(line))
    if len(words) < _TITLE_LINE_WORDS or not all(w.group()[0].isupper() or w.group()[0].isdigit() for w in words):
        return None
    lex = ctx.lex
    for k, w in enumerate(words):
        low = w.group().lower()
        if low in lex.verbs or (
            k and low.endswith(lex.adjectival_participle_endings) and low not in lex.function_words
        ):
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


@sieve("dash-line", 0.8)
def dash_line(ctx: QuoteContext) -> Attribution | None:
    """A quote signed on the line under it after a dash, with the signer's role after a comma:
    "“…” ¶ — Ann Holt, cabinet member for transport"."""
    q, text = ctx.q, ctx.text
    found = _DASH_LINE.match(text, q.close_end, min(len(text), q.close_end + _LINE_WINDOW))
    if not found:
        return None
    words = found.group("name").split()
    if any(w.lower() in ctx.lex.function_words for w in words):
        return None
    role = found.group("role")
    if role and any(_clause_word(w.group().lower(), ctx.lex) for w in _WORD.finditer(role)):
        return None  # "Luc Moreau, qui a remplacé X, a déclaré :": a clause, not an affiliation
    mention = Mention(
        "name", found.group("name"), found.start("name"), found.end("name"), role.strip() if role else None
    )
    mention.person = True
    return Attribution(mention, None, dash_line.rule)
