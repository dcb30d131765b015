"""The many ways news reports speech, one small example of each, in English and in French."""

from __future__ import annotations

import pytest

from service.engine import extract
from service.engine.lang import LANGUAGES, load


def quotes(text: str, language: str = "auto", indirect: bool = False):
    return extract(text, language, indirect=indirect).quotes


def who(text: str, language: str = "auto") -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes(text, language)]


# 2. indirect speech


def test_selon_clause_is_indirect():
    (quote,) = quotes("Selon Claire Martin, les négociations reprendront en mai.", indirect=True)
    assert (quote.type, quote.text, quote.speaker.name) == (
        "indirect",
        "les négociations reprendront en mai",
        "Claire Martin",
    )


def test_english_sentence_closed_by_attribution_is_indirect():
    (quote,) = quotes("The talks will resume in May after the summer break, Paul Grant said.", indirect=True)
    assert (quote.type, quote.speaker.name) == ("indirect", "Paul Grant")
    assert quote.text == "The talks will resume in May after the summer break"


# 3. quotes over several paragraphs


def test_english_quote_over_two_paragraphs_is_one_chain():
    text = "Maria Lopez spoke first.\n\n“We will not give up. We have the votes.\n\n“And we will win,” she said."
    first, second = quotes(text)
    assert second.continues == first.id
    assert first.speaker.name == second.speaker.name == "Maria Lopez"
    assert first.speaker.resolution == "continuation"


# 4. pronouns and descriptions


def test_french_pronoun_subject_with_que():
    text = "Jean Dupont a reçu la délégation.\n\nIl a accusé que l’accord « ne tient plus »."
    assert who(text) == ["Jean Dupont"]


def test_french_feminine_pronoun_skips_men():
    text = "Mme Claire Martin et M. Luc Moreau ont parlé. « Nous attendons », a-t-elle précisé."
    assert who(text) == ["Claire Martin"]


def test_description_the_article_tied_to_a_name():
    text = 'Agency spokeswoman Anna Berg spoke on Monday. "We are ready," the spokeswoman said.'
    (quote,) = quotes(text)
    assert quote.speaker.name == "Anna Berg"
    assert quote.speaker.resolution == "description"


def test_french_ministry_described_again():
    text = "Le ministère belge de la Santé a publié un avis. « La situation est grave », a noté le ministère."
    (quote,) = quotes(text)
    assert quote.speaker.name == "ministère belge de la Santé"
    assert quote.speaker.kind == "organization"


# 5. organisations


def test_french_statement_by_an_organisation():
    text = "Le ministère de l’Intérieur a déclaré dans un communiqué que « la sécurité est assurée »."
    (quote,) = quotes(text)
    assert quote.speaker.kind == "organization"
    assert quote.speaker.name.startswith("ministère de l’Intérieur")


def test_english_company_statement():
    (quote,) = quotes("“We regret the delay,” the company said in a statement.")
    assert quote.speaker.name == "company"
    assert quote.speaker.kind == "organization"


# 7. roles


def test_english_apposition_after_the_name():
    text = "“It is regrettable,” said Pieter Janssen, the Dutch foreign minister, on Monday."
    (quote,) = quotes(text)
    assert quote.speaker.role == "Dutch foreign minister"


def test_all_roles_of_a_speaker_are_collected():
    text = "“Yes,” said Finance Minister Lucia Ortega.\n\n“No,” said Lucia Ortega, the head of the party, later."
    (speaker,) = extract(text, indirect=False).speakers
    assert speaker.roles == ["Finance Minister", "head of the party"]


# 8. the other ways news attributes speech


def test_english_quote_split_by_its_attribution():
    text = "Anna Berg arrived late. “It is over,” she said. “We lost.”"
    assert who(text) == ["Anna Berg", "Anna Berg"]


def test_french_speech_tag_inside_the_marks():
    text = "Claire Martin est arrivée. « Moi, dit-elle, je n’ai rien vu. »"
    (quote,) = quotes(text)
    assert quote.speaker.name == "Claire Martin"
    assert quote.rule == "cue-inside"


def test_speaker_introduced_in_the_sentence_before():
    text = "Khalid Ahmed, a Labour MP, said he was worried. “This cannot go on.”"
    (quote,) = quotes(text)
    assert (quote.speaker.name, quote.rule) == ("Khalid Ahmed", "previous-sentence")
    text = "Luc Moreau, député de la Somme, a dit son inquiétude. « Cela ne peut pas durer. »"
    assert who(text) == ["Luc Moreau"]


def test_aside_between_name_and_verb():
    assert who("Sir Paul Grant, who replaced Tim Jones as leader in July, said: “We are back.”") == ["Paul Grant"]
    assert who("Luc Moreau, qui a remplacé Paul Petit en juillet, a déclaré : « Nous revenons. »") == ["Luc Moreau"]


def test_colon_lead_in_on_the_line_before():
    assert who("And from Chairwoman Ana Silva:\n\n“We will vote on Friday.”") == ["Ana Silva"]
    assert who("Jean Dupont a ensuite déclaré :\n\n« Nous voterons vendredi. »") == ["Jean Dupont"]


def test_transcript_labels():
    text = '"SMITH: Will you run?\n\n"JONES: Not this year.'
    assert who(text) == ["SMITH", "JONES"]


@pytest.mark.parametrize(
    "text",
    [
        "“It is too late,” sighed Paul Grant.",
        "“Nobody listens,” grumbled Paul Grant.",
        "“We warned them,” Paul Grant tweeted.",
        "« C’est trop tard », a martelé Paul Grant.",
        "« Quelle surprise », a ironisé Paul Grant.",
        "« C’est inacceptable », a tonné Paul Grant.",
        "« Jamais », a rétorqué Paul Grant.",
    ],
)
def test_less_common_reporting_verbs(text):
    assert who(text) == ["Paul Grant"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_reporting_verb_lexicons_are_large(language):
    lemmas = set(load(language).verbs.values())
    assert len(lemmas) > 100
    assert len(load(language).verbs) > 3 * len(lemmas)  # inflected forms, not lemmas only


# 10. evidence and confidence


def test_weak_evidence_scores_low():
    (quote,) = quotes("Paul Grant admires the plan as a “bold idea” for the city.")
    assert quote.rule == "sentence-subject"
    assert quote.confidence < 0.5


def test_possessive_claim_that():
    (quote,) = quotes("Critics pounced on Anna Berg’s claim that the plan was “a disaster” last week.")
    assert (quote.speaker.name, quote.rule) == ("Anna Berg", "possessive")


def test_clause_after_a_quote_starting_with_but_is_not_its_attribution():
    text = "Kerr Putney, the police chief, said the video did not give “clear evidence,” but he said that it helped."
    (quote,) = quotes(text)
    assert quote.speaker.name == "Kerr Putney"


def test_full_name_with_initial_and_suffix():
    text = "Vice President Joseph R. Biden Jr. spoke on Friday.\n\n“Tell that to the janitor,” Mr. Biden said."
    (speaker,) = extract(text, indirect=False).speakers
    assert speaker.name == "Joseph R. Biden Jr."
    assert speaker.roles == ["Vice President"]


def test_as_x_put_it():
    (quote,) = quotes("As Anna Berg put it in a statement, the plan is “dead on arrival.”")
    assert quote.speaker.name == "Anna Berg"


def test_place_abbreviations_in_an_apposition():
    text = "Paul Grant, of Springfield, Va., said he had fought “for the nation’s rights.”"
    (quote,) = quotes(text)
    assert quote.speaker.name == "Paul Grant"


def test_aside_between_dashes():
    text = "Paul Grant -- the head of a firm that owns two papers -- told me, “We are a content provider.”"
    assert who(text) == ["Paul Grant"]


def test_name_followed_by_where_it_comes_from():
    text = (
        "La ville est tombée, affirme Karim Abd al-Nour de l’Observatoire des droits de l’homme.\n\n"
        "« C’est un tournant » a-t-il souligné."
    )
    assert who(text) == ["Karim Abd al-Nour"]
    assert who("“It is a turning point,” said Karim Nour of the Observatory for Human Rights.") == ["Karim Nour"]
