"""Who said it, beyond one quote at a time: entities across quotes, evidence and confidence.

The one-line examples of each way news reports speech are in each language pack's
``corpus.jsonl`` (tests/test_corpus.py)."""

from __future__ import annotations

from service.engine import extract


def test_entity_merges_transliterations_and_titles():
    text = (
        "Russian Foreign Minister Sergei Lavrov spoke. “We leave,” said Sergey Lavrov.\n"
        "« Nous partons », a dit M. Lavrov. « Fin », a ajouté Lavrov."
    )
    result = extract(text, "en", indirect=False)
    assert len({q.speaker.entity for q in result.quotes}) == 1
    (speaker,) = result.speakers
    assert speaker.name in ("Sergei Lavrov", "Sergey Lavrov")
    assert "Russian Foreign Minister" in speaker.roles


def test_two_people_sharing_a_surname_stay_apart():
    text = "“Yes,” said Hillary Clinton. “No,” said Bill Clinton."
    result = extract(text, indirect=False)
    assert [q.speaker.name for q in result.quotes] == ["Hillary Clinton", "Bill Clinton"]
    assert len(result.speakers) == 2


def test_evidence_explains_each_attribution():
    (quote,) = extract("“We are ready,” said Maria Lopez.", indirect=False).quotes
    assert quote.rule == "cue-after" and quote.cue.text == "said"
    assert quote.speaker.resolution == "name"
    assert quote.confidence > 0.9


def test_confidence_ranks_explicit_cues_above_pronouns():
    text = "Maria Lopez arrived. “We are ready,” she said. “We leave,” said Maria Lopez."
    pronoun, named = extract(text, indirect=False).quotes
    assert named.confidence > pronoun.confidence > 0
