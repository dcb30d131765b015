"""Who said it: one small example per way news reports speech, in English and French."""

from __future__ import annotations

from service.engine import extract


def attributed(text: str, language: str = "auto") -> list[tuple[str, str | None]]:
    """(quote text, speaker name) of the marked quotes."""
    result = extract(text, language, indirect=False)
    return [(q.text, q.speaker.name if q.speaker else None) for q in result.quotes]


def speaker_of(text: str, language: str = "auto") -> str | None:
    (quote,) = extract(text, language, indirect=False).quotes
    return quote.speaker.name if quote.speaker else None


def role_of(text: str, language: str = "auto") -> str | None:
    (quote,) = extract(text, language, indirect=False).quotes
    return quote.speaker.role if quote.speaker else None


def test_english_verb_after_name_after_quote():
    assert speaker_of("“We are ready,” Maria Lopez said on Tuesday.") == "Maria Lopez"


def test_english_inverted_verb_after_quote():
    assert speaker_of("“We are ready,” said Maria Lopez.") == "Maria Lopez"


def test_french_inverted_compound_verb_after_quote():
    assert speaker_of("« Nous sommes prêts », a déclaré Jean Dupont.") == "Jean Dupont"


def test_french_inverted_verb_with_time_words():
    assert speaker_of("« Nous sommes prêts », a justifié ce lundi Jean Dupont.") == "Jean Dupont"


def test_english_colon_introduction():
    assert speaker_of("Maria Lopez told reporters: “We are ready.”") == "Maria Lopez"


def test_french_colon_introduction():
    assert speaker_of("Jean Dupont a déclaré : « Nous sommes prêts. »") == "Jean Dupont"


def test_according_to_and_selon():
    assert speaker_of("According to Maria Lopez, “the plan is dead.”") == "Maria Lopez"
    assert speaker_of("Selon Jean Dupont, « le projet est mort ».") == "Jean Dupont"


def test_pronoun_inversion_resolves_to_last_person():
    text = "Jean Dupont est arrivé lundi. « Nous sommes prêts », a-t-il ajouté."
    assert speaker_of(text) == "Jean Dupont"


def test_english_pronoun_resolves_by_gender():
    text = "Mr. Paul Grant met Mrs. Anna Berg on Monday. “It went well,” she said."
    assert speaker_of(text) == "Anna Berg"


def test_mixed_quote_belongs_to_subject_of_reporting_verb():
    text = "Paul Grant accused the board of “gross negligence” in the affair."
    assert speaker_of(text) == "Paul Grant"


def test_mixed_quote_after_que():
    text = "Jean Dupont a déclaré à Lyon que « cette décision prolongera la crise »."
    assert speaker_of(text) == "Jean Dupont"


def test_second_quote_of_adding_clause_keeps_speaker():
    text = "Jean Dupont a estimé que « rien ne change », ajoutant que « tout reste à faire »."
    assert attributed(text) == [("rien ne change", "Jean Dupont"), ("tout reste à faire", "Jean Dupont")]


def test_sentence_final_attribution_covers_the_quote_in_it():
    text = "In case of “emergency”, the agency will call the embassy, Paul Grant said."
    assert speaker_of(text) == "Paul Grant"


def test_apposition_after_inverted_verb_gives_name_and_role():
    text = "“It is regrettable,” said the head of Dutch diplomacy, Pieter Janssen, on Monday."
    assert speaker_of(text) == "Pieter Janssen"
    assert role_of(text) == "head of Dutch diplomacy"


def test_title_before_name_is_the_role():
    assert role_of("“We are ready,” Spanish Finance Minister Lucia Ortega said.") == "Spanish Finance Minister"
    assert role_of("« Prêts », a déclaré le ministre belge de la Santé Marc Peeters.") == "ministre belge de la Santé"


def test_role_with_comma_before_name():
    text = "La porte-parole de l’ONU, Claire Martin, a déclaré : « Nous attendons. »"
    assert speaker_of(text) == "Claire Martin"
    assert role_of(text) == "porte-parole de l’ONU"


def test_no_role_is_invented():
    assert role_of("« Nous attendons », a déclaré Claire Martin.") is None


def test_organisation_speaks_when_no_person_is_named():
    assert speaker_of("“We regret this,” NATO said in a statement.") == "NATO"
    assert speaker_of("« Nous regrettons », a indiqué le Kremlin.") == "Kremlin"


def test_description_tied_to_a_named_person():
    text = "Marc Peeters, 64 ans, a quitté Bruxelles. L’homme de 64 ans a ajouté : « Je reviendrai. »"
    assert speaker_of(text) == "Marc Peeters"


def test_continuation_paragraph_keeps_the_speaker():
    text = "« Nous partons », a déclaré Jean Dupont.\n\n« Et nous ne reviendrons pas. »"
    assert attributed(text) == [("Nous partons", "Jean Dupont"), ("Et nous ne reviendrons pas.", "Jean Dupont")]


def test_headline_repeating_a_quote_does_not_steal_attribution():
    text = "“The deal is dead”\n\nTalks collapsed. “The deal is dead,” Paul Grant said."
    assert attributed(text) == [("The deal is dead", "Paul Grant"), ("The deal is dead,", "Paul Grant")]


def test_scare_quote_has_no_speaker():
    text = "The so-called “peace dividend” never came.\n\nThe plan was called a “farce” by nobody."
    assert [speaker for _, speaker in attributed(text)] == [None, None]


def test_dash_signature():
    assert speaker_of("“Connectivity is a right.” — Commissioner Ana Silva") == "Ana Silva"


def test_glued_sentences_still_split():
    text = "Le projet avance, a annoncé Jean Dupont.Le porte-parole a dit « non »."
    result = extract(text, indirect=False)
    assert [q.text for q in result.quotes] == ["non"]


def test_entity_merges_transliterations_and_titles():
    text = (
        "Russian Foreign Minister Sergei Lavrov spoke. “We leave,” said Sergey Lavrov.\n"
        "« Nous partons », a dit M. Lavrov. « Fin », a ajouté Lavrov."
    )
    result = extract(text, "en", indirect=False)
    assert len({q.speaker.entity for q in result.quotes}) == 1
    (speaker,) = result.speakers
    assert speaker.name in ("Sergei Lavrov", "Sergey Lavrov")
    assert "Russian Foreign Minister" in speaker.roles


def test_two_people_sharing_a_surname_stay_apart():
    text = "“Yes,” said Hillary Clinton. “No,” said Bill Clinton."
    result = extract(text, indirect=False)
    assert [q.speaker.name for q in result.quotes] == ["Hillary Clinton", "Bill Clinton"]
    assert len(result.speakers) == 2


def test_evidence_explains_each_attribution():
    (quote,) = extract("“We are ready,” said Maria Lopez.", indirect=False).quotes
    assert quote.rule == "cue-after" and quote.cue.text == "said"
    assert quote.speaker.resolution == "name"
    assert quote.confidence > 0.9


def test_confidence_ranks_explicit_cues_above_pronouns():
    text = "Maria Lopez arrived. “We are ready,” she said. “We leave,” said Maria Lopez."
    pronoun, named = extract(text, indirect=False).quotes
    assert named.confidence > pronoun.confidence > 0
