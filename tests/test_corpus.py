"""Each language pack's examples (``lang/<code>/corpus.jsonl``), positive and negative, one test a line.

A line holds the ``text``, the ``speaker`` expected (null: nobody), the ``rule`` that decides,
and the ``phenomenon`` it pins; optionally the ``quote`` looked at (when the text holds several),
the speaker's ``role``, ``resolution`` and ``kind``.
"""

from __future__ import annotations

import json

import pytest

from service.engine import LANGUAGES, RULES, extract


def _examples() -> list[tuple[str, dict]]:
    out = []
    for code, pack in LANGUAGES.items():
        with (pack.folder / "corpus.jsonl").open(encoding="utf-8") as lines:
            out += [(code, json.loads(line)) for line in lines if line.strip()]
    return out


EXAMPLES = _examples()


@pytest.mark.parametrize(("code", "example"), EXAMPLES, ids=[f"{c}-{e['phenomenon']}" for c, e in EXAMPLES])
def test_example(code, example):
    quotes = extract(example["text"], code, indirect=False).quotes
    chosen = [q for q in quotes if q.text == example["quote"]] if "quote" in example else quotes
    assert len(chosen) == 1, [q.text for q in quotes]
    (quote,) = chosen
    speaker = quote.speaker
    assert (speaker.name if speaker else None, quote.rule) == (example["speaker"], example["rule"])
    for key in ("role", "resolution", "kind"):
        if key in example:
            assert getattr(speaker, key) == example[key]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_rule_has_an_example_in_each_language_it_applies_to(code):
    pack = LANGUAGES[code]
    used = {e["rule"] for c, e in EXAMPLES if c == code}
    assert used <= set(RULES)
    assert set(RULES) - pack.rules_not_applicable - used == set()
    assert any(e["speaker"] is None for c, e in EXAMPLES if c == code)  # negative examples too
