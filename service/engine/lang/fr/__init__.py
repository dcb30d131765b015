"""French: the words are in lexicon.json, the named traits in grammar.json; here, inflection."""

from __future__ import annotations

from pathlib import Path

from ..pack import Pack


def inflect(lemma: str, verbs: dict) -> list[str]:
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


# French has no possessive clitic: "la déclaration de X selon laquelle" is read by cue-before
PACK = Pack(
    "fr", "French", Path(__file__).parent, inflect, rules_not_applicable=frozenset({"possessive", "title-line"})
)
