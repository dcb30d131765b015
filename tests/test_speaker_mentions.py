"""A speaker's span is one of its real mentions, whatever rule found it: never an empty span."""

from __future__ import annotations

import pytest

from service.engine import extract

TEXTS = [
    # a sentence-initial infinitive takes the previous speaker without a mention of its own
    "Le maire, Paul Marchand, a visité le chantier mardi. Et d'ajouter que les travaux dureront un an.",
    "La ministre Claire Martin a inauguré le pont. « C'est un grand jour », a-t-elle dit. "
    "Et d'ajouter : « Les habitants l'attendaient. »",
    # participles and continuations inherit their speaker
    '"We are ready," said Maria Lopez. "The plan starts today."',
    "Maria Lopez said that the talks would resume in May. She added that the plan was sound.",
    "Selon le ministère de l'Intérieur, la route restera fermée jusqu'à jeudi.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_speaker_span_is_a_real_mention(text):
    result = extract(text, "auto")
    mentions = {s.id: {(m.start, m.end) for m in s.mentions} for s in result.speakers}
    spoken = [q for q in result.quotes if q.speaker is not None]
    assert spoken
    for q in spoken:
        s = q.speaker
        assert s.start < s.end, q
        assert (s.start, s.end) in mentions[s.entity], q
        assert text[s.start : s.end].strip() == text[s.start : s.end]


def test_infinitive_continuation_points_at_the_speakers_last_mention():
    text = "Le maire, Paul Marchand, a visité le chantier mardi. Et d'ajouter que les travaux dureront un an."
    (quote,) = [q for q in extract(text, "fr").quotes if q.type == "indirect"]
    assert quote.speaker.name == "Paul Marchand"
    assert text[quote.speaker.start : quote.speaker.end] == "Paul Marchand"
