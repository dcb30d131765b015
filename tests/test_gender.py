"""A speaker's gender and how it was decided: title, role noun, pronoun, first name."""

from service.engine import extract
from service.engine.lang.first_names import first_name_table
from service.engine.lang.lexicon import load


def gender_of(text: str, language: str) -> tuple[str | None, str | None]:
    speakers = extract(text, language).speakers
    assert len(speakers) == 1, speakers
    return speakers[0].gender, speakers[0].gender_source


def test_first_name_table_is_shared_and_a_pack_reads_a_name_its_own_way():
    assert first_name_table()["marie"] == "f"
    assert load("en").first_name_gender("jean") == ""  # unclear in English: absent from the table
    assert load("fr").first_name_gender("jean") == "m"


def test_gender_from_a_title():
    assert gender_of("“We will appeal,” said Mrs. Tessa Vanlo.", "en") == ("female", "title")
    assert gender_of("« Nous ferons appel », a déclaré M. Ilan Brosq.", "fr") == ("male", "title")


def test_gender_from_the_agreement_of_a_role_noun():
    assert gender_of("“Talks go on,” company spokeswoman Dree Hallam said.", "en") == ("female", "role noun")
    assert gender_of("« Rien n'est joué », a dit la ministre Ysé Fardel.", "fr") == ("female", "role noun")


def test_gender_from_a_pronoun_resolved_to_the_speaker():
    text = "« Nous restons », a déclaré Orlan Vesk. Il a ajouté : « Nous partirons plus tard. »"
    assert gender_of(text, "fr") == ("male", "pronoun")


def test_gender_from_a_first_name():
    assert gender_of("“The vote is close,” Margaret Oyelow said.", "en") == ("female", "first name")
    assert gender_of("« Le vote est serré », a dit Jean Verlac.", "fr") == ("male", "first name")


def test_what_the_text_states_outranks_the_first_name():
    # a woman's title over a first name the table reads as a man's
    assert gender_of("“We will appeal,” said Ms. Michael Tarrow.", "en") == ("female", "title")


def test_no_gender_when_nothing_says():
    assert gender_of("“The vote is close,” Quillon Badrix said.", "en") == (None, None)


def test_an_organisation_has_no_gender():
    speakers = extract("« Les prix baissent », a indiqué la société Vantrel.", "fr").speakers
    assert [(s.kind, s.gender, s.gender_source) for s in speakers] == [("organization", None, None)]
