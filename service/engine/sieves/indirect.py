"""Reported speech without quotation marks.

- "X said (that) …", "X a déclaré que …", "…, ajoutant que …": the clause after the complementizer;
- "X, a nurse, said she …", "told the court he …": a clause without "that";
- "urged the council to …", "vowed to …": the request or the promise;
- the frames around the clause ("…, a annoncé X.", "Selon X, …", "A, she added, B"): ``framed``.
A clause that holds quotation marks is left out: its marked part is a mixed quote already.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..entities.resolve import Resolver
from ..reading.cues import Cue
from ..reading.speaker_phrase import speaker_left_of
from ..text.tokens import Token
from .attribution import Attribution
from .framed import MIN_WORDS, Clause, framed_clauses, is_source, trim_end, word_count
from .quote import cue_before, participle
from .speaker import inherit, resolve

MAX_SENTENCE = 2000  # characters; longer "sentences" are lists or broken text, not reported speech


def find_indirect(resolver: Resolver) -> list[Clause]:
    """Every clause of reported speech outside quotation marks, with its attribution."""
    doc = resolver.doc
    found: list[Clause] = []
    for s_start, s_end in _reporting_sentences(resolver):
        doc.budget.check()
        if s_end - s_start > MAX_SENTENCE or (doc.inside_quote(s_start) and doc.inside_quote(s_end - 1)):
            continue
        tokens = doc.tokens(s_start, s_end)
        if len(tokens) < MIN_WORDS + 2:
            continue
        clauses = _complement_clauses(resolver, tokens) or framed_clauses(resolver, tokens)
        for clause in clauses:
            if not any(doc.quote_at(p) for p in (clause.start, clause.end - 1)) and not _holds_quote(doc, clause):
                found.append(clause)
    return found


def _reporting_sentences(resolver: Resolver) -> Iterator[tuple[int, int]]:
    """The sentences with a cue that could introduce reported speech, in text order: most
    sentences have none, and are never looked at."""
    doc, lex = resolver.doc, resolver.lex
    last = None
    for c in resolver.cues.all():
        if _may_report(doc, c, lex):
            sentence = doc.sentence(doc.token_starts[c.first])
            if sentence != last:
                last = sentence
                yield sentence


def _may_report(doc, c: Cue, lex) -> bool:
    """A cheap look at the words around a cue: could it head reported speech?"""
    lows = doc.lows
    if doc.inside_quote(doc.token_starts[c.first]):
        return False
    if c.kind == "according" or c.lemma in lex.bare_clause or (c.first and lows[c.first - 1] == ","):
        return True
    asks = c.lemma in lex.request_verbs or c.lemma in lex.commitment_verbs
    if asks and any(w in lex.infinitive_markers for w in lows[c.last : c.last + 8]):
        return True
    return any(w in lex.complementizers for w in lows[c.last : c.last + 7])


def _holds_quote(doc, clause: Clause) -> bool:
    """A marked quote, or a stray mark, inside the clause: ``''…''`` and `` ``…'' `` count as marks."""
    text = doc.text[clause.start : clause.end]
    return doc.has_quote(clause.start, clause.end) or "''" in text or any(ch in '«»“”"„' for ch in text)


def _complement_clauses(resolver: Resolver, tokens: list[Token]) -> list[Clause]:
    """ "X said that …", "X a déclaré que …, mais a ajouté qu'…"."""
    heads = _clause_heads(resolver, tokens)
    out: list[Clause] = []
    previous: Attribution | None = None
    for n, (c, begin) in enumerate(heads):
        end = _clause_end(tokens, begin, heads[n + 1][0].first if n + 1 < len(heads) else None, resolver.lex)
        if begin >= end or word_count(tokens[begin:end]) < MIN_WORDS:
            continue
        attribution = _clause_attribution(resolver, tokens, c, previous)
        if attribution is None or attribution.entity is None:
            continue
        previous = attribution
        for lo, hi in _coordinated(tokens, begin, end, resolver.lex):
            out.append(Clause(tokens[lo].start, tokens[hi - 1].end, attribution))
    return out


def _coordinated(tokens: list[Token], begin: int, end: int, lex) -> list[tuple[int, int]]:
    """One clause per complementizer where the language's news reports them so: "que A, mais que B"
    gives A and B."""
    if not lex.grammar.coordinated_complements_split:
        return [(begin, end)]
    parts: list[tuple[int, int]] = []
    lo = begin
    for j in range(begin + 1, end - 1):
        if (
            tokens[j].low in lex.complementizers
            and tokens[j - 1].low in lex.clause_breakers
            and _opens_clause(tokens[j + 1], lex)  # "and that of NATO": a pronoun, no complementizer
        ):
            k = j - 1
            while k > lo and (tokens[k - 1].text == "," or tokens[k - 1].low in lex.clause_breakers):
                k -= 1
            hi = trim_end(tokens, lo, k)
            if word_count(tokens[lo:hi]) >= MIN_WORDS:
                parts.append((lo, hi))
                lo = j + 1
    if word_count(tokens[lo:end]) >= MIN_WORDS:
        parts.append((lo, end))
    return parts


def _clause_heads(resolver: Resolver, tokens: list[Token]) -> list[tuple[Cue, int]]:
    """Each reporting verb that introduces a clause, and where its clause begins."""
    doc, lex = resolver.doc, resolver.lex
    cues = [c for c in resolver.cues.find(tokens) if c.kind == "verb" and not doc.inside_quote(tokens[c.first].start)]
    heads: list[tuple[Cue, int]] = []
    for c in cues:
        i = c.last
        limit = min(len(tokens), c.last + 7)
        while i < limit and tokens[i].low not in lex.complementizers and tokens[i].text not in '.;:!?«»“”"':
            i += 1
        if i < limit and tokens[i].low in lex.complementizers:
            if heads and heads[-1][1] == i + 1:
                heads.pop()  # "a salué le projet en assurant qu'…": the nearer verb owns the clause
            heads.append((c, i + 1))
        elif c.lemma in lex.request_verbs or c.lemma in lex.commitment_verbs:
            begin = _infinitive_start(tokens, c, lex)
            if begin is not None:
                heads.append((c, begin))
        elif c.lemma in lex.bare_clause:
            begin = _bare_clause_start(tokens, c, lex)
            if begin is not None:
                heads.append((c, begin))
    return heads


def _infinitive_start(tokens: list[Token], c: Cue, lex) -> int | None:
    """What is asked or promised: "urged the council to drop …" (the person asked and the
    request), "vowed to ban …" (the infinitive)."""
    i = c.last
    if c.lemma in lex.commitment_verbs:
        return i if i < len(tokens) and tokens[i].low in lex.infinitive_markers else None
    if i >= len(tokens) or not tokens[i].is_word or tokens[i].low in lex.prepositions or tokens[i].low in lex.skippable:
        return None  # "asked about …", "asked not to be named"
    for j in range(i + 1, min(len(tokens), i + 8)):
        if tokens[j].low in lex.infinitive_markers:
            return i
        if not tokens[j].is_word:
            return None
    return None


def _bare_clause_start(tokens: list[Token], c: Cue, lex) -> int | None:
    """Where a clause without "that" begins after its verb: "said (on Monday) she …", "told the
    court he …". After a comma the verb is an incise ("…, said Ann Holt.") unless a clause follows
    it: "Ann Holt, a nurse, said she had …"."""
    i = c.last
    while i < len(tokens) and _time_word(tokens, i, lex):
        i += 1
    if c.lemma in lex.addressee_verbs:
        i = _after_addressee(tokens, i, lex)
    if i >= len(tokens) or c.first == 0:
        return None
    tok = tokens[i]
    bare_noun = tok.is_word and tok.low not in lex.function_words and _has_finite(tokens, i, lex)
    if not (_opens_clause(tok, lex) or bare_noun):  # "said economic growth was …"
        return None
    if tokens[c.first - 1].text == "," and not (tokens[i].low in lex.pronouns or _has_finite(tokens, i, lex)):
        return None
    return i


def _time_word(tokens: list[Token], i: int, lex) -> bool:
    """ "Monday", "last week", "on Tuesday": a time phrase between a verb and its clause."""
    low = tokens[i].low
    if low in lex.prepositions:
        return i + 1 < len(tokens) and (tokens[i + 1].low in lex.days or tokens[i + 1].low in lex.months)
    return low in lex.time_words and low not in lex.determiners


def _after_addressee(tokens: list[Token], i: int, lex) -> int:
    """Past the person told: "told him", "told reporters", "told the court", "told CNN"."""
    j = i
    if j < len(tokens) and tokens[j].low in lex.determiners and tokens[j].low not in lex.pronouns:
        j += 1
        while j < len(tokens) and j - i < 4 and tokens[j].is_word and not _opens_clause(tokens[j], lex):
            j += 1
        return j
    while j < len(tokens) and j - i < 4 and (tokens[j].low in lex.object_words or _name_like(tokens[j], lex)):
        j += 1
    return j


def _opens_clause(tok: Token, lex) -> bool:
    return (
        tok.low in lex.pronouns
        or tok.low in lex.determiners
        or tok.low in lex.clause_openers
        or tok.text[0].isdigit()
        or _name_like(tok, lex)
    )


def _has_finite(tokens: list[Token], i: int, lex) -> bool:
    """An auxiliary before the next comma: "mobile phones would be banned"."""
    for tok in tokens[i + 1 : i + 10]:
        if tok.text in ",;:.!?":
            return False
        if tok.low in lex.auxiliaries:
            return True
    return False


def _clause_end(tokens: list[Token], begin: int, next_head: int | None, lex) -> int:
    """Where the clause that begins at ``begin`` ends: the sentence's end, or the next clause's verb."""
    end = len(tokens)
    if next_head is not None:
        nxt = next_head
        while nxt > begin and tokens[nxt - 1].low in lex.skippable:
            nxt -= 1
        if nxt > begin and (tokens[nxt - 1].text == "," or tokens[nxt - 1].low in lex.clause_breakers):
            end = nxt  # "…, ajoutant que …" / "… mais a ajouté que …" starts a clause of its own
    while end > begin and (
        tokens[end - 1].low in lex.skippable
        or tokens[end - 1].low in lex.clause_breakers
        or tokens[end - 1].text in ","
    ):
        end -= 1
    return trim_end(tokens, begin, end)


def _clause_attribution(
    resolver: Resolver, tokens: list[Token], c: Cue, previous: Attribution | None
) -> Attribution | None:
    """The clause's speaker: its verb's subject, else the previous clause's, else what it hangs on."""
    lex = resolver.lex
    hangs = c.inherits or (c.first > 0 and tokens[c.first - 1].low in lex.clause_breakers)
    speaker = None if c.inherits else speaker_left_of(tokens, c, resolver.doc.text, lex)
    if speaker is None and previous is not None:
        attribution = Attribution(None, c, participle.rule, tokens)
        attribution.adopt(previous, keep_role=False)
    elif speaker is None and hangs:
        attribution = Attribution(None, c, participle.rule, tokens)  # "…, saying …", "… and said …"
    elif speaker is None or not is_source(speaker, lex):
        return None
    else:
        attribution = Attribution(speaker, c, cue_before.rule, tokens)
        resolve(resolver, attribution)
    if attribution.mention is None and attribution.entity is None:
        inherit(resolver, attribution, tokens[c.first].start)
    return attribution


def _name_like(tok: Token, lex) -> bool:
    return tok.is_capitalized and tok.low not in lex.function_words
