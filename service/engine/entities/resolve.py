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
from ..reading.noun_phrase import Mention
from .descriptions import determiner_of, referent
from .index import Entity, EntityIndex
from .names import gender_source, scan_names
from .pronouns import pronoun_antecedent
from .roles import scan_roles

_FEW_PEOPLE = 64  # the single-person fallback reads this many entities at most
_QUOTES_BACK = 64  # attributed quotes read back from a position, for a pronoun or a hanging clause
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
        self.index = EntityIndex(self.lex.name_suffixes, self.lex.first_name_gender)
        # (start, end, attribution) of the quotes attributed so far, in text order; the pipeline appends
        self.attributed: list[tuple[int, int, Attributed]] = []
        self.org_types: dict[str, list[Mention]] | None = None  # organisation noun -> names it introduced
        scan_names(self.doc, self.index)
        scan_roles(self)

    def entity_for(self, m: Mention, antecedent: Mention | None = None) -> tuple[Entity | None, str]:
        """The entity a mention designates, and how it was found (name, pronoun, description)."""
        if m.kind == "name":
            return self.named_entity(m), "name"
        if m.kind == "pronoun":
            entity = self.entity_for(antecedent)[0] if antecedent is not None else pronoun_antecedent(self, m)
            if entity:
                self.index.mention(entity, m.start, m.end, m.gender, "pronoun")
            return entity, "pronoun"
        return self.described_entity(m), "description"

    def described_entity(self, m: Mention) -> Entity:
        index = self.index
        det = determiner_of(self, m)
        entity = referent(self, m, det)
        if entity is None and m.person is False:
            fuller = self._earlier_description(m)
            if fuller is not None:  # "Le ministère belge de la Santé a publié … a noté le ministère"
                entity = index.organization(fuller.text, fuller.start, fuller.end)
        if entity is None:
            entity = index.organization(m.text, m.start, m.end)
            if m.person is not False and m.head not in self.lex.document_nouns:
                entity.kind = "person"
                entity.learn_gender(m.gender, "role noun")  # "the spokeswoman", "la ministre"
        else:
            index.mention(entity, m.start, m.end, m.gender, "role noun")
            if entity.kind == "person" or m.head in self.lex.spokesperson_nouns:
                entity.add_role(m.role)  # an organisation speaks with its spokesperson's role
        return entity

    def only_person_named(self, m: Mention) -> Entity | None:
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
            index.person(m.text, m.start, m.end, m.gender, m.role, gender_source(self.doc.text, m, self.lex))
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
        floor = doc.paragraph_start(m.start, 2)
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
