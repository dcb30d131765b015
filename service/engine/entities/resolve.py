"""From a mention to a speaker: by name, by description, by pronoun (mention -> speaker).

Resolution reads the entity index and the quotes attributed so far; it never writes an
attribution. Entities and their mentions are created here as a side effect of resolving.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from operator import itemgetter
from typing import Protocol

from ..reading.clauses import sentence_subject
from ..reading.cues import CueIndex
from ..reading.noun_phrase import Mention, parse
from ..text.tokens import Token
from .index import Entity, EntityIndex
from .names import scan_names
from .pronouns import pronoun_antecedent

_FEW_PEOPLE = 64  # the single-person fallback reads this many entities at most
_QUOTES_BACK = 64  # attributed quotes read back from a position, for a pronoun or a hanging clause
_APPOSITION_TOKENS = 16  # an apposition stating a role is at most this long
_ROLE_MENTIONS = 4096  # mentions read for the roles stated beside them: a flood costs no more
_SALIENT_SENTENCES = 3  # sentences read back for the person a role noun or an epithet stands for
_BEFORE_APPOSITION = frozenset(",;:.()")
_start = itemgetter(0)


class Attributed(Protocol):
    """What resolution reads of a quote already attributed."""

    mention: Mention | None
    entity: Entity | None


class Resolver:
    """The article's entities, and the way from a mention to one of them."""

    def __init__(self, cues: CueIndex) -> None:
        self.cues = cues
        self.doc = cues.doc
        self.lex = cues.doc.lex
        self.index = EntityIndex(self.lex.name_suffixes)
        # (start, end, attribution) of the quotes attributed so far, in text order; the pipeline appends
        self.attributed: list[tuple[int, int, Attributed]] = []
        scan_names(self.doc, self.index)
        self._scan_roles()

    def _scan_roles(self) -> None:
        """Record the roles stated beside a person's name: "La présidente du club, Maud Keller,"
        and "Ivo Brandt, curator at the museum," (without a determiner)."""
        budget = _ROLE_MENTIONS
        for entity in self.index.entities:
            if entity.kind != "person":
                continue
            for start, end in entity.mentions[:budget]:
                for role in (self._role_before(start), self._role_after(end)):
                    entity.add_role(role)
            budget -= len(entity.mentions)
            if budget <= 0:
                return

    def _role_before(self, start: int) -> str | None:
        """ "Le ROLE [complément], Nom": a role phrase that opens a clause and a comma before the name."""
        doc = self.doc
        tokens = doc.tokens(max(doc.sentence(start)[0], start - 200), start)
        if len(tokens) < 3 or tokens[-1].text != ",":
            return None
        k = len(tokens) - 1
        while k > 0 and tokens[k - 1].text not in _BEFORE_APPOSITION and len(tokens) - k < _APPOSITION_TOKENS:
            k -= 1
        seg = tokens[k:-1]
        if not seg or seg[0].low not in self.lex.determiners or seg[0].low in self.lex.indefinites:
            return None
        return self._role_of(seg)

    def _role_after(self, end: int) -> str | None:
        """ "Nom, ROLE [complément]," with or without a determiner."""
        doc = self.doc
        tokens = doc.tokens(end, min(doc.paragraph(end)[1], end + 200))
        if len(tokens) < 3 or tokens[0].text != ",":
            return None
        k = 1
        while k < len(tokens) and tokens[k].text not in _BEFORE_APPOSITION and k <= _APPOSITION_TOKENS:
            k += 1
        return self._role_of(tokens[1:k]) if k < len(tokens) else None

    def _role_of(self, seg: list[Token]) -> str | None:
        if not seg or not seg[0].is_word or seg[0].low in self.lex.pronouns:
            return None
        found = parse(seg, self.doc.text, self.lex)
        if found is None or found.kind != "description" or not found.role or found.head in self.lex.epithet_nouns:
            return None
        return found.role

    def entity_for(self, m: Mention, antecedent: Mention | None = None) -> tuple[Entity | None, str]:
        """The entity a mention designates, and how it was found (name, pronoun, description)."""
        if m.kind == "name":
            return self.named_entity(m), "name"
        if m.kind == "pronoun":
            entity = self.entity_for(antecedent)[0] if antecedent is not None else pronoun_antecedent(self, m)
            if entity:
                self.index.mention(entity, m.start, m.end)
            return entity, "pronoun"
        return self.described_entity(m), "description"

    def described_entity(self, m: Mention) -> Entity:
        index = self.index
        entity = index.by_description(m.head, m.age, m.person, m.start)
        if entity is None and m.person:
            entity = self._only_person_named(m)
        if entity is None and m.person is False:
            fuller = self._earlier_description(m)
            if fuller is not None:  # "Le ministère belge de la Santé a publié … a noté le ministère"
                entity = index.organization(fuller.text, fuller.start, fuller.end)
        if entity is None:
            entity = index.organization(m.text, m.start, m.end)
            if m.person is not False:
                entity.kind = "person"
        else:
            index.mention(entity, m.start, m.end)
            entity.add_role(m.role)
        return entity

    def _only_person_named(self, m: Mention) -> Entity | None:
        """ "le ministre … a déclaré" in an article that has named one person only (a person:
        someone quoted, or given a title; "New York" looks like a name too)."""
        index = self.index
        people = [
            e
            for e in (index.entities if len(index.entities) <= _FEW_PEOPLE else ())
            if e.kind == "person" and (e.quotes or e.gender) and 0 <= e.first < m.start
        ]
        if (
            len(people) == 1
            and not people[0].roles
            and (not m.gender or not people[0].gender or people[0].gender == m.gender)
        ):
            return people[0]
        return None

    def named_entity(self, m: Mention) -> Entity:
        """The entity a name designates: a person (by surname) or an organisation."""
        index = self.index
        person = m.person
        if person is None:
            person = index.known_person(m.text) or " " in m.text
        entity = (
            index.person(m.text, m.start, m.end, m.gender, m.role)
            if person
            else index.organization(m.text, m.start, m.end)
        )
        entity.add_role(m.role)
        if m.age:
            entity.ages.add(m.age)
        return entity

    def _earlier_description(self, m: Mention) -> Mention | None:
        """A fuller description with the same head noun as the subject of a recent sentence."""
        doc = self.doc
        start = doc.sentence(m.start)[0]
        floor = doc.paragraphs[max(0, doc.paragraph_index(m.start) - 2)][0]
        for _ in range(6):
            if start <= floor:
                return None
            start, end = doc.sentence(start - 1)[0], start
            subject = sentence_subject(self.cues, start, end)
            if subject is not None and subject.head == m.head and len(subject.text) > len(m.text):
                return subject
        return None

    def attributed_before(self, pos: int) -> Iterator[tuple[int, int, Attributed]]:
        """The attributed quotes that start before ``pos``, nearest first, a bounded number of them."""
        i = bisect.bisect_left(self.attributed, pos, key=_start)
        for k in range(i - 1, max(-1, i - 1 - _QUOTES_BACK), -1):
            yield self.attributed[k]
