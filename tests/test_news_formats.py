"""News layouts where the shape of a line names the speaker: label lines, Title-Case summary
lines, dash signatures."""

from __future__ import annotations

from service.engine import extract


def attributed(text: str, language: str = "auto") -> list[tuple[str | None, str | None, str]]:
    """(speaker name, role, rule) of the marked quotes."""
    return [
        (q.speaker.name, q.speaker.role, q.rule) if q.speaker else (None, None, q.rule)
        for q in extract(text, language, indirect=False).quotes
    ]


def test_label_line_with_outlet_is_the_speaker_and_the_outlet_the_role():
    text = (
        "What the critics said:\n\n"
        "Ines Varga, The Morning Courier: “A brave film.”\n\n"
        "Tom Abele, Radio Lakeside: “Too long by an hour.”"
    )
    assert attributed(text, "en") == [
        ("Ines Varga", "The Morning Courier", "label-line"),
        ("Tom Abele", "Radio Lakeside", "label-line"),
    ]


def test_dash_label_line():
    assert attributed("- Noor Haddad: “We start on Monday.”", "en")[0][:1] == ("Noor Haddad",)


def test_french_label_line():
    text = "Les réactions :\n\nClaire Marchal, Radio Tarn : « Une victoire méritée. »"
    assert attributed(text, "fr") == [("Claire Marchal", "Radio Tarn", "label-line")]


def test_a_one_word_label_in_lower_case_is_no_speaker():
    assert attributed("Update: “Roads are closed,” the police said.", "en")[0][2] != "label-line"


def test_a_sentence_ending_in_a_colon_is_no_label_line():
    text = "The mayor gave a warning to residents: “Stay home.”"
    assert attributed(text, "en")[0][2] != "label-line"


def test_title_case_summary_line_names_its_speaker():
    text = "Ortiz Called The Levy “A Tax On Renters.” “It will empty the town.”"
    assert [name for name, _, _ in attributed(text, "en")] == ["Ortiz", "Ortiz"]


def test_an_ordinary_sentence_is_no_title_line():
    text = "Voters in Ohio called the levy “a tax on renters.”"
    assert attributed(text, "en")[0][2] != "title-line"
