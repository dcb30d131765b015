"""Who a pronoun designates: the subject of a recent reporting verb, else the latest
compatible person mentioned, or a speaker quoted just before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang.lexicon import Lexicon, fold
from ..reading.clauses import sentence_subject, specific
from ..reading.cues import Cue, find_cue_word
from ..reading.noun_phrase import Mention
from ..reading.speaker_phrase import speaker_left_of, speaker_right_of
from ..text.document import CONTEXT
from ..text.tokens import Token
from .index import Entity, name_words

_TOPIC_LEAD = 4  # words a subject phrase may put before its name: "La demi-centre Ada Sy"
_RECENT = 64  # an entity's latest mentions read to find where one ends
_CLAUSE = Mention("description", "", 0, 0)  # what an inverted verb is followed by: a clause, no subject
_OPENING = 3  # words and a comma a sentence may open with before its subject: "Still,", "En revanche,"

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
    # "Déçu par le vote du maire X, il déclara": il is not X
    person = r.index.by_pronoun(m.gender, s_start if fronted else m.start, lambda e: agrees(m.gender, e, r.lex))
    person_at = person.latest_before(m.start) if person else -1
    p_start = r.doc.paragraph_start(m.start, 1)
    for start, _, other in r.attributed_before(m.start + CONTEXT):
        at = other.mention.start if other.mention else start
        if start < p_start or at < person_at:
            break
        entity = other.entity
        if entity is not None and at < m.start and agrees(m.gender, entity, r.lex):
            return entity
    return person


def recent_speaker(r: Resolver, m: Mention) -> Entity | None:
    """The named subject of the nearest reporting verb before a pronoun, in its sentence or
    the three before: in "Sen. Perdue said he doubted it. “…,” he said", he is Perdue; failing
    a reporting verb, the subject or the topic of such a sentence."""
    doc = r.doc
    start, end = doc.sentence(m.start)[0], m.start
    floor = doc.paragraph_start(m.start, 1)
    for back in range(4):
        found = _reporting_subject(r, m, start, end)
        if found is None and (back or (end - start > 2 and not doc.has_quote(start, end))):
            found = _plain_subject(r, m, start, end)  # the subject of a sentence that reports nothing is salient too
        if found is None:
            topic = sentence_topic(r, start, end)
            found = topic if topic is not None and agrees(m.gender, topic, r.lex) else None
        if found is not None or start <= floor:
            return found
        start, end = doc.sentence(start - 1)[0], start
    return None


def _reporting_subject(r: Resolver, m: Mention, start: int, end: int) -> Entity | None:
    """The first subject of a reporting verb in ``text[start:end]`` that ``m`` may designate."""
    doc, lex = r.doc, r.lex
    tokens = doc.outside_quotes(doc.tokens(max(start, end - CONTEXT), end))
    subjects = (  # read lazily: the first that answers ends the search
        _cue_subject(tokens, c, doc.text, lex)
        for c in r.cues.find(tokens)
        if c.kind == "verb" and not c.pronoun and not c.inherits
    )
    for subject in subjects:
        if subject is _CLAUSE:
            # "Ada Sy, the coach at … and a former …, said the club would…": the verb's subject is
            # the name the sentence opens with, whatever its apposition
            topic = sentence_topic(r, start, end)
            if topic is not None and agrees(m.gender, topic, lex):
                return topic
        elif subject is not None and subject.kind == "name":
            entity = r.named_entity(subject)
            if agrees(m.gender, entity, lex) and (
                entity.kind == "person" or lex.grammar.organizations_are_pronoun_antecedents
            ):
                return entity
        if subject is not None and subject.kind == "description" and (specific(subject) or plural(r, subject)):
            # "ajoute le rapport qui souligne que …, selon lui, …"
            entity = r.described_entity(subject)
            if agrees(m.gender, entity, lex) and (m.gender == "p") == plural(r, subject):
                return entity
    return None


def _plain_subject(r: Resolver, m: Mention, start: int, end: int) -> Entity | None:
    """The subject of a sentence's first verb when it is a person's name."""
    subject = sentence_subject(r.cues, start, end)
    if subject is None or subject.kind != "name":
        return None
    entity = r.named_entity(subject)
    return entity if entity.kind == "person" and agrees(m.gender, entity, r.lex) else None


def _cue_subject(tokens: list[Token], c: Cue, text: str, lex: Lexicon) -> Mention | None:
    """The subject of a reporting verb: after a comma it follows the verb ("…, explique Joechen
    Zaumseil"), unless the sentence opens with a name and its apposition before that comma
    ("Ada Sy, a hydrologist, said the agency had…"; "Still, Ada Sy, who…, said")."""
    if c.first == 0 or tokens[c.first - 1].text == ",":
        left = speaker_left_of(tokens, c, text, lex) if c.first else None
        if left is not None and left.kind == "name":
            k = next(i for i, t in enumerate(tokens) if t.end > left.start)
            if k == 0 or (k <= _OPENING and tokens[k - 1].text == ","):
                return left
        right = speaker_right_of(tokens, c, text, lex)
        if (
            right is not None
            and right.kind != "name"
            and any(t.low in lex.auxiliaries for t in tokens[c.last :] if right.start <= t.start < right.end)
        ):
            return _CLAUSE  # "…, said the museum would not close": a clause, not the verb's subject
        return right
    return speaker_left_of(tokens, c, text, lex)


def sentence_topic(r: Resolver, start: int, end: int) -> Entity | None:
    """The person a sentence is about, read before ``end``: the name a topic marker fronts ("As
    for the coach, Ann Ruiz, she…", "Quant à Ann Ruiz, elle…"), or the name its subject phrase
    opens with ("Le négociant Paul Ruiz, lui, doute…", "Coach Ann Ruiz stayed…"); not a name
    after a preposition, a verb or a comma ("After meeting Ruiz, he…")."""
    doc, lex = r.doc, r.lex
    tokens = doc.outside_quotes(doc.tokens(start, min(end, start + CONTEXT)))
    lows = tuple(t.low for t in tokens[:3])
    marked = next((len(mark) for mark in lex.topic_markers if lows[: len(mark)] == mark), 0)
    if marked >= len(tokens):
        return None
    found = r.index.first_in(tokens[marked].start, end)
    if found is None or found[1].kind != "person":
        return None
    pos, entity = found
    lead = [t for t in tokens[marked : _TOPIC_LEAD + marked + 4] if t.start < pos]
    if len(lead) > (_TOPIC_LEAD + 4 if marked else _TOPIC_LEAD) or any(
        t.text in ".;:!?"
        or (not marked and (t.text == "," or t.low in lex.prepositions))
        or t.low in lex.auxiliaries
        or find_cue_word(t, lex)
        for t in lead
    ):
        return None
    after = next((e for s, e in reversed(entity.mentions[-_RECENT:]) if s == pos), pos)
    if doc.text.startswith(lex.possessive_endings, after):
        return None  # "Ann Ruiz's coach said": the coach is the subject
    return entity


def plural(r: Resolver, m: Mention) -> bool:
    """A plural description: "the protesters" where a final s says so, "les syndicats", "these
    officials" where the determiner before it does."""
    if m.gender == "p" or (r.lex.grammar.plural_by_final_s and (m.head or "").endswith("s")):
        return True
    before = r.doc.text[max(0, m.start - 12) : m.start].split()
    return bool(before) and fold(before[-1]) in r.lex.plural_determiners


def agrees(gender: str, entity: Entity, lex: Lexicon) -> bool:
    """A pronoun of ``gender`` may designate ``entity``: "it" never a person; "he" or "she" an
    organisation only where the language says so ("il" is a ministry too), nor a name made with
    an organisation noun ("the Pacific Command"); "I" never one."""
    grammar = lex.grammar
    if entity.kind == "organization":
        # a lone capitalised word ("Cruz") may be a surname the article never gave in full
        lone_name = " " not in entity.name and entity.name[:1].isupper() and not entity.name.isupper()
        return gender in ("n", "p") or (
            gender in ("", "m", "f") and (grammar.organizations_are_pronoun_antecedents or lone_name)
        )
    if gender == "n":
        return False
    if (
        gender in ("m", "f")
        and not grammar.organizations_are_pronoun_antecedents
        and any(w in lex.organization_nouns for w in name_words(entity.name))
    ):
        return False
    return gender in ("", "x", "p") or entity.likely_gender()[0] in ("", gender)
