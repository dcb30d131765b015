"""Who a pronoun designates: animacy, gender, the topic of the sentences before it."""

from service.engine import extract


def speakers(text: str, language: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in extract(text, language, indirect=False).quotes]


def test_animacy_an_english_organisation_is_never_she():
    text = "Ada Lind welcomed the plan. “It is a start,” the ministry said. “We will see,” she said."
    assert speakers(text, "en") == ["ministry", "Ada Lind"]


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
