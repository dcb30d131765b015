"""The article's people, found before any quote is read.

Full names give surnames ("Dmitri Orlov" makes a later "Orlov" a person), titles and roles
give gender and roles ("Mme", "la porte-parole"), and every mention goes on the entity index's
timeline in text order, for pronouns and descriptions to look back along.
"""

from __future__ import annotations

import bisect
import itertools
import operator

from ..lang.lexicon import Lexicon, fold
from ..reading.noun_phrase import Mention, parse
from ..text.document import Document
from ..text.tokens import Token
from .index import EntityIndex, plain


def scan_names(doc: Document, index: EntityIndex) -> None:
    """Register the article's people in text order: their full names (for surnames),
    titles and roles, and every later mention of a known surname (for pronouns).

    It walks the document's plain token lists and makes Token objects only around names."""
    scan = _NameScan(doc)
    texts, lows, starts, lex = doc.token_texts, doc.lows, doc.token_starts, doc.lex
    # the capitalised tokens, found in one pass at C speed: most tokens are not
    capitals = list(itertools.compress(itertools.count(), map(str.isupper, map(operator.itemgetter(0), texts))))
    next_capital = 0
    for p_start, p_end in doc.paragraphs:
        doc.budget.check()
        span = doc.token_range(p_start, p_end)
        n, stop = span.start, span.stop
        while n < stop:
            if not texts[n][0].isupper():
                # jump to the next capitalised token: most tokens are not
                next_capital = bisect.bisect_left(capitals, n, lo=next_capital)
                n = capitals[next_capital] if next_capital < len(capitals) else stop
            elif lows[n] in lex.function_words or not scan.name_word(n) or doc.inside_quote(starts[n]):
                n += 1
            else:
                n = scan.read_name(n, span.start, stop)
    for mention in scan.runs:
        if " " in mention.text or mention.person or plain(mention.text) in scan.surnames:
            source = gender_source(doc.text, mention, lex)
            entity = index.person(mention.text, mention.start, mention.end, mention.gender, mention.role, source)
            if mention.age:
                entity.ages.add(mention.age)


def gender_source(text: str, mention: Mention, lex: Lexicon) -> str:
    """How a name mention's gender was read: from a title right before the name ("Mrs. Ada
    Lind", "Mme Lind"), else from the agreement of its role noun ("la ministre Lind", "Lind,
    the spokeswoman")."""
    words = text[max(0, mention.start - 12) : mention.start].split()
    word = fold(words[-1]) if words else ""
    return "title" if lex.titles.get(word) or lex.titles.get(word.rstrip(".")) else "role noun"


class _NameScan:
    """The runs of name words of one document, read from its plain token lists."""

    def __init__(self, doc: Document) -> None:
        self.doc, self.lex = doc, doc.lex
        self.texts, self.lows = doc.token_texts, doc.lows
        self.runs: list[Mention] = []
        self.surnames: set[str] = set()

    def name_word(self, m: int) -> bool:
        first = self.texts[m][0]
        return first.isupper() and first.isalpha() and self.lows[m] not in self.lex.not_names

    def read_name(self, n: int, lo: int, stop: int) -> int:
        """Read the name that starts at token ``n`` (its paragraph's tokens are ``lo:stop``), with
        the title or role before it; return the index after it."""
        doc, lex, texts = self.doc, self.lex, self.texts
        j = self._run_end(n, stop)
        k, described = self._reach_left(n, lo)
        if j == n + 1 and not described:
            self.runs.append(Mention("name", texts[n], doc.token_starts[n], doc.token_ends[n]))  # a possible surname
            return j
        mention = parse(doc.outside_quotes(doc.all_tokens[k:j]), doc.text, lex)
        if k < n and j > n + 1 and not (mention and mention.kind == "name") and self._after_topic_marker(k, n):
            # "Quant à Ada Sy, elle…", "As for Ada Sy, she…": a name, whatever parses with the marker
            mention = parse(doc.outside_quotes(doc.all_tokens[n:j]), doc.text, lex)
        if mention and mention.kind == "name" and mention.person:
            if j + 1 < stop and texts[j] == ",":
                appositive = doc.outside_quotes(doc.all_tokens[j + 1 : min(stop, j + 14)])
                _describe_by_apposition(appositive, 0, mention, doc.text, lex)
            self.runs.append(mention)
            if " " in mention.text:
                self.surnames.add(plain(mention.text).split()[-1])
        elif j == n + 1 and mention and mention.kind == "name":
            self.runs.append(mention)
        return j

    def _after_topic_marker(self, k: int, n: int) -> bool:
        return tuple(self.lows[k:n]) in self.lex.topic_markers

    def _run_end(self, n: int, stop: int) -> int:
        """The end of the run of name words, particles and initials included: "Loretta E. Lynch"."""
        texts, lows, lex = self.texts, self.lows, self.lex
        j = n + 1
        while j < stop and (
            self.name_word(j)
            or (lows[j] in lex.particles and j + 1 < stop and texts[j + 1][0].isupper())
            or (texts[j] == "." and len(texts[j - 1]) == 1 and j + 1 < stop and self.name_word(j + 1))
        ):
            j += 1
        if j < stop and texts[j] == "." and lows[j - 1] in lex.name_suffixes:
            j += 1  # "Joseph R. Biden Jr."
        return j

    def _reach_left(self, n: int, lo: int) -> tuple[int, bool]:
        """Where a title or a role before the name starts ("Union spokeswoman Mira Kolar"),
        and whether one is there."""
        texts, lows, lex = self.texts, self.lows, self.lex
        k = n
        described = False
        while k > lo and n - k < 8 and lows[k - 1] not in lex.before_names:
            if texts[k - 1] == "." and not (k - 2 >= lo and (len(texts[k - 2]) == 1 or lows[k - 2] in lex.titles)):
                break  # a full stop, not an initial's or a title's: "M. Dupont", "J. Smith"
            k -= 1
            described = described or lows[k] in lex.titles or lows[k] in lex.role_nouns
        return k, described


def _describe_by_apposition(tokens: list[Token], i: int, mention: Mention, text: str, lex: Lexicon) -> None:
    """ "Piet Vos, the Dutch trade minister," / "Irène Falk, 64 ans," describe the name before."""
    seg = []
    while i < len(tokens) and tokens[i].text not in ",.;:()" and len(seg) < 12:
        seg.append(tokens[i])
        i += 1
    if seg and seg[0].text.isdigit():
        mention.age = seg[0].text
        return
    desc = parse(seg, text, lex)
    if desc and desc.kind == "description" and desc.role and seg[0].low in lex.determiners:
        mention.role = mention.role or desc.role
