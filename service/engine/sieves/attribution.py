"""The attribution of one quotation: the evidence a sieve found, then the speaker it resolved to."""

from __future__ import annotations

from dataclasses import dataclass

from ..entities.index import Entity
from ..reading.cues import Cue
from ..reading.noun_phrase import Mention
from ..text.tokens import Token
from .registry import confidence


@dataclass(slots=True)
class Attribution:
    mention: Mention | None  # the phrase that names the speaker, as the sieve read it
    cue: Cue | None
    rule: str
    cue_tokens: list[Token] | None = None  # the window ``cue`` indexes into
    entity: Entity | None = None
    resolution: str = "name"
    role: str | None = None
    antecedent: Mention | None = None  # for a pronoun subject: the subject of an earlier verb in its sentence
    tentative: bool = False  # a vague description: a sieve reading further may find a better subject

    def settle(self, entity: Entity, mention: Mention | None, role: str | None, rule: str, resolution: str) -> None:
        """Give the quote its speaker, and count the quote on the speaker.

        The only place a speaker is written. The count is evidence read later: a description
        ("le ministre") or a plural pronoun prefers an entity already quoted. So quotes are
        settled in the order the pipeline states: each quote in text order, then each pass."""
        self.entity, self.mention, self.role, self.rule, self.resolution = entity, mention, role, rule, resolution
        entity.quotes += 1

    def adopt(
        self, source: Attribution, rule: str | None = None, resolution: str | None = None, keep_role: bool = True
    ) -> None:
        """Take the speaker ``source`` found: its entity, mention and (unless told) role."""
        role = source.role if keep_role else None
        self.settle(source.entity, source.mention, role, rule or self.rule, resolution or source.resolution)

    @property
    def confidence(self) -> float:
        return 0.0 if self.entity is None else confidence(self.rule, self.resolution)
