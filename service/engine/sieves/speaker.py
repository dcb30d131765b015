"""Mention -> speaker: tie the phrase a sieve found to an entity, and settle the quote on it."""

from __future__ import annotations

from ..entities.index import Entity
from ..entities.resolve import Resolver
from ..reading.clauses import sentence_subject
from ..reading.noun_phrase import Mention, parse
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
    subject = framed_subject(resolver, a) or sentence_subject(resolver.cues, s_start, pos)
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


_FRAME_REACH = 16  # tokens between "with" and the participle it frames


def framed_subject(resolver: Resolver, a: Attribution) -> Mention | None:
    """The subject a participle frame gives its participle: "…, with analyst Tendai Moyo saying";
    after an apposition, the name it ends with ("with the leader of
    the union, Pieter Van Damme, warning")."""
    if a.cue is None or not a.cue_tokens:
        return None
    tokens, lex = a.cue_tokens, resolver.lex
    end = a.cue.first
    while end > 0 and tokens[end - 1].text == ",":
        end -= 1
    k = end - 1
    while k >= 0 and end - k <= _FRAME_REACH and tokens[k].low not in lex.participle_frames:
        if tokens[k].low in lex.clause_breakers or tokens[k].text in ";:.":
            return None
        k -= 1
    if k < 1 or tokens[k].low not in lex.participle_frames or k + 1 >= end or tokens[k - 1].text != ",":
        return None  # "met with Cruz, saying": an object, not a frame opened after a comma
    parts, start = [], k + 1
    for i in range(k + 1, end + 1):
        if i == end or tokens[i].text == ",":
            if i > start:
                parts.append(tokens[start:i])
            start = i + 1
    for part in reversed(parts):
        found = parse(part, resolver.doc.text, lex)
        if found is not None and found.kind == "name":
            return found
    found = parse(parts[0], resolver.doc.text, lex) if len(parts) == 1 else None
    return found if found is not None and found.kind == "description" and found.role else None
