"""Speaker names and the reporting verbs that introduce them, in English and French."""

from __future__ import annotations

import pytest

from service.engine import extract


def speaker_of(text: str) -> str | None:
    (quote,) = extract(text, indirect=False).quotes
    return quote.speaker.name if quote.speaker else None


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Mayor Ana Ruiz likened the plan to “a house without a roof.”", "Ana Ruiz"),
        ("Senator Tom Hale derided the bill as “a gift to lobbyists.”", "Tom Hale"),
        ("Coach Dana Whit branded the loss “unacceptable.”", "Dana Whit"),
        ("“We did it,” Lena Park blurted out after the vote.", "Lena Park"),
        ("Governor Ike Stone slammed the ruling as “absurd.”", "Ike Stone"),
        ("« C'est une farce », a persiflé Claire Dumas.", "Claire Dumas"),
        ("« On a vu pire », a taclé le sénateur Paul Ribot.", "Paul Ribot"),
        ("« Rien n'est joué », fait valoir Inès Morel.", "Inès Morel"),
    ],
)
def test_less_common_reporting_verbs_introduce_the_speaker(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The “premium” brand sold well in May.",  # a noun after a determiner is no cue
        "La « marque » a vendu davantage en mai.",
    ],
)
def test_a_noun_is_no_reporting_verb(text):
    assert speaker_of(text) is None


def test_the_speaker_is_known_by_name_and_surname_rather_than_a_suffixed_form():
    text = (
        "“We will rebuild,” Robert T. Hale Jr. said on Monday. “Jobs first,” Robert Hale added. "
        "“Then roads,” Hale said."
    )
    speakers = extract(text).speakers
    assert [s.name for s in speakers] == ["Robert Hale"]
    assert "Robert T. Hale Jr." in speakers[0].aliases
