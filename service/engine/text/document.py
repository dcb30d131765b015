"""An article cut into paragraphs and sentences, aware of where its quotations are."""

from __future__ import annotations

import bisect
import itertools

from ..budget import UNLIMITED, Budget
from ..lang.detect import UNDETERMINED, language_of
from ..lang.lexicon import Lexicon, load
from .marks import Marked, find_quotations
from .tokens import Token, folded, paragraphs, sentence_starts, token_spans

CONTEXT = 300  # characters read on each side of a quotation: attribution is local, and this keeps work linear


class Document:
    def __init__(self, text: str, language: str = "auto", budget: Budget = UNLIMITED) -> None:
        """``language``: a registered code, or ``auto`` to tell from the text (``UnsupportedLanguage``
        otherwise). A text no registered language reads confidently gets ``und`` and no ``lex``."""
        self.text = text
        self.budget = budget
        # the whole text is tokenised once: plain lists for the scans over every token, and Token
        # objects, made in one pass, for the windows the rules read
        self.token_texts, self.token_starts, self.token_ends = token_spans(text)
        self.lows = list(map(folded, self.token_texts))
        self.all_tokens = list(
            map(Token, self.token_texts, self.token_starts, self.token_ends, itertools.count(), self.lows)
        )
        code = language_of(text, self.lows, language)
        self.language = code
        self.lex: Lexicon | None = load(code) if code != UNDETERMINED else None
        if self.lex is None:
            return  # no language pack reads this text: nothing more is read, and no quote is guessed
        lex = self.lex
        self.quotes: list[Marked] = find_quotations(text, lex.quote_marks)
        budget.check()
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

    def outside_quotes(self, tokens: list[Token]) -> list[Token]:
        """``tokens`` without those inside quotations (one pass, quotes and tokens both sorted)."""
        if not tokens or not (self.inside_quote(tokens[0].start) or self.has_quote(tokens[0].start, tokens[-1].end)):
            return tokens  # the usual case: no quotation there
        q = max(0, bisect.bisect_right(self._q_starts, tokens[0].start) - 1)
        out = []
        for tok in tokens:
            while q < len(self.quotes) and self.quotes[q].close_end <= tok.start:
                q += 1
            if q < len(self.quotes) and self.quotes[q].open_start <= tok.start:
                continue
            out.append(tok)
        return out

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

    def paragraph_start(self, pos: int, back: int = 0) -> int:
        """Where the paragraph ``back`` paragraphs before the one around ``pos`` starts (bounded reach)."""
        return self.paragraphs[max(0, self.paragraph_index(pos) - back)][0]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``, never wider than its paragraph."""
        p_start, p_end = self.paragraph(pos)
        i = bisect.bisect_right(self._s_starts, pos) - 1
        start = max(self._s_starts[i] if i >= 0 else p_start, p_start)
        end = self._s_starts[i + 1] if i + 1 < len(self._s_starts) else p_end
        return start, min(end, p_end)

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that lie within ``text[start:end]``."""
        i = bisect.bisect_left(self.token_starts, start)
        j = bisect.bisect_left(self.token_starts, end, lo=i)
        while j > i and self.token_ends[j - 1] > end:
            j -= 1
        return range(i, j)

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens that lie within ``text[start:end]``."""
        r = self.token_range(start, end)
        return self.all_tokens[r.start : r.stop]
