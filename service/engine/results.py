"""From attributions to the result types: quote type, spans, ids, the speakers list."""

from __future__ import annotations

import bisect

import regex

from .entities.index import Entity, EntityIndex, plain
from .lang.lexicon import Lexicon, fold
from .model import Quote, Span, Speaker, SpeakerRef
from .sieves.attribution import Attribution
from .text.document import Document
from .text.marks import Marked

_LOOKED_AT = 64  # an entity's mentions read for a speaker span (bounded)
_GENDERS = {"f": "female", "m": "male"}


def quote_type(doc: Document, q: Marked) -> str:
    """direct when the quote stands as a statement of its own, mixed when it is woven into a sentence."""
    text = doc.text
    s_start, s_end = doc.sentence(q.open_start)
    before = text[max(s_start, q.open_start - 200) : q.open_start].rstrip()
    after = text[q.close_end : min(s_end, q.close_end + 40)].lstrip()
    opens = not before or before[-1] in ':,»”"' or not any(c.isalnum() for c in before)
    closes = not after or after[0] in ",.;!?—–-)" or text[q.end - 1] in ",.;!?…" or (after[0].isupper() and q.closed)
    if before.endswith(("que", "qu'", "qu’", "that")):
        opens = False
    return "direct" if opens and closes else "mixed"


_ROLE_REACH = 160  # characters around a mention of the speaker where its role is read as stated there
_MENTIONS_READ = 256  # mentions of one speaker read for where its roles are stated
_OWN = ("name", "description", "pronoun")  # resolutions of a quote's own speaker phrase


_ROLE_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\-.]*['’]?|\S")


def role_phrase(role: str | None, lex: Lexicon) -> str | None:
    """The role noun phrase in what a reading took for a role: from its first role noun (with the
    words that qualify it, back to a determiner, a date, a number or a verb) to an adjunct
    ("jeudi 3 mars la porte-parole de la mairie" -> "porte-parole de la mairie"). An epithet
    ("l'homme de 71 ans") is no role; a phrase without a role noun is kept as written."""
    if not role:
        return None
    words = [(w.start(), w.end(), fold(w.group())) for w in _ROLE_WORD.finditer(role)]
    heads = [i for i, (_, _, w) in enumerate(words) if _is_role_noun(w, lex)]
    if not heads:
        return None if any(_is_role_noun(w, lex, epithet=True) for _, _, w in words) else role
    h = heads[0]
    first = h
    while first > 0 and _qualifies(words[first - 1][2], lex):
        first -= 1
    last = len(words)
    for i in range(h + 1, len(words)):
        if words[i][2] in lex.role_ends or words[i][2] in ",;:()":
            last = i
            break
    while last > h + 1 and (words[last - 1][2] in lex.determiners or words[last - 1][2] in lex.prepositions):
        last -= 1
    return role[words[first][0] : words[last - 1][1]]


def _is_role_noun(word: str, lex: Lexicon, epithet: bool = False) -> bool:
    word = word.split("'")[-1] or word
    nouns = lex.epithet_nouns if epithet else lex.role_nouns
    return any(w in nouns and (epithet or w not in lex.epithet_nouns) for w in (word, word.split("-")[-1]))


def _qualifies(word: str, lex: Lexicon) -> bool:
    """A word before a role noun that belongs to its phrase ("Russian Foreign", "ancien")."""
    return (
        word[:1].isalpha()
        and word not in lex.determiners
        and word not in lex.prepositions
        and word not in lex.time_words
        and word not in lex.months
        and word not in lex.days
        and word not in lex.verbs
        and word not in lex.according
        and word not in lex.clause_breakers
        and not word.endswith("'")
    )


class RoleBook:
    """Where each speaker's roles are stated, so that every quote of a speaker carries a role:
    the one its own attribution states, else the one stated last before it, else the first
    stated at all ("Le maire de Lunel, Paul Marchand, a confirmé. « … », a-t-il ajouté")."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._lex = doc.lex
        self._stated: dict[str, list[tuple[int, str]]] = {}

    def stated(self, entity: Entity) -> list[tuple[int, str]]:
        """(position, role) for each mention of ``entity`` near which one of its roles is written."""
        found = self._stated.get(entity.id)
        if found is None:
            found = []
            text, roles = self.doc.text, [(r, plain(r)) for r in entity.roles]
            for s, e in sorted(entity.mentions)[-_MENTIONS_READ:]:
                around = plain(text[max(0, s - _ROLE_REACH) : e + _ROLE_REACH])
                found += [(s, role) for role, folded in roles if folded in around]
            found.sort()
            self._stated[entity.id] = found
        return found

    def role(self, a: Attribution, start: int) -> str | None:
        return role_phrase(self._role(a, start), self._lex)

    def _role(self, a: Attribution, start: int) -> str | None:
        if a.entity is None:
            return None
        m = a.mention
        if a.role and m is not None and a.resolution in _OWN and m.role == a.role:
            return a.role  # stated in the quote's own attribution
        stated = self.stated(a.entity)
        i = bisect.bisect_left(stated, (start, ""))
        if i:
            return stated[i - 1][1]
        if stated:
            return stated[0][1]
        return a.role or (a.entity.roles[0] if a.entity.roles else None)


def make_quote(doc: Document, start: int, end: int, kind: str, a: Attribution, roles: RoleBook | None = None) -> Quote:
    """A quote without its id: its speaker, cue and confidence from ``a``; its speaker's role
    from ``roles`` when given."""
    speaker = None
    if a.entity is not None:
        m = a.mention
        at = (m.start, m.end) if m is not None and m.start < m.end else _mention_near(a.entity, start)
        if at is not None:
            role = roles.role(a, start) if roles is not None else a.role
            speaker = SpeakerRef(a.entity.name, a.entity.id, a.entity.kind, role, *at, a.resolution)
    cue = None
    if a.cue is not None and a.cue_tokens:
        first, last = a.cue_tokens[a.cue.first], a.cue_tokens[a.cue.last - 1]
        cue = Span(doc.text[first.start : last.end], first.start, last.end)
    return Quote("", doc.text[start:end], start, end, kind, speaker, cue, a.confidence, a.rule)


def _mention_near(entity: Entity, pos: int) -> tuple[int, int] | None:
    """The speaker's own mention when the rule that found it read none ("Et d'ajouter que …"):
    its latest mention before ``pos``, else its first one. Never an empty span."""
    spans = [(s, t) for s, t in entity.mentions[-_LOOKED_AT:] if s < t]
    before = [span for span in spans if span[0] < pos]
    if before:
        return max(before)
    first = [(s, t) for s, t in entity.mentions[:_LOOKED_AT] if s < t]
    return min(first) if first else None


def numbered(found: list[Quote], continued: dict[int, int]) -> list[Quote]:
    """The quotes in text order with their ids; ``continued`` maps a quote's start to the start of
    the quote it continues across a paragraph break."""
    found = sorted(found, key=lambda q: q.start)
    ids = {q.start: f"q{n}" for n, q in enumerate(found, 1)}
    return [
        Quote(
            ids[q.start],
            q.text,
            q.start,
            q.end,
            q.type,
            q.speaker,
            q.cue,
            q.confidence,
            q.rule,
            ids.get(continued.get(q.start, -1)),
        )
        for q in found
    ]


def speakers(doc: Document, index: EntityIndex, quotes: list[Quote]) -> list[Speaker]:
    """The entities that speak in ``quotes``, with all their mentions."""
    used = {q.speaker.entity for q in quotes if q.speaker}
    out = []
    for e in index.entities:
        if e.id in used:
            spans = [Span(doc.text[s:t], s, t) for s, t in sorted(e.mentions)]
            gender, source = e.likely_gender() if e.kind == "person" else ("", "")
            gender, source = _GENDERS.get(gender), source or None
            out.append(Speaker(e.id, e.name, e.kind, list(e.aliases), list(e.roles), spans, gender, source))
    return out
