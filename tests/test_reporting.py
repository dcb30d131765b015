"""Reported speech, chains over paragraphs, roles, lexicons and confidence, in English and French.

The one-line examples of each way news reports speech are in each language pack's
``corpus.jsonl`` (tests/test_corpus.py)."""

from __future__ import annotations

import pytest

from service.engine import extract
from service.engine.lang import LANGUAGES, load


def quotes(text: str, language: str = "auto", indirect: bool = False):
    return extract(text, language, indirect=indirect).quotes


# 2. indirect speech


def test_selon_clause_is_indirect():
    (quote,) = quotes("Selon Claire Martin, les négociations reprendront en mai.", indirect=True)
    assert (quote.type, quote.text, quote.speaker.name) == (
        "indirect",
        "les négociations reprendront en mai",
        "Claire Martin",
    )


def test_english_sentence_closed_by_attribution_is_indirect():
    (quote,) = quotes("The talks will resume in May after the summer break, Paul Grant said.", indirect=True)
    assert (quote.type, quote.speaker.name) == ("indirect", "Paul Grant")
    assert quote.text == "The talks will resume in May after the summer break"


# 3. quotes over several paragraphs


def test_english_quote_over_two_paragraphs_is_one_chain():
    text = "Maria Lopez spoke first.\n\n“We will not give up. We have the votes.\n\n“And we will win,” she said."
    first, second = quotes(text)
    assert second.continues == first.id
    assert first.speaker.name == second.speaker.name == "Maria Lopez"
    assert first.speaker.resolution == "continuation"


# 7. roles


def test_all_roles_of_a_speaker_are_collected():
    text = "“Yes,” said Finance Minister Lucia Ortega.\n\n“No,” said Lucia Ortega, the head of the party, later."
    (speaker,) = extract(text, indirect=False).speakers
    assert speaker.roles == ["Finance Minister", "head of the party"]


# 8. the lexicons


@pytest.mark.parametrize("language", LANGUAGES)
def test_reporting_verb_lexicons_are_large(language):
    lemmas = set(load(language).verbs.values())
    assert len(lemmas) > 100
    assert len(load(language).verbs) > 3 * len(lemmas)  # inflected forms, not lemmas only


# 10. evidence and confidence


def test_weak_evidence_scores_low():
    (quote,) = quotes("Paul Grant admires the plan as a “bold idea” for the city.")
    assert quote.rule == "sentence-subject"
    assert quote.confidence < 0.5


def test_full_name_with_initial_and_suffix():
    text = "Vice President Joseph R. Biden Jr. spoke on Friday.\n\n“Tell that to the janitor,” Mr. Biden said."
    (speaker,) = extract(text, indirect=False).speakers
    assert speaker.name == "Joseph R. Biden Jr."
    assert speaker.roles == ["Vice President"]
