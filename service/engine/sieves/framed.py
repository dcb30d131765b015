"""Reported speech framed by its source outside a complement clause: "…, a annoncé X.",
"CLAUSE, X said.", "Selon X, …", "…, according to X.", "ADV, selon X, CLAUSE", and a tag set off by
commas inside the sentence ("A, she added, B": the content is B)."""

from __future__ import annotations

from dataclasses import dataclass

from ..entities.resolve import Resolver
from ..reading.clauses import specific
from ..reading.cues import Cue
from ..reading.speaker_phrase import according_source, speaker_left_of, speaker_right_of, tail_is_free
from ..text.tokens import Token
from .attribution import Attribution
from .quote import according_to, sentence_cue
from .speaker import resolve

MIN_WORDS = 3


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    attribution: Attribution


def trim_end(tokens: list[Token], lo: int, hi: int) -> int:
    while hi > lo and not (tokens[hi - 1].is_word or tokens[hi - 1].text[0].isdigit()):
        hi -= 1
    return hi


def word_count(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.is_word)


def is_source(m, lex) -> bool:
    """A speaker phrase that can be a source: ``specific``, or a plural role ("the aides", "analysts")."""
    if specific(m):
        return True
    last = m.text.split()[-1].casefold() if m.kind == "description" and m.text else ""
    return last.endswith("s") and (last[:-1] in lex.role_nouns or last[:-2] in lex.role_nouns)


def framed_clauses(resolver: Resolver, tokens: list[Token]) -> list[Clause]:
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
    if speaker is None or not is_source(speaker, lex):
        return []
    after = _parenthetical_rest(tokens, max(last.last, _index_after(tokens, speaker.end)), comma, lex)
    if after is not None:
        return _clause(resolver, tokens[after[0]].start, tokens[after[1] - 1].end, speaker, last, sentence_cue.rule)
    end = trim_end(tokens, 0, comma)
    if word_count(tokens[:end]) < MIN_WORDS + 1:
        return []
    return _clause(resolver, tokens[0].start, tokens[end - 1].end, speaker, last, sentence_cue.rule)


def _index_after(tokens: list[Token], pos: int) -> int:
    return next((i for i, t in enumerate(tokens) if t.start >= pos), len(tokens))


def _parenthetical_rest(tokens: list[Token], tag_end: int, comma: int, lex) -> tuple[int, int] | None:
    """A tag set off by commas inside the sentence reports what follows it: "Still, she says, most
    orders come from …"; "The plan, he added, would cost …" (the content starts at the verb)."""
    k = next((i for i in range(tag_end, min(len(tokens), tag_end + 4)) if tokens[i].text == ","), None)
    if k is not None and _role_follows(tokens, k + 1, lex):
        # "…, said X, minister of …, CLAUSE": past the apposition
        k = next((i for i in range(k + 2, min(len(tokens), k + 14)) if tokens[i].text == ","), None)
    if k is None:
        return None
    end = trim_end(tokens, k + 1, len(tokens))
    if word_count(tokens[k + 1 : end]) < MIN_WORDS:
        return None
    head = tokens[k + 1]
    if head.low in lex.clause_breakers:
        return None  # "…, she said, and the talks are over": two clauses, the first one reported
    opens_predicate = (head.low in lex.auxiliaries or head.low in lex.skippable) and not (
        head.low in lex.determiners or head.low in lex.prepositions or head.low in lex.pronouns
    )  # "would cost …", "n'est pas …"; not "chair of …", "who toured …"
    fronted = any(t.low in lex.prepositions for t in tokens[: min(2, comma)])  # "In 2009, he said, …"
    if opens_predicate or fronted or word_count(tokens[:comma]) <= 2:
        return k + 1, end
    return None


def _role_follows(tokens: list[Token], i: int, lex) -> bool:
    """ "ministre des Affaires étrangères", "the head of …": a role noun, with its determiner."""
    if i < len(tokens) and tokens[i].low in lex.determiners:
        i += 1
    return i < len(tokens) and tokens[i].low in lex.role_nouns


def _according_first(resolver: Resolver, tokens: list[Token], cue: Cue) -> list[Clause]:
    """ "Selon X, CLAUSE" / "According to X, CLAUSE"."""
    speaker = according_source(tokens, cue, resolver.doc.text, resolver.lex)
    comma = next((i for i in range(cue.last, len(tokens)) if tokens[i].text == ","), None)
    if speaker is None or comma is None:
        return []
    end = trim_end(tokens, comma + 1, len(tokens))
    if word_count(tokens[comma + 1 : end]) < MIN_WORDS:
        return []
    return _clause(resolver, tokens[comma + 1].start, tokens[end - 1].end, speaker, cue, according_to.rule)


def _according_inside(resolver: Resolver, tokens: list[Token], cue: Cue) -> list[Clause]:
    """ "CLAUSE, according to X." gives the clause before the source; "ADV, selon X, CLAUSE" and
    "A, selon X, B" the clause after it."""
    lex, text = resolver.lex, resolver.doc.text
    speaker = according_source(tokens, cue, text, lex)
    if speaker is None or speaker.text.split()[-1].casefold() in lex.non_sources:
        return []  # "…, selon les saisons": no source
    k = _index_after(tokens, speaker.end)  # the source lies after the cue
    rest = trim_end(tokens, k, len(tokens))
    if k < rest and tokens[k].text == "," and _apposition(tokens, k + 1, lex):
        k = rest  # "…, according to Ann Holt, a spokeswoman for the agency."
    if k >= rest:  # the source ends the sentence: "CLAUSE, selon X." / "CLAUSE selon X."
        end = trim_end(tokens, 0, cue.first)
        if word_count(tokens[:end]) < MIN_WORDS + 1:
            return []
        return _clause(resolver, tokens[0].start, tokens[end - 1].end, speaker, cue, according_to.rule)
    if tokens[cue.first - 1].text != "," or tokens[k].text != "," or word_count(tokens[k + 1 : rest]) < MIN_WORDS:
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
