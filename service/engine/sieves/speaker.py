"""Mention -> speaker: tie the phrase a sieve found to an entity, and settle the quote on it."""

from __future__ import annotations

from ..entities.index import Entity
from ..entities.resolve import Resolver
from ..reading.clauses import sentence_subject
from ..reading.noun_phrase import Mention
from .attribution import Attribution


def speaker_for(
    resolver: Resolver, m: Mention, antecedent: Mention | None = None
) -> tuple[Entity | None, str, str | None]:
    """The entity ``m`` designates, how it was found, and the speaker's role."""
    entity, resolution = resolver.entity_for(m, antecedent)
    return entity, resolution, m.role or (entity.roles[0] if entity and entity.roles else None)


def resolve(resolver: Resolver, a: Attribution) -> None:
    """Resolve the mention ``a`` names its speaker with, and settle the quote on the entity."""
    m = a.mention
    if m is None:
        return
    entity, resolution, role = speaker_for(resolver, m, a.antecedent)
    if entity is None:
        a.entity, a.resolution, a.role = None, resolution, role
    else:
        a.settle(entity, m, role, a.rule, resolution)


def inherit(resolver: Resolver, a: Attribution, pos: int) -> None:
    """Give a hanging clause ("…, ajoutant que", "Et d'ajouter", "…, adding") the speaker it hangs on.

    In order: the quote before it in its sentence, the subject of its sentence, the quote
    before it in its paragraph, the person its paragraph last named.
    """
    doc = resolver.doc
    s_start, _ = doc.sentence(pos)
    p_start, _ = doc.paragraph(pos)
    earlier, earlier_start = None, -1
    for start, end, other in resolver.attributed_before(pos):
        if start < p_start:
            break
        if end <= pos and other.entity is not None:
            earlier, earlier_start = other, start
            break
    if earlier is not None and earlier_start >= s_start:
        a.adopt(earlier)
        return
    subject = sentence_subject(resolver.cues, s_start, pos)
    if subject is not None:
        a.mention = subject
        resolve(resolver, a)
        if a.entity is not None:
            return
    if earlier is not None:
        a.adopt(earlier)
        return
    person = resolver.index.latest(pos, lambda e: e.kind == "person" and e.latest_before(pos) >= p_start)
    if person is not None:
        a.settle(person, None, a.role, a.rule, "name")
