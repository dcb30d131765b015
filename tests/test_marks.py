"""Quotation marks as real press text types them."""

from __future__ import annotations

import pytest

from service.engine.text.marks import find_quotations


def inside(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” today.", ["we will win"]),
        ("Il a dit « nous gagnerons » hier.", ["nous gagnerons"]),
        ("Il a dit «\u00a0nous gagnerons\u00a0» hier.", ["nous gagnerons"]),
        ('She said "no way" twice.', ["no way"]),
        ("He called it ‘a farce’ on air.", ["a farce"]),
        ("Er sagte „wir schaffen das“ gestern.", ["wir schaffen das"]),
    ],
)
def test_each_pair_of_marks(text, expected):
    assert inside(text) == expected


def test_quote_over_several_sentences_is_one():
    text = "« Nous partons. C'est fini. Rien ne changera », a-t-il dit."
    assert inside(text) == ["Nous partons. C'est fini. Rien ne changera"]


def test_missing_closing_mark_ends_at_paragraph_end():
    text = "Il a déclaré : « Nous n'avons plus de conditions.\n\nLa suite a confirmé : « Oui »"
    assert inside(text) == ["Nous n'avons plus de conditions.", "Oui"]


def test_opening_guillemet_used_as_closing_mark():
    text = "Il a ajouté que « rien ne changera. « \n« Autre chose »"
    assert inside(text) == ["rien ne changera.", "Autre chose"]


def test_apostrophes_are_not_quotes():
    text = "L’OTAN et aujourd’hui la Russie’s men d‘accord, ‘Russia’s plan’ said."
    assert inside(text) == ["Russia’s plan"]


def test_nested_quote_belongs_to_the_outer_one():
    text = "« La ‘menace russe’ est gonflée », a noté le ministère."
    assert inside(text) == ["La ‘menace russe’ est gonflée"]


def test_straight_quotes_in_french_text():
    text = 'dont "la dernière goutte" a été la décision de rendre "nécessaire et imminente" la rupture.'
    assert inside(text) == ["la dernière goutte", "nécessaire et imminente"]


def test_stray_closing_mark_is_ignored():
    assert inside("C'est « pire qu'attendu »». Fin.") == ["pire qu'attendu"]


def test_marks_inside_markup_quote_nothing():
    assert inside('<tweet id="12345"> He said “yes”.') == ["yes"]


def test_empty_quotes_are_not_quotes():
    assert inside("Les marques « » et “ ” vides.") == []


def test_a_language_pack_says_which_marks_quote():
    from service.engine import extract

    assert [q.text for q in extract("Il a parlé d'une ‹ victoire › lundi.", "fr").quotes] == ["victoire"]
    assert extract("He called it ‹ nonsense › on Monday.", "en").quotes == []  # not English quotation marks


def test_a_pack_with_a_mark_the_engine_cannot_pair_fails_loudly():
    import pytest

    with pytest.raises(ValueError, match="cannot pair"):
        find_quotations("« a »", (("«", "»"), ("⸢", "⸣")))
