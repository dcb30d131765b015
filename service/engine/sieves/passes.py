"""Sieves over the whole article, for quotes the quote sieves left without a speaker:
the quote before in the same sentence, the subject of the sentence, paragraph chains,
repeated quotes, the sentence before, the previous speaker. ``pipeline.py`` holds their order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..entities.index import plain
from ..entities.resolve import Resolver
from ..reading.clauses import sentence_subject, specific
from ..reading.cues import CueIndex
from ..reading.speaker_phrase import speaker_left_of
from ..text.document import CONTEXT, Document
from ..text.marks import Marked
from .attribution import Attribution
from .registry import RULES, sieve
from .speaker import speaker_for

_LAST_ALNUM = regex.compile(r"(?r)[\p{L}\p{N}]")
CONTINUATION_PARAGRAPHS = 2  # a stand-alone quote inherits a speaker from at most this many paragraphs back


@dataclass
class Article:
    """The article's quotes and their attributions, as the passes read and complete them."""

    doc: Document
    reader: CueIndex
    resolver: Resolver
    marked: list[Marked]
    attributions: list[Attribution]
    chains: list[list[int]]

    def pairs(self) -> Iterator[tuple[Marked, Attribution]]:
        return zip(self.marked, self.attributions, strict=True)


def standalone(doc: Document, q: Marked) -> bool:
    """True when the quote opens its sentence: a statement of its own, not a term inside a sentence."""
    s_start, _ = doc.sentence(q.open_start)
    # searched backwards from the mark: it stops at the nearest letter, never rereads the sentence
    return _LAST_ALNUM.search(doc.text, s_start, q.open_start) is None


# -- right after each quote, in text order ------------------------------------------------------


@sieve("same-sentence", 0.75)
def same_sentence(doc: Document, a: Attribution, q: Marked, before: tuple[Marked, Attribution] | None) -> None:
    """The quote before it in the same sentence: "voyant une « volonté » des élus de « … »"."""
    if (
        before is not None
        and before[1].entity is not None
        and doc.sentence(before[0].open_start) == doc.sentence(q.open_start)
    ):
        a.adopt(before[1], same_sentence.rule)


@sieve("sentence-subject", 0.4)
def sentence_subject_speaker(resolver: Resolver, a: Attribution, q: Marked) -> None:
    """A fragment in a sentence with no reporting verb, whose subject is a named person:
    "Trump openly admires Putin as a “strong leader”". Weak evidence, low confidence."""
    if standalone(resolver.doc, q):
        return
    s_start, _ = resolver.doc.sentence(q.open_start)
    subject = sentence_subject(resolver.cues, s_start, q.open_start)
    if subject is None or subject.kind != "name":
        return
    entity = resolver.named_entity(subject)
    if entity.kind == "person":
        role = subject.role or (entity.roles[0] if entity.roles else None)
        a.settle(entity, subject, role, sentence_subject_speaker.rule, "name")


# -- over the whole article ---------------------------------------------------------------------


def paragraph_chains(doc: Document, marked: list[Marked]) -> list[list[int]]:
    """Quotes that run over paragraphs: a paragraph ends with the quote still open and the next
    opens with a mark (the newswire convention). Each chain lists its quotes' indices."""
    chains: list[list[int]] = []
    for i in range(len(marked) - 1):
        q, nxt = marked[i], marked[i + 1]
        if q.closed or doc.paragraph_index(nxt.open_start) != doc.paragraph_index(q.open_start) + 1:
            continue
        if doc.paragraph(nxt.open_start)[0] != nxt.open_start:
            continue
        if chains and chains[-1][-1] == i:
            chains[-1].append(i + 1)
        else:
            chains.append([i, i + 1])
    return chains


def share_along_chains(article: Article) -> None:
    """One quote over several paragraphs has one speaker: the one its own cue gives."""
    attributions = article.attributions
    for chain in article.chains:
        cued = [attributions[i] for i in chain if attributions[i].entity is not None and attributions[i].cue]
        if not cued:
            continue
        source = max(cued, key=lambda a: a.confidence)
        for i in chain:
            a = attributions[i]
            if a.entity is None or (a.rule == continuation.rule and a.entity is not source.entity):
                a.adopt(source, continuation.rule, "continuation", keep_role=False)


def _key(doc: Document, q: Marked) -> str:
    return " ".join(plain(doc.text[q.start : q.end]).strip(" .,;:!?").split())


@sieve("repeat", 0.7)
def repeat(article: Article) -> None:
    """A quote without a cue that repeats an attributed one (a headline, a pull quote) is that speaker's."""
    doc = article.doc
    by_text: dict[str, Attribution] = {}
    for q, a in article.pairs():
        if a.entity is not None and a.rule != continuation.rule:
            by_text.setdefault(_key(doc, q), a)
    for q, a in article.pairs():
        source = by_text.get(_key(doc, q)) if a.entity is None else None
        if source is not None and source is not a:
            a.adopt(source, repeat.rule, "repeat")


def continuations(article: Article) -> None:
    """Each stand-alone quote still without a speaker, in text order: the sentence before it,
    else the previous speaker nearby."""
    doc = article.doc
    last: tuple[Marked, Attribution] | None = None
    for q, a in article.pairs():
        if a.entity is None and a.rule != repeat.rule and standalone(doc, q):
            previous_sentence(article, q, a)
            if a.entity is None:
                previous_subject(article, q, a)
            if a.entity is None and last is not None:
                continuation(doc, q, a, last)
        if a.entity is not None and a.rule != repeat.rule:
            # a speaker found on weak evidence is not handed on: one doubtful guess stays one
            last = (q, a) if a.confidence >= RULES[continuation.rule].confidence else None


@sieve("previous-sentence", 0.65)
def previous_sentence(article: Article, q: Marked, a: Attribution) -> None:
    """The sentence before names who speaks but quotes nothing:
    "Khalid Mahmood, a Labour MP, said he was worried. “…”"."""
    doc, lex = article.doc, article.doc.lex
    s_start, _ = doc.sentence(q.open_start)
    if s_start == 0:
        return
    p_start, p_end = doc.sentence(s_start - 1)
    if doc.paragraph_index(p_start) < doc.paragraph_index(q.open_start) - 1 or doc.has_quote(p_start, p_end):
        return
    tokens = doc.tokens(max(p_start, p_end - CONTEXT), p_end)
    for c in article.reader.find(tokens):
        if c.kind == "verb" and not c.inherits:
            speaker = speaker_left_of(tokens, c, doc.text, lex)
            if speaker is not None and specific(speaker):
                entity, resolution, role = speaker_for(article.resolver, speaker)
                if entity is not None:
                    a.cue, a.cue_tokens = c, tokens
                    a.settle(entity, speaker, role, previous_sentence.rule, resolution)
                return


@sieve("previous-subject", 0.5)
def previous_subject(article: Article, q: Marked, a: Attribution) -> None:
    """A quote that opens its paragraph after a sentence whose subject is a named person and
    that reports nothing: "La présidente du club, Maud Keller, a soulevé le trophée. ¶ « … »".
    Weaker than a reporting verb: the person may be quoted by someone else."""
    doc = article.doc
    s_start, _ = doc.sentence(q.open_start)
    if s_start == 0 or doc.paragraph(q.open_start)[0] != q.open_start:
        return
    p_start, p_end = doc.sentence(s_start - 1)
    if doc.paragraph_index(p_start) < doc.paragraph_index(q.open_start) - 1 or doc.has_quote(p_start, p_end):
        return
    subject = sentence_subject(article.reader, p_start, p_end)
    if subject is None or subject.kind != "name":
        return
    entity = article.resolver.named_entity(subject)
    if entity.kind == "person":
        a.settle(entity, subject, subject.role, previous_subject.rule, "name")


@sieve("continuation", 0.6)
def continuation(doc: Document, q: Marked, a: Attribution, last: tuple[Marked, Attribution]) -> None:
    """The previous attributed quote, at most two paragraphs back, goes on."""
    if doc.paragraph_index(q.open_start) - doc.paragraph_index(last[0].open_start) <= CONTINUATION_PARAGRAPHS:
        a.adopt(last[1], continuation.rule, "continuation", keep_role=False)
