"""Hostile and broken input: the engine stays linear, spans stay honest, the API never answers 500.

Each hostile text gets a time budget linear in its size, and the engine's own budget check is
the assertion: a quadratic path would spend it and raise. (The full-size corpus is
``benchmarks/hostile.py``; these are the same shapes, smaller.)
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from service.engine import BudgetExceeded, extract
from service.engine.entities.index import Entity, EntityIndex
from service.engine.entities.resolve import Resolver
from service.engine.reading.cues import CueIndex
from service.engine.text.document import Document

ROOT = Path(__file__).resolve().parent.parent
MICROSECONDS_PER_CHAR = 40  # about ten times the slowest shape measured; far below any quadratic path

HOSTILE = {
    "opening marks": "«" * 50_000,
    "curly openers": "“" * 50_000,
    "straight quotes": '"' * 100_000,
    "quote never closed": "« " + "mot " * 50_000,
    "one capitalised word": "Lavrov " * 30_000,
    "no space": "a" * 200_000,
    "marks nested deep": "«“‘" * 1000 + "x" + "’”»" * 1000,
    "cue phrases in a row": "a déclaré Jean Dupont, " * 5_000,
    "said said said": "said Paul Grant said " * 5_000,
    "newlines": "\n" * 200_000,
    "bidi and joiners": "\u202e\u200d« Oui »\u200d a dit \u202eMarie " * 5_000,
    "pronouns and names": "Paul Grant said he was sure. “Yes,” he said. " * 2_000,
    "namesakes": " ".join(f"Jean{i} Dupont a dit « oui »." for i in range(5_000)),
    "abbreviation dots": "M. " * 50_000,
    "organisations and plural pronouns": "\n".join(
        f"Le ministère Agence{i} a publié un rapport. Ils ont déclaré : « Nous restons prudents. »"
        for i in range(1_000)
    ),
    "one sentence of many quotes": "Il a dit " + ", ".join(f"« mot{i} »" for i in range(8_000)) + ".",
    "one sentence of pronoun quotes": "Marie Curie a parlé "
    + ", ".join(f"puis elle a dit « mot{i} »" for i in range(3_000))
    + ".",
    "one person, many roles": "\n".join(f"Le ministre de la Ville{i} Jean Dupont a dit « oui »." for i in range(2_000)),
    "quotes, then clauses that hang on them": "\n".join(
        f"Jean Dupont{i} a dit « oui ». Il a déclaré que la situation était grave, ajoutant que tout irait bien."
        for i in range(1_000)
    ),
    "one paragraph of pronouns": " ".join(
        f"Marie Dupont{i} a dit : « Oui. » Elle a ajouté : « Non. »" for i in range(2_000)
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_handled_in_linear_time(name):
    text = HOSTILE[name]
    budget = 1.0 + len(text) * MICROSECONDS_PER_CHAR / 1e6
    result = extract(text, budget=budget)
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text


def test_a_plural_pronoun_reads_a_bounded_number_of_organisations(monkeypatch):
    """ "Ils ont déclaré" looks back at the organisations mentioned last, not at all of them."""
    index = EntityIndex()
    for i in range(5_000):
        index.organization(f"Agence {i}", i * 20, i * 20 + 10).quotes = 1
    read = []
    original = Entity.latest_before
    monkeypatch.setattr(Entity, "latest_before", lambda self, pos: read.append(self) or original(self, pos))
    assert index.by_pronoun("p", 10**9).name == "Agence 4999"
    assert 0 < len(read) <= 64


def test_an_entity_keeps_a_bounded_number_of_roles_and_aliases():
    person = EntityIndex().person("Jean Dupont", 0, 11)
    for i in range(1_000):
        person.add_role(f"ministre de la Ville{i}")
        person.add_alias(f"J{i}. Dupont")
    assert person.roles[:2] == ["ministre de la Ville0", "ministre de la Ville1"]
    assert len(person.roles) <= 32 and len(person.aliases) <= 33


def test_pronouns_and_hanging_clauses_read_a_bounded_number_of_quotes_back():
    resolver = Resolver(CueIndex(Document("« Oui »")))
    resolver.attributed = [(start, start + 5, None) for start in range(0, 100_000, 10)]
    back = list(resolver.attributed_before(50_001))
    assert back[0][0] == 50_000 and back[-1][0] > 49_000


def test_spent_budget_stops_the_engine():
    with pytest.raises(BudgetExceeded):
        extract("Paul Grant said he was sure. “Yes,” he said. " * 2_000, budget=1e-9)


def test_spent_budget_is_a_503_problem(app):
    app.config["ENGINE_BUDGET"] = 1e-9
    response = app.test_client().post("/v1/quotes", json={"text": "« Oui », a dit Marie Curie. " * 50})
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert response.headers["Retry-After"] == "1"


@pytest.mark.parametrize(
    "text",
    [
        "\x00« Oui », a dit Marie Curie.\x00",
        "\ufeff« Oui », a dit Marie Curie.",
        "Titre\r\n\r\n« Oui », a dit Marie Curie.\r\n",
        "« Déjà », a dit Marie Curie.".replace("é", "e\u0301"),  # decomposed accents (NFD)
    ],
)
def test_control_characters_keep_offsets_true(client, text):
    body = client.post("/v1/quotes", json={"text": text}).get_json()
    (quote,) = body["quotes"]
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert quote["speaker"]["name"] == "Marie Curie"


def test_deeply_nested_json_is_400(client):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/v1/quotes", data=body, content_type="application/json")
    assert response.status_code in (400, 422)
    assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize(
    "payload", [None, True, 1.5, {"text": ["a"]}, {"text": {"a": 1}}, {"text": "x", "indirect": "yes"}]
)
def test_wrong_shapes_are_422(client, payload):
    response = client.post("/v1/quotes", data=json.dumps(payload), content_type="application/json")
    assert response.status_code == 422


def test_the_engine_leaves_no_garbage_cycles_and_the_collector_as_it_was():
    """The engine pauses the cyclic collector while it works: that is only sound while it
    makes no reference cycles, which this holds it to (in a fresh interpreter, where no other
    thread makes garbage meanwhile)."""
    script = (
        "import gc, sys; sys.path[:0] = ['tests', '.']\n"
        "from test_hostile import HOSTILE\n"
        "from conftest import seed_texts\n"
        "from service.engine import extract\n"
        "texts = [*seed_texts().values(), *HOSTILE.values()]\n"
        "gc.collect(); gc.disable()\n"
        "for text in texts: extract(text)\n"
        "print(gc.collect())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == "0"
    extract("« Oui », a dit Marie Curie.")
    assert gc.isenabled()
