"""What a description refers to: a role noun or an epithet for the person just named, an
organisation's common noun or spokesperson for the organisation, a document for its author;
an indefinite description for someone new, a possessed one never for its possessor."""

from __future__ import annotations

from service.engine import extract


def speakers(text: str, language: str = "auto") -> list[tuple[str | None, str | None]]:
    """(speaker name, role) of the marked quotes."""
    return [
        (q.speaker.name, q.speaker.role) if q.speaker else (None, None)
        for q in extract(text, language, indirect=False).quotes
    ]


def test_english_age_epithet_is_the_person_just_named():
    text = "Nia Osei won the marathon in Accra on Sunday. “I trained in the rain,” the 41-year-old said."
    assert speakers(text, "en") == [("Nia Osei", None)]


def test_english_bare_role_noun_is_the_subject_before():
    text = "The novelist Petra Lund turned down the prize on Monday. “It is not mine to take,” the writer said."
    assert speakers(text, "en")[0][0] == "Petra Lund"


def test_french_epithet_agrees_in_gender_with_the_person():
    text = (
        "Berthe Loriot tient la boulangerie depuis 1980. Lundi, elle a reçu son congé. "
        "« On me met dehors », s'indigne la septuagénaire."
    )
    assert speakers(text, "fr")[0][0] == "Berthe Loriot"


def test_french_role_noun_stated_in_apposition_is_that_person():
    text = "Le directeur du musée, Paul Rey, a accueilli le préfet. « Ce legs change tout », a souligné le directeur."
    assert speakers(text, "fr") == [("Paul Rey", "directeur")]


def test_an_indefinite_description_is_someone_new():
    text = "Senator Ada Voss spoke first. “It was a mess,” a senator said."
    assert speakers(text, "en")[0][0] != "Ada Voss"


def test_french_indefinite_description_is_someone_new():
    text = "Le guide Marc Sorel a ouvert la voie. « La neige a tout couvert », a raconté un guide."
    assert speakers(text, "fr")[0][0] != "Marc Sorel"


def test_english_organisation_common_noun_is_the_firm_named_before():
    text = "Orvane Rail will cut its weekend trains from May. “We would rather run fewer trains,” the operator said."
    assert speakers(text, "en")[0][0] == "Orvane Rail"


def test_english_spokesperson_speaks_for_the_organisation_with_its_role():
    text = (
        "The Kalto Wildlife Trust suspended its programme. "
        "“We owe the public an account,” a spokeswoman for the trust said."
    )
    assert speakers(text, "en") == [("Kalto Wildlife Trust", "spokeswoman for the trust")]


def test_french_spokesperson_speaks_for_the_organisation():
    text = "La police de Lyon a fermé la gare. « Aucun train ne part ce soir », a précisé un porte-parole de la police."
    name, role = speakers(text, "fr")[0]
    assert name.startswith("police") and role == "porte-parole de la police"


def test_english_document_without_author_stays_the_document():
    text = "Prices went up again in March. “Demand is weak,” the survey said."
    name, _ = speakers(text, "en")[0]
    assert name is not None and name.endswith("survey")
