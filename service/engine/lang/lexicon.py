"""Per-language word lists (``lexicons/*.json``), loaded once and indexed for lookup.

Reporting verbs are stored as lemmas; their inflected forms are generated here, so the
data stays small and a new verb needs one word added to the JSON file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "fr")
_DIR = Path(__file__).parent


def fold(word: str) -> str:
    """Lower-case a token and unify apostrophes, for lexicon lookups."""
    word = word.casefold()
    return word.replace("’", "'").replace("‘", "'") if "’" in word or "‘" in word else word


def _english_forms(lemma: str, doubled: dict[str, str]) -> list[str]:
    if doubled.get(lemma):
        stem = lemma + doubled[lemma]
        return [lemma, lemma + "s", stem + "ed", stem + "ing"]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return [lemma, plural, lemma + "ed", lemma + "ing"]


def _french_forms(lemma: str) -> list[str]:
    """Third-person forms, participles and gerund of a regular -er or -ir verb."""
    words = lemma.replace("’", "'").split()
    if words[0] in ("se", "s'") or lemma.startswith("s'"):
        lemma = lemma.split("'", 1)[1] if lemma.startswith("s'") else " ".join(words[1:])
        words = lemma.split()
    verb, rest = words[0], words[1:]
    tail = (" " + " ".join(rest)) if rest else ""
    if verb.endswith("er"):
        stem = verb[:-2]
        soft = stem + ("e" if stem.endswith("g") else "")
        soft = soft[:-1] + "ç" if soft.endswith("c") else soft
        forms = [
            stem + "é",
            stem + "e",
            stem + "ent",
            soft + "a",
            soft + "ait",
            soft + "aient",
            soft + "ant",
            stem + "era",
            stem + "erait",
        ]
    elif verb.endswith("ir"):
        stem = verb[:-2]
        forms = [stem + "i", stem + "it", stem + "issent", stem + "issait", stem + "issant"]
    else:
        return []
    return [f + tail for f in forms]


@dataclass(frozen=True)
class Lexicon:
    """Everything the engine knows about one language's words."""

    language: str
    stopwords: frozenset[str]
    verbs: dict[str, str]  # one-word form -> lemma
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> [(words, lemma)]
    not_speech: frozenset[str]
    bare_clause: frozenset[str]  # verbs whose reported clause may come without "that"
    infinitives: dict[str, str]  # infinitive -> lemma, for "Et d'ajouter que …"
    participles: frozenset[str]  # French past participles: verbs only after an auxiliary ("a déclaré")
    needs_object: frozenset[str]
    auxiliaries: frozenset[str]
    according: dict[str, tuple[tuple[str, ...], ...]]  # first word -> "selon", "according to" phrases
    weak_according: frozenset[str]  # "pour": a source only when a name or a phrase closed by a comma follows
    infinitive_leads: frozenset[tuple[str, ...]]  # "et de": "Et d'ajouter que …" reports the last speaker
    statement_phrases: tuple[tuple[str, ...], ...]
    pronouns: dict[str, str]  # subject pronoun -> gender (m, f, p, n, x)
    object_pronouns: dict[str, str]  # "selon lui", "according to her"
    relatives: frozenset[str]
    complementizers: frozenset[str]
    determiners: frozenset[str]
    indefinites: frozenset[str]  # "a prominent New York Democrat" describes, it does not name
    titles: dict[str, str]
    abbreviations: frozenset[str]
    role_nouns: dict[str, str]
    organization_nouns: frozenset[str]
    particles: frozenset[str]
    name_suffixes: frozenset[str]  # "Jr", "Sr", "III": part of a name, never a surname
    prepositions: frozenset[str]
    clause_breakers: frozenset[str]
    skippable: frozenset[str]  # auxiliaries and adverbs between a subject and its verb
    time_words: frozenset[str]
    object_words: frozenset[str]
    months: frozenset[str]
    days: frozenset[str]
    quote_marks: tuple[tuple[str, str], ...]
    cue_starts: frozenset[str]  # every word a cue can start with: a fast first test
    verb_starts: frozenset[str]  # every word a verb cue can start with
    function_words: frozenset[str]  # words that never start a name, even capitalised
    not_names: frozenset[str]  # capitalised, these are still no name: roles, titles, months…
    before_names: frozenset[str]  # words and signs that end the phrase before a name on its left
    signature_characters: str  # letters and marks that betray the language

    def verb_at(self, words: list[str], i: int) -> tuple[str, int] | None:
        """The reporting verb lemma starting at ``words[i]`` and how many words it spans."""
        for phrase, lemma in self.phrases.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return lemma, len(phrase)
        lemma = self.verbs.get(words[i])
        return (lemma, 1) if lemma else None


def _phrases(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(p).replace("'", "' ").split()) for p in phrases)


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in out.items()}


@cache
def load(language: str) -> Lexicon:
    """Load and index the lexicon of ``language`` (``en`` or ``fr``)."""
    data = json.loads((_DIR / f"{language}.json").read_text(encoding="utf-8"))
    rv = data["reporting_verbs"]
    forms: dict[str, str] = {}
    for lemma in rv["regular"]:
        generated = _english_forms(lemma, rv.get("doubled", {})) if language == "en" else _french_forms(lemma)
        for form in generated:
            forms.setdefault(fold(form), lemma)
    for lemma, irregular in rv["irregular"].items():
        for form in irregular:
            forms[fold(form)] = lemma
    verbs = {f: lemma for f, lemma in forms.items() if " " not in f}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for f, lemma in forms.items():
        if " " in f:
            words = tuple(f.split())
            phrases.setdefault(words[0], []).append((words, lemma))
    for entries in phrases.values():
        entries.sort(key=lambda e: -len(e[0]))

    def fs(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data.get(key, []))

    participles = frozenset(
        f
        for f, lemma in verbs.items()
        if language == "fr" and f.endswith(("é", "i", "u", "is")) and f != "dit" and not f.endswith("ai")
    )
    infinitives = {}
    for lemma in [*rv["regular"], *rv["irregular"]]:
        word = fold(lemma).removeprefix("se ").removeprefix("s'")
        if " " not in word:
            infinitives[word] = lemma
    according = _by_first_word(_phrases(data["according_to"]))
    function_words = (
        fs("determiners")
        | fs("prepositions")
        | fs("clause_breakers")
        | fs("relative_pronouns")
        | fs("complementizers")
        | fs("stopwords")
        | fs("time_words")
        | fs("aux_and_adverbs")
        | frozenset(fold(p) for p in data["pronouns"])
        | frozenset(according)
    )
    verb_starts = frozenset(verbs) | frozenset(phrases) | frozenset(infinitives)
    return Lexicon(
        cue_starts=verb_starts | frozenset(according),
        verb_starts=verb_starts,
        function_words=function_words,
        not_names=fs("determiners")
        | fs("clause_breakers")
        | fs("prepositions")
        | fs("months")
        | fs("days")
        | frozenset(fold(k) for k in data["role_nouns"])
        | frozenset(fold(k) for k in data["titles"])
        | frozenset(fold(k) for k in data["pronouns"]),
        before_names=fs("complementizers")
        | fs("clause_breakers")
        | fs("auxiliaries")
        | frozenset(verbs).difference(participles)
        | frozenset(",;:!?()"),
        signature_characters=data.get("signature_characters", ""),
        language=language,
        stopwords=fs("stopwords"),
        verbs=verbs,
        phrases=phrases,
        not_speech=frozenset(rv.get("not_speech", [])),
        bare_clause=frozenset(rv.get("bare_clause", [])),
        infinitives=infinitives,
        participles=participles,
        needs_object=frozenset(rv.get("needs_object", [])),
        auxiliaries=fs("auxiliaries"),
        according=according,
        weak_according=frozenset(" ".join(p) for p in _phrases(data.get("weak_according_to", []))),
        infinitive_leads=frozenset(_phrases(data.get("infinitive_leads", []))),
        statement_phrases=_phrases(data["statement_phrases"]),
        pronouns={fold(k): v for k, v in data["pronouns"].items()},
        object_pronouns={fold(k): v for k, v in data.get("object_pronouns", {}).items()},
        relatives=fs("relative_pronouns"),
        complementizers=fs("complementizers"),
        determiners=fs("determiners"),
        indefinites=fs("indefinite_determiners"),
        titles={fold(k): v for k, v in data["titles"].items()},
        abbreviations=fs("abbreviations"),
        role_nouns={fold(k): v for k, v in data["role_nouns"].items()},
        organization_nouns=fs("organization_nouns"),
        particles=fs("name_particles"),
        name_suffixes=fs("name_suffixes"),
        prepositions=fs("prepositions"),
        clause_breakers=fs("clause_breakers"),
        skippable=fs("aux_and_adverbs"),
        time_words=fs("time_words"),
        object_words=fs("object_words"),
        months=fs("months"),
        days=fs("days"),
        quote_marks=tuple(tuple(pair) for pair in data["quote_marks"]),
    )
