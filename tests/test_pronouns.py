"""Who a pronoun designates: animacy, gender, the topic of the sentences before it."""

from service.engine import extract


def speakers(text: str, language: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in extract(text, language, indirect=False).quotes]


def test_animacy_an_english_organisation_is_never_she():
    text = "Ada Lind welcomed the plan. “It is a start,” the health ministry said. “We will see,” she said."
    assert speakers(text, "en") == ["health ministry", "Ada Lind"]


def test_animacy_a_french_organisation_may_be_il():
    text = "Le ministère de la Santé a publié ses chiffres. « Nous attendons une baisse », a-t-il précisé."
    assert speakers(text, "fr") == ["ministère de la Santé"]


def test_animacy_it_is_never_a_person():
    text = "“Prices will rise,” Quillon Badrix said. It added that the plan was “not decided”."
    assert speakers(text, "en") == ["Quillon Badrix", None]


def test_animacy_a_lone_surname_may_still_be_he():
    text = "“We are tired of waiting,” Vardek said.\n\n“I am the son of a farmer,” he said."
    assert speakers(text, "en") == ["Vardek", "Vardek"]


def test_gender_from_a_first_name_steers_a_pronoun():
    text = "Margaret Oyelow met Tomas Brandt on Monday. “The vote is close,” she said."
    assert speakers(text, "en") == ["Margaret Oyelow"]
    text = "Margaret Oyelow a rencontré Tomas Brandt lundi. « Le vote est serré », a-t-elle dit."
    assert speakers(text, "fr") == ["Margaret Oyelow"]


def test_topic_fronted_by_as_for_or_quant_a():
    text = (
        "Both teams trained on Friday. Coach Ivan Petrov watched with his assistant, Leon Marsh.\n\n"
        "As for the captain, Tom Reddy, he stayed in the gym all afternoon. “We are ready,” he said."
    )
    assert speakers(text, "en") == ["Tom Reddy"]
    text = (
        "Les deux équipes se sont entraînées vendredi. L'entraîneur Ivan Petrov a observé la séance "
        "avec son adjoint, Léon Marchal.\n\nQuant à Tom Reddy, il est resté à la salle tout "
        "l'après-midi. « Nous sommes prêts », a-t-il assuré."
    )
    assert speakers(text, "fr") == ["Tom Reddy"]


def test_topic_is_the_name_a_subject_phrase_opens_with():
    text = (
        "L'entraîneur Ivan Petrov a observé la séance.\n\nLe défenseur Tom Reddy, lui, est resté "
        "à la salle tout l'après-midi. « Nous sommes prêts », assure-t-il."
    )
    assert speakers(text, "fr") == ["Tom Reddy"]
    text = (
        "Coach Ivan Petrov watched the session.\n\nTom Reddy, the defender, stayed in the gym. “We are ready,” he said."
    )
    assert speakers(text, "en") == ["Tom Reddy"]


def test_no_topic_after_a_preposition_or_a_possessive():
    text = "Coach Ivan Petrov spoke on Friday. Fans of Tom Reddy waited outside the gym. “We are ready,” he said."
    assert speakers(text, "en") == ["Ivan Petrov"]
    text = "Coach Ivan Petrov spoke on Friday. Tom Reddy's fans waited outside the gym. “We are ready,” he said."
    assert speakers(text, "en") == ["Ivan Petrov"]


def test_apposition_before_the_verb_is_no_inversion():
    text = (
        "Quillon Badrix, a hydrologist, said Mayor Vardek Ommo had ignored the warnings. "
        "“The levee was never tested,” he said."
    )
    assert speakers(text, "en") == ["Quillon Badrix"]
    text = (
        "Quillon Badrix, hydrologue, a déclaré que le maire Vardek Ommo avait ignoré les alertes. "
        "« La digue n'a jamais été testée », a-t-il dit."
    )
    assert speakers(text, "fr") == ["Quillon Badrix"]


def test_after_a_comma_the_subject_follows_the_verb():
    # a name inside the clause before the comma is not the subject of the incise
    text = (
        "Le conseil a voté la confiance au cabinet Vardek, qui entre ainsi en fonction, a annoncé "
        "la présidente Ysé Fardel. « Le vote est acquis », a-t-elle précisé."
    )
    assert speakers(text, "fr") == ["Ysé Fardel"]


def test_plural_pronoun_to_a_plural_noun_phrase():
    text = "Analysts at Morrow Bank said prices would fall. “We expect a drop,” they said."
    assert speakers(text, "en") == ["Analysts at Morrow Bank"]


def test_plural_pronoun_not_to_the_person_named_before():
    text = (
        "Quillon Badrix runs the depot. Analysts at Morrow Bank said prices would fall. “We expect a drop,” they said."
    )
    assert speakers(text, "en") == ["Analysts at Morrow Bank"]


def test_a_clause_after_an_inverted_verb_is_not_its_subject():
    text = (
        "Quillon Badrix, the head gardener at Elm Court and a former curator with Kew Vale and "
        "Parque Sur, said the estate would not fell any oak. “A tree is not timber,” he said."
    )
    assert speakers(text, "en") == ["Quillon Badrix"]
