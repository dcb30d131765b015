"""Reported speech without quotation marks."""

from __future__ import annotations

from service.engine import extract


def indirect(text: str, language: str = "auto") -> list[tuple[str, str]]:
    return [(q.text, q.speaker.name) for q in extract(text, language).quotes if q.type == "indirect"]


def test_english_said_that():
    assert indirect("Maria Lopez said that the talks would resume in May.") == [
        ("the talks would resume in May", "Maria Lopez")
    ]


def test_french_verb_que():
    assert indirect("Jean Dupont a précisé que les contacts seraient maintenus.") == [
        ("les contacts seraient maintenus", "Jean Dupont")
    ]


def test_two_clauses_in_one_sentence_share_the_subject():
    text = "La porte-parole, Claire Martin, a déclaré que l’accord tenait, mais a ajouté qu’elle attendait un avis."
    assert indirect(text) == [("l’accord tenait", "Claire Martin"), ("elle attendait un avis", "Claire Martin")]


def test_sentence_closed_by_inverted_attribution():
    text = "Les relations ne changeront pas, a annoncé mardi le porte-parole Luc Moreau."
    assert indirect(text) == [("Les relations ne changeront pas", "Luc Moreau")]


def test_clause_with_quotation_marks_is_not_indirect():
    text = "Jean Dupont a affirmé que « rien ne change »."
    assert indirect(text) == []
    assert [q.type for q in extract(text).quotes] == ["mixed"]


def test_clause_with_double_apostrophe_marks_is_not_indirect_too():
    text = "The aide said the senator was ''very tired'' and would rest."
    assert indirect(text) == []
    assert [q.type for q in extract(text).quotes] == ["mixed"]


def test_clause_without_marks_next_to_double_apostrophe_quote_stays_indirect():
    text = "Ann Holt said the senator would rest. ''He is tired,'' she said."
    assert indirect(text) == [("the senator would rest", "Ann Holt")]
