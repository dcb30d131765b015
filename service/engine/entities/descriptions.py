"""What a description stands for: a role noun or an epithet for the person just named, a
common noun or a spokesperson for the organisation named, a document for its author. An
indefinite description introduces someone new; a possessed one is never its possessor."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..lang.lexicon import fold
from ..reading.clauses import sentence_subject
from ..reading.noun_phrase import Mention, is_name_word, parse
from .index import Entity

if TYPE_CHECKING:
    from .resolve import Resolver

_SALIENT_SENTENCES = 3  # sentences read back for the person a role noun or an epithet stands for


def referent(r: Resolver, m: Mention, det: str) -> Entity | None:
    """The entity named earlier that a description stands for. An indefinite one ("a
    spokesman", "un témoin") introduces someone new, unless it speaks for a named
    organisation; a possessed one ("his wife") is never its possessor."""
    lex, index = r.lex, r.index
    org = spoken_for(r, m)
    if det in lex.indefinites:
        return org
    entity = index.by_description(m.head, m.age, m.person, m.start)
    if entity is not None or org is not None:
        return entity or org
    if m.head in lex.document_nouns:
        return author(r, m)
    if m.person is False:
        typed = typed_organization(r, m)
        if typed is not None:
            return typed
        return named_organization(r, m.start) if bare(r, m) else None
    if det in lex.possessive_determiners:
        return None
    if (m.person or m.age or epithet(r, m)) and bare(r, m):
        return salient_person(r, m) or r.only_person_named(m)
    return r.only_person_named(m) if m.person else None


def typed_organization(r: Resolver, m: Mention) -> Entity | None:
    """The organisation the article named with the same common noun: "l'agence Moody's … l'agence
    de notation", "the carrier Skyline Air … the carrier"; the latest before, two paragraphs back at most."""
    if r.org_types is None:
        r.org_types = _typed_names(r)
    floor = r.doc.paragraph_start(m.start, 2)
    named = [n for n in r.org_types.get(m.head or "", ()) if floor <= n.start < m.start]
    return r.named_entity(named[-1]) if named else None


def _typed_names(r: Resolver) -> dict[str, list[Mention]]:
    """Each organisation noun directly followed (after at most two adjectives) by a name:
    "le groupe laitier Montalait", "la chaîne France 24", "the carrier Vantor Rail"."""
    doc, lex = r.doc, r.lex
    tokens, out = doc.all_tokens, {}
    for i, low in enumerate(doc.lows):
        if low not in lex.organization_nouns:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 2 and tokens[j].is_word and not tokens[j].is_capitalized:
            if tokens[j].low in lex.function_words:
                break
            j += 1
        k = j
        while k < len(tokens) and k - j < 5 and (is_name_word(tokens[k], lex) or tokens[k].text.isdigit()):
            k += 1
        if k > j and is_name_word(tokens[j], lex):
            name = Mention("name", doc.text[tokens[j].start : tokens[k - 1].end], tokens[j].start, tokens[k - 1].end)
            name.person = False
            out.setdefault(low, []).append(name)
    return out


def epithet(r: Resolver, m: Mention) -> bool:
    """ "the 64-year-old", "la septuagénaire": a word for a person of some age or sex."""
    words = fold(m.text).replace("-", " ").split()
    return any(w in r.lex.epithet_nouns for w in words) or "-".join(words[1:]) in r.lex.epithet_nouns


def bare(r: Resolver, m: Mention) -> bool:
    """A role noun or an epithet alone ("the writer", "the 64-year-old", "la commerçante
    landaise"): a description qualified further ("the New Jersey governor") is kept."""
    words = m.text.split()
    for i, w in enumerate(words[1:], 1):
        if fold(w) in r.lex.role_ends:
            words = words[:i]  # "l'armateur dans une note": an adjunct, not a qualifier
            break
    extra = words[1:] if not epithet(r, m) else []
    if r.lex.grammar.adjectives_follow_noun and len(extra) == 1 and extra[0].islower():
        extra = [] if fold(extra[0]) not in r.lex.prepositions else extra
    return not extra


def determiner_of(r: Resolver, m: Mention) -> str:
    before = r.doc.tokens(max(0, m.start - 24), m.start)
    return before[-1].low if before else ""


def complement(r: Resolver, m: Mention) -> Mention | None:
    """What follows the head's preposition: "a spokeswoman for [the trust]"."""
    tokens = r.doc.tokens(m.start, m.end)
    for i, tok in enumerate(tokens[1:], 1):
        if tok.low in r.lex.prepositions:
            return parse(tokens[i + 1 :], r.doc.text, r.lex)
    return None


def spoken_for(r: Resolver, m: Mention) -> Entity | None:
    """The organisation a spokesperson speaks for: "le porte-parole de l'interprofession"."""
    if m.head not in r.lex.spokesperson_nouns:
        return None
    inner = complement(r, m)
    if inner is None or inner.person:
        return None
    if inner.kind == "name":
        return r.named_entity(inner) if not r.index.known_person(inner.text) else None
    if inner.kind == "description" and inner.person is False:
        return r.described_entity(inner)
    return None


def author(r: Resolver, m: Mention) -> Entity | None:
    """Who wrote a document: "the report by the comptroller's office", else the organisation
    the sentence before names as its subject when that sentence speaks of the document too
    ("The office published an audit. The audit found …"); failing both, the document speaks."""
    inner = complement(r, m)
    if inner is not None and inner.kind == "name":
        return r.named_entity(inner)
    start = r.doc.sentence(m.start)[0]
    if start == 0:
        return None
    before = fold(r.doc.text[r.doc.sentence(start - 1)[0] : start]).replace("'", " ").split()
    if not any(w in r.lex.document_nouns for w in before):
        return None  # the sentence before speaks of no document: its subject did not write this one
    for subject in subjects_before(r, m.start, 1):
        if subject.kind == "name":
            return as_organization(r, subject)
        if subject.person is False and subject.head not in r.lex.document_nouns:
            return r.described_entity(subject)  # "L'Observatoire des lagunes a publié son bilan"
    return None


def as_organization(r: Resolver, subject: Mention) -> Entity | None:
    """The entity a named subject is, when it may be an organisation: a name of two words
    looks like a person's until a common noun ("the firm") or a document says otherwise."""
    if subject.role:
        return None
    entity = r.named_entity(subject)
    if entity.kind == "person" and (entity.likely_gender()[0] or entity.roles or entity.quotes):
        return None
    entity.kind = "organization"
    return entity


def named_organization(r: Resolver, pos: int) -> Entity | None:
    """The organisation named last, in this paragraph or the one before ("the firm"): one
    already known, else the named subject of a sentence just before."""
    floor = r.doc.paragraph_start(pos, 1)
    known = r.index.latest(
        pos, lambda e: e.kind == "organization" and e.name[:1].isupper() and e.latest_before(pos) >= floor
    )
    if known is not None:
        return known
    for subject in subjects_before(r, pos, 2):
        if subject.kind == "name":
            return as_organization(r, subject)
    return None


def subjects_before(r: Resolver, pos: int, sentences: int) -> Iterator[Mention]:
    """The subjects of the sentences before ``pos``, nearest first, in its paragraph or the one before."""
    doc = r.doc
    floor = doc.paragraph_start(pos, 1)
    start = doc.sentence(pos)[0]
    for _ in range(sentences):
        if start <= floor:
            return
        start, end = doc.sentence(start - 1)[0], start
        subject = sentence_subject(r.cues, start, end)
        if subject is not None:
            yield subject


def salient_person(r: Resolver, m: Mention) -> Entity | None:
    """The person a role noun or an epithet stands for: the named subject of a sentence just
    before ("Ama Boateng won the race. … the 34-year-old said"), when its gender agrees."""
    for subject in subjects_before(r, m.start, _SALIENT_SENTENCES):
        if subject.kind != "name":
            continue
        entity = r.named_entity(subject)
        if entity.kind == "person" and (not m.gender or not entity.gender or m.gender == entity.gender):
            return entity
    return None
