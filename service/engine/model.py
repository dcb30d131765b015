"""What the engine returns: plain dataclasses, ready to serialise."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """Who said a quote, and how the engine got there."""

    name: str
    entity: str
    kind: str  # person | organization
    role: str | None
    start: int  # the mention the attribution used
    end: int
    resolution: str  # name | pronoun | description | continuation | repeat


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    type: str  # direct | mixed | indirect
    speaker: SpeakerRef | None
    cue: Span | None
    confidence: float
    rule: str  # the pattern that decided the attribution, for whoever debugs it
    continues: str | None = None  # id of the quote this one continues across a paragraph break


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str
    kind: str
    aliases: list[str]
    roles: list[str]
    mentions: list[Span]
    gender: str | None = None  # female | male, for a person whose text or first name says so
    gender_source: str | None = None  # pronoun | title | first name | role noun: how it was decided


@dataclass(frozen=True, slots=True)
class Result:
    language: str
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
