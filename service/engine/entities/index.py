"""Merge the mentions of one speaker into one entity.

People are keyed by surname, so "Dmitri Orlov", "Dmitry Orlov", "M. Orlov" and "Orlov"
are one person; two people who share a surname stay apart when their first names differ
(beyond transliteration: Dmitri/Dmitry/Dmitriï, Youri/Yuri). Lookups are by dictionary
and bounded backward walks, so the index stays linear in the number of mentions.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang.lexicon import fold

_BACKWARD_WALK = 40  # mentions looked at when resolving a pronoun or a description
_NAMESAKES = 16  # distinct people one surname may name in an article
_RECENT = 64  # an entity's latest mentions read when asking where it was last mentioned
_NAMES_KEPT = 32  # aliases and roles one entity keeps: an article gives a few, a flood no more work


@lru_cache(maxsize=4096)
def plain(name: str) -> str:
    """Fold case and accents: 'Dmitriï' -> 'dmitrii'."""
    decomposed = unicodedata.normalize("NFKD", fold(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_words(name: str) -> list[str]:
    return [w for w in plain(name).replace("'", " ").replace(".", " ").split() if w]


def _surname(name: str, suffixes: frozenset[str]) -> str:
    words = name_words(name)
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()  # "Joseph R. Biden Jr." is a Biden
    last = words[-1] if words else ""
    return last[:-2] if last.endswith("'s") else last


def _fullness(name: str, suffixes: frozenset[str]) -> tuple[bool, bool, int]:
    """How good a name is as the one a speaker is known by: a first name and a surname first,
    then no generational suffix ("Joe Biden" over "Joseph R. Biden Jr."), then the longest."""
    words = name_words(name)
    suffixed = len(words) > 1 and words[-1] in suffixes
    core = len(words) - suffixed
    return core > 1, not suffixed, core


def _close(a: str, b: str) -> bool:
    """Transliteration variants of one first name (or an initial of it)."""
    if a == b or ((len(a) == 1 or len(b) == 1) and a[0] == b[0]):
        return True
    if a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= 2


@dataclass
class Entity:
    id: str
    name: str
    kind: str  # person | organization
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    _spans: set[tuple[int, int]] = field(default_factory=set)
    first: int = -1  # where the entity is first mentioned
    gender: str = ""  # m | f as the text says it, or ""
    gender_source: str = ""  # how the text says it: title | role noun | pronoun
    name_gender: str = ""  # m | f as the first name usually is: weaker, only pronouns read it
    ages: set[str] = field(default_factory=set)
    quotes: int = 0

    def add_alias(self, name: str, suffixes: frozenset[str] = frozenset()) -> None:
        if name != self.name and name not in self.aliases and len(self.aliases) < _NAMES_KEPT:
            self.aliases.append(name)
        if name in self.aliases and _fullness(name, suffixes) > _fullness(self.name, suffixes):
            self.aliases.append(self.name)
            self.aliases.remove(name)
            self.name = name

    def add_mention(self, start: int, end: int) -> None:
        if (start, end) not in self._spans:
            self._spans.add((start, end))
            self.mentions.append((start, end))
            self.first = start if self.first < 0 else min(self.first, start)

    def latest_before(self, pos: int) -> int:
        """Start of the latest mention before ``pos``. Mentions come nearly in text order, so the
        last few are read; failing those, the first mention answers (bounded, never quadratic)."""
        best = max((s for s, _ in self.mentions[-_RECENT:] if s < pos), default=-1)
        return best if best >= 0 or not (0 <= self.first < pos) else self.first

    def add_role(self, role: str | None) -> None:
        if role and len(self.roles) < _NAMES_KEPT and all(plain(role) != plain(r) for r in self.roles):
            self.roles.append(role)

    def first_name(self) -> str:
        words = name_words(self.name)
        return words[0] if len(words) > 1 else ""

    def learn_gender(self, gender: str, source: str) -> None:
        """Take ``gender`` (m or f) as ``source`` says it, unless the text already said it: the
        first statement stands, and it outranks the first name."""
        if gender in ("m", "f") and not self.gender:
            self.gender, self.gender_source = gender, source

    def likely_gender(self) -> tuple[str, str]:
        """The gender and how it is known: what the text says, else what the first name usually is."""
        if self.gender:
            return self.gender, self.gender_source
        return (self.name_gender, "first name") if self.name_gender else ("", "")


class EntityIndex:
    """All entities of one article, with their mentions in text order."""

    def __init__(self, name_suffixes: frozenset[str] = frozenset(), first_name_gender=None) -> None:
        self.name_suffixes = name_suffixes  # "Jr", "III": never a surname
        self.first_name_gender = first_name_gender or (lambda word: "")  # "marie" -> f
        self.entities: list[Entity] = []
        self._people: dict[str, list[Entity]] = {}  # surname -> people
        self._orgs: dict[str, Entity] = {}
        self._orgs_by_recency: dict[str, Entity] = {}  # entity id -> organisation, latest mentioned last
        self._timeline: list[tuple[int, int, Entity]] = []  # (position, sequence, entity)

    def _new(self, name: str, kind: str) -> Entity:
        entity = Entity(f"e{len(self.entities) + 1}", name, kind)
        self.entities.append(entity)
        return entity

    def _mention(self, entity: Entity, start: int, end: int, gender: str = "", source: str = "title") -> Entity:
        entity.add_mention(start, end)
        if self._orgs_by_recency.pop(entity.id, None) is not None:
            self._orgs_by_recency[entity.id] = entity
        if entity.kind == "person":
            entity.learn_gender(gender, source)
        # the timeline is filled by the article scan, in text order, so appending keeps it sorted
        if not self._timeline or start > self._timeline[-1][0]:
            self._timeline.append((start, len(self._timeline), entity))
        return entity

    def person(
        self, name: str, start: int, end: int, gender: str = "", role: str | None = None, source: str = "title"
    ) -> Entity:
        """The person named ``name`` (a full name or a surname), created if new; ``gender`` is
        what the mention's ``source`` (a title, a role noun) says."""
        words = name_words(name)
        surname = _surname(name, self.name_suffixes)
        first = words[0] if len(words) > 1 else ""
        candidates = self._people.get(surname, [])
        if len(candidates) >= _NAMESAKES:
            first = ""  # so many namesakes is no article, but a flood: keep the work bounded
        match = None
        if first:
            match = next((p for p in candidates if not p.first_name() or _close(first, p.first_name())), None)
        elif candidates:
            match = self.latest(start, lambda e: e in candidates) or candidates[-1]
        if match is None:
            match = self._new(name, "person")
            self._people.setdefault(surname, []).append(match)
        match.add_alias(name, self.name_suffixes)
        match.add_role(role)
        if first and not match.name_gender and len(first) > 1:
            match.name_gender = self.first_name_gender(first)
        return self._mention(match, start, end, gender, source)

    def known_person(self, name: str) -> bool:
        return _surname(name, self.name_suffixes) in self._people

    def organization(self, name: str, start: int, end: int) -> Entity:
        key = " ".join(name_words(name))
        entity = self._orgs.get(key)
        if entity is None:
            entity = self._orgs[key] = self._new(name, "organization")
            self._orgs_by_recency[entity.id] = entity
        return self._mention(entity, start, end)

    def latest(self, before: int, accept) -> Entity | None:
        """The most recently mentioned entity before ``before`` that ``accept`` takes."""
        i = bisect.bisect_left(self._timeline, (before, -1))
        for _, _, entity in reversed(self._timeline[max(0, i - _BACKWARD_WALK) : i]):
            if accept(entity):
                return entity
        return None

    def first_in(self, start: int, end: int) -> tuple[int, Entity] | None:
        """The first entity mentioned in ``text[start:end]`` and where."""
        i = bisect.bisect_left(self._timeline, (start, -1))
        if i < len(self._timeline) and self._timeline[i][0] < end:
            return self._timeline[i][0], self._timeline[i][2]
        return None

    def _latest_org(self, before: int, accept) -> Entity | None:
        """The organisation mentioned last before ``before`` that ``accept`` takes, among the
        latest mentioned few: an article names few organisations, a flood of them costs no more."""
        best, best_pos = None, -1
        for entity in itertools.islice(reversed(self._orgs_by_recency.values()), _BACKWARD_WALK):
            pos = entity.latest_before(before)
            if pos > best_pos and accept(entity):
                best, best_pos = entity, pos
        return best

    def by_pronoun(self, gender: str, before: int, accept=None) -> Entity | None:
        """The latest entity a pronoun of ``gender`` may designate (and ``accept`` takes): "they"
        or "it" an organisation that spoke ("it" never a person)."""
        if gender in ("p", "n"):
            return self._latest_org(before, lambda e: e.quotes > 0)
        return self.latest(
            before,
            lambda e: (
                e.kind == "person"
                and (gender in ("", "x") or e.likely_gender()[0] in ("", gender))
                and (accept is None or accept(e))
            ),
        )

    def by_description(self, head: str | None, age: str | None, person: bool | None, before: int) -> Entity | None:
        """The entity the article already tied to a description ("l'homme de 71 ans", "the spokeswoman")."""
        if age:
            found = self.latest(before, lambda e: age in e.ages)
            if found:
                return found
        if not head:
            return None
        head = plain(head)
        if person:
            return self.latest(before, lambda e: e.kind == "person" and any(head in name_words(r) for r in e.roles))
        return self._latest_org(before, lambda e: head in name_words(e.name))

    def mention(self, entity: Entity, start: int, end: int, gender: str = "", source: str = "pronoun") -> None:
        self._mention(entity, start, end, gender, source)
