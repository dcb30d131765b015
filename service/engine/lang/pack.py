"""A language pack: a folder with the language's words (lexicon.json), its named grammatical
traits (grammar.json), its examples (corpus.jsonl), and what must be code (``inflect``, in the
folder's ``__init__.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Grammar:
    """Named traits that replace asking which language a text is in (``grammar.json``)."""

    adjectives_follow_noun: bool  # "la Commission européenne": the head noun comes first
    plural_by_final_s: bool  # "the protesters": a description ending in -s is plural
    prepositions_precede_nouns_only: bool  # "the report on": a cue word after a preposition is a noun
    auxiliary_ends_subject: bool  # "X a, selon Y, déclaré": an auxiliary closes the subject phrase
    organizations_are_pronoun_antecedents: bool  # "le ministère … il a ajouté": "il" can be an organisation
    framed_clause_needs_speech_verb: bool  # "…, X thinks." frames no reported clause (``not_speech`` verbs)
    # "que A et que B": two reported clauses (French news); English news reports "that A and that B" as one
    coordinated_complements_split: bool = False


@dataclass(frozen=True)
class Pack:
    code: str  # the code the API and the CLI accept: ISO 639-1
    name: str
    folder: Path  # holds lexicon.json and grammar.json
    inflect: Callable[[str, dict], list[str]]  # (lemma, lexicon's reporting_verbs) -> the forms a cue takes
    rules_not_applicable: frozenset[str] = field(default_factory=frozenset)  # rules the language never uses
