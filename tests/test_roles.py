"""A speaker's role: on every quote of that speaker, the one stated last before the quote, cut
to the role noun phrase."""

from __future__ import annotations

from service.engine import extract
from service.engine.lang.lexicon import load
from service.engine.results import role_phrase


def roles(text: str, language: str = "auto") -> list[tuple[str | None, str | None]]:
    """(speaker name, role) of each quote, marked or reported."""
    return [(q.speaker.name, q.speaker.role) if q.speaker else (None, None) for q in extract(text, language).quotes]


def test_role_phrase_drops_a_leading_date_and_determiner():
    assert role_phrase("jeudi 4 mars la porte-parole du ministère", load("fr")) == "porte-parole du ministère"


def test_role_phrase_drops_a_leading_according_to():
    assert role_phrase("Selon la cheffe de la police", load("fr")) == "cheffe de la police"


def test_role_phrase_ends_before_an_adjunct():
    assert role_phrase("témoin du naufrage avec un pêcheur du port", load("fr")) == "témoin du naufrage"
    assert role_phrase("chief engineer during the storm", load("en")) == "chief engineer"


def test_role_phrase_keeps_the_words_that_qualify_the_noun():
    assert role_phrase("Dutch Finance Minister", load("en")) == "Dutch Finance Minister"


def test_an_epithet_is_no_role():
    assert role_phrase("femme de 58 ans", load("fr")) is None
    assert role_phrase("woman", load("en")) is None


def test_french_role_stated_earlier_is_on_a_pronoun_quote():
    text = (
        "La maire de Vernon, Odile Brassac, a inauguré le pont. « Il a fallu dix ans », a-t-elle rappelé. "
        "« Nous tiendrons le budget », a-t-elle ajouté."
    )
    assert roles(text, "fr") == [("Odile Brassac", "maire de Vernon")] * 2


def test_english_role_on_every_quote_of_the_speaker():
    text = (
        "“The line opens in June,” said Transport Secretary Ravi Menon. "
        "“We will add trains in autumn,” Menon said. "
        "Menon added that fares would not rise."
    )
    assert {role for _, role in roles(text, "en")} == {"Transport Secretary"}


def test_the_role_stated_last_before_the_quote_wins():
    text = (
        "Sara Kolb, a junior minister, spoke in 2019. "
        "Later Kolb became the party's leader. "
        "“We won,” said party leader Sara Kolb. "
        "“It was long,” Kolb said."
    )
    assert roles(text, "en")[-1] == ("Sara Kolb", "party leader")


def test_french_role_before_the_name_in_apposition():
    text = "Le directeur du musée, Paul Oriol, a ouvert la salle. « Nous avons attendu », a déclaré Paul Oriol."
    assert roles(text, "fr") == [("Paul Oriol", "directeur du musée")]


def test_english_role_after_the_name_without_determiner():
    text = "Ivo Brandt, curator at the glass museum, opened the wing. “It is a greenhouse,” Brandt said."
    assert roles(text, "en") == [("Ivo Brandt", "curator at the glass museum")]


def test_french_role_after_the_name_without_determiner():
    text = "Li Wen, analyste chez Orbis, suit le dossier. « Le marché attend », commente Li Wen."
    assert roles(text, "fr") == [("Li Wen", "analyste chez Orbis")]


def test_an_age_after_the_name_is_no_role():
    text = "Marc Dufay, 71 ans, est rentré. « Je suis fatigué », a dit Marc Dufay."
    assert roles(text, "fr") == [("Marc Dufay", None)]


def test_role_in_apposition_whose_complement_holds_a_name():
    text = "« Le marché attend », commente Kim Daeho, analyste à Han River Securities."
    assert roles(text, "fr") == [("Kim Daeho", "analyste à Han River Securities")]
    text = "“Fares will rise,” said Tom Reyes, chief executive of Skyline Air."
    assert roles(text, "en") == [("Tom Reyes", "chief executive of Skyline Air")]
