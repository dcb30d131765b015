"""An article cut into paragraphs and sentences, aware of where its quotations are."""

from __future__ import annotations

import bisect
import itertools

from .lexicon import Lexicon
from .marks import Marked, find_quotations
from .text import Token, paragraphs, sentence_starts, tokenize

CONTEXT = 500  # characters read on each side of a quotation: attribution is local, and this keeps work linear


class Document:
    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.quotes: list[Marked] = find_quotations(text)
        self._q_starts = [q.open_start for q in self.quotes]
        self.paragraphs = paragraphs(text)
        self._p_starts = [p[0] for p in self.paragraphs]
        starts: list[int] = []
        for p_start, p_end in self.paragraphs:
            starts.extend(sentence_starts(text, p_start, p_end, lex, self.inside_quote))
        starts.extend(self._breaks_after_quotes())
        self._s_starts = sorted(set(starts))

    def inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._q_starts, pos) - 1
        return i >= 0 and pos < self.quotes[i].close_end

    def has_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._q_starts, start)
        return i < len(self._q_starts) and self._q_starts[i] < end

    def quote_at(self, pos: int) -> Marked | None:
        i = bisect.bisect_right(self._q_starts, pos) - 1
        return self.quotes[i] if i >= 0 and pos < self.quotes[i].close_end else None

    def _breaks_after_quotes(self) -> list[int]:
        """A quotation ending in a full stop and followed by a capital ends its sentence."""
        out = []
        for q in self.quotes:
            if q.closed and self.text[q.end - 1] in ".…":
                i = q.close_end
                while i < len(self.text) and self.text[i] in " \t\u00a0\u202f":
                    i += 1
                if i < len(self.text) and self.text[i].isupper():
                    out.append(i)
        return out

    def paragraph(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._p_starts, pos) - 1)
        return self.paragraphs[i] if self.paragraphs else (0, len(self.text))

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._p_starts, pos) - 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``, never wider than its paragraph."""
        p_start, p_end = self.paragraph(pos)
        i = bisect.bisect_right(self._s_starts, pos) - 1
        start = max(self._s_starts[i] if i >= 0 else p_start, p_start)
        end = self._s_starts[i + 1] if i + 1 < len(self._s_starts) else p_end
        return start, min(end, p_end)

    def sentences(self) -> list[tuple[int, int]]:
        out = []
        for p_start, p_end in self.paragraphs:
            i = bisect.bisect_left(self._s_starts, p_start)
            cuts = [p_start]
            while i < len(self._s_starts) and self._s_starts[i] < p_end:
                if self._s_starts[i] > p_start:
                    cuts.append(self._s_starts[i])
                i += 1
            cuts.append(p_end)
            out.extend((a, b) for a, b in itertools.pairwise(cuts) if b > a)
        return out

    def tokens(self, start: int, end: int) -> list[Token]:
        return tokenize(self.text, start, end)
