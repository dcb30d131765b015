"""What a sieve reads around one quotation: its sentence, and the token windows on each side
with their cues, computed once per quote."""

from __future__ import annotations

from ..reading.cues import Cue, CueIndex
from ..reading.noun_phrase import Mention
from ..reading.speaker_phrase import speaker_left_of
from ..text.document import CONTEXT
from ..text.marks import Marked
from ..text.tokens import Token


class Window:
    """A run of tokens and the reporting cues among them; the subject left of each cue is read once."""

    __slots__ = ("_left", "cues", "reader", "tokens")

    def __init__(self, reader: CueIndex, tokens: list[Token]) -> None:
        self.reader = reader
        self.tokens = tokens
        self.cues = reader.find(tokens)
        self._left: dict[int, Mention | None] = {}

    def subject_of(self, c: Cue) -> Mention | None:
        """The speaker phrase left of the verb ``c`` ("Maria Lopez said")."""
        if c.first not in self._left:
            doc = self.reader.doc
            self._left[c.first] = speaker_left_of(self.tokens, c, doc.text, doc.lex)
        return self._left[c.first]


class QuoteContext:
    """One quotation and its surroundings: the sentence, the windows before and after it."""

    __slots__ = ("after", "before", "doc", "lex", "previous", "q", "reader", "s_start", "text")

    def __init__(self, reader: CueIndex, q: Marked, previous: Marked | None, following: Marked | None) -> None:
        doc = reader.doc
        self.reader, self.doc, self.lex, self.text, self.q = reader, doc, doc.lex, doc.text, q
        self.previous = previous
        self.s_start, s_end = doc.sentence(q.open_start)
        pre_start = max(
            self.s_start,
            previous.close_end if previous and previous.close_end <= q.open_start else 0,
            q.open_start - CONTEXT,
        )
        post_end = min(
            s_end if s_end > q.close_end else doc.paragraph(q.close_end)[1],
            following.open_start if following else len(doc.text),
            q.close_end + CONTEXT,
        )
        # the quote's sentence before its opening mark (never past the quote before it), and what
        # follows the closing mark to the end of the sentence (or paragraph) or the next quote
        self.before = Window(reader, doc.tokens(pre_start, q.open_start))
        self.after = Window(reader, doc.tokens(q.close_end, post_end))

    def window(self, start: int, end: int) -> Window:
        return Window(self.reader, self.doc.tokens(start, end))

    def open_ended(self) -> bool:
        """The quote ends in , ? ! or a comma follows it: what comes next is its attribution
        ("”, Scott Pruitt, the attorney general, said")."""
        post = self.after.tokens
        return self.text[self.q.end - 1] in ",?!—–-…" or (bool(post) and post[0].text == ",")
