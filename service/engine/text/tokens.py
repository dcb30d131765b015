"""Tokens, paragraphs and sentences, with offsets into the original text.

Every pattern here is linear: alternatives never overlap in what they can match at one
position, and no quantified group contains another unbounded quantifier over the same
characters.
"""

from __future__ import annotations

import itertools

import regex

from ..lang.lexicon import Lexicon, fold

_TOKEN = regex.compile(
    r"""
    (  (?<![\p{L}\p{M}])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})   # French elision: l’, qu’
     | \p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*                        # word, a-t-il, Jean-Marc
     | \p{N}+(?:[.,:h]\p{N}+)*                                              # number, 1.5, 17:17
     | \S                                                                   # any other sign
    )""",
    regex.X | regex.I,
)

# A sentence ends after . ! ? or … followed by space and a capital, an opening mark or a digit,
# or directly by a capital after a lower-case letter ("Orlov.Le porte-parole"). The match
# starts with the stop itself, a literal the regex engine can scan for fast.
_BOUNDARY = regex.compile(
    r"""[.!?…](?:[\s\u00a0\u202f]+(?=[\p{Lu}«“"„‘\p{N}]|''|``)|(?<=\p{Ll}[.!?])(?=\p{Lu}\p{Ll}))""",
    regex.X,
)
_LAST_WORD = regex.compile(r"(?r)([\p{L}.]+)[.!?…]$")  # searched from the end: the word before a stop


class _Folds(dict):
    """``fold(word)`` for every word looked up, remembered: the words of a language are few, and
    texts repeat them. A hit is a plain dict lookup, at C speed; the size is bounded."""

    def __missing__(self, word: str) -> str:
        low = fold(word)
        if len(self) < 100_000:
            self[word] = low
        return low


folded = _Folds().__getitem__


class Token:
    """A word, number or sign, with its offsets into the text and its features computed once."""

    __slots__ = ("end", "is_capitalized", "is_word", "low", "n", "start", "text")

    def __init__(self, text: str, start: int, end: int, n: int, low: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.n = n  # index in the document's token list
        self.low = low  # folded(text)
        first = text[0]
        self.is_word = first.isalpha()
        self.is_capitalized = first.isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def token_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``text`` as parallel lists of strings, starts and ends (no objects).

    Splitting on the captured token pattern gives [gap, token, gap, token, …, gap]; the
    running sum of their lengths is every token's start and end, with no match objects."""
    pieces = _TOKEN.split(text)
    bounds = list(itertools.accumulate(map(len, pieces)))
    return pieces[1::2], bounds[0:-1:2], bounds[1::2]


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
        stop, cut = m.start() + 1, m.end()  # after the stop; where the next sentence begins
        if protected(stop):
            continue
        word = _LAST_WORD.search(text, max(start, stop - 30), stop)
        if word:
            w = fold(word.group(1))
            if w in lex.abbreviations or w in lex.titles or (len(w) == 1 and w.isalpha()) or ("." in w and len(w) <= 5):
                continue
        starts.append(cut)
    return starts
