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


def test_aside_between_subject_and_verb_then_bare_clause():
    text = "Ann Holt, a nurse at the city hospital, said she had worked three night shifts in a row."
    assert indirect(text) == [("she had worked three night shifts in a row", "Ann Holt")]


def test_inverted_incise_after_comma_is_not_a_bare_clause():
    text = "The bridge will reopen on Monday, said Maria Lopez, the head of the roads agency."
    assert indirect(text) == [("The bridge will reopen on Monday", "Maria Lopez")]


def test_bare_clause_after_the_person_told():
    text = "Omar Haddad told the panel he had never signed the lease before the sale."
    assert indirect(text) == [("he had never signed the lease before the sale", "Omar Haddad")]


def test_the_outlet_told_is_no_clause():
    assert indirect("The fire spread quickly, Omar Haddad told The Daily Courier.") == [
        ("The fire spread quickly", "Omar Haddad")
    ]


def test_bare_clause_opening_with_there_and_after_a_day():
    assert indirect("Omar Haddad said Monday there was no money left for the repairs.") == [
        ("there was no money left for the repairs", "Omar Haddad")
    ]


def test_according_to_at_the_end_of_the_sentence():
    assert indirect("The bridge will reopen on Monday, according to the roads agency.") == [
        ("The bridge will reopen on Monday", "roads agency")
    ]
    assert indirect("The bridge will reopen on Monday, according to Maria Lopez, a spokeswoman.") == [
        ("The bridge will reopen on Monday", "Maria Lopez")
    ]


def test_selon_at_the_end_and_in_the_middle_of_the_sentence():
    assert indirect("Le pont rouvrira lundi, selon la préfecture de la Somme.") == [
        ("Le pont rouvrira lundi", "préfecture de la Somme")
    ]
    assert indirect("En 2019, selon le ministère de l'Intérieur, le pont a été fermé deux fois.") == [
        ("le pont a été fermé deux fois", "ministère de l'Intérieur")
    ]


def test_selon_with_a_source_that_is_no_speaker_reports_nothing():
    assert indirect("Les prix varient beaucoup, selon les saisons.") == []


def test_parenthetical_tag_reports_what_follows_it():
    text = (
        "The potter Ada Obi rented a kiln in 2020. Even so, she says, nearly all her buyers live across town. "
        "The studio, she added, would not last without the weekend market."
    )
    assert indirect(text) == [
        ("nearly all her buyers live across town", "Ada Obi"),
        ("would not last without the weekend market", "Ada Obi"),
    ]


def test_french_parenthetical_tag_reports_what_follows_it():
    text = (
        "La brasseuse Élise Roux a fermé une cuve. Pourtant, assure-t-elle, la brasserie n'est pas "
        "menacée. La bière de saison, ajoute-t-elle, a trouvé des clients en ville."
    )
    assert indirect(text) == [
        ("la brasserie n'est pas menacée", "Élise Roux"),
        ("a trouvé des clients en ville", "Élise Roux"),
    ]


def test_incise_followed_by_a_coordinated_clause_reports_the_clause_before():
    text = "The designer Ada Obi spoke on Monday. The plan is dead, she said, and the talks are over."
    assert indirect(text) == [("The plan is dead", "Ada Obi")]


def test_participle_clause_takes_the_main_clause_subject():
    text = "Mayor Ann Holt toured the market on Monday, saying the stalls would reopen soon."
    assert indirect(text) == [("the stalls would reopen soon", "Ann Holt")]


def test_verb_after_and_takes_the_sentence_subject():
    text = "Mayor Ann Holt walked through the market on Thursday and said the stalls would reopen soon."
    assert indirect(text) == [("the stalls would reopen soon", "Ann Holt")]
    text = "La ministre Sarah Diallo a parcouru le port lundi et a promis que le quai rouvrirait en juin."
    assert indirect(text) == [("le quai rouvrirait en juin", "Sarah Diallo")]


def test_plural_role_noun_subject_is_a_source():
    assert indirect("The bridge will reopen on Monday, the aides said.") == [
        ("The bridge will reopen on Monday", "aides")
    ]


def test_plural_noun_that_is_no_role_is_no_source():
    assert indirect("The bridge will reopen on Monday, the plans said.") == []


def test_french_coordinated_que_gives_one_clause_each():
    text = "Pierre Roux a admis que la récolte avait été maigre, mais que les prix tenaient bon."
    assert indirect(text) == [
        ("la récolte avait été maigre", "Pierre Roux"),
        ("les prix tenaient bon", "Pierre Roux"),
    ]


def test_english_coordinated_that_stays_one_report():
    text = "Ann Holt said that tenants would owe no fee and that the county would cover the works."
    assert indirect(text) == [("tenants would owe no fee and that the county would cover the works", "Ann Holt")]


def test_the_verb_nearest_the_complementizer_owns_the_clause():
    text = "Le maire, Luc Chazal, a salué le projet en assurant qu'il créerait trente emplois."
    assert indirect(text) == [("il créerait trente emplois", "Luc Chazal")]


def test_selon_without_comma_at_the_end_and_with_an_apposition():
    assert indirect("La grève pourrait encore durer une semaine selon les services de la mairie.") == [
        ("La grève pourrait encore durer une semaine", "services de la mairie")
    ]
    text = "Le métro n'avait jamais connu un tel désastre, selon Paul Lhote, le président de la régie."
    assert indirect(text) == [("Le métro n'avait jamais connu un tel désastre", "Paul Lhote")]


def test_fronted_phrase_before_a_parenthetical_tag_is_not_the_content():
    text = "Le linguiste Marc Petit parle vite. Contrairement aux discours, appuie-t-il, le français recule en Asie."
    assert indirect(text) == [("le français recule en Asie", "Marc Petit")]


def test_role_after_an_incise_at_the_end_is_no_content():
    text = "The allotments will close in May, said Ann Holt, chair of the city's allotment federation."
    assert indirect(text) == [("The allotments will close in May", "Ann Holt")]


def test_request_verbs_report_the_person_asked_and_the_request():
    assert indirect("Ann Holt urged the council to abandon the plan.") == [
        ("the council to abandon the plan", "Ann Holt")
    ]
    assert indirect("Ann Holt called on Bob Lee to resign from his post.") == [
        ("Bob Lee to resign from his post", "Ann Holt")
    ]


def test_commitment_verbs_report_the_infinitive():
    assert indirect("Ann Holt vowed to ban the cars from the city centre.") == [
        ("to ban the cars from the city centre", "Ann Holt")
    ]


def test_asked_without_a_request_reports_nothing():
    assert indirect("Ann Holt asked about the cost of the bridge to the city.") == []
    assert indirect("A nurse, Ann Holt, who asked not to be named in the report, left early.") == []


def test_bare_clause_opening_with_a_bare_noun_and_a_finite_verb():
    assert indirect("Omar Haddad said economic growth was the answer to the crisis.") == [
        ("economic growth was the answer to the crisis", "Omar Haddad")
    ]


def test_bare_noun_without_a_finite_verb_after_it_is_no_clause():
    assert indirect("Omar Haddad said goodbye to the staff of the hospital.") == []


def test_role_after_an_inverted_tag_closing_a_quote_is_no_content():
    text = "« Nous partons », a déclaré Paul Leroy, ministre des Affaires étrangères."
    assert indirect(text) == []


def test_parenthetical_tag_followed_by_a_role_reports_the_clause_after_it():
    text = "Par ailleurs, poursuit Paul Leroy, ministre de la Culture, une langue sans école disparaît."
    assert indirect(text) == [("une langue sans école disparaît", "Paul Leroy")]
