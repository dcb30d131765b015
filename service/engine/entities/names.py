"""The article's people, found before any quote is read.

Full names give surnames ("Sergei Lavrov" makes a later "Lavrov" a person), titles and roles
give gender and roles ("Mme", "la porte-parole"), and every mention goes on the entity index's
timeline in text order, for pronouns and descriptions to look back along.
"""

from __future__ import annotations

import bisect
import itertools
import operator

from ..lang.lexicon import Lexicon
from ..reading.noun_phrase import Mention, parse
from ..text.document import Document
from ..text.tokens import Token
from .index import EntityIndex, plain


def scan_names(doc: Document, index: EntityIndex) -> None:
    """Register the article's people in text order: their full names (for surnames),
    titles and roles, and every later mention of a known surname (for pronouns).

    It walks the document's plain token lists and makes Token objects only around names."""
    lex, text = doc.lex, doc.text
    runs: list[Mention] = []
    surnames: set[str] = set()
    texts, lows, starts = doc.token_texts, doc.lows, doc.token_starts

    def name_word(m: int) -> bool:
        first = texts[m][0]
        return first.isupper() and first.isalpha() and lows[m] not in lex.not_names

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
                continue
            if lows[n] in lex.function_words or not name_word(n):
                n += 1
                continue
            if doc.inside_quote(starts[n]):
                n += 1
                continue
            j = n + 1  # the run of name words, particles and initials included: "Loretta E. Lynch"
            while j < stop and (
                name_word(j)
                or (lows[j] in lex.particles and j + 1 < stop and texts[j + 1][0].isupper())
                or (texts[j] == "." and len(texts[j - 1]) == 1 and j + 1 < stop and name_word(j + 1))
            ):
                j += 1
            if j < stop and texts[j] == "." and lows[j - 1] in lex.name_suffixes:
                j += 1  # "Joseph R. Biden Jr."
            k = n  # reach left for a title or a role: "Alliance spokeswoman Oana Lungescu"
            described = False
            while k > span.start and n - k < 8 and lows[k - 1] not in lex.before_names:
                if texts[k - 1] == "." and not (
                    k - 2 >= span.start and (len(texts[k - 2]) == 1 or lows[k - 2] in lex.titles)
                ):
                    break  # a full stop, not an initial's or a title's: "M. Dupont", "J. Smith"
                k -= 1
                described = described or lows[k] in lex.titles or lows[k] in lex.role_nouns
            if j == n + 1 and not described:
                runs.append(Mention("name", texts[n], starts[n], doc.token_ends[n]))  # a possible surname
                n = j
                continue
            tokens = doc.outside_quotes(doc.all_tokens[k:j])
            mention = parse(tokens, text, lex)
            if mention and mention.kind == "name" and mention.person:
                if j + 1 < stop and texts[j] == ",":
                    appositive = doc.outside_quotes(doc.all_tokens[j + 1 : min(stop, j + 14)])
                    _describe_by_apposition(appositive, 0, mention, text, lex)
                runs.append(mention)
                if " " in mention.text:
                    surnames.add(plain(mention.text).split()[-1])
            elif j == n + 1 and mention and mention.kind == "name":
                runs.append(mention)
            n = j
    for mention in runs:
        if " " in mention.text or mention.person or plain(mention.text) in surnames:
            entity = index.person(mention.text, mention.start, mention.end, mention.gender, mention.role)
            if mention.age:
                entity.ages.add(mention.age)


def _describe_by_apposition(tokens: list[Token], i: int, mention: Mention, text: str, lex: Lexicon) -> None:
    """ "Heiko Maas, the German foreign minister," / "Sergei Lavrov, 71 ans," describe the name before."""
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
