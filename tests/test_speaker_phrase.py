"""Which words belong to a reporting cue, and what an aside is, in English and French.

Speaker examples for these rules are lines of each pack's ``corpus.jsonl``; this file holds what
a corpus line cannot say: the cue's own words, and what the speaker's role is not."""

from __future__ import annotations

from service.engine import extract


def speakers(text: str, language: str = "auto") -> list[str | None]:
    """The speaker name of each marked quote, in order."""
    return [q.speaker.name if q.speaker else None for q in extract(text, language, indirect=False).quotes]


def cues(text: str, language: str = "auto") -> list[str | None]:
    return [q.cue.text if q.cue else None for q in extract(text, language, indirect=False).quotes]


def test_french_object_clitic_is_part_of_the_cue():
    assert cues("« Le pont rouvrira en mai », lui a répondu la maire, Odile Ferrand.", "fr") == ["lui a répondu"]


def test_french_nous_before_a_third_person_verb_is_an_object():
    assert cues("« Pas question », nous répond Marc Petit.", "fr") == ["nous répond"]


def test_french_nous_with_a_first_person_verb_is_the_subject():
    assert speakers("« Pas question », nous répondons à Marc Petit.", "fr") != ["Marc Petit"]


def test_english_predicate_aside_is_not_the_role():
    speaker = extract("Goalkeeper Tom Reyes, visibly shaken, called the goal “a gift”.", "en").quotes[0].speaker
    assert speaker.name.endswith("Tom Reyes") and speaker.role != "visibly shaken"


def test_plural_noun_after_a_participle_adjective_is_no_cue():
    assert cues("In his opening remarks “we failed” was the theme.", "en") == [None]


def test_verb_after_a_participle_subject_stays_a_cue():
    assert cues("Those attending said “never again”.", "en") == ["said"]
