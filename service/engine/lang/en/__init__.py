"""English: the words are in lexicon.json, the named traits in grammar.json; here, inflection."""

from __future__ import annotations

from pathlib import Path

from ..pack import Pack


def inflect(lemma: str, verbs: dict) -> list[str]:
    """Present, past and -ing forms of a regular reporting verb; ``verbs["doubled"]`` names the
    verbs that double their last consonant ("admit" -> "admitted")."""
    doubled = verbs.get("doubled", {})
    if doubled.get(lemma):
        stem = lemma + doubled[lemma]
        return [lemma, lemma + "s", stem + "ed", stem + "ing"]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return [lemma, plural, lemma + "ed", lemma + "ing"]


PACK = Pack("en", "English", Path(__file__).parent, inflect)
