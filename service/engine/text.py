"""Tokens, paragraphs and sentences, with offsets into the original text.

Every pattern here is linear: alternatives never overlap in what they can match at one
position, and no quantified group contains another unbounded quantifier over the same
characters.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import Lexicon, fold

_TOKEN = regex.compile(
    r"""
    (?<![\p{L}\p{M}])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})   # French elision: l’, qu’
  | \p{L}\p{M}*(?:\p{L}\p{M}*)*(?:[-'’]\p{L}\p{M}*(?:\p{L}\p{M}*)*)*      # word, a-t-il, Jean-Marc
  | \p{N}+(?:[.,:h]\p{N}+)*                                              # number, 1.5, 17:17
  | \S                                                                   # any other sign
    """,
    regex.X | regex.I,
)

# A sentence ends after . ! ? or … followed by space and a capital, an opening mark or a digit,
# or directly by a capital after a lower-case letter ("Peskov.Le porte-parole").
_BOUNDARY = regex.compile(
    r"""(?:(?<=[.!?…])[\s\u00a0\u202f]+(?=[\p{Lu}«“"„‘\p{N}]))|(?:(?<=\p{Ll}[.!?])(?=\p{Lu}\p{Ll}))""",
    regex.X,
)
_LAST_WORD = regex.compile(r"([\p{L}.]+)[.!?…]$")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    low: str  # folded form for lookups

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text, start, end)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``: a line is a paragraph in news text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            left = pos + (len(line) - len(line.lstrip()))
            spans.append((left, left + len(stripped)))
        pos = end + 1
    return spans


def sentence_starts(text: str, start: int, end: int, lex: Lexicon, protected) -> list[int]:
    """Offsets where sentences begin in ``text[start:end]``.

    ``protected(pos)`` tells whether a position lies inside a quotation, where the
    quoted speaker's sentences do not break the reporting sentence.
    """
    starts = [start]
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if protected(m.start()):
            continue
        word = _LAST_WORD.search(text, max(start, m.start() - 30), m.start())
        if word:
            w = fold(word.group(1))
            if w in lex.abbreviations or w in lex.titles or (len(w) == 1 and w.isalpha()) or ("." in w and len(w) <= 5):
                continue
        starts.append(cut)
    return starts
