"""Reporting cues ("said", "a déclaré", "a-t-il ajouté", "selon"), found once over a document."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang.lexicon import Lexicon
from ..text.document import Document
from ..text.tokens import Token


@dataclass(frozen=True, slots=True)
class Cue:
    first: int  # token index where the cue starts (auxiliary included)
    last: int  # token index after the cue
    lemma: str
    kind: str  # "verb" | "according"
    pronoun: str | None = None  # the subject carried by an inversion: "a-t-il" -> "il"
    inherits: bool = False  # "…, adding that", "Et d'ajouter que": the subject is the previous speaker's


def find_cues(tokens: Sequence[Token], lex: Lexicon, words: list[str] | None = None) -> list[Cue]:
    """Every reporting cue among ``tokens``, left to right (``words``: their folded forms)."""
    words = [t.low for t in tokens] if words is None else words
    cues: list[Cue] = []
    i = 0
    for n in _candidates(words, lex):
        if n < i:
            continue  # inside the cue found before
        cue = _cue_at(tokens, words, n, lex)
        if cue:
            cues.append(cue)
            i = cue.last
    return cues


def _candidates(words: list[str], lex: Lexicon) -> list[int]:
    """Indices of the words a cue may start with, or of inversions ("a-t-il"), in order.

    Found with C-level iteration: most words start no cue, and a loop over them in Python
    would cost more than everything done at the few candidates."""
    starting = itertools.compress(itertools.count(), map(lex.cue_starts.__contains__, words))
    inverted = itertools.compress(itertools.count(), map(str.endswith, words, itertools.repeat(lex.inverted_ends)))
    return sorted({*starting, *inverted})


def _cue_at(tokens: list[Token], words: list[str], i: int, lex: Lexicon) -> Cue | None:
    word = words[i]
    if not word[0].isalpha():
        return None
    according = _according_at(words, i, lex) if word in lex.according else None
    if according is not None:
        return according
    if word not in lex.verb_starts and not word.endswith(lex.inverted_ends):
        return None  # "de", "in": the first word of an "according to" phrase, and no verb
    tok = tokens[i]
    if tok.is_capitalized and i > 0 and tokens[i - 1].text not in '.!?«»“”"':
        return None  # a capitalised word inside a sentence is a name, not a verb
    inverted = lex.inversion.match(word) if lex.inversion is not None else None
    if inverted and (inverted.group(1) in lex.auxiliaries or inverted.group(1) in lex.verbs):
        return _inverted_at(tokens, words, i, inverted, lex)
    found = lex.verb_at(words, i)
    if not found:
        return _infinitive_at(words, i, lex)
    return _verb_at(words, i, found, i > 0 and tokens[i - 1].is_capitalized, lex)


def _according_at(words: list[str], i: int, lex: Lexicon) -> Cue | None:
    """ "selon", "according to", and "pour" when a name follows it."""
    for phrase in lex.according.get(words[i], ()):
        if (
            (len(phrase) == 1 or words[i + 1 : i + 2] == [phrase[1]])
            and tuple(words[i : i + len(phrase)]) == phrase
            and (" ".join(phrase) not in lex.weak_according or _followed_by_name(words, i + len(phrase)))
        ):
            return Cue(i, i + len(phrase), " ".join(phrase), "according")
    return None


def _inverted_at(tokens: list[Token], words: list[str], i: int, inverted, lex: Lexicon) -> Cue | None:
    """A verb or an auxiliary inverted with its subject pronoun: "dit-il", "a-t-elle ajouté"."""
    head, pronoun = inverted.group(1), inverted.group(2)
    if head not in lex.auxiliaries:
        return Cue(i, i + 1, lex.verbs[head], "verb", pronoun)
    j = i + 1
    while j < len(tokens) and words[j] in lex.skippable:
        j += 1
    found = lex.verb_at(words, j) if j < len(tokens) else None
    return Cue(i, j + found[1], found[0], "verb", pronoun) if found else None


def _verb_at(words: list[str], i: int, found: tuple[str, int], previous_capitalized: bool, lex: Lexicon) -> Cue | None:
    """The reporting verb ``found`` at ``words[i]``, with its auxiliaries, unless the words around
    it make it a noun ("the report", "l'annonce") or a passive or adjectival participle."""
    lemma, width = found
    word = words[i]
    previous = words[i - 1] if i > 0 else ""
    after = words[i + width] if i + width < len(words) else ""
    possessive = previous.endswith(lex.possessive_endings)
    if possessive and previous_capitalized and (after in lex.complementizers or after == ":"):
        return Cue(i - 1, i + width, lemma, "possessive")  # "Trump’s claim that …": Trump said it
    hosted = i >= 2 and previous in lex.object_clitics and words[i - 2] in lex.clitic_hosts
    if (
        possessive
        or (previous in lex.determiners and not hosted)
        or _plural_noun_after_adjective(words, i, lex)
        or (
            lex.grammar.prepositions_precede_nouns_only
            and previous in lex.prepositions
            and previous not in lex.infinitive_markers
        )
    ):
        return None  # "the report", "l'annonce": a noun
    if (previous in lex.passive_auxiliaries and not word.endswith(lex.progressive_endings)) or (
        word.endswith(lex.adjectival_participle_endings) and after in lex.agent_words
    ):
        return None  # passive or adjectival participle: "was told", "accused of being", "a été"
    if word in lex.participles and not any(w in lex.auxiliaries for w in words[max(0, i - 4) : i]):
        return None  # "un jeune appelé": a participle without an auxiliary is no verb
    first = _group_start(words, _frame_start(words, i, lex), lex)
    # "…, adding that" hangs on the clause before; "is describing" is a verb of its own
    hanging = word.endswith(lex.hanging_participle_endings) and first == i and previous not in lex.passive_auxiliaries
    return Cue(first, i + width, lemma, "verb", inherits=hanging)


def _plural_noun_after_adjective(words: list[str], i: int, lex: Lexicon) -> bool:
    """ "his opening remarks", "the continuing protests": a cue form with a plural ending, after a
    determiner and a participle adjective, is a noun ("those attending said" keeps its verb)."""
    return (
        lex.grammar.plural_by_final_s
        and i >= 2
        and words[i].endswith("s")
        and words[i - 2] in lex.determiners
        and words[i - 1].endswith((*lex.progressive_endings, *lex.adjectival_participle_endings))
    )


def _infinitive_at(words: list[str], i: int, lex: Lexicon) -> Cue | None:
    """A reporting verb in the infinitive: "Et d'ajouter que" (the last speaker's), or governed by a
    frame whose subject speaks: "X vient d'annoncer que", "X n'a pas hésité à déclarer que"."""
    lemma = lex.infinitives.get(words[i])
    if lemma is None:
        return None
    if i >= 2 and (words[i - 2], words[i - 1]) in lex.infinitive_leads:
        return Cue(i - 2, i + 1, lemma, "verb", inherits=True)  # "Et d'ajouter que"
    start = _frame_start(words, i, lex)
    return Cue(_group_start(words, start, lex), i + 1, lemma, "verb") if start < i else None


def _frame_start(words: list[str], i: int, lex: Lexicon) -> int:
    """Where a frame that governs the verb at ``i`` starts ("vient d'", "went on to"), else ``i``."""
    for frame in lex.infinitive_frames:
        start = i - len(frame)
        if start >= 0 and tuple(words[start:i]) == frame:
            return start
    return i


def _group_start(words: list[str], i: int, lex: Lexicon) -> int:
    """Where the verb group of the verb at ``i`` starts: its auxiliaries and the object clitics
    before them ("lui a", "s'est aussi"), not the adverbs before those."""
    first = i
    while first > 0 and (words[first - 1] in lex.auxiliaries or words[first - 1] in lex.skippable) and i - first < 4:
        first -= 1
    while first < i and words[first] not in lex.auxiliaries:
        first += 1
    return _clitics_before(words, first, lex)


def _clitics_before(words: list[str], first: int, lex: Lexicon) -> int:
    """Where a verb group starts once the object clitics before it are taken in: "lui a répondu",
    "nous a confié" ("nous avons dit": "nous" is the subject), "comme le rappelle"."""
    k = first
    while k > 0 and first - k < 2 and words[k - 1] in lex.object_clitics:
        ending = lex.object_clitics[words[k - 1]]
        if ending and words[first].endswith(ending):
            break
        k -= 1
    if k < first and k > 0 and words[k - 1] in lex.clitic_hosts:
        k -= 1
    return k


def _followed_by_name(words: list[str], i: int) -> bool:
    """ "Pour X, …" reports X's view only when X is a name or a determiner phrase closed by a comma."""
    for n, word in enumerate(words[i : i + 16]):
        if word == ",":
            return True
        if not word[0].isalpha() and not (word == "." and n and len(words[i + n - 1]) == 1):
            return False  # "Pour B. Obama," reads on past the initial
    return False


def find_cue_word(tok: Token, lex: Lexicon) -> bool:
    return tok.low in lex.verbs and not tok.is_capitalized and tok.low not in lex.participles


class CueIndex:
    """The reporting cues of one document, found once over its tokens and read by window."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._cues: list[Cue] | None = None  # found on first use
        self._c_firsts: list[int] = []

    def all(self) -> list[Cue]:
        """The reporting cues of the whole text, found once, indexed into the document's tokens."""
        if self._cues is None:
            self._cues = find_cues(self.doc.all_tokens, self.doc.lex, self.doc.lows)
            self._c_firsts = [c.first for c in self._cues]
        return self._cues

    def find(self, tokens: list[Token]) -> list[Cue]:
        """Reporting cues among ``tokens``, indexed into ``tokens``. Cues are found once over the
        whole text; a window that is a run of the document's tokens reads them from there."""
        if not tokens:
            return []
        lo, hi = tokens[0].n, tokens[-1].n + 1
        if hi - lo != len(tokens) or self.doc.all_tokens[lo] is not tokens[0]:
            return find_cues(tokens, self.doc.lex)
        cues = self.all()
        k = bisect.bisect_left(self._c_firsts, lo)
        out = []
        while k < len(cues) and cues[k].last <= hi:
            c = cues[k]
            out.append(Cue(c.first - lo, c.last - lo, c.lemma, c.kind, c.pronoun, c.inherits))
            k += 1
        return out
