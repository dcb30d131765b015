"""Who a pronoun designates: the subject of a recent reporting verb, else the latest
compatible person mentioned, or a speaker quoted just before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..reading.clauses import sentence_subject, specific
from ..reading.noun_phrase import Mention
from ..reading.speaker_phrase import speaker_left_of, speaker_right_of
from ..text.document import CONTEXT
from .index import Entity

if TYPE_CHECKING:
    from .resolve import Resolver


def pronoun_antecedent(r: Resolver, m: Mention) -> Entity | None:
    """The subject of a recent reporting verb, else the latest compatible person mentioned,
    or a speaker quoted after it (a ministry is "il" too)."""
    recent = recent_speaker(r, m)
    if recent is not None:
        return recent
    s_start, _ = r.doc.sentence(m.start)
    text, i = r.doc.text, m.start
    while i > s_start and text[i - 1].isspace():
        i -= 1  # read back from the pronoun, never the whole sentence
    fronted = i > s_start and text[i - 1] == ","
    # "Surpris par la politique du président X, il déclara": il is not X
    person = r.index.by_pronoun(m.gender, s_start if fronted else m.start)
    person_at = person.latest_before(m.start) if person else -1
    p_start = r.doc.paragraphs[max(0, r.doc.paragraph_index(m.start) - 1)][0]
    for start, _, other in r.attributed_before(m.start + CONTEXT):
        at = other.mention.start if other.mention else start
        if start < p_start or at < person_at:
            break
        entity = other.entity
        if entity is not None and at < m.start and agrees(m.gender, entity):
            return entity
    return person


def recent_speaker(r: Resolver, m: Mention) -> Entity | None:
    """The named subject of the nearest reporting verb before a pronoun, in its sentence or
    the three before: in "Sen. Perdue said he doubted it. “…,” he said", he is Perdue."""
    doc, lex = r.doc, r.lex
    start, end = doc.sentence(m.start)[0], m.start
    floor = doc.paragraphs[max(0, doc.paragraph_index(m.start) - 1)][0]
    for back in range(4):
        tokens = doc.outside_quotes(doc.tokens(max(start, end - CONTEXT), end))
        subjects = [
            # "…, explique Joechen Zaumseil": after a comma the subject follows the verb
            speaker_right_of(tokens, c, doc.text, lex)
            if c.first == 0 or tokens[c.first - 1].text == ","
            else speaker_left_of(tokens, c, doc.text, lex)
            for c in r.cues.find(tokens)
            if c.kind == "verb" and not c.pronoun and not c.inherits
        ]
        for subject in subjects:
            if subject is not None and subject.kind == "name":
                entity = r.named_entity(subject)
                if agrees(m.gender, entity) and (
                    entity.kind == "person" or lex.grammar.organizations_are_pronoun_antecedents
                ):
                    return entity
            if subject is not None and subject.kind == "description" and specific(subject):
                # "ajoute le documentaire qui précise que …, selon lui, …"
                entity = r.described_entity(subject)
                if agrees(m.gender, entity):
                    return entity
        if back or (end - start > 2 and not doc.has_quote(start, end)):  # its subject is salient too
            subject = sentence_subject(r.cues, start, end)
            if subject is not None and subject.kind == "name":
                entity = r.named_entity(subject)
                if entity.kind == "person" and agrees(m.gender, entity):
                    return entity
        if start <= floor:
            return None
        start, end = doc.sentence(start - 1)[0], start
    return None


def agrees(gender: str, entity: Entity) -> bool:
    """A pronoun of ``gender`` may designate ``entity``."""
    if entity.kind == "organization":
        return gender != "x"
    return gender in ("", "x") or not entity.gender or entity.gender == gender
