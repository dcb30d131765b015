"""Reported speech without quotation marks.

- "X said (that) …", "X a déclaré que …", "…, ajoutant que …": the clause after the complementizer;
- "…, a annoncé X." / "…, X said.": the clause before the closing attribution;
- "Selon X, …" / "According to X, …": the clause after the source.
A clause that holds quotation marks is left out: its marked part is a mixed quote already.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..entities.resolve import Resolver
from ..reading.clauses import specific
from ..reading.cues import Cue
from ..reading.speaker_phrase import according_source, speaker_left_of, speaker_right_of, tail_is_free
from ..text.tokens import Token
from .attribution import Attribution
from .quote import according_to, cue_before, participle, sentence_cue
from .speaker import inherit, resolve

MIN_WORDS = 3
MAX_SENTENCE = 2000  # characters; longer "sentences" are lists or broken text, not reported speech


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    attribution: Attribution


def _trim_end(tokens: list[Token], lo: int, hi: int) -> int:
    while hi > lo and not (tokens[hi - 1].is_word or tokens[hi - 1].text[0].isdigit()):
        hi -= 1
    return hi


def _word_count(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.is_word)


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
        clauses = _complement_clauses(resolver, tokens) or _framed_clauses(resolver, tokens)
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
        if begin >= end or _word_count(tokens[begin:end]) < MIN_WORDS:
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
            hi = _trim_end(tokens, lo, k)
            if _word_count(tokens[lo:hi]) >= MIN_WORDS:
                parts.append((lo, hi))
                lo = j + 1
    if _word_count(tokens[lo:end]) >= MIN_WORDS:
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
                heads.pop()  # "a défendu la mesure en affirmant qu'…": the nearer verb owns the clause
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
    if i >= len(tokens) or c.first == 0 or not _opens_clause(tokens[i], lex):
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
    return _trim_end(tokens, begin, end)


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
    elif speaker is None or not _source(speaker, lex):
        return None
    else:
        attribution = Attribution(speaker, c, cue_before.rule, tokens)
        resolve(resolver, attribution)
    if attribution.mention is None and attribution.entity is None:
        inherit(resolver, attribution, tokens[c.first].start)
    return attribution


def _source(m, lex) -> bool:
    """A speaker phrase that can be a source: ``specific``, or a plural role ("the aides", "analysts")."""
    if specific(m):
        return True
    last = m.text.split()[-1].casefold() if m.kind == "description" and m.text else ""
    return last.endswith("s") and (last[:-1] in lex.role_nouns or last[:-2] in lex.role_nouns)


def _name_like(tok: Token, lex) -> bool:
    return tok.is_capitalized and tok.low not in lex.function_words


def _framed_clauses(resolver: Resolver, tokens: list[Token]) -> list[Clause]:
    """ "…, a annoncé X." and "Selon X, …"."""
    lex, text = resolver.lex, resolver.doc.text
    cues = resolver.cues.find(tokens)
    if not cues:
        return []
    first, last = cues[0], cues[-1]
    if first.kind == "according" and first.first == 0:
        return _according_first(resolver, tokens, first)
    inner = next(
        (
            c
            for c in cues
            if c.kind == "according" and c.first and (tokens[c.first - 1].text == "," or c.first > MIN_WORDS)
        ),
        None,
    )
    if inner is not None:
        return _according_inside(resolver, tokens, inner)
    if (
        last.first < 2
        or last.kind != "verb"
        or last.inherits
        or (lex.grammar.framed_clause_needs_speech_verb and last.lemma in lex.not_speech)
    ):
        return []
    if tokens[last.first - 1].text == ",":
        speaker = speaker_right_of(tokens, last, text, lex)
        comma = last.first - 1
    else:
        if not tail_is_free(tokens, last, lex):
            return []
        k = last.first
        while k > 0 and tokens[k - 1].text != "," and last.first - k < 10:
            k -= 1
        if k == 0 or tokens[k - 1].text != ",":
            return []
        speaker = speaker_left_of(tokens, last, text, lex)
        comma = k - 1
    if speaker is None or not _source(speaker, lex):
        return []
    after = _parenthetical_rest(tokens, max(last.last, _index_after(tokens, speaker.end)), comma, lex)
    if after is not None:
        return _clause(resolver, tokens[after[0]].start, tokens[after[1] - 1].end, speaker, last, sentence_cue.rule)
    end = _trim_end(tokens, 0, comma)
    if _word_count(tokens[:end]) < MIN_WORDS + 1:
        return []
    return _clause(resolver, tokens[0].start, tokens[end - 1].end, speaker, last, sentence_cue.rule)


def _index_after(tokens: list[Token], pos: int) -> int:
    return next((i for i, t in enumerate(tokens) if t.start >= pos), len(tokens))


def _parenthetical_rest(tokens: list[Token], tag_end: int, comma: int, lex) -> tuple[int, int] | None:
    """A tag set off by commas inside the sentence reports what follows it: "Still, she says, most
    orders come from …"; "The plan, he added, would cost …" (the content starts at the verb)."""
    k = next((i for i in range(tag_end, min(len(tokens), tag_end + 4)) if tokens[i].text == ","), None)
    if k is None:
        return None
    end = _trim_end(tokens, k + 1, len(tokens))
    if _word_count(tokens[k + 1 : end]) < MIN_WORDS:
        return None
    head = tokens[k + 1]
    if head.low in lex.clause_breakers:
        return None  # "…, she said, and the talks are over": two clauses, the first one reported
    opens_predicate = (head.low in lex.auxiliaries or head.low in lex.skippable) and not (
        head.low in lex.determiners or head.low in lex.prepositions or head.low in lex.pronouns
    )  # "would cost …", "n'est pas …"; not "chair of …", "who toured …"
    fronted = any(t.low in lex.prepositions for t in tokens[: min(2, comma)])  # "In 2009, he said, …"
    if opens_predicate or fronted or _word_count(tokens[:comma]) <= 2:
        return k + 1, end
    return None


def _according_first(resolver: Resolver, tokens: list[Token], cue: Cue) -> list[Clause]:
    """ "Selon X, CLAUSE" / "According to X, CLAUSE"."""
    speaker = according_source(tokens, cue, resolver.doc.text, resolver.lex)
    comma = next((i for i in range(cue.last, len(tokens)) if tokens[i].text == ","), None)
    if speaker is None or comma is None:
        return []
    end = _trim_end(tokens, comma + 1, len(tokens))
    if _word_count(tokens[comma + 1 : end]) < MIN_WORDS:
        return []
    return _clause(resolver, tokens[comma + 1].start, tokens[end - 1].end, speaker, cue, according_to.rule)


def _according_inside(resolver: Resolver, tokens: list[Token], cue: Cue) -> list[Clause]:
    """ "CLAUSE, according to X." gives the clause before the source; "ADV, selon X, CLAUSE" and
    "A, selon X, B" the clause after it."""
    lex, text = resolver.lex, resolver.doc.text
    speaker = according_source(tokens, cue, text, lex)
    if speaker is None or speaker.text.split()[-1].casefold() in lex.non_sources:
        return []  # "…, selon les saisons": no source
    k = next((i for i in range(cue.last, len(tokens)) if tokens[i].start >= speaker.end), len(tokens))
    rest = _trim_end(tokens, k, len(tokens))
    if k < rest and tokens[k].text == "," and _apposition(tokens, k + 1, lex):
        k = rest  # "…, according to Ann Holt, a spokeswoman for the agency."
    if k >= rest:  # the source ends the sentence: "CLAUSE, selon X." / "CLAUSE selon X."
        end = _trim_end(tokens, 0, cue.first)
        if _word_count(tokens[:end]) < MIN_WORDS + 1:
            return []
        return _clause(resolver, tokens[0].start, tokens[end - 1].end, speaker, cue, according_to.rule)
    if tokens[cue.first - 1].text != "," or tokens[k].text != "," or _word_count(tokens[k + 1 : rest]) < MIN_WORDS:
        return []
    return _clause(resolver, tokens[k + 1].start, tokens[rest - 1].end, speaker, cue, according_to.rule)


def _apposition(tokens: list[Token], i: int, lex) -> bool:
    """ "a spokeswoman", "le président du …": a role after a name, not a clause."""
    if tokens[i].low in lex.determiners and i + 1 < len(tokens):
        i += 1 if tokens[i].low not in lex.indefinites else 0
    return tokens[i].low in lex.indefinites or tokens[i].low in lex.role_nouns


def _clause(resolver: Resolver, start: int, end: int, speaker, cue, rule: str) -> list[Clause]:
    attribution = Attribution(speaker, cue, rule)
    resolve(resolver, attribution)
    return [Clause(start, end, attribution)] if attribution.entity else []
