"""A language pack's words (``lexicon.json``) and traits (``grammar.json``), loaded once and
indexed for lookup.

Reporting verbs are stored as lemmas; the pack's ``inflect`` generates their forms, so the
data stays small and a new verb needs one word added to the JSON file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import regex

from .first_names import first_name_table
from .pack import Grammar
from .registry import pack_for


def fold(word: str) -> str:
    """Lower-case a token and unify apostrophes, for lexicon lookups."""
    word = word.casefold()
    return word.replace("’", "'").replace("‘", "'") if "’" in word or "‘" in word else word


@dataclass(frozen=True)
class Lexicon:
    """Everything the engine knows about one language's words."""

    language: str
    stopwords: frozenset[str]
    verbs: dict[str, str]  # one-word form -> lemma
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> [(words, lemma)]
    not_speech: frozenset[str]
    never_inverted: frozenset[str]  # "X, Y, told reporters": the phrase after these verbs is their object
    bare_clause: frozenset[str]  # verbs whose reported clause may come without "that"
    request_verbs: frozenset[str]  # "urged the council to …": the person asked and the request
    commitment_verbs: frozenset[str]  # "vowed to …": the infinitive is what was promised
    addressee_verbs: frozenset[str]  # "told the court he …": the person told stands before the clause
    non_sources: frozenset[str]  # "selon les saisons": nouns after "selon" that name no source
    clause_openers: frozenset[str]  # "said there was …": words that open a clause without "that"
    infinitives: dict[str, str]  # infinitive -> lemma, for "Et d'ajouter que …"
    participles: frozenset[str]  # French past participles: verbs only after an auxiliary ("a déclaré")
    auxiliaries: frozenset[str]
    according: dict[str, tuple[tuple[str, ...], ...]]  # first word -> "selon", "according to" phrases
    weak_according: frozenset[str]  # "pour": a source only when a name or a phrase closed by a comma follows
    infinitive_frames: tuple[tuple[str, ...], ...]  # "vient d'annoncer", "went on to warn": the frame's subject speaks
    infinitive_leads: frozenset[tuple[str, ...]]  # "et de": "Et d'ajouter que …" reports the last speaker
    statement_phrases: tuple[tuple[str, ...], ...]
    pronouns: dict[str, str]  # subject pronoun -> gender (m, f, p, n, x)
    object_pronouns: dict[str, str]  # "selon lui", "according to her"
    object_clitics: dict[str, str]  # "lui a répondu": -> the verb ending that makes it the subject ("nous")
    clitic_hosts: frozenset[str]  # "comme le rappelle X": after these, "le" is a clitic, not an article
    relatives: frozenset[str]
    subject_relatives: frozenset[str]  # "who", "qui": the relative pronoun is the clause's subject
    complementizers: frozenset[str]
    determiners: frozenset[str]
    indefinites: frozenset[str]  # "a veteran Ohio Republican" describes, it does not name
    titles: dict[str, str]
    abbreviations: frozenset[str]
    role_nouns: dict[str, str]
    organization_nouns: frozenset[str]
    particles: frozenset[str]
    name_suffixes: frozenset[str]  # "Jr", "Sr", "III": part of a name, never a surname
    prepositions: frozenset[str]
    clause_breakers: frozenset[str]
    coordinators: frozenset[str]  # "a déclaré X et Y": two speakers of one quote
    skippable: frozenset[str]  # auxiliaries and adverbs between a subject and its verb
    time_words: frozenset[str]
    adjunct_prepositions: frozenset[str]  # "said X during a briefing": they end a name's phrase
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
    passive_auxiliaries: frozenset[str]  # "was told", "a été": a participle after them is no cue
    progressive_endings: tuple[str, ...]  # "is describing": a verb of its own even after "is"
    adjectival_participle_endings: tuple[str, ...]  # "accused of": with an agent word after, no cue
    agent_words: frozenset[str]
    adverb_endings: tuple[str, ...]  # "Ms. Okafor barely explained": an adverb between subject and verb
    infinitive_markers: frozenset[str]  # "to": a preposition a verb may follow
    possessive_endings: tuple[str, ...]  # "Trump's claim": a cue word after a possessive is a noun
    hanging_participle_endings: tuple[str, ...]  # "…, adding that": the clause hangs on the one before
    predicate_aside_endings: tuple[str, ...]  # "X, visibly shaken, said": an aside that names nobody
    inversion: regex.Pattern | None  # "a-t-il": a verb and its subject pronoun in one token
    inverted_ends: tuple[str, ...]  # what every ``inversion`` match ends with: a fast first test
    gendered_determiners: dict[str, str]  # "la" -> f
    plural_determiners: frozenset[str]  # "les", "these": the noun phrase after them is plural
    topic_markers: tuple[tuple[str, ...], ...]  # "as for", "quant à": what follows is the sentence's topic
    first_names: dict[str, str]  # the pack's own reading of a first name, over the shared table ("" unclear)
    grammar: Grammar
    epithet_nouns: frozenset[str] = frozenset()  # "the 64-year-old", "la septuagénaire": the person, no role
    document_nouns: frozenset[str] = frozenset()  # "the report said": a text that speaks for its author
    role_ends: frozenset[str] = frozenset()  # "voisin du chantier depuis …": adjunct words that end a role
    spokesperson_nouns: frozenset[str] = frozenset()  # "a spokeswoman for the charity" speaks for the charity
    possessive_determiners: frozenset[str] = frozenset()  # "his wife" is never "he"
    participle_frames: frozenset[str] = frozenset()  # ", with X saying": X speaks

    def first_name_gender(self, word: str) -> str:
        """m, f or "" for a folded, accent-free first name: the pack's reading, else the shared table's."""
        gender = self.first_names.get(word)
        return first_name_table().get(word, "") if gender is None else gender

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


class _Read(dict):
    """A lexicon's JSON that remembers which keys the loader read: data nothing reads misleads."""

    def __init__(self, data: dict) -> None:
        super().__init__(data)
        self.read: set[str] = set()

    def __getitem__(self, key: str):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default=None):
        self.read.add(key)
        return super().get(key, default)

    def check(self, where: str) -> None:
        unread = sorted(set(self) - self.read)
        if unread:
            raise ValueError(f"{where}: keys nothing reads: {', '.join(unread)}")


@cache
def load(language: str) -> Lexicon:
    """Load and index the lexicon of the language pack registered as ``language``."""
    pack = pack_for(language)
    data = _Read(json.loads((pack.folder / "lexicon.json").read_text(encoding="utf-8")))
    grammar = Grammar(**json.loads((pack.folder / "grammar.json").read_text(encoding="utf-8")))
    rv = _Read(data["reporting_verbs"])
    forms: dict[str, str] = {}
    for lemma in rv["regular"]:
        for form in pack.inflect(lemma, rv):
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

    participle = data.get("participles", {})  # French past participles: verbs only after an auxiliary
    participles = frozenset(
        f
        for f in verbs
        if f.endswith(tuple(participle.get("endings", ())))
        and f not in participle.get("except", ())
        and not f.endswith(tuple(participle.get("except_endings", ())))
    )
    inverted = tuple(data.get("inversion_pronouns", ()))
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
    lexicon = Lexicon(
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
        never_inverted=frozenset(rv.get("never_inverted", [])),
        bare_clause=frozenset(rv.get("bare_clause", [])),
        addressee_verbs=frozenset(rv.get("addressee_verbs", [])),
        request_verbs=frozenset(rv.get("request_verbs", [])),
        commitment_verbs=frozenset(rv.get("commitment_verbs", [])),
        clause_openers=fs("clause_openers"),
        non_sources=fs("non_sources"),
        infinitives=infinitives,
        participles=participles,
        auxiliaries=fs("auxiliaries"),
        according=according,
        weak_according=frozenset(" ".join(p) for p in _phrases(data.get("weak_according_to", []))),
        infinitive_frames=_phrases(data.get("infinitive_frames", [])),
        infinitive_leads=frozenset(_phrases(data.get("infinitive_leads", []))),
        statement_phrases=_phrases(data["statement_phrases"]),
        pronouns={fold(k): v for k, v in data["pronouns"].items()},
        object_pronouns={fold(k): v for k, v in data.get("object_pronouns", {}).items()},
        object_clitics={fold(k): v for k, v in data.get("object_clitics", {}).items()},
        clitic_hosts=fs("clitic_hosts"),
        relatives=fs("relative_pronouns"),
        subject_relatives=fs("subject_relatives"),
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
        coordinators=fs("coordinators"),
        skippable=fs("aux_and_adverbs"),
        time_words=fs("time_words"),
        adjunct_prepositions=fs("adjunct_prepositions"),
        object_words=fs("object_words"),
        months=fs("months"),
        days=fs("days"),
        quote_marks=tuple(tuple(pair) for pair in data["quote_marks"]),
        passive_auxiliaries=fs("passive_auxiliaries"),
        progressive_endings=tuple(data.get("progressive_endings", ())),
        adjectival_participle_endings=tuple(data.get("adjectival_participle_endings", ())),
        agent_words=fs("agent_words"),
        adverb_endings=tuple(data.get("adverb_endings", ())),
        infinitive_markers=fs("infinitive_markers"),
        possessive_endings=tuple(data.get("possessive_endings", ())),
        hanging_participle_endings=tuple(data.get("hanging_participle_endings", ())),
        predicate_aside_endings=tuple(data.get("predicate_aside_endings", ())),
        inversion=regex.compile(rf"^(.+?)(?:-t)?-({'|'.join(inverted)})$") if inverted else None,
        inverted_ends=tuple(f"-{p}" for p in inverted),
        gendered_determiners={fold(k): v for k, v in data.get("gendered_determiners", {}).items()},
        plural_determiners=fs("plural_determiners"),
        topic_markers=_phrases(data.get("topic_markers", [])),
        first_names={fold(k): v for k, v in data.get("first_names", {}).items()},
        grammar=grammar,
        epithet_nouns=fs("epithet_nouns"),
        document_nouns=fs("document_nouns"),
        role_ends=fs("role_ends"),
        spokesperson_nouns=fs("spokesperson_nouns"),
        possessive_determiners=fs("possessive_determiners"),
        participle_frames=fs("participle_frames"),
    )
    data.check(f"{pack.folder / 'lexicon.json'}")
    rv.check(f"{pack.folder / 'lexicon.json'}: reporting_verbs")
    return lexicon
