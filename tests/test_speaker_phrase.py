"""Reading the phrase that names the speaker: where it ends, what stands between it and its
verb, and which words belong to the cue, in English and French."""

from __future__ import annotations

from service.engine import extract


def speakers(text: str, language: str = "auto") -> list[str | None]:
    """The speaker name of each marked quote, in order."""
    return [q.speaker.name if q.speaker else None for q in extract(text, language, indirect=False).quotes]


def cues(text: str, language: str = "auto") -> list[str | None]:
    return [q.cue.text if q.cue else None for q in extract(text, language, indirect=False).quotes]


# -- French object clitics belong to the verb group ------------------------------------------------


def test_french_indirect_object_clitic_before_inverted_verb():
    text = "« Le pont rouvrira en mai », lui a répondu la maire, Odile Ferrand."
    assert speakers(text, "fr") == ["Odile Ferrand"]
    assert cues(text, "fr") == ["lui a répondu"]


def test_french_plural_object_clitic_before_inverted_verb():
    assert speakers("« Rien ne changera », leur a assuré le préfet, Bruno Castel.", "fr") == ["Bruno Castel"]


def test_french_first_person_clitic_is_no_subject_of_a_third_person_verb():
    assert speakers("« La récolte est perdue », nous a confié Lucien Morel, viticulteur.", "fr") == ["Lucien Morel"]
    assert speakers("« Le four a lâché », m'a glissé Rosa Pinel.", "fr") == ["Rosa Pinel"]


def test_french_nous_with_a_first_person_verb_is_the_subject():
    assert cues("« Pas question », nous répond Marc Petit.", "fr") == ["nous répond"]
    assert speakers("« Pas question », nous répondons à Marc Petit.", "fr") != ["Marc Petit"]


def test_french_comme_le_clitic_before_the_verb():
    text = "« Le marché a doublé », comme le rappelle l'économiste Iris Tallec."
    assert speakers(text, "fr") == ["Iris Tallec"]


def test_french_article_before_a_verb_form_stays_a_noun():
    assert cues("Le rappel de Jean Morin : « Soyez prudents ».", "fr") == [None]


# -- asides between the subject and its verb -----------------------------------------------------


def test_english_relative_clause_with_its_own_apposition_is_an_aside():
    text = (
        "Senator Ada Quill, whose panel audited the deal made by the former governor, Roy Hale, called it “a scandal”."
    )
    assert speakers(text, "en") == ["Ada Quill"]


def test_french_relative_clause_with_its_own_apposition_is_an_aside():
    text = "La maire, Inès Carvalho, qui a reçu lundi le préfet, Marc Delorme, a promis « des bus dès mai »."
    assert speakers(text, "fr") == ["Inès Carvalho"]


def test_name_right_before_the_verb_after_a_relative_clause_is_the_subject():
    text = "They met the mayor, who smiled, and then Rita Vance said “we are done”."
    assert speakers(text, "en") == ["Rita Vance"]


def test_english_predicate_aside_is_not_the_role():
    text = "Goalkeeper Tom Reyes, visibly shaken, called the goal “a gift”."
    result = extract(text, "en", indirect=False).quotes[0].speaker
    assert result.name.endswith("Tom Reyes") and result.role != "visibly shaken"


def test_french_participle_aside_holds_its_own_apposition():
    text = "Le club de Valmont, ulcéré par l'exclusion de son capitaine, Hugo Bret, a dénoncé « une honte »."
    assert speakers(text, "fr") != ["Hugo Bret"]


def test_fronted_participle_clause_keeps_the_subject_after_it():
    text = "Sounding tired, especially in the evening, Mrs. Lane said “we will rest”."
    assert speakers(text, "en") == ["Lane"] or speakers(text, "en") == ["Mrs. Lane"]


def test_name_description_name_the_second_name_belongs_to_the_description():
    text = "Lea Marsh, adviser to the president of the league, Omar Said, describes the rule as “a relic”."
    assert speakers(text, "en") == ["Lea Marsh"]


# -- a speech tag inside the marks ------------------------------------------------------------------


def test_french_tag_inside_closed_by_a_full_stop():
    text = "« Le four a tenu, raconte Paul Garnier. Tout le reste est à refaire. »"
    assert speakers(text, "fr") == ["Paul Garnier"]


def test_french_tag_inside_closed_after_an_adjunct():
    text = "« Nous avons tout vendu, confie au téléphone Lise Aubert. Il ne reste rien. »"
    assert speakers(text, "fr") == ["Lise Aubert"]


def test_french_inverted_pronoun_tag_inside_closed_by_a_full_stop():
    text = "Marc Lenoir a rouvert sa boutique. « Tout a brûlé, raconte-t-il. Il a fallu tout racheter. »"
    assert speakers(text, "fr") == ["Marc Lenoir"]


def test_english_inverted_content_inside_a_quote_names_no_speaker():
    text = "“They want me to stand up, read a teleprompter. I will not,” the senator said."
    assert "teleprompter" not in (speakers(text, "en")[0] or "")


# -- nouns that look like cues ----------------------------------------------------------------------


def test_plural_noun_after_a_participle_adjective_is_no_cue():
    assert cues("In his opening remarks “we failed” was the theme.", "en") == [None]


def test_verb_after_a_participle_subject_stays_a_cue():
    assert cues("Those attending said “never again”.", "en") == ["said"]
