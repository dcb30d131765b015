"""Invariants over any text: the engine never raises, spans are honest, results are deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine import extract

PIECES = st.sampled_from(
    [
        "«",
        "»",
        "“",
        "”",
        '"',
        "‘",
        "’",
        "„",
        "'",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        " — ",
        "-t-il ",
        "said ",
        "a déclaré ",
        "selon ",
        "according to ",
        "que ",
        "that ",
        "Lavrov",
        "Mme ",
        "M. ",
        "Anna Berg",
        "he ",
        "elle ",
        "the spokeswoman ",
        "le ministère ",
        "71 ans",
        "l’",
        "\u00a0",
        "\u200d",
        "\u202e",
        "\ufeff",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["auto", "en", "fr"]))
def test_spans_are_honest_and_results_deterministic(text, language):
    result = extract(text, language)
    for quote in result.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert 0.0 <= quote.confidence <= 1.0
        if quote.speaker:
            assert 0 <= quote.speaker.start < quote.speaker.end <= len(text)
            (speaker,) = [s for s in result.speakers if s.id == quote.speaker.entity]
            assert (quote.speaker.start, quote.speaker.end) in {(m.start, m.end) for m in speaker.mentions}
        if quote.cue:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text
    for speaker in result.speakers:
        for mention in speaker.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert extract(text, language) == result
